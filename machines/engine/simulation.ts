import { createActor, type Actor } from 'xstate';
import type { Fault, LiveSettingsChange, LoggedEvent, SimEvent, StageName } from '../events';
import { VirtualClock } from '../sim/scheduler';
import { createStreams, type RandomStreams } from '../sim/random';
import {
  MINUTES_PER_DAY,
  addWorkingMinutes,
  dayOf,
  isWorkday,
  isWorkingTime,
  lastWorkdayOnOrBefore,
  nextWorkingTime,
} from '../sim/calendar';
import { planDay, shaFor, type Commit, type PlannedCommit } from '../world/commits';
import { MODE_INFO } from '../world/modes';
import type { Settings } from '../world/settings';
import { createTeam, onCallAt, type Team } from '../world/team';
import type { StageEmitted, StageJob } from '../pipeline/stageMachine';
import { DirectStage, machineStage, type StageRunner } from '../pipeline/stageRunner';
import type { ApprovalEmitted } from '../pipeline/approvalMachine';
import { DirectApproval, machineApproval, type ApprovalRunner } from '../pipeline/approvalRunner';
import { pipelineMachine } from '../pipeline/pipelineMachine';
import { incidentMachine, type IncidentEmitted, type IncidentPlan } from '../production/incidentMachine';
import type { Deployment, Execution, Incident, StageResult, Task, TaskKind } from './types';
import { STAGE_TIMES, deployTimes } from './durations';

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
}

type Listener = (event: LoggedEvent) => void;

