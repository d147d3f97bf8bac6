import type { Fault, StageName } from '../events';
import { addWorkingMinutes } from '../sim/calendar';
import { shaFor, type Commit, type PlannedCommit } from '../world/commits';
import { FIX_MINUTES, FIX_PROBLEM_RARITY, FIX_SIZE, REVIEW_MINUTES } from './durations';
import { EnginePart } from './runState';
import type { ChangeSet } from '../iac/changeSet';

type Draft = Pick<Commit, 'author' | 'area' | 'size' | 'message' | 'compileError' | 'defect' | 'detectDraw'>;

/**
 * Commits reaching main: the day's planned features (with a trainer's injected faults), the fixes
 * their authors push once told about a problem, and the review a teammate gives each change.
 */
export class Commits extends EnginePart {
  pushPlanned(planned: PlannedCommit): void {
    const s = this.s;
    let { compileError, defect, detectDraw } = planned;
    let applied: Fault | null = null;
    if (s.faults['break-build'] > 0) {
      s.faults['break-build']--;
      compileError = true;
      applied = 'break-build';
    } else if (s.faults['escape-defect'] > 0 && !compileError) {
      // One fault per commit: a compile-error fix repairs the whole commit, which would quietly
      // take an escaped defect on the same commit with it.
      s.faults['escape-defect']--;
      defect = true;
      detectDraw = 1;
      applied = 'escape-defect';
    }
    const commit = this.push(
      { author: planned.author, area: planned.area, size: planned.size, message: planned.message, compileError, defect, detectDraw },
      'feature',
      [],
    );
    if (applied) s.emit({ type: 'fault.applied', fault: applied, commit: commit.seq });
    if (applied === 'escape-defect') s.injectedDefects.add(commit.seq);
    // A teammate looks over every change as it lands: shared ownership, in DevOps culture.
    if (s.settings.culture === 'devops' && s.team.developers.length > 1) {
      const devs = s.team.developers;
      const author = devs.findIndex((d) => d.name === commit.author);
      const reviewer = devs[(author + 1 + (commit.seq % (devs.length - 1))) % devs.length]!;
      this.parts.people.addTask(reviewer.name, 'reviewing', `reviewing ${commit.author}'s ${commit.sha}`, s.now + REVIEW_MINUTES);
    }
  }

  /** A person commits a change to the stack's template: it goes through the pipeline like any change. */
  pushInfra(by: string, changeSet: ChangeSet): number {
    const lines = changeSet.rows.reduce((n, row) => n + Math.max(1, row.properties.length) * 3, 0);
    const commit = this.push(
      {
        author: by,
        area: 'infrastructure',
        size: Math.max(1, lines),
        message: 'update the shop-web stack template',
        compileError: false,
        defect: false,
        detectDraw: 1,
      },
      'feature',
      [],
    );
    commit.infra = { changeSet };
    return commit.seq;
  }

  private push(draft: Draft, kind: Commit['kind'], fixes: number[]): Commit {
    const s = this.s;
    const seq = ++s.lastSeq;
    // Spelled out rather than spread: one object shape for every commit keeps the hot path fast.
    const commit: Commit = {
      seq,
      sha: shaFor(s.settings.seed, seq),
      author: draft.author,
      message: draft.message,
      kind,
      area: draft.area,
      size: draft.size,
      pushedAt: s.now,
      compileError: draft.compileError,
      defect: draft.defect,
      detectDraw: draft.detectDraw,
      fixes,
      fixedBy: undefined,
    };
    s.commits.push(commit);
    if (commit.compileError || commit.defect) s.problems.add(commit);
    s.emit({ type: 'commit.pushed', commit: seq, sha: commit.sha, author: commit.author, message: commit.message, kind, size: commit.size });
    for (const fixed of fixes) this.markFixed(fixed, seq);
    this.parts.executions.start(seq);
    return commit;
  }

  private markFixed(problemSeq: number, fixSeq: number): void {
    const s = this.s;
    const problem = s.commit(problemSeq);
    if (problem && problem.fixedBy === undefined) {
      problem.fixedBy = fixSeq;
      s.problems.noteFixed(problem);
    }
    if (!s.knownDefects.has(problemSeq)) return;
    // The line flows again for revisions after the fix; older revisions still carry the defect and
    // stay held (holdIfKnownBad looks at each revision's own content).
    const held = s.pipelineActor.getSnapshot().context.heldFor;
    for (const incident of s.incidents.values()) {
      if (!held.includes(incident.id) || !incident.culprits.includes(problemSeq)) continue;
      if (incident.culprits.every((c) => s.isFixed(c))) {
        s.pipelineActor.send({ type: 'line.resume', incident: incident.id });
        if (s.pipelineActor.getSnapshot().matches('flowing')) s.emit({ type: 'pipeline.resumed' });
      }
    }
  }

  /** The build or tests told the authors about their commits: each broken commit gets one fix. */
  tellAuthors(stage: StageName, culprits: number[]): void {
    const s = this.s;
    for (const seq of culprits) {
      if (s.fixScheduled.has(seq)) continue;
      s.fixScheduled.add(seq);
      const commit = s.commit(seq);
      if (!commit) continue;
      const at = addWorkingMinutes(s.now, s.rng.people.between(FIX_MINUTES[0], FIX_MINUTES[1]), s.settings.workingHours);
      const what = stage === 'build' ? 'compile error' : 'failing test';
      this.parts.people.addTask(commit.author, 'fixing', `fixing the ${what} from ${commit.sha}`, at);
      s.clock.at(at, () => this.pushFix(commit, `fix ${what} from ${commit.sha}`, [seq]));
    }
  }

  /**
   * An incident's culprits, found after `diagnose` working minutes of search: their author fixes
   * them all in one commit.
   */
  fixInProduction(culprits: number[], diagnose: number, incident: number): void {
    const s = this.s;
    const open = culprits.filter((seq) => !s.fixScheduled.has(seq));
    if (open.length === 0) return;
    const at = addWorkingMinutes(s.now, diagnose + s.rng.people.between(FIX_MINUTES[0], FIX_MINUTES[1]), s.settings.workingHours);
    const first = s.commit(open[0]!);
    if (!first) return;
    for (const seq of open) s.fixScheduled.add(seq);
    const shas = open.map((seq) => s.shaOf(seq)).join(', ');
    this.parts.people.addTask(first.author, 'fixing', `fixing the production defect from ${shas}`, at, incident);
    s.clock.at(at, () => this.pushFix(first, `fix production defect from ${shas} (incident #${incident})`, open));
  }

  private pushFix(author: Commit, message: string, fixes: number[]): void {
    const s = this.s;
    const open = fixes.filter((seq) => !s.isFixed(seq));
    if (open.length === 0) return;
    const people = s.rng.people;
    this.push(
      {
        author: author.author,
        area: author.area,
        size: Math.max(1, Math.round(people.logNormal(FIX_SIZE.median, FIX_SIZE.sigma))),
        message,
        compileError: people.chance(s.settings.compileErrorRate / FIX_PROBLEM_RARITY.compileError),
        defect: people.chance(s.settings.defectRate / FIX_PROBLEM_RARITY.defect),
        detectDraw: people.next(),
      },
      'fix',
      open,
    );
  }
}
