import { createActor, type Actor } from 'xstate';
import type { Fault, LiveSettingsChange, LoggedEvent, StageName } from '../events';
import type { VirtualClock } from '../sim/scheduler';
import { MINUTES_PER_DAY } from '../sim/calendar';
import type { Commit } from '../world/commits';
import { MODE_INFO } from '../world/modes';
import type { ReleaseMoment } from '../world/releaseCalendar';
import type { Settings } from '../world/settings';
import { createTeam, type Team } from '../world/team';
import { DirectStage, machineStage, type StageRunner } from '../pipeline/stageRunner';
import { DirectApproval, machineApproval, type ApprovalRunner } from '../pipeline/approvalRunner';
import { pipelineMachine } from '../pipeline/pipelineMachine';
import { DirectIncident, machineIncident, type IncidentRunner } from '../production/incidentRunner';
import { BASELINE_ERROR_RATE } from '../production/risk';
import type { Deployment, Execution, Incident, StageResult, Task } from './types';
import { STEP_LOOKAHEAD_DAYS } from './durations';
import type { TestSuite } from './learning';
import { Approvals } from './approvals';
import { Collaboration } from './collaboration';
import { Commits } from './pushes';
import { startDay } from './day';
import { Deployments } from './deployments';
import { Executions } from './executions';
import { Incidents } from './incidents';
import { Releases } from './releases';
import { Retention } from './retention';
import { Infrastructure, type ExecuteResult } from './infrastructure';
import type { DriftChange } from '../iac/drift';
import type { StackView } from '../iac/stack';
import type { StackTemplate } from '../iac/types';
import { RunState, WORK_STAGES, type EngineParts, type Listener, type WorkStage } from './runState';

export type { WorkStage };

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

export { BASELINE_ERROR_RATE };

/** A point in a run: its virtual time and the timers fired to reach it. */
export interface RunMark {
  t: number;
  fired: number;
}

/**
 * One run of the simulated world. It owns the virtual clock, the seeded streams of chance, the
 * XState actors (one per stage, the Approval stage, the pipeline and one per incident) and the event
 * log. Every outcome is decided here or in the machines; the UI only reads and sends.
 *
 * The work is done by the engine's parts, one file each: `day` (the day's commits and release
 * moments), `commits` (pushes and fixes), `executions` (the pipeline's flow), `stageJobs` (what each
 * stage decides), `approvals`, `releases` (calendar, retries, hotfixes), `deployments`, `incidents`,
 * `postmortems`, `collaboration` (handoffs and people's tasks) and `retention` (memory); `runState`
 * holds what they share.
 */
export class Simulation {
  readonly stages: Record<WorkStage, StageRunner>;
  readonly pipelineActor: Actor<typeof pipelineMachine>;

  private readonly s: RunState;
  private readonly parts: EngineParts;

  constructor(settings: Settings, options: SimulationOptions = {}) {
    const s = new RunState(settings, options.keepLog ?? true);
    this.s = s;
    const parts = {} as EngineParts;
    parts.people = new Collaboration(s);
    parts.commits = new Commits(s, parts);
    parts.executions = new Executions(s, parts);
    parts.approvals = new Approvals(s, parts);
    parts.releases = new Releases(s, parts);
    parts.deployments = new Deployments(s, parts);
    parts.incidents = new Incidents(s, parts);
    parts.infra = new Infrastructure(s, parts);
    this.parts = parts;
    const retention = new Retention(s, options.retainDays ?? Infinity);

    const clock = s.clock;
    this.pipelineActor = s.pipelineActor = createActor(pipelineMachine, { clock }).start();
    const handlers = parts.executions.stageHandlers;
    const stages = {} as Record<WorkStage, StageRunner>;
    for (const stage of WORK_STAGES) {
      stages[stage] = options.stages === 'direct' ? new DirectStage(clock, stage, handlers) : machineStage(clock, stage, handlers);
    }
    this.stages = s.stages = stages;
    const approvalHandlers = parts.approvals.handlers;
    s.makeApproval = () => (options.stages === 'direct' ? new DirectApproval(clock, approvalHandlers) : machineApproval(clock, approvalHandlers));
    if (MODE_INFO[settings.mode].hasApproval) s.approval = s.makeApproval();
    s.makeIncident = (plan, incidentHandlers) =>
      options.stages === 'direct' ? new DirectIncident(clock, plan, incidentHandlers) : machineIncident(clock, plan, incidentHandlers);
    clock.at(0, () => startDay(s, parts, retention, 0));
  }

