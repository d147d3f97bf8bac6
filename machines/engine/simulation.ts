import { createActor, type Actor } from 'xstate';
import type { Fault, LiveSettingsChange, LoggedEvent, SimEvent, StageName } from '../events';
import { VirtualClock } from '../sim/scheduler';
import { createStreams, type RandomStreams } from '../sim/random';
import { MINUTES_PER_DAY, addWorkingMinutes, isWorkingTime, nextWorkingTime, workingMinutesBetween } from '../sim/calendar';
import { planDay, shaFor, type Commit, type PlannedCommit } from '../world/commits';
import { MODE_INFO } from '../world/modes';
import { nextRelease, releaseMomentsOn, retryTimeAfter, type ReleaseMoment } from '../world/releaseCalendar';
import type { Settings } from '../world/settings';
import { createTeam, onCallAt, type Team } from '../world/team';
import type { StageEmitted, StageJob } from '../pipeline/stageMachine';
import { DirectStage, machineStage, type StageRunner } from '../pipeline/stageRunner';
import type { ApprovalEmitted } from '../pipeline/approvalMachine';
import { DirectApproval, machineApproval, type ApprovalRunner } from '../pipeline/approvalRunner';
import { pipelineMachine } from '../pipeline/pipelineMachine';
import { incidentMachine, type IncidentPlan } from '../production/incidentMachine';
import { BASELINE_ERROR_RATE, DEFECT_ERROR_RATE, HOTFIX_REACTION_MINUTES, INCIDENT_ONSET, diagnosisMinutes, rollbackFailureChance } from '../production/risk';
import type { Deployment, Execution, Incident, StageResult, Task, TaskKind } from './types';
import {
  ACK_MINUTES,
  ALARM_DETECTION_MINUTES,
  ALARM_TUNING_FLOOR,
  ALARM_TUNING_STEP,
  CUSTOMER_DETECTION_MINUTES,
  DECIDE_MINUTES,
  FIX_MINUTES,
  MANUAL_STEP_FAILURE,
  NIGHT_ACK_MINUTES,
  POSTMORTEM_DELAY_MINUTES,
  REVIEW_MINUTES,
  STAGE_TIMES,
  TICKET_MINUTES,
  deployTimes,
} from './durations';
import { TestSuite } from './learning';
import { ProblemIndex } from './problems';

export type WorkStage = 'source' | 'build' | 'test' | 'deploy';
const WORK_STAGES: readonly WorkStage[] = ['source', 'build', 'test', 'deploy'];

export interface SimulationOptions {
  /**
   * 'machine' (default) runs each stage as an XState actor; 'direct' runs the hand transcription
   * of the same machine, for fast headless batches. Both give the same event log.
   */
  stages?: 'machine' | 'direct';
  /**
   * Days of history kept for live runs; older events, commits and executions are dropped so memory
   * stays bounded however long the run goes on. Headless runs keep everything.
   */
  retainDays?: number;
  /**
   * Whether the event log is kept (default true). A headless run that measures itself through
   * `subscribe` needs no log, and does not pay for one.
   */
  keepLog?: boolean;
}

type Listener = (event: LoggedEvent) => void;

export { BASELINE_ERROR_RATE };

/**
 * One run of the simulated world. It owns the virtual clock, the seeded streams of chance, the
 * XState actors (one per stage, the Approval stage, the pipeline and one per incident) and the event
 * log. Every outcome is decided here or in the machines; the UI only reads and sends.
 */
export class Simulation {
  readonly settings: Settings;
  team: Team;
  /** What people are busy with now and lately (the team view); finished tasks are dropped after a day. */
  tasks: Task[] = [];
  readonly clock = new VirtualClock();
  readonly log: LoggedEvent[] = [];
  readonly deployments: Deployment[] = [];
  readonly incidents = new Map<number, Incident>();
  readonly executions = new Map<number, Execution>();

  /** What the tests catch, per part of the product; postmortems add to it, trainers set it. */
  readonly tests: TestSuite;
  /** Multiplies alarm delay; blameless postmortems tune alarms down to 40% of the original. */
  alarmTuning = 1;
  /** Revision running in production (0: the release the run starts from). */
  productionRevision = 0;
  /** How many executions each stage has superseded so far. */
  readonly supersededByStage: Partial<Record<StageName, number>> = {};
  /** Latest outcome per stage. */
  readonly lastResults: Partial<Record<StageName, StageResult>> = {};
  /** The newest revision that passed Test in CI mode, waiting for the scheduled hand deploy. */
  releaseCandidate: Execution | null = null;

  readonly stages: Record<WorkStage, StageRunner>;
  /** The Approval stage, in the modes that have one. */
  readonly approval: ApprovalRunner | null;
  readonly pipelineActor: Actor<typeof pipelineMachine>;
  readonly incidentActors = new Map<number, Actor<typeof incidentMachine>>();

  private readonly rng: RandomStreams;
  private readonly retainMinutes: number;
  private readonly keepLog: boolean;
  /** Executions not yet considered for trimming start at this id; older ones that lingered wait here. */
  private trimExecutionFrom = 1;
  private lingering: number[] = [];
  private readonly listeners = new Set<Listener>();
  private commits: Commit[] = [];
  /** Seq of commits[0]; older commits were trimmed away. */
  private commitBase = 1;
  private lastSeq = 0;
  private eventSeq = 0;
  private nextExecution = 1;
  private nextIncident = 1;
  private nextHandoff = 1;
  private nextTask = 1;
  /** Commits with a compile error or a defect that may still sit in a revision someone evaluates. */
  private readonly problems = new ProblemIndex();
  /** Incidents not restored yet, by id: what production's error rate and healing look at. */
  private readonly openIncidentIds = new Set<number>();
  /** The newest revision that has ever run in production (rolled back or not). */
  private maxDeployedRevision = 0;
  /** The last revision that ran without a shipped defect: where a rollback goes. */
  private lastGoodRevision = 0;
  /** A rolled-back release (manual release, CI) waits for its fixes and a second attempt. */
  private releaseRolledBack = false;
  /** When the calendar's next release is replaced by an earlier retry or hotfix. */
  private plannedRelease: ReleaseMoment | null = null;
  /** The release on its way to production is a hotfix, and why. */
  private hotfixUnderway: 'incident' | 'second-attempt' | null = null;
  /**
   * Fix commits running in production on top of `productionRevision`: a hand-released hotfix
   * (manual release, CI) ships the fixes on a release branch, not the features on main since the
   * release. The next full release carries them on main.
   */
  private readonly patches = new Set<number>();
  /** Releases approved or shipped and not yet in production or failed (a hand deploy takes hours). */
  private deploysInFlight = 0;
  /** The last rollback that could not run, as "from>to". */
  private failedRollback = '';
  private nextDeployment = 1;
  /** Defects revealed by an incident and not yet fixed on main: the pipeline holds revisions carrying them. */
  private knownDefects = new Set<number>();
  private faults: Record<Fault, number> = { 'break-build': 0, 'flaky-test': 0, 'escape-defect': 0, 'fail-deploy': 0 };
  private fixScheduled = new Set<number>();
  /** Defects a trainer slipped past the tests: they break enough requests for the alarm to see. */
  private readonly injectedDefects = new Set<number>();
  private readonly deployTimes: readonly [number, number];