/** Mean errors per hour of a healthy service, as a fraction of requests. */
export const BASELINE_ERROR_RATE = 0.002;

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

  /** Live knobs that people change during a run (postmortems raise coverage; trainers flip switches). */
  testCoverage: number;
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
  private problems: Commit[] = [];
  /** Defects revealed by an incident and not yet fixed on main: the pipeline holds revisions carrying them. */
  private knownDefects = new Set<number>();
  private faults: Record<Fault, number> = { 'break-build': 0, 'flaky-test': 0, 'escape-defect': 0, 'fail-deploy': 0 };
  private fixScheduled = new Set<number>();
  private readonly deployTimes: readonly [number, number];

  constructor(settings: Settings, options: SimulationOptions = {}) {
    this.settings = { ...settings, workingHours: { ...settings.workingHours } };
    this.team = createTeam(settings.developers, settings.culture);
    this.rng = createStreams(settings.seed);
    this.retainMinutes = (options.retainDays ?? Infinity) * MINUTES_PER_DAY;
    this.testCoverage = settings.testCoverage;
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

  /** Settings that may change while the run goes on (the rest shape the run from its start). */
  configure(change: LiveSettingsChange): void {
    const { testCoverage, ...rest } = change;
    // settings keep the values the run started with for coverage; the live value is testCoverage.
    if (testCoverage !== undefined) this.testCoverage = testCoverage;
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

  /** Commits in `revision` that production does not run yet. */
  undeployedCommits(revision: number): number {
    return Math.max(0, revision - this.productionRevision);
  }

  openIncidents(): Incident[] {
    return [...this.incidents.values()].filter((i) => i.phase !== 'restored');
  }

  /** Share of failing requests right now. */
  errorRate(): number {
    let rate = BASELINE_ERROR_RATE;
    for (const incident of this.incidents.values()) {
      if (incident.phase !== 'restored') rate += incident.errorRate;
    }
    return Math.min(1, rate);
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
    if (isWorkday(day)) this.scheduleReleases(day);
    this.forgetSettledProblems();
    this.tasks = this.tasks.filter((task) => task.until === undefined || task.until > this.now - MINUTES_PER_DAY);
    this.trimHistory();
    this.clock.at((day + 1) * MINUTES_PER_DAY, () => this.startDay(day + 1));
  }

  private scheduleReleases(day: number): void {
    const { mode, approvalsPerDay, releaseIntervalDays, workingHours } = this.settings;
    const dayStart = day * MINUTES_PER_DAY;
    if (mode === 'delivery') {
      const span = (workingHours.end - workingHours.start) * 60;
      for (let i = 1; i <= approvalsPerDay; i++) {
        const at = dayStart + workingHours.start * 60 + Math.round((i * span) / (approvalsPerDay + 1));
        this.clock.at(at, () => this.scheduledApproval(this.team.approver.name));
      }
    } else if (mode === 'manual' || mode === 'ci') {
      // Release on the last workday of each interval, in the morning.
      const nextBoundary = (Math.floor(day / releaseIntervalDays) + 1) * releaseIntervalDays - 1;
      if (lastWorkdayOnOrBefore(nextBoundary) === day) {
        const at = dayStart + (workingHours.start + 1) * 60;
        this.clock.at(at, () => this.releaseDay());
      }
    }
  }

  private releaseDay(): void {
    if (this.settings.mode === 'manual') this.scheduledApproval(this.team.releaseManager.name, 'Release day.');
    else this.shipReleaseCandidate();
  }

  private scheduledApproval(by: string, comment?: string): void {
    if (this.settings.mode === 'delivery' && this.settings.approver !== 'scheduled') return;
    this.approveNewest(by, comment);
  }

  // ---------------------------------------------------------------- commits and executions

  private pushPlanned(planned: PlannedCommit): void {
    let { compileError, defect, detectDraw } = planned;
    if (this.faults['break-build'] > 0) {
      this.faults['break-build']--;
      compileError = true;
    }
    // One fault per commit: a compile-error fix repairs the whole commit, which would quietly
    // take an escaped defect on the same commit with it.
    if (this.faults['escape-defect'] > 0 && !compileError) {
      this.faults['escape-defect']--;
      defect = true;
      detectDraw = 1;
    }
    const commit = this.push({ author: planned.author, size: planned.size, message: planned.message, compileError, defect, detectDraw }, 'feature', []);
    // A teammate looks over every change as it lands: shared ownership, in DevOps culture.
    if (this.settings.culture === 'devops' && this.team.developers.length > 1) {
      const devs = this.team.developers;
      const author = devs.findIndex((d) => d.name === commit.author);
      const reviewer = devs[(author + 1 + (commit.seq % (devs.length - 1))) % devs.length]!;
      this.addTask(reviewer.name, 'reviewing', `reviewing ${commit.author}'s ${commit.sha}`, this.now + REVIEW_MINUTES);
    }
  }

  private push(
    draft: Pick<Commit, 'author' | 'size' | 'message' | 'compileError' | 'defect' | 'detectDraw'>,
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
      size: draft.size,
      pushedAt: this.now,
      compileError: draft.compileError,
      defect: draft.defect,
      detectDraw: draft.detectDraw,
      fixes,
      fixedBy: undefined,
    };
    this.commits.push(commit);
    if (commit.compileError || commit.defect) this.problems.push(commit);
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
      if (incident.culprits.every((c) => this.commit(c)?.fixedBy !== undefined)) {
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
      // In silos the approver sits in Ops: the request is a ticket in their queue first.
      const silos = this.settings.culture === 'silos' && this.settings.mode === 'delivery';
      const ticketDelay = silos ? this.ticketDelay(this.now) : 0;
      if (silos) this.countHandoff('dev', 'ops', `approve revision ${this.commit(execution.revision)?.sha ?? execution.revision}`, ticketDelay);
      this.approval!.request({ execution: execution.id, revision: execution.revision, requestedAt: this.now, ticketDelay });
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
      const broken = this.openProblems(execution.revision, (c) => c.compileError);
      if (broken.length > 0) Object.assign(job, { outcome: 'failed', reason: 'compile-error', culprits: broken });
      return job;
    }
    if (stage === 'test') {
      const [min, max] = STAGE_TIMES.test;
      job.duration = rng.between(min, max);
      const caught = this.openProblems(execution.revision, (c) => c.defect && c.detectDraw < this.testCoverage);
      const flaky = rng.chance(this.settings.flakyRate);
      if (caught.length > 0) Object.assign(job, { outcome: 'failed', reason: 'defect-caught', culprits: caught });
      else if (this.faults['flaky-test'] > 0) {
        this.faults['flaky-test']--;
        Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
      } else if (flaky) Object.assign(job, { outcome: 'failed', reason: 'flaky-test', culprits: [] });
      return job;
    }
    const [min, max] = this.deployTimes;
    job.duration = rng.between(min, max);
    const slip = this.settings.mode === 'manual' && rng.chance(MANUAL_STEP_FAILURE);
    if (this.faults['fail-deploy'] > 0) {
      this.faults['fail-deploy']--;
      Object.assign(job, { outcome: 'failed', reason: 'injected', culprits: [] });
    } else if (slip) Object.assign(job, { outcome: 'failed', reason: 'manual-step', culprits: [] });
    return job;
  }

  /** Problem commits inside `revision` that are not fixed in it. */
  private openProblems(revision: number, kind: (c: Commit) => boolean): number[] {
    const found: number[] = [];
    for (const c of this.problems) {
      if (c.seq <= revision && (c.fixedBy === undefined || c.fixedBy > revision) && kind(c)) found.push(c.seq);
    }
    return found;
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
    if (stage === 'deploy') this.retryRelease();
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
    const open = fixes.filter((seq) => this.commit(seq)?.fixedBy === undefined);
    if (open.length === 0) return;
    const people = this.rng.people;
    this.push(
      {
        author: author.author,
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
        const incident = [...this.incidents.values()].find((i) => i.culprits.includes(seq));
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
    const go = () => {
      if (this.holdIfKnownBad(execution)) return;
      this.stages.deploy.arrive(this.makeJob(execution, 'deploy'));
    };
    if (this.settings.culture === 'silos' && MODE_INFO[this.settings.mode].deploysByHand) {
      this.handoff('dev', 'ops', `deploy revision ${this.commit(execution.revision)?.sha ?? execution.revision}`, go);
    } else go();
  }

  private retryRelease(): void {
    const { mode, workingHours } = this.settings;
    if (mode !== 'manual' && mode !== 'ci') return;
    const tomorrow = nextWorkingTime(dayOf(this.now) * MINUTES_PER_DAY + MINUTES_PER_DAY, workingHours) + 60;
    this.clock.at(tomorrow, () => this.releaseDay());
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
    const defects = this.openProblems(revision, (c) => c.defect && c.seq > from);
    const deployment: Deployment = {
      id: this.deployments.length + 1,
      execution: execution.id,
      revision,
      from,
      at: this.now,
      batch: Math.max(0, revision - from),
      defects,
    };
    this.deployments.push(deployment);
    this.productionRevision = revision;
    this.end(execution, 'succeeded');
    execution.stage = 'production';
    this.emit({ type: 'deploy.succeeded', execution: execution.id, revision, from, batch: deployment.batch, defects, deployment: deployment.id });

    for (const incident of this.incidents.values()) {
      if (incident.phase === 'restored' || incident.phase === 'rollingBack') continue;
      if (incident.culprits.every((seq) => (this.commit(seq)?.fixedBy ?? Infinity) <= revision)) {
        this.incidentActors.get(incident.id)?.send({ type: 'fix.deployed' });
      }
    }
    if (defects.length > 0) {
      const [min, max] = INCIDENT_ONSET;
      this.clock.at(this.now + this.rng.production.between(min, max), () => this.startIncident(deployment));
    }
  }

  private startIncident(deployment: Deployment): void {
    const rng = this.rng.production;
    const { settings } = this;
    const id = this.nextIncident++;
    const errorRate = rng.between(0.02, 0.35);
    const alarmed = settings.monitoring && errorRate >= settings.alarmThreshold;
    const night = !isWorkingTime(this.now, settings.workingHours);
    const devops = settings.culture === 'devops';
    const plan: IncidentPlan = {
      id,
      detectAfter: alarmed ? rng.between(2, 8) * this.alarmTuning : rng.between(60, 360),
      detectedBy: alarmed ? 'alarm' : 'customers',
      automaticRollback: MODE_INFO[settings.mode].automaticRollback,
      ackAfter: (devops ? rng.between(3, 10) : rng.between(10, 25)) + (night ? rng.between(10, 25) : 0),
      decideAfter: devops ? rng.between(5, 15) : rng.between(30, 120),
      rollbackTakes: rng.between(this.deployTimes[0], this.deployTimes[1]),
    };
    const incident: Incident = {
      id,
      deployment: deployment.id,
      revision: deployment.revision,
      culprits: deployment.defects,
      errorRate,
      startedAt: this.now,
      phase: 'impact',
    };
    this.incidents.set(id, incident);
    this.emit({ type: 'incident.started', incident: id, deployment: deployment.id, revision: deployment.revision, errorRate, culprits: incident.culprits });

    const actor = createActor(incidentMachine, { clock: this.clock, input: { plan } });
    actor.on('incident.detected', (e) => this.onIncidentDetected(incident, e.by, deployment));
    actor.on('incident.acknowledged', () => {
      incident.phase = 'acknowledged';
      incident.acknowledgedAt = this.now;
      this.emit({ type: 'incident.acknowledged', incident: id, person: incident.paged ?? 'on call' });
      if (!devops) {
        // Ops must ask Dev before rolling back a change they did not write.
        this.countHandoff('ops', 'dev', `incident #${id}: which change broke production?`, plan.decideAfter);
      }
    });
    actor.on('incident.rollbackStarted', (e) => {
      incident.phase = 'rollingBack';
      incident.rollbackAt = this.now;
      const to = this.previousGoodRevision(deployment);
      this.emit({ type: 'rollback.started', incident: id, automatic: e.automatic, by: e.by === 'on-call' ? (incident.paged ?? 'on call') : e.by, to });
    });
    actor.on('incident.rolledBack', () => {
      const to = this.previousGoodRevision(deployment);
      const fromRevision = this.productionRevision;
      this.productionRevision = Math.min(this.productionRevision, to);
      this.emit({ type: 'deploy.rolledBack', incident: id, from: fromRevision, to: this.productionRevision });
    });
    actor.on('incident.restored', (e) => {
      incident.phase = 'restored';
      incident.restoredAt = this.now;
      incident.restoredBy = e.path;
      for (const task of this.tasks) if (task.incident === id && task.kind === 'on-call') task.until = this.now;
      this.emit({ type: 'incident.restored', incident: id, path: e.path });
      this.incidentActors.delete(id);
      this.schedulePostmortem(incident);
    });
    this.incidentActors.set(id, actor);
    actor.start();
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
    const culprits = incident.culprits.filter((seq) => this.commit(seq)?.fixedBy === undefined);
    for (const seq of culprits) this.knownDefects.add(seq);
    if (culprits.length === 0) return;
    this.pipelineActor.send({ type: 'line.stop', incident: incident.id });
    this.emit({ type: 'pipeline.held', incident: incident.id });
    const diagnose = DIAGNOSIS_MINUTES_PER_HALVING * Math.log2(deployment.batch + 1);
    const fix = () => {
      const at = addWorkingMinutes(this.now, diagnose + this.rng.people.between(FIX_MINUTES[0], FIX_MINUTES[1]), this.settings.workingHours);
      const first = this.commit(culprits[0]!);
      if (!first) return;
      for (const seq of culprits) this.fixScheduled.add(seq);
      const shas = culprits.map((seq) => this.commit(seq)?.sha ?? String(seq)).join(', ');
      this.addTask(first.author, 'fixing', `fixing the production defect from ${shas}`, at, incident.id);
      this.clock.at(at, () => this.pushFix(first, `fix production defect from ${shas} (incident #${incident.id})`, culprits));
    };
    if (this.settings.culture === 'silos') this.handoff('ops', 'dev', `incident #${incident.id}: fix the defect`, fix);
    else fix();
  }

  /** The revision production ran before the failed change, skipping other failed changes. */
  private previousGoodRevision(failed: Deployment): number {
    for (let i = this.deployments.length - 1; i >= 0; i--) {
      const d = this.deployments[i]!;
      if (d.id < failed.id && d.defects.length === 0 && d.revision <= failed.from) return d.revision;
    }
    return 0;
  }

  private schedulePostmortem(incident: Incident): void {
    const at = addWorkingMinutes(this.now, 60, this.settings.workingHours);
    this.clock.at(at, () => {
      if (this.settings.culture === 'devops') {
        const slowDetection = incident.detectedBy === 'customers' || (incident.detectedAt ?? 0) - incident.startedAt > 15;
        let action: string;
        if (slowDetection && this.settings.monitoring && this.alarmTuning > 0.4) {
          this.alarmTuning = Math.max(0.4, this.alarmTuning * 0.7);
          action = 'Tune the alarm so it fires sooner';
        } else if (this.testCoverage < 0.95) {
          this.testCoverage = Math.min(0.95, Math.round((this.testCoverage + POSTMORTEM_COVERAGE_STEP) * 100) / 100);
          action = `Add tests for this failure: test coverage up to ${Math.round(this.testCoverage * 100)}%`;
        } else {
          action = 'Add a canary step to the deploy';
        }
        this.emit({ type: 'postmortem.held', incident: incident.id, blameless: true, action });
      } else {
        const culprit = this.commit(incident.culprits[0] ?? 0);
        this.emit({ type: 'postmortem.held', incident: incident.id, blameless: false, action: 'None: the incident report blames a person', blamed: culprit?.author });
      }
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
    this.clock.at(this.now + wait, () => this.emit({ type: 'handoff.done', handoff: id, waited: wait }));
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
    let oldest = Math.min(this.productionRevision, this.lastSeq + 1);
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
    for (const deployment of this.deployments.slice(-3)) consider(deployment.from);
    this.problems = this.problems.filter((c) => c.fixedBy === undefined || c.fixedBy > oldest);
    const unsettled = new Set(this.problems.map((c) => c.seq));
    for (const seq of this.knownDefects) if (!unsettled.has(seq)) this.knownDefects.delete(seq);
  }

  private emit(event: SimEvent): void {
    // Stamped in place: every caller builds a fresh object, and copying it was a hot spot.
    const logged = event as LoggedEvent;
    logged.t = this.now;
    logged.seq = ++this.eventSeq;
    this.log.push(logged);
    if (this.listeners.size > 0) for (const listener of this.listeners) listener(logged);
  }

  private trimHistory(): void {
    if (!Number.isFinite(this.retainMinutes)) return;
    const cutoff = this.now - this.retainMinutes;
    if (cutoff <= 0) return;
    let drop = 0;
    while (drop < this.log.length && this.log[drop]!.t < cutoff) drop++;
    if (drop > 0) this.log.splice(0, drop);
    let keepFrom = 0;
    while (keepFrom < this.commits.length && this.commits[keepFrom]!.pushedAt < cutoff && this.commits[keepFrom]!.seq <= this.productionRevision) keepFrom++;
    if (keepFrom > 0) {
      this.commits = this.commits.slice(keepFrom);
      this.commitBase += keepFrom;
    }
    for (const [id, execution] of this.executions) {
      if (execution.endedAt !== undefined && execution.endedAt < cutoff) this.executions.delete(id);
    }
    for (const [id, incident] of this.incidents) {
      if (incident.restoredAt !== undefined && incident.restoredAt < cutoff) this.incidents.delete(id);
    }
    while (this.deployments.length > 0 && this.deployments[0]!.at < cutoff && this.deployments.length > 1) this.deployments.shift();
    this.fixScheduled = new Set([...this.fixScheduled].filter((seq) => seq >= this.commitBase));
  }
}

/** Minutes a teammate spends reviewing a pushed change (DevOps culture). */
export const REVIEW_MINUTES = 15;
/** Test coverage a blameless postmortem's action adds. */
export const POSTMORTEM_COVERAGE_STEP = 0.03;
/** Chance that a step of a hand-run release goes wrong (manual release only). */
export const MANUAL_STEP_FAILURE = 0.15;
/** Working minutes an author needs to push a fix once told. */
export const FIX_MINUTES: readonly [number, number] = [30, 90];
/** Minutes from a failed change reaching production to its incident. */
export const INCIDENT_ONSET: readonly [number, number] = [5, 60];
/** Searching a batch for the culprit: this many working minutes per halving (git bisect). */
export const DIAGNOSIS_MINUTES_PER_HALVING = 15;
/** Working minutes a ticket waits in the other team's queue. */
export const TICKET_MINUTES: readonly [number, number] = [60, 360];