  // ---------------------------------------------------------------- the run's state, read-only

  get settings(): Settings {
    return this.s.settings;
  }
  /** The Approval stage, in the modes that have one (a template that adds it makes one). */
  get approval(): ApprovalRunner | null {
    return this.s.approval;
  }
  /** The stack `shop-web`: its template, resources, events, drift and the change on its way. */
  get stack(): StackView {
    return this.s.stack.view();
  }
  /** Hand changes production has now that the template does not know (drift), detected or not. */
  get handChanges(): ReadonlySet<DriftChange> {
    return this.s.handChanges;
  }
  get team(): Team {
    return this.s.team;
  }
  /** What people are busy with now and lately (the team view); finished tasks are dropped after a day. */
  get tasks(): Task[] {
    return this.s.tasks;
  }
  get clock(): VirtualClock {
    return this.s.clock;
  }
  get log(): LoggedEvent[] {
    return this.s.log;
  }
  get deployments(): Deployment[] {
    return this.s.deployments;
  }
  get incidents(): Map<number, Incident> {
    return this.s.incidents;
  }
  get executions(): Map<number, Execution> {
    return this.s.executions;
  }
  get incidentActors(): Map<number, IncidentRunner> {
    return this.s.incidentActors;
  }
  /** What the tests catch, per part of the product; postmortems add to it, trainers set it. */
  get tests(): TestSuite {
    return this.s.tests;
  }
  /** Multiplies alarm delay; blameless postmortems tune alarms down to 40% of the original. */
  get alarmTuning(): number {
    return this.s.alarmTuning;
  }
  /** Revision running in production (0: the release the run starts from). */
  get productionRevision(): number {
    return this.s.productionRevision;
  }
  /** How many executions each stage has superseded so far. */
  get supersededByStage(): Partial<Record<StageName, number>> {
    return this.s.supersededByStage;
  }
  /** Latest outcome per stage. */
  get lastResults(): Partial<Record<StageName, StageResult>> {
    return this.s.lastResults;
  }
  /** The newest revision that passed Test in CI mode, waiting for the scheduled hand deploy. */
  get releaseCandidate(): Execution | null {
    return this.s.releaseCandidate;
  }

  // ---------------------------------------------------------------- running

  get now(): number {
    return this.s.clock.now();
  }

  /** Runs every event up to virtual time `t` (minutes). */
  advanceTo(t: number): void {
    this.s.clock.advanceTo(t);
  }

  /**
   * Runs events up to virtual time `t`, but stops right after the first event for which `stop()`
   * answers true, with the clock at that event's time: a lesson or a presenter's "stop at" pauses at
   * the moment itself, not at the end of the frame it fell in. Returns whether it stopped early.
   */
  advanceUntil(t: number, stop: () => boolean): boolean {
    const clock = this.s.clock;
    for (;;) {
      const next = clock.peek();
      if (next === undefined || next > t) break;
      clock.fireNext();
      if (stop()) return true;
    }
    clock.advanceTo(t);
    return false;
  }

  /**
   * Where the run stands, exactly: its time and how many timers have fired. Two runs of the same
   * settings at the same mark are in the same state, so a person's action recorded with its mark
   * replays at the same point of the run, even between two events of the same minute.
   */
  get mark(): RunMark {
    return { t: this.s.clock.now(), fired: this.s.clock.fired };
  }

  /** Runs to a mark taken from a run of the same settings (see `mark`). */
  advanceToMark(mark: RunMark): void {
    const clock = this.s.clock;
    while (clock.fired < mark.fired && clock.fireNext());
    // Past the last timer fired there was nothing due up to `t`, or it would have fired too.
    if (clock.now() < mark.t) clock.advanceTo(mark.t);
  }

  /** Runs the whole configured span (`settings.days`). */
  runToEnd(): this {
    this.advanceTo(this.s.settings.days * MINUTES_PER_DAY);
    return this;
  }

