import type { Actor } from 'xstate';
import type { Fault, LoggedEvent, SimEvent, StageName } from '../events';
import { VirtualClock } from '../sim/scheduler';
import { createStreams, type RandomStreams } from '../sim/random';
import type { Commit } from '../world/commits';
import type { Settings } from '../world/settings';
import { createTeam, type Team } from '../world/team';
import type { StageRunner } from '../pipeline/stageRunner';
import type { ApprovalRunner } from '../pipeline/approvalRunner';
import type { pipelineMachine } from '../pipeline/pipelineMachine';
import type { IncidentPlan } from '../production/incidentMachine';
import type { IncidentHandlers, IncidentRunner } from '../production/incidentRunner';
import { BASELINE_ERROR_RATE } from '../production/risk';
import type { Deployment, Execution, Incident, StageResult, Task } from './types';
import { deployTimes } from './durations';
import { TestSuite } from './learning';
import { ProblemIndex } from './problems';
import type { Approvals } from './approvals';
import type { Commits } from './pushes';
import type { Collaboration } from './collaboration';
import type { Deployments } from './deployments';
import type { Executions } from './executions';
import type { Incidents } from './incidents';
import type { Releases } from './releases';
import type { Infrastructure } from './infrastructure';
import type { DriftChange } from '../iac/drift';
import { StackState } from './stackState';

export type WorkStage = 'source' | 'build' | 'test' | 'deploy';
export const WORK_STAGES: readonly WorkStage[] = ['source', 'build', 'test', 'deploy'];

export type Listener = (event: LoggedEvent) => void;

/** The parts of the engine, each owning one concern; they call each other through this. */
export interface EngineParts {
  commits: Commits;
  executions: Executions;
  approvals: Approvals;
  releases: Releases;
  deployments: Deployments;
  incidents: Incidents;
  people: Collaboration;
  infra: Infrastructure;
}

/** One part of the engine: it reads and changes the run's state, and calls the other parts. */
export abstract class EnginePart {
  constructor(
    protected readonly s: RunState,
    protected readonly parts: EngineParts,
  ) {}
}

/**
 * What one run holds and every part of the engine reads: the clock, the streams of chance, the
 * commits, executions, deployments and incidents, the event log, and the questions asked of them
 * (is this commit fixed, does production run this defect). The parts decide; this only remembers.
 */
export class RunState {
  readonly settings: Settings;
  team: Team;
  /** What people are busy with now and lately (the team view); finished tasks are dropped after a day. */
  tasks: Task[] = [];
  readonly clock = new VirtualClock();
  readonly rng: RandomStreams;
  readonly log: LoggedEvent[] = [];
  readonly keepLog: boolean;
  readonly listeners = new Set<Listener>();
  eventSeq = 0;

  commits: Commit[] = [];
  /** Seq of commits[0]; older commits were trimmed away. */
  commitBase = 1;
  lastSeq = 0;
  readonly executions = new Map<number, Execution>();
  nextExecution = 1;
  readonly deployments: Deployment[] = [];
  readonly incidents = new Map<number, Incident>();
  /** Incidents not restored yet, by id: what production's error rate and healing look at. */
  readonly openIncidentIds = new Set<number>();

  /** What the tests catch, per part of the product; postmortems add to it, trainers set it. */
  readonly tests: TestSuite;
  /** Multiplies alarm delay; blameless postmortems tune alarms down to 40% of the original. */
  alarmTuning = 1;
  /** Revision running in production (0: the release the run starts from). */
  productionRevision = 0;
  /** The last revision that ran without a shipped defect: where a rollback goes. */
  lastGoodRevision = 0;
  /** How many executions each stage has superseded so far. */
  readonly supersededByStage: Partial<Record<StageName, number>> = {};
  /** Latest outcome per stage. */
  readonly lastResults: Partial<Record<StageName, StageResult>> = {};
  /** The newest revision that passed Test in CI mode, waiting for the scheduled hand deploy. */
  releaseCandidate: Execution | null = null;
  /** A rolled-back release (manual release, CI) waits for its fixes and a second attempt. */
  releaseRolledBack = false;
  /** Releases approved or shipped and not yet in production or failed (a hand deploy takes hours). */
  deploysInFlight = 0;
  /**
   * Fix commits running in production on top of `productionRevision`: a hand-released hotfix
   * (manual release, CI) ships the fixes on a release branch, not the features on main since the
   * release. The next full release carries them on main.
   */
  readonly patches = new Set<number>();