  constructor(settings: Settings, options: SimulationOptions = {}) {
    this.settings = { ...settings, workingHours: { ...settings.workingHours } };
    this.team = createTeam(settings.developers, settings.culture);
    this.rng = createStreams(settings.seed);
    this.retainMinutes = (options.retainDays ?? Infinity) * MINUTES_PER_DAY;
    this.keepLog = options.keepLog ?? true;
    this.tests = new TestSuite(settings.testCoverage);
    this.deployTimes = deployTimes(settings.mode);

    const clock = this.clock;
    this.pipelineActor = createActor(pipelineMachine, { clock }).start();
    const handlers = {
      'job.started': (e: StageEmitted & { type: 'job.started' }) => this.onJobStarted(e),
      'job.finished': (e: StageEmitted & { type: 'job.finished' }) => this.onJobFinished(e),
      'job.superseded': (e: StageEmitted & { type: 'job.superseded' }) => this.onJobSuperseded(e),
    };
    this.stages = {} as Record<WorkStage, StageRunner>;
    for (const stage of WORK_STAGES) {
      this.stages[stage] = options.stages === 'direct' ? new DirectStage(clock, stage, handlers) : machineStage(clock, stage, handlers);
    }
    if (MODE_INFO[settings.mode].hasApproval) {
      const handlers = {
        'approval.ready': (e: ApprovalEmitted & { type: 'approval.ready' }) => this.onApprovalReady(e),
        'approval.decided': (e: ApprovalEmitted & { type: 'approval.decided' }) => this.onApprovalDecided(e),
        'approval.superseded': (e: ApprovalEmitted & { type: 'approval.superseded' }) => this.onApprovalSuperseded(e),
      };
      this.approval = options.stages === 'direct' ? new DirectApproval(clock, handlers) : machineApproval(clock, handlers);
    } else {
      this.approval = null;
    }
    this.clock.at(0, () => this.startDay(0));
  }

  // ---------------------------------------------------------------- running

  get now(): number {
    return this.clock.now();
  }

  /** Runs every event up to virtual time `t` (minutes). */
  advanceTo(t: number): void {
    this.clock.advanceTo(t);
  }

  /** Runs the whole configured span (`settings.days`). */
  runToEnd(): this {
    this.advanceTo(this.settings.days * MINUTES_PER_DAY);
    return this;
  }