  /**
   * Runs until the next event reaches the log (the UI's Step). Returns it, or undefined if the
   * world has nothing left to do.
   */
  step(): LoggedEvent | undefined {
    const { s } = this;
    const before = s.eventSeq;
    // Quiet timers (a day starting with no commits) do not count as a step; a week is the bound.
    const limit = this.now + STEP_LOOKAHEAD_DAYS * MINUTES_PER_DAY;
    while (s.eventSeq === before) {
      const next = s.clock.peek();
      if (next === undefined || next > limit) return undefined;
      s.clock.fireNext();
    }
    return s.log[s.log.length - 1];
  }

  subscribe(listener: Listener): () => void {
    const listeners = this.s.listeners;
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  /** Stops every actor; the run cannot continue afterwards. */
  stop(): void {
    for (const stage of Object.values(this.stages)) stage.stop();
    this.s.approval?.stop();
    this.pipelineActor.stop();
    for (const actor of this.s.incidentActors.values()) actor.stop();
    this.s.listeners.clear();
  }

  // ---------------------------------------------------------------- people acting

  /** An approver's round: the newest waiting revision replaces the pending one and is approved. */
  approveNewest(by: string, comment?: string): boolean {
    return this.parts.approvals.approveNewest(by, comment);
  }

  /** The learner (or a trainer) approves the revision waiting at Approval. */
  approve(by: string, comment?: string): boolean {
    return this.parts.approvals.decide(true, by, comment);
  }

  reject(by: string, comment?: string): boolean {
    return this.parts.approvals.decide(false, by, comment);
  }

  /** A person rolls production back now, for an incident that has been detected. */
  rollback(incident: number, by: string): boolean {
    return this.parts.incidents.rollback(incident, by);
  }

  /** A trainer's failure injection; it takes effect at the next chance to happen. */
  inject(fault: Fault): void {
    this.s.faults[fault]++;
    this.s.emit({ type: 'fault.injected', fault });
  }

  /**
   * A person executes a template (parsed and validated by the page; checked again here). Where
   * the mode has a pipeline it becomes an infra commit, applied when that commit deploys; in manual
   * release, or for a pipeline change a live run cannot make, the stack updates at once.
   */
  executeStack(templateText: string, template: StackTemplate, by: string): ExecuteResult {
    return this.parts.infra.execute(templateText, template, by);
  }

  /** Someone changes production by hand (a trainer's failure injection). */
  injectDrift(change: DriftChange): boolean {
    return this.parts.infra.injectDrift(change);
  }

  /** Detect drift: every resource compared with the template. */
  detectDrift(): void {
    this.parts.infra.detect();
  }

  /** Injected faults still waiting for their chance, per kind. */
  pendingFaults(): Readonly<Record<Fault, number>> {
    return { ...this.s.faults };
  }

  /** Settings that may change while the run goes on (the rest shape the run from its start). */
  configure(change: LiveSettingsChange): void {
    const { s } = this;
    const { testCoverage, ...rest } = change;
    // settings keep the values the run started with for coverage; the live value is in `tests`.
    if (testCoverage !== undefined) s.tests.setAll(testCoverage);
    Object.assign(s.settings, rest);
    if (change.culture !== undefined) s.team = createTeam(s.settings.developers, change.culture);
    s.emit({ type: 'settings.changed', change: { ...change } });
  }

  // ---------------------------------------------------------------- reading

  commit(seq: number): Commit | undefined {
    return this.s.commit(seq);
  }

  /** Commits still held in memory, oldest first. */
  allCommits(): readonly Commit[] {
    return this.s.commits;
  }

  get headRevision(): number {
    return this.s.lastSeq;
  }

  /** Test coverage over the whole product now (postmortems raise it per part, with learning on). */
  get testCoverage(): number {
    return this.s.tests.overall;
  }

  /** Commits in `revision` that production does not run yet. */
  undeployedCommits(revision: number): number {
    return this.s.undeployedCommits(revision);
  }

  openIncidents(): Incident[] {
    return this.s.openIncidents();
  }

  /** Share of failing requests right now. */
  errorRate(): number {
    return this.s.errorRate();
  }

  /** The next moment a release can happen: the calendar's, or an earlier retry or hotfix. */
  nextRelease(): ReleaseMoment | null {
    return this.parts.releases.nextRelease();
  }

  /**
   * Whether production runs commit `seq`'s problem unfixed now: the commit is in production (in the
   * revision, or shipped as a hotfix) and its fix is not. Commits trimmed from memory had no problem left.
   */
  defectInProduction(seq: number): boolean {
    return this.s.defectInProduction(seq);
  }
}