  /** Commits with a compile error or a defect that may still sit in a revision someone evaluates. */
  readonly problems = new ProblemIndex();
  /** Defects revealed by an incident and not yet fixed on main: the pipeline holds revisions carrying them. */
  readonly knownDefects = new Set<number>();
  /** Problems whose authors have been told and are fixing them. */
  readonly fixScheduled = new Set<number>();
  readonly faults: Record<Fault, number> = { 'break-build': 0, 'flaky-test': 0, 'escape-defect': 0, 'fail-deploy': 0 };
  /** Defects a trainer slipped past the tests: they break enough requests for the alarm to see. */
  readonly injectedDefects = new Set<number>();
  /** Hand changes production has that the template does not (drift), until put right. */
  readonly handChanges = new Set<DriftChange>();
  private stackState: StackState | null = null;
  /** How long a deploy takes in this mode [min, max]: a pipeline's, or a person's by hand. */
  readonly deployTimes: readonly [number, number];

  /** The four work stages; set once by the Simulation, which creates them. */
  stages!: Record<WorkStage, StageRunner>;
  /** The Approval stage, in the modes that have one. */
  approval: ApprovalRunner | null = null;
  /** Makes the Approval stage when a template adds it to a pipeline that had none (set by the Simulation). */
  makeApproval: (() => ApprovalRunner) | null = null;
  pipelineActor!: Actor<typeof pipelineMachine>;
  /** One per open incident: an XState actor in live runs, its hand transcription headless. */
  readonly incidentActors = new Map<number, IncidentRunner>();
  /** Makes an incident's runner (set by the Simulation, which knows which kind the run uses). */
  makeIncident!: (plan: IncidentPlan, handlers: IncidentHandlers) => IncidentRunner;

  constructor(settings: Settings, keepLog: boolean) {
    this.settings = { ...settings, workingHours: { ...settings.workingHours } };
    this.team = createTeam(settings.developers, settings.culture);
    this.rng = createStreams(settings.seed);
    this.keepLog = keepLog;
    this.tests = new TestSuite(settings.testCoverage);
    this.deployTimes = deployTimes(settings.mode);
  }

  get now(): number {
    return this.clock.now();
  }

  /** Whether anyone has asked for the stack yet (a run nobody asks about never makes one). */
  get hasStack(): boolean {
    return this.stackState !== null;
  }

  /** The stack `shop-web` (made on first use). */
  get stack(): StackState {
    this.stackState ??= new StackState(this.settings);
    return this.stackState;
  }

  /** The alarm's actions were switched off by hand in production: it fires, and nobody is told. */
  get alarmSilenced(): boolean {
    return this.handChanges.size > 0 && this.handChanges.has('alarm-off');
  }

  emit(event: SimEvent): void {
    // Stamped in place: every caller builds a fresh object, and copying it was a hot spot.
    const logged = event as LoggedEvent;
    logged.t = this.now;
    logged.seq = ++this.eventSeq;
    if (this.keepLog) this.log.push(logged);
    if (this.listeners.size > 0) for (const listener of this.listeners) listener(logged);
  }

  commit(seq: number): Commit | undefined {
    return this.commits[seq - this.commitBase];
  }

  /** A commit's sha for people's words, or its number once it has left memory. */
  shaOf(seq: number): string {
    return this.commit(seq)?.sha ?? String(seq);
  }

  /**
   * Whether the problem of commit `seq` is fixed in `revision`. A commit trimmed from memory had no
   * problem left to fix (problem commits are kept until settled), so it counts as fixed.
   */
  fixedIn(seq: number, revision: number): boolean {
    const c = this.commit(seq);
    return c === undefined || (c.fixedBy !== undefined && c.fixedBy <= revision);
  }

  /** Whether anyone has pushed a fix for commit `seq` yet (trimmed commits count as fixed). */
  isFixed(seq: number): boolean {
    return this.fixedIn(seq, Infinity);
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

  deploymentById(id: number): Deployment | undefined {
    for (let i = this.deployments.length - 1; i >= 0; i--) if (this.deployments[i]!.id === id) return this.deployments[i];
    return undefined;
  }
}