  /**
   * Runs until the next event reaches the log (the UI's Step). Returns it, or undefined if the
   * world has nothing left to do.
   */
  step(): LoggedEvent | undefined {
    const before = this.eventSeq;
    // Quiet timers (a day starting with no commits) do not count as a step; a week is the bound.
    const limit = this.now + 7 * MINUTES_PER_DAY;
    while (this.eventSeq === before) {
      const next = this.clock.peek();
      if (next === undefined || next > limit) return undefined;
      this.clock.fireNext();
    }
    return this.log[this.log.length - 1];
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops every actor; the run cannot continue afterwards. */
  stop(): void {
    for (const stage of Object.values(this.stages)) stage.stop();
    this.approval?.stop();
    this.pipelineActor.stop();
    for (const actor of this.incidentActors.values()) actor.stop();
    this.listeners.clear();
  }

  // ---------------------------------------------------------------- people acting

  /** An approver's round: the newest waiting revision replaces the pending one and is approved. */
  approveNewest(by: string, comment?: string): boolean {
    if (!this.approval) return false;
    this.approval.takeNewest();
    return this.approve(by, comment);
  }

  /** The learner (or a trainer) approves the revision waiting at Approval. */
  approve(by: string, comment?: string): boolean {
    return this.approval?.decide(true, by, comment?.trim() || undefined) ?? false;
  }

  reject(by: string, comment?: string): boolean {
    return this.approval?.decide(false, by, comment?.trim() || undefined) ?? false;
  }

  /** A person rolls production back now, for an incident that has been detected. */
  rollback(incident: number, by: string): boolean {
    const actor = this.incidentActors.get(incident);
    if (!actor?.getSnapshot().can({ type: 'rollback.start', by })) return false;
    actor.send({ type: 'rollback.start', by });
    return true;
  }

  /** A trainer's failure injection; it takes effect at the next chance to happen. */
  inject(fault: Fault): void {
    this.faults[fault]++;
    this.emit({ type: 'fault.injected', fault });
  }

  /** Injected faults still waiting for their chance, per kind. */
  pendingFaults(): Readonly<Record<Fault, number>> {
    return { ...this.faults };
  }

  /** Settings that may change while the run goes on (the rest shape the run from its start). */
  configure(change: LiveSettingsChange): void {
    const { testCoverage, ...rest } = change;
    // settings keep the values the run started with for coverage; the live value is in `tests`.
    if (testCoverage !== undefined) this.tests.setAll(testCoverage);
    Object.assign(this.settings, rest);
    if (change.culture !== undefined) this.team = createTeam(this.settings.developers, change.culture);
    this.emit({ type: 'settings.changed', change: { ...change } });
  }

  // ---------------------------------------------------------------- reading

  commit(seq: number): Commit | undefined {
    return this.commits[seq - this.commitBase];
  }

  /** Commits still held in memory, oldest first. */
  allCommits(): readonly Commit[] {
    return this.commits;
  }

  get headRevision(): number {
    return this.lastSeq;
  }

  /** Test coverage over the whole product now (postmortems raise it per part, with learning on). */
  get testCoverage(): number {
    return this.tests.overall;
  }

  /** Commits in `revision` that production does not run yet. */
  undeployedCommits(revision: number): number {
    return Math.max(0, revision - this.productionRevision);
  }

  openIncidents(): Incident[] {
    const open: Incident[] = [];
    for (const id of this.openIncidentIds) {
      const incident = this.incidents.get(id);
      if (incident) open.push(incident);
    }
    return open;
  }

  /** Share of failing requests right now. */
  errorRate(): number {
    let rate = BASELINE_ERROR_RATE;
    for (const incident of this.openIncidents()) rate += incident.errorRate;
    return Math.min(1, rate);
  }

  /** The next moment a release can happen: the calendar's, or an earlier retry or hotfix. */
  nextRelease(): ReleaseMoment | null {
    return nextRelease(this.settings, this.now, this.plannedRelease);
  }

  /**
   * Whether production runs commit `seq`'s problem unfixed now: the commit is in production (in the
   * revision, or shipped as a hotfix) and its fix is not. Commits trimmed from memory had no problem left.
   */
  defectInProduction(seq: number): boolean {
    const c = this.commit(seq);
    if (!c) return false;
    if (!this.patches.has(seq) && seq > this.productionRevision) return false;
    if (c.fixedBy === undefined) return true;
    return !(c.fixedBy <= this.productionRevision || this.patches.has(c.fixedBy));
  }

  /**
   * Whether the problem of commit `seq` is fixed in `revision`. A commit trimmed from memory had no
   * problem left to fix (problem commits are kept until settled), so it counts as fixed.
   */
  private fixedIn(seq: number, revision: number): boolean {
    const c = this.commit(seq);
    return c === undefined || (c.fixedBy !== undefined && c.fixedBy <= revision);
  }

  /** Whether anyone has pushed a fix for commit `seq` yet (trimmed commits count as fixed). */
  private isFixed(seq: number): boolean {
    return this.fixedIn(seq, Infinity);
  }

  // ---------------------------------------------------------------- the day

  private startDay(day: number): void {
    const { settings } = this;
    // Draw the day's commits even when they fall after the run's end, so the stream never depends on it.
    const planned = planDay(day, this.rng.commits, this.team.developers, {
      commitsPerDay: settings.commitsPerDay,
      defectRate: settings.defectRate,
      compileErrorRate: settings.compileErrorRate,
      workStartHour: settings.workingHours.start,
      workEndHour: settings.workingHours.end,
    });
    for (const commit of planned) this.clock.at(commit.at, () => this.pushPlanned(commit));
    for (const moment of releaseMomentsOn(day, settings)) this.clock.at(moment.at, () => this.calendarRelease());
    this.forgetSettledProblems();
    this.tasks = this.tasks.filter((task) => task.until === undefined || task.until > this.now - MINUTES_PER_DAY);
    this.trimHistory();
    this.clock.at((day + 1) * MINUTES_PER_DAY, () => this.startDay(day + 1));
  }

  /** A release the calendar (or a planned retry or hotfix) calls for now. */
  private calendarRelease(comment?: string, kind: 'release-day' | 'retry' | 'hotfix' = 'release-day'): void {
    const { mode, approver } = this.settings;
    if (mode === 'manual' || mode === 'ci') this.emit({ type: 'release.due', kind });
    if (mode === 'delivery') {
      // The learner may have taken the decision over since the day was scheduled.
      if (approver === 'scheduled') this.approveNewest(this.team.approver.name, comment);
    } else if (mode === 'manual') this.approveNewest(this.team.releaseManager.name, comment ?? 'Release day.');
    else if (mode === 'ci') this.shipReleaseCandidate();
  }

  // ---------------------------------------------------------------- commits and executions

  private pushPlanned(planned: PlannedCommit): void {
    let { compileError, defect, detectDraw } = planned;
    let applied: Fault | null = null;
    if (this.faults['break-build'] > 0) {
      this.faults['break-build']--;
      compileError = true;
      applied = 'break-build';
    } else if (this.faults['escape-defect'] > 0 && !compileError) {
      // One fault per commit: a compile-error fix repairs the whole commit, which would quietly
      // take an escaped defect on the same commit with it.
      this.faults['escape-defect']--;
      defect = true;
      detectDraw = 1;
      applied = 'escape-defect';
    }
    const commit = this.push(
      { author: planned.author, area: planned.area, size: planned.size, message: planned.message, compileError, defect, detectDraw },
      'feature',
      [],
    );
    if (applied) this.emit({ type: 'fault.applied', fault: applied, commit: commit.seq });
    if (applied === 'escape-defect') this.injectedDefects.add(commit.seq);
    // A teammate looks over every change as it lands: shared ownership, in DevOps culture.
    if (this.settings.culture === 'devops' && this.team.developers.length > 1) {
      const devs = this.team.developers;
      const author = devs.findIndex((d) => d.name === commit.author);
      const reviewer = devs[(author + 1 + (commit.seq % (devs.length - 1))) % devs.length]!;
      this.addTask(reviewer.name, 'reviewing', `reviewing ${commit.author}'s ${commit.sha}`, this.now + REVIEW_MINUTES);
    }
  }

  private push(
    draft: Pick<Commit, 'author' | 'area' | 'size' | 'message' | 'compileError' | 'defect' | 'detectDraw'>,
    kind: Commit['kind'],
    fixes: number[],
  ): Commit {
    const seq = ++this.lastSeq;
    // Spelled out rather than spread: one object shape for every commit keeps the hot path fast.
    const commit: Commit = {
      seq,
      sha: shaFor(this.settings.seed, seq),
      author: draft.author,
      message: draft.message,
      kind,
      area: draft.area,
      size: draft.size,
      pushedAt: this.now,
      compileError: draft.compileError,
      defect: draft.defect,
      detectDraw: draft.detectDraw,
      fixes,
      fixedBy: undefined,
    };
    this.commits.push(commit);
    if (commit.compileError || commit.defect) this.problems.add(commit);
    this.emit({ type: 'commit.pushed', commit: seq, sha: commit.sha, author: commit.author, message: commit.message, kind, size: commit.size });
    for (const fixed of fixes) this.markFixed(fixed, seq);

    const execution: Execution = {
      id: this.nextExecution++,
      revision: seq,
      startedAt: this.now,
      stage: 'source',
      status: 'waiting',
      carries: 1,
      visits: [],
    };
    this.executions.set(execution.id, execution);
    this.emit({ type: 'execution.started', execution: execution.id, revision: seq });
    this.arrive(execution, 'source');
    return commit;
  }

  private markFixed(problemSeq: number, fixSeq: number): void {
    const problem = this.commit(problemSeq);
    if (problem && problem.fixedBy === undefined) problem.fixedBy = fixSeq;
    if (!this.knownDefects.has(problemSeq)) return;
    // The line flows again for revisions after the fix; older revisions still carry the defect and
    // stay held (holdIfKnownBad looks at each revision's own content).
    const held = this.pipelineActor.getSnapshot().context.heldFor;
    for (const incident of this.incidents.values()) {
      if (!held.includes(incident.id) || !incident.culprits.includes(problemSeq)) continue;
      if (incident.culprits.every((c) => this.isFixed(c))) {
        this.pipelineActor.send({ type: 'line.resume', incident: incident.id });
        if (this.pipelineActor.getSnapshot().matches('flowing')) this.emit({ type: 'pipeline.resumed' });
      }
    }
  }

  private arrive(execution: Execution, stage: StageName): void {
    execution.stage = stage;
    execution.status = 'waiting';
    execution.visits.push({ stage, enteredAt: this.now });
    this.emit({ type: 'stage.entered', execution: execution.id, stage });
    if (stage === 'approval') {
      // In silos the approver sits in Ops: the request is a ticket in their queue first. One ticket
      // per release: newer revisions join the open ticket instead of opening their own.
      const silos = this.settings.culture === 'silos' && this.settings.mode === 'delivery' && this.approval!.pending === null;
      const ticketDelay = silos ? this.ticketDelay(this.now) : 0;
      if (silos) this.countHandoff('dev', 'ops', `approve revision ${this.commit(execution.revision)?.sha ?? execution.revision}`, ticketDelay);
      this.approval!.request({ execution: execution.id, revision: execution.revision, requestedAt: this.now, ticketDelay });
      this.planHotfixIfNeeded(execution.revision);
      return;
    }
    this.stages[stage].arrive(this.makeJob(execution, stage));
  }

  /** What happens to this execution at this stage: decided from the code in its revision. */
  private makeJob(execution: Execution, stage: WorkStage): StageJob {
    const rng = this.rng.pipeline;
    const job: StageJob = { execution: execution.id, revision: execution.revision, duration: 1, outcome: 'succeeded', arrivedAt: this.now };
    if (stage === 'source') return job;
    if (stage === 'build') {
      const [min, max] = STAGE_TIMES.build;
      job.duration = rng.between(min, max);
      const broken = this.problems.compileErrorsIn(execution.revision);
      if (broken.length > 0) Object.assign(job, { outcome: 'failed', reason: 'compile-error', culprits: broken });
      return job;
    }
    if (stage === 'test') {
      const [min, max] = STAGE_TIMES.test;
      job.duration = rng.between(min, max);
      const caught = this.problems.caughtIn(execution.revision, (area) => this.tests.coverage(area));
      const flaky = rng.chance(this.settings.flakyRate);
      if (caught.length > 0) Object.assign(job, { outcome: 'failed', reason: 'defect-caught', culprits: caught });
      else if (this.faults['flaky-test'] > 0) {
        this.faults['flaky-test']--;
        this.emit({ type: 'fault.applied', fault: 'flaky-test', execution: execution.id });
        Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
      } else if (flaky) Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
      return job;
    }
    const [min, max] = this.deployTimes;
    job.duration = rng.between(min, max);
    const slip = this.settings.mode === 'manual' && rng.chance(MANUAL_STEP_FAILURE);
    if (this.faults['fail-deploy'] > 0) {
      this.faults['fail-deploy']--;
      this.emit({ type: 'fault.applied', fault: 'fail-deploy', execution: execution.id });
      Object.assign(job, { outcome: 'failed', reason: 'injected', culprits: [] });
    } else if (slip) Object.assign(job, { outcome: 'failed', reason: 'manual-step', culprits: [] });
    return job;
  }

  private onJobStarted({ stage, job }: StageEmitted & { type: 'job.started' }): void {
    const execution = this.executions.get(job.execution);
    if (!execution) return;
    execution.status = 'working';
    const visit = execution.visits[execution.visits.length - 1];
    if (visit) visit.startedAt = this.now;
    if (stage === 'deploy' && MODE_INFO[this.settings.mode].deploysByHand) {
      const sha = this.commit(job.revision)?.sha ?? String(job.revision);
      for (const person of this.handDeployers()) this.addTask(person, 'deploying', `deploying ${sha} by hand`, this.now + job.duration);
    }
    this.emit({ type: 'stage.started', execution: job.execution, stage });
  }

  private onJobSuperseded({ stage, job, by }: StageEmitted & { type: 'job.superseded' }): void {
    if (stage === 'deploy') this.deploysInFlight = Math.max(0, this.deploysInFlight - 1);
    this.supersede(job.execution, by.execution, stage);
  }

  private supersede(id: number, by: number, stage: StageName): void {
    const execution = this.executions.get(id);
    if (execution) {
      this.end(execution, 'superseded');
      execution.supersededBy = by;
      const newer = this.executions.get(by);
      if (newer) newer.carries += execution.carries;
    }
    this.supersededByStage[stage] = (this.supersededByStage[stage] ?? 0) + 1;
    this.emit({ type: 'execution.superseded', execution: id, stage, by });
  }

  private onJobFinished({ stage, job }: StageEmitted & { type: 'job.finished' }): void {
    const execution = this.executions.get(job.execution);
    if (!execution) return;
    this.lastResults[stage] = { status: job.outcome, execution: job.execution, revision: job.revision, at: this.now, reason: job.reason };
    if (job.outcome === 'failed') {
      execution.reason = job.reason;
      this.end(execution, 'failed');
      const culprits = job.culprits ?? [];
      this.emit({ type: 'stage.failed', execution: job.execution, stage, revision: job.revision, reason: job.reason!, culprits });
      this.afterFailure(stage, culprits);
      return;
    }
    this.emit({ type: 'stage.succeeded', execution: job.execution, stage, revision: job.revision });
    // The visit ends here: left open, a commit's journey would count its work as still going on.
    if (stage === 'source' || stage === 'build') this.closeVisit(execution, 'succeeded');
    if (stage === 'source') this.arrive(execution, 'build');
    else if (stage === 'build') this.arrive(execution, 'test');
    else if (stage === 'test') this.afterTest(execution);
    else this.deployed(execution);
  }

  private end(execution: Execution, status: Execution['status']): void {
    execution.status = status;
    execution.endedAt = this.now;
    const visit = execution.visits[execution.visits.length - 1];
    if (visit && visit.endedAt === undefined) {
      visit.endedAt = this.now;
      visit.result = status === 'waiting' || status === 'working' ? undefined : (status as NonNullable<typeof visit.result>);
    }
  }

  private closeVisit(execution: Execution, result: 'succeeded'): void {
    const visit = execution.visits[execution.visits.length - 1];
    if (visit) {
      visit.endedAt = this.now;
      visit.result = result;
    }
  }

  /** The build or tests told the authors about their commits: each broken commit gets one fix. */
  private afterFailure(stage: StageName, culprits: number[]): void {
    if (stage === 'deploy') {
      this.deploysInFlight = Math.max(0, this.deploysInFlight - 1);
      this.retryRelease();
    }
    for (const seq of culprits) {
      if (this.fixScheduled.has(seq)) continue;
      this.fixScheduled.add(seq);
      const commit = this.commit(seq);
      if (!commit) continue;
      const at = addWorkingMinutes(this.now, this.rng.people.between(FIX_MINUTES[0], FIX_MINUTES[1]), this.settings.workingHours);
      const what = stage === 'build' ? 'compile error' : 'failing test';
      this.addTask(commit.author, 'fixing', `fixing the ${what} from ${commit.sha}`, at);
      this.clock.at(at, () => this.pushFix(commit, `fix ${what} from ${commit.sha}`, [seq]));
    }
  }

  private pushFix(author: Commit, message: string, fixes: number[]): void {
    const open = fixes.filter((seq) => !this.isFixed(seq));
    if (open.length === 0) return;
    const people = this.rng.people;
    this.push(
      {
        author: author.author,
        area: author.area,
        size: Math.max(1, Math.round(people.logNormal(15, 0.8))),
        message,
        compileError: people.chance(this.settings.compileErrorRate / 2),
        defect: people.chance(this.settings.defectRate / 3),
        detectDraw: people.next(),
      },
      'fix',
      open,
    );
  }

  private afterTest(execution: Execution): void {
    if (this.holdIfKnownBad(execution)) return;
    const { mode } = this.settings;
    if (mode === 'delivery' || mode === 'manual') {
      this.closeVisit(execution, 'succeeded');
      this.arrive(execution, 'approval');
    } else if (mode === 'ci') {
      this.closeVisit(execution, 'succeeded');
      execution.stage = 'deploy';
      execution.status = 'waiting';
      execution.visits.push({ stage: 'deploy', enteredAt: this.now });
      this.emit({ type: 'stage.entered', execution: execution.id, stage: 'deploy' });
      const previous = this.releaseCandidate;
      this.releaseCandidate = execution;
      if (previous) this.supersede(previous.id, execution.id, 'deploy');
      this.emit({ type: 'release.scheduled', execution: execution.id, revision: execution.revision });
      this.planHotfixIfNeeded(execution.revision);
    } else {
      this.closeVisit(execution, 'succeeded');
      this.arrive(execution, 'deploy');
    }
  }

  /** The line is stopped for revisions that still carry a defect an incident revealed. */
  private holdIfKnownBad(execution: Execution): boolean {
    for (const seq of this.knownDefects) {
      const c = this.commit(seq);
      if (c && c.seq <= execution.revision && (c.fixedBy === undefined || c.fixedBy > execution.revision)) {
        let incident: Incident | undefined;
        for (const i of this.openIncidents()) if (i.culprits.includes(seq)) incident = i;
        this.end(execution, 'held');
        this.emit({ type: 'execution.held', execution: execution.id, revision: execution.revision, incident: incident?.id ?? 0 });
        return true;
      }
    }
    return false;
  }

  private shipReleaseCandidate(): void {
    const candidate = this.releaseCandidate;
    if (!candidate) return;
    this.releaseCandidate = null;
    this.startDeploy(candidate);
  }

  /** In silos, a hand deploy is a ticket in Operations' queue before anyone runs it. */
  private startDeploy(execution: Execution): void {
    this.deploysInFlight++;
    const go = () => {
      if (this.holdIfKnownBad(execution)) {
        this.deploysInFlight--;
        return;
      }
      this.stages.deploy.arrive(this.makeJob(execution, 'deploy'));
    };
    if (this.settings.culture === 'silos' && MODE_INFO[this.settings.mode].deploysByHand) {
      this.handoff('dev', 'ops', `deploy revision ${this.commit(execution.revision)?.sha ?? execution.revision}`, go);
    } else go();
  }

  private retryRelease(): void {
    const { mode, workingHours } = this.settings;
    if (mode !== 'manual' && mode !== 'ci') return;
    const at = retryTimeAfter(this.now, workingHours);
    this.planRelease({ at, kind: 'retry' }, 'Trying the release again.');
  }

  /** A release outside the calendar: a retry of a failed hand deploy, or a hotfix. */
  private planRelease(moment: ReleaseMoment, comment: string, reason: 'incident' | 'second-attempt' | null = null): void {
    if (this.plannedRelease && this.plannedRelease.at <= moment.at && this.plannedRelease.at >= this.now) return;
    this.plannedRelease = moment;
    this.clock.at(moment.at, () => {
      if (this.plannedRelease !== moment) return;
      this.plannedRelease = null;
      if (moment.kind === 'hotfix') {
        // One release at a time, and a hotfix only while production still needs it. When the release
        // on its way lands, afterDeploy looks again.
        if (this.deploysInFlight > 0 || this.hotfixReason(this.newestWaitingRevision() ?? 0) === null) return;
        this.hotfixUnderway = reason;
      }
      this.calendarRelease(comment, moment.kind === 'hotfix' ? 'hotfix' : 'retry');
    });
  }

  /**
   * The hotfix path, in every mode with a person or a calendar between a fix and production: when a
   * revision carrying the fixes is ready and production is broken (or a rolled-back release waits
   * for its second attempt), it ships as soon as someone is at work, not on the next release day.
   */
  private planHotfixIfNeeded(revision: number): void {
    const { mode, approver } = this.settings;
    if (mode === 'deployment' || (mode === 'delivery' && approver !== 'scheduled')) return;
    const reason = this.hotfixReason(revision);
    if (!reason) return;
    const at = nextWorkingTime(this.now + HOTFIX_REACTION_MINUTES, this.settings.workingHours);
    this.planRelease({ at, kind: 'hotfix' }, reason === 'incident' ? 'Hotfix for the incident.' : 'Second attempt at the release, with its fixes.', reason);
    this.emit({ type: 'hotfix.planned', revision, reason, at: this.plannedRelease?.at ?? at });
  }

  /** The newest revision waiting to be released: at Approval, or CI's release candidate. */
  private newestWaitingRevision(): number | undefined {
    return this.approval?.waiting?.revision ?? this.approval?.pending?.revision ?? this.releaseCandidate?.revision;
  }

  private hotfixReason(revision: number): 'incident' | 'second-attempt' | null {
    const fixedIn = (seq: number) => this.fixedIn(seq, revision);
    // A fix production does not run yet: not in its revision and not shipped as a hotfix already.
    const fixNotLive = (seq: number) => {
      const fix = this.commit(seq)?.fixedBy;
      return fix !== undefined && fix > this.productionRevision && !this.patches.has(fix);
    };
    for (const incident of this.openIncidents()) {
      if (incident.detectedAt === undefined || incident.phase === 'rollingBack') continue;
      if (incident.culprits.every(fixedIn) && incident.culprits.some(fixNotLive)) return 'incident';
    }
    if (this.releaseRolledBack && [...this.knownDefects].every(fixedIn)) return 'second-attempt';
    return null;
  }

  // ---------------------------------------------------------------- approval

  private onApprovalReady({ request }: ApprovalEmitted & { type: 'approval.ready' }): void {
    const execution = this.executions.get(request.execution);
    if (!execution) return;
    this.emit({
      type: 'approval.requested',
      execution: request.execution,
      revision: request.revision,
      pendingCommits: this.undeployedCommits(request.revision),
    });
    this.planHotfixIfNeeded(request.revision);
  }

  private onApprovalSuperseded({ request, by }: ApprovalEmitted & { type: 'approval.superseded' }): void {
    this.supersede(request.execution, by.execution, 'approval');
  }

  private onApprovalDecided({ request, approved, by, comment }: ApprovalEmitted & { type: 'approval.decided' }): void {
    const execution = this.executions.get(request.execution);
    if (!execution) return;
    this.lastResults.approval = { status: approved ? 'succeeded' : 'rejected', execution: execution.id, revision: request.revision, at: this.now };
    if (!approved) {
      execution.reason = 'rejected';
      this.end(execution, 'rejected');
      this.emit({ type: 'approval.rejected', execution: execution.id, revision: request.revision, by, comment });
      return;
    }
    this.emit({ type: 'approval.granted', execution: execution.id, revision: request.revision, by, comment });
    this.closeVisit(execution, 'succeeded');
    execution.stage = 'deploy';
    execution.status = 'waiting';
    execution.visits.push({ stage: 'deploy', enteredAt: this.now });
    this.emit({ type: 'stage.entered', execution: execution.id, stage: 'deploy' });
    this.startDeploy(execution);
  }

  // ---------------------------------------------------------------- production

  private deployed(execution: Execution): void {
    const from = this.productionRevision;
    const revision = execution.revision;
    this.deploysInFlight = Math.max(0, this.deploysInFlight - 1);
    const hotfix = this.hotfixUnderway !== null;
    const patch = this.hotfixUnderway === 'incident' && MODE_INFO[this.settings.mode].deploysByHand ? this.hotfixPatch(from, revision) : [];
    this.hotfixUnderway = null;
    if (patch.length > 0) {
      this.deployPatch(execution, patch);
      return;
    }
    // Fixes already running as a hotfix are not shipped again.
    let alreadyRunning = 0;
    for (const seq of this.patches) if (seq <= revision) alreadyRunning++;
    const batch = Math.max(0, revision - from - alreadyRunning);
    const defects = this.problems.open(revision, (c) => c.defect && c.seq > from && !this.patches.has(c.seq));
    for (const seq of [...this.patches]) if (seq <= revision) this.patches.delete(seq);
    const deployment: Deployment = {
      id: this.nextDeployment++,
      execution: execution.id,
      revision,
      from,
      at: this.now,
      batch,
      reshipped: Math.max(0, Math.min(revision, this.maxDeployedRevision) - from),
      defects,
      rollbackTo: this.lastGoodRevision,
      irreversible: this.rng.production.chance(rollbackFailureChance(batch)),
      hotfix,
      patch: [],
    };
    this.deployments.push(deployment);
    this.productionRevision = revision;
    this.maxDeployedRevision = Math.max(this.maxDeployedRevision, revision);
    // Good: production now runs no defect at all (one shipped earlier and not fixed still counts).
    if (this.problems.open(revision, (c) => c.defect).length === 0) this.lastGoodRevision = revision;
    this.releaseRolledBack = false;
    this.end(execution, 'succeeded');
    execution.stage = 'production';
    this.emit({
      type: 'deploy.succeeded',
      execution: execution.id,
      revision,
      from,
      batch,
      reshipped: deployment.reshipped,
      defects,
      deployment: deployment.id,
      hotfix,
      patch: [],
    });
    this.afterDeploy(deployment);
  }

  /**
   * The fix commits in (from, revision] that repair a defect production runs: what a hand-released
   * hotfix ships on the release branch.
   */
  private hotfixPatch(from: number, revision: number): number[] {
    const patch: number[] = [];
    for (let seq = from + 1; seq <= revision; seq++) {
      const c = this.commit(seq);
      if (c && c.kind === 'fix' && !this.patches.has(seq) && c.fixes.some((f) => this.defectInProduction(f))) patch.push(seq);
    }
    return patch;
  }

  /** A hotfix on the release branch: production keeps its revision and gains the fixes. */
  private deployPatch(execution: Execution, patch: number[]): void {
    const from = this.productionRevision;
    const defects = patch.filter((seq) => {
      const c = this.commit(seq);
      return c !== undefined && c.defect && !this.isFixed(seq);
    });
    for (const seq of patch) this.patches.add(seq);
    const deployment: Deployment = {
      id: this.nextDeployment++,
      execution: execution.id,
      revision: execution.revision,
      from,
      at: this.now,
      batch: patch.length,
      reshipped: 0,
      defects,
      rollbackTo: this.lastGoodRevision,
      // A hotfix carries no migrations of its own: rolling it back is the release's rollback.
      irreversible: false,
      hotfix: true,
      patch,
    };
    this.deployments.push(deployment);
    this.end(execution, 'succeeded');
    execution.stage = 'production';
    this.emit({
      type: 'deploy.succeeded',
      execution: execution.id,
      revision: execution.revision,
      from,
      batch: patch.length,
      reshipped: 0,
      defects,
      deployment: deployment.id,
      hotfix: true,
      patch,
    });
    this.afterDeploy(deployment);
  }

  /** Incidents whose defects production no longer runs are over; each new defect will show. */
  private afterDeploy(deployment: Deployment): void {
    const { defects } = deployment;
    // Fixes that arrived while this deployment ran wait for the next hotfix.
    const waiting = this.newestWaitingRevision();
    if (waiting !== undefined) this.clock.at(this.now, () => this.planHotfixIfNeeded(waiting));
    for (const incident of this.openIncidents()) {
      if (incident.phase === 'rollingBack') continue;
      if (incident.culprits.every((seq) => !this.defectInProduction(seq))) this.incidentActors.get(incident.id)?.send({ type: 'fix.deployed' });
    }
    // Every escaped defect can fail on its own: a release carrying many is a bad day, not one incident.
    const [min, max] = INCIDENT_ONSET;
    for (const seq of defects) {
      this.clock.at(this.now + this.rng.production.between(min, max), () => this.startIncident(deployment, seq));
    }
  }

  private startIncident(deployment: Deployment, culprit: number): void {
    // A rollback or a fix may have taken the defect out of production before it showed.
    if (!this.defectInProduction(culprit)) return;
    const rng = this.rng.production;
    const { settings } = this;
    const id = this.nextIncident++;
    // An injected defect is the one the class is watching: loud enough for the alarm to catch.
    const floor = this.injectedDefects.delete(culprit) ? Math.min(DEFECT_ERROR_RATE[1], Math.max(0.1, settings.alarmThreshold * 1.5)) : DEFECT_ERROR_RATE[0];
    const errorRate = rng.between(floor, DEFECT_ERROR_RATE[1]);
    // The alarm watches the service's error rate, to which every open incident adds.
    const alarmed = settings.monitoring && this.errorRate() + errorRate >= settings.alarmThreshold;
    const night = !isWorkingTime(this.now, settings.workingHours);
    const culture = settings.culture;
    const [ackMin, ackMax] = ACK_MINUTES[culture];
    const [decideMin, decideMax] = DECIDE_MINUTES[culture];
    const plan: IncidentPlan = {
      id,
      detectAfter: alarmed ? rng.between(...ALARM_DETECTION_MINUTES) * this.alarmTuning : rng.between(...CUSTOMER_DETECTION_MINUTES),
      detectedBy: alarmed ? 'alarm' : 'customers',
      automaticRollback: MODE_INFO[settings.mode].automaticRollback,
      ackAfter: rng.between(ackMin, ackMax) + (night ? rng.between(...NIGHT_ACK_MINUTES) : 0),
      decideAfter: rng.between(decideMin, decideMax),
      rollbackTakes: rng.between(this.deployTimes[0], this.deployTimes[1]),
      rollbackFails: this.rollbackBlocked(deployment),
    };
    const incident: Incident = {
      id,
      deployment: deployment.id,
      revision: deployment.revision,
      culprits: [culprit],
      culpritArea: this.commit(culprit)?.area ?? '',
      culpritAuthor: this.commit(culprit)?.author ?? '',
      errorRate,
      startedAt: this.now,
      phase: 'impact',
    };
    this.incidents.set(id, incident);
    this.openIncidentIds.add(id);
    this.emit({ type: 'incident.started', incident: id, deployment: deployment.id, revision: deployment.revision, errorRate, culprits: incident.culprits });

    const actor = createActor(incidentMachine, { clock: this.clock, input: { plan } });
    actor.on('incident.detected', (e) => this.onIncidentDetected(incident, e.by, deployment));
    actor.on('incident.acknowledged', () => {
      incident.phase = 'acknowledged';
      incident.acknowledgedAt = this.now;
      this.emit({ type: 'incident.acknowledged', incident: id, person: incident.paged ?? 'on call' });
      if (culture === 'silos') {
        // Ops must ask Dev before rolling back a change they did not write.
        this.countHandoff('ops', 'dev', `incident #${id}: which change broke production?`, plan.decideAfter);
      }
    });
    actor.on('incident.rollbackStarted', (e) => {
      incident.phase = 'rollingBack';
      incident.rollbackAt = this.now;
      this.emit({
        type: 'rollback.started',
        incident: id,
        automatic: e.automatic,
        by: e.by === 'on-call' ? (incident.paged ?? 'on call') : e.by,
        to: this.rollbackTarget(deployment),
      });
    });
    actor.on('incident.rolledBack', () => {
      const to = this.rollbackTarget(deployment);
      const fromRevision = this.productionRevision;
      this.productionRevision = Math.min(this.productionRevision, to);
      if (this.settings.mode === 'manual' || this.settings.mode === 'ci') this.releaseRolledBack = true;
      this.emit({ type: 'deploy.rolledBack', incident: id, from: fromRevision, to: this.productionRevision });
      // The rollback took other defects out of production too: their incidents end with it.
      const path =
        plan.automaticRollback && incident.detectedBy === 'alarm' && incident.acknowledgedAt === undefined ? 'automatic-rollback' : 'manual-rollback';
      for (const other of this.openIncidents()) {
        if (other.id !== id && other.culprits.every((seq) => !this.defectInProduction(seq))) {
          this.incidentActors.get(other.id)?.send({ type: 'production.reverted', path });
        }
      }
    });
    actor.on('incident.rollbackFailed', () => {
      incident.phase = 'fixingForward';
      incident.rollbackFailedAt = this.now;
      // One failed rollback is news; the others that tried the same one at the same time are not.
      const attempt = `${this.productionRevision}>${this.rollbackTarget(deployment)}`;
      if (attempt !== this.failedRollback)
        this.emit({ type: 'rollback.failed', incident: id, from: this.productionRevision, to: this.rollbackTarget(deployment) });
      this.failedRollback = attempt;
      // The fix is on its way since detection; it ships as a hotfix once it passes the tests. Other
      // incidents whose rollback would cross the same change do not try again.
      for (const other of this.openIncidents()) {
        const theirs = other.id === id ? undefined : this.deploymentById(other.deployment);
        if (theirs && other.detectedAt !== undefined && this.rollbackBlocked(theirs)) this.incidentActors.get(other.id)?.send({ type: 'rollback.ruledOut' });
      }
    });
    actor.on('incident.restored', (e) => {
      incident.phase = 'restored';
      incident.restoredAt = this.now;
      incident.restoredBy = e.path;
      this.openIncidentIds.delete(id);
      for (const task of this.tasks) if (task.incident === id && task.kind === 'on-call') task.until = this.now;
      this.emit({ type: 'incident.restored', incident: id, path: e.path });
      this.incidentActors.delete(id);
      this.schedulePostmortem(incident);
    });
    this.incidentActors.set(id, actor);
    actor.start();
  }

  private deploymentById(id: number): Deployment | undefined {
    for (let i = this.deployments.length - 1; i >= 0; i--) if (this.deployments[i]!.id === id) return this.deployments[i];
    return undefined;
  }

  /** Where rolling back `failed` goes: the last revision that ran without a shipped defect before it. */
  private rollbackTarget(failed: Deployment): number {
    return Math.min(failed.rollbackTo, failed.from);
  }

  /** Rolling back to before `failed` crosses a deployment that changed the schema: it cannot run. */
  private rollbackBlocked(failed: Deployment): boolean {
    const to = this.rollbackTarget(failed);
    for (let i = this.deployments.length - 1; i >= 0; i--) {
      const d = this.deployments[i]!;
      if (d.revision <= to) break;
      if (d.revision <= this.productionRevision && d.irreversible) return true;
    }
    return false;
  }

  private onIncidentDetected(incident: Incident, by: 'alarm' | 'customers', deployment: Deployment): void {
    incident.phase = 'detected';
    incident.detectedAt = this.now;
    incident.detectedBy = by;
    if (by === 'alarm') this.emit({ type: 'alarm.fired', incident: incident.id, errorRate: incident.errorRate, threshold: this.settings.alarmThreshold });
    else this.emit({ type: 'incident.reported', incident: incident.id });
    const automatic = MODE_INFO[this.settings.mode].automaticRollback && by === 'alarm';
    const person = onCallAt(this.team, this.settings.culture, this.now);
    incident.paged = person.name;
    if (!automatic) {
      incident.phase = 'paged';
      this.emit({ type: 'incident.paged', incident: incident.id, person: person.name });
    }
    this.addTask(person.name, 'on-call', `on call for incident #${incident.id}`, undefined, incident.id);

    // Stop the line, then find the culprits and fix them; a bigger batch takes longer to search.
    const culprits = incident.culprits.filter((seq) => !this.isFixed(seq));
    for (const seq of culprits) this.knownDefects.add(seq);
    if (culprits.length === 0) return;
    this.pipelineActor.send({ type: 'line.stop', incident: incident.id });
    this.emit({ type: 'pipeline.held', incident: incident.id });
    const diagnose = diagnosisMinutes(deployment.batch);
    const fix = () => {
      const open = culprits.filter((seq) => !this.fixScheduled.has(seq));
      if (open.length === 0) return;
      const at = addWorkingMinutes(this.now, diagnose + this.rng.people.between(FIX_MINUTES[0], FIX_MINUTES[1]), this.settings.workingHours);
      const first = this.commit(open[0]!);
      if (!first) return;
      for (const seq of open) this.fixScheduled.add(seq);
      const shas = open.map((seq) => this.commit(seq)?.sha ?? String(seq)).join(', ');
      this.addTask(first.author, 'fixing', `fixing the production defect from ${shas}`, at, incident.id);
      this.clock.at(at, () => this.pushFix(first, `fix production defect from ${shas} (incident #${incident.id})`, open));
    };
    if (this.settings.culture === 'silos') this.handoff('ops', 'dev', `incident #${incident.id}: fix the defect`, fix);
    else fix();
  }

  private schedulePostmortem(incident: Incident): void {
    const at = addWorkingMinutes(this.now, POSTMORTEM_DELAY_MINUTES, this.settings.workingHours);
    this.clock.at(at, () => {
      if (this.settings.culture !== 'devops') {
        this.emit({
          type: 'postmortem.held',
          incident: incident.id,
          blameless: false,
          action: 'None: the incident report blames a person',
          blamed: incident.culpritAuthor,
        });
        return;
      }
      if (!this.settings.learning) {
        this.emit({ type: 'postmortem.held', incident: incident.id, blameless: true, action: 'Actions noted; learning is switched off for this run' });
        return;
      }
      const slowDetection = incident.detectedBy === 'customers' || (incident.detectedAt ?? 0) - incident.startedAt > 15;
      const area = incident.culpritArea || undefined;
      let action: string;
      if (slowDetection && this.settings.monitoring && this.alarmTuning > ALARM_TUNING_FLOOR) {
        this.alarmTuning = Math.max(ALARM_TUNING_FLOOR, this.alarmTuning * ALARM_TUNING_STEP);
        action = 'Tune the alarm so it fires sooner';
      } else if (area !== undefined) {
        const { before, after } = this.tests.improve(area);
        action =
          after > before
            ? `Add tests for ${area}: coverage there ${Math.round(before * 100)}% → ${Math.round(after * 100)}%`
            : `Tests for ${area} already catch all they can; add a canary step to the deploy`;
      } else {
        action = 'Add a canary step to the deploy';
      }
      this.emit({ type: 'postmortem.held', incident: incident.id, blameless: true, action });
    });
  }

  // ---------------------------------------------------------------- collaboration

  /** Minutes a ticket waits in the other team's queue: a few working hours. */
  private ticketDelay(from: number): number {
    const wait = this.rng.people.between(TICKET_MINUTES[0], TICKET_MINUTES[1]);
    return addWorkingMinutes(from, wait, this.settings.workingHours) - from;
  }

  private handoff(from: 'dev' | 'ops', to: 'dev' | 'ops', about: string, then: () => void): void {
    const wait = this.ticketDelay(this.now);
    this.countHandoff(from, to, about, wait);
    this.clock.at(this.now + wait, then);
  }

  private countHandoff(from: 'dev' | 'ops', to: 'dev' | 'ops', about: string, wait: number): void {
    const id = this.nextHandoff++;
    const requester = from === 'dev' ? this.team.developers[0] : this.team.operators[0];
    const receivers = to === 'ops' ? this.team.operators : this.team.developers;
    const receiver = receivers[id % receivers.length];
    if (requester) this.addTask(requester.name, 'waiting', `waiting on ${to === 'ops' ? 'Ops' : 'Dev'}: ${about}`, this.now + wait);
    if (receiver) this.addTask(receiver.name, 'ticket', `ticket in the queue: ${about}`, this.now + wait);
    this.emit({ type: 'handoff.queued', handoff: id, from, to, about });
    const queuedAt = this.now;
    this.clock.at(this.now + wait, () =>
      this.emit({ type: 'handoff.done', handoff: id, waited: wait, workingMinutes: workingMinutesBetween(queuedAt, this.now, this.settings.workingHours) }),
    );
  }

  // ---------------------------------------------------------------- people's work

  private addTask(person: string, kind: TaskKind, about: string, until?: number, incident?: number): void {
    this.tasks.push({ id: this.nextTask++, person, kind, about, since: this.now, until, incident });
  }

  /** Who runs a deploy by hand: Ops in silos; the release manager or the tech lead otherwise. */
  private handDeployers(): string[] {
    if (this.settings.culture === 'silos') return this.team.operators.map((p) => p.name);
    return this.settings.mode === 'manual' ? [this.team.releaseManager.name] : [this.team.developers[0]!.name];
  }

  // ---------------------------------------------------------------- log and memory

  /**
   * A fixed problem matters only while some revision still carries it. Once production and every
   * execution in flight are past its fix, nobody can meet it again: stop scanning for it.
   */
  private forgetSettledProblems(): void {
    // The oldest revision any stage, the gate or a release candidate will still evaluate. Production's
    // own revision is not evaluated again: a deployment only looks at what it adds on top of it.
    let oldest = this.lastSeq + 1;
    const consider = (revision: number | undefined) => {
      if (revision !== undefined && revision < oldest) oldest = revision;
    };
    for (const { current, waiting } of Object.values(this.stages)) {
      consider(current?.revision);
      consider(waiting?.revision);
    }
    const approval = this.approval;
    consider(approval?.pending?.revision);
    consider(approval?.waiting?.revision);
    consider(this.releaseCandidate?.revision);
    this.problems.prune(oldest, this.productionRevision);
    for (const seq of this.knownDefects) if (!this.problems.has(seq)) this.knownDefects.delete(seq);
  }

  private emit(event: SimEvent): void {
    // Stamped in place: every caller builds a fresh object, and copying it was a hot spot.
    const logged = event as LoggedEvent;
    logged.t = this.now;
    logged.seq = ++this.eventSeq;
    if (this.keepLog) this.log.push(logged);
    if (this.listeners.size > 0) for (const listener of this.listeners) listener(logged);
  }

  private trimHistory(): void {
    if (!Number.isFinite(this.retainMinutes)) return;
    const cutoff = this.now - this.retainMinutes;
    if (cutoff <= 0) return;
    let drop = 0;
    while (drop < this.log.length && this.log[drop]!.t < cutoff) drop++;
    if (drop > 0) this.log.splice(0, drop);
    // Commits stay readable while production lacks them or a problem (and its incident) refers to them.
    const keepSeq = Math.min(this.productionRevision, (this.problems.oldest() ?? Infinity) - 1);
    let keepFrom = 0;
    while (keepFrom < this.commits.length && this.commits[keepFrom]!.pushedAt < cutoff && this.commits[keepFrom]!.seq <= keepSeq) keepFrom++;
    if (keepFrom > 0) {
      this.commits = this.commits.slice(keepFrom);
      this.commitBase += keepFrom;
    }
    // By id, oldest first (ids grow with start time): iterating the whole map daily costs too much
    // in long runs. Executions still running when their turn comes linger and are checked again.
    const stillRunning: number[] = [];
    const consider = (id: number) => {
      const execution = this.executions.get(id);
      if (!execution) return;
      if (execution.endedAt !== undefined && execution.endedAt < cutoff) this.executions.delete(id);
      else stillRunning.push(id);
    };
    for (const id of this.lingering) consider(id);
    while (this.trimExecutionFrom < this.nextExecution) {
      const execution = this.executions.get(this.trimExecutionFrom);
      if (execution && execution.startedAt >= cutoff) break;
      consider(this.trimExecutionFrom++);
    }
    this.lingering = stillRunning;
    for (const [id, incident] of this.incidents) {
      if (incident.restoredAt !== undefined && incident.restoredAt < cutoff) this.incidents.delete(id);
    }
    // A deployment stays while a rollback may have to cross it (its schema change can block one).
    let floor = this.lastGoodRevision;
    for (const incident of this.openIncidents()) floor = Math.min(floor, this.deploymentById(incident.deployment)?.rollbackTo ?? 0);
    while (this.deployments.length > 1 && this.deployments[0]!.at < cutoff && this.deployments[0]!.revision <= floor) this.deployments.shift();
    if (keepFrom > 0) for (const seq of this.fixScheduled) if (seq < this.commitBase) this.fixScheduled.delete(seq);
  }
}
