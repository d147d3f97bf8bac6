import { nextWorkingTime } from '../sim/calendar';
import { MODE_INFO } from '../world/modes';
import { nextRelease, retryTimeAfter, type HandReleaseKind, type ReleaseMoment } from '../world/releaseCalendar';
import { HOTFIX_REACTION_MINUTES } from '../production/risk';
import { makeJob } from './stageJobs';
import { EnginePart } from './runState';
import type { Execution } from './types';

type HotfixReason = 'incident' | 'second-attempt';

/**
 * When a revision goes to production: the release calendar's days (manual release, CI, a scheduled
 * approver), CI's release candidate, a retry after a failed hand deploy, and hotfixes when production
 * is broken and the fix is ready.
 */
export class Releases extends EnginePart {
  /** When the calendar's next release is replaced by an earlier retry or hotfix. */
  private plannedRelease: ReleaseMoment | null = null;
  /** The release on its way to production is a hotfix, and why. */
  hotfixUnderway: HotfixReason | null = null;
  /** The newest execution whose deploy has begun: a deploy ticket for an older one is obsolete. */
  private newestDeploy: Execution | null = null;

  /** The next moment a release can happen: the calendar's, or an earlier retry or hotfix. */
  nextRelease(): ReleaseMoment | null {
    return nextRelease(this.s.settings, this.s.now, this.plannedRelease);
  }

  /** A release the calendar (or a planned retry or hotfix) calls for now. */
  calendarRelease(comment?: string, kind: HandReleaseKind = 'release-day'): void {
    const s = this.s;
    const { mode, approver } = s.settings;
    if (mode === 'manual' || mode === 'ci') s.emit({ type: 'release.due', kind });
    if (mode === 'delivery') {
      // The learner may have taken the decision over since the day was scheduled.
      if (approver === 'scheduled') this.parts.approvals.approveNewest(s.team.approver.name, comment);
    } else if (mode === 'manual') this.parts.approvals.approveNewest(s.team.releaseManager.name, comment ?? 'Release day.');
    else if (mode === 'ci') this.shipReleaseCandidate();
  }

  /** CI: an execution passed the tests and replaces the release candidate (it waits at Deploy). */
  candidateReady(execution: Execution): void {
    const s = this.s;
    const previous = s.releaseCandidate;
    s.releaseCandidate = execution;
    if (previous) this.parts.executions.supersede(previous.id, execution.id, 'deploy');
    s.emit({ type: 'release.scheduled', execution: execution.id, revision: execution.revision });
    this.planHotfixIfNeeded(execution.revision);
  }

  private shipReleaseCandidate(): void {
    const s = this.s;
    const candidate = s.releaseCandidate;
    if (!candidate) return;
    s.releaseCandidate = null;
    this.startDeploy(candidate);
  }

  /** In silos, a hand deploy is a ticket in Operations' queue before anyone runs it. */
  startDeploy(execution: Execution): void {
    const s = this.s;
    s.deploysInFlight++;
    const go = () => {
      if (this.parts.executions.holdIfKnownBad(execution)) {
        s.deploysInFlight--;
        return;
      }
      // Tickets wait different times in Ops' queue. Whoever picks up an older revision's ticket after
      // a newer one has gone out closes it: deploying it would take production backwards, and the
      // newer release already carries its changes.
      const newer = this.newestDeploy;
      if (newer && newer.revision > execution.revision) {
        s.deploysInFlight--;
        this.parts.executions.supersede(execution.id, newer.id, 'deploy');
        return;
      }
      this.newestDeploy = execution;
      s.stages.deploy.arrive(makeJob(s, execution, 'deploy'));
    };
    if (s.settings.culture === 'silos' && MODE_INFO[s.settings.mode].deploysByHand) {
      this.parts.people.handoff('dev', 'ops', `deploy revision ${s.shaOf(execution.revision)}`, go);
    } else go();
  }

  /** A deploy failed: a hand-run release is tried again. */
  deployFailed(): void {
    const s = this.s;
    s.deploysInFlight = Math.max(0, s.deploysInFlight - 1);
    const { mode, workingHours } = s.settings;
    if (mode !== 'manual' && mode !== 'ci') return;
    const at = retryTimeAfter(s.now, workingHours);
    this.planRelease({ at, kind: 'retry' }, 'Trying the release again.');
  }

  /** A release outside the calendar: a retry of a failed hand deploy, or a hotfix. */
  private planRelease(moment: ReleaseMoment, comment: string, reason: HotfixReason | null = null): void {
    const s = this.s;
    if (this.plannedRelease && this.plannedRelease.at <= moment.at && this.plannedRelease.at >= s.now) return;
    this.plannedRelease = moment;
    s.clock.at(moment.at, () => {
      if (this.plannedRelease !== moment) return;
      this.plannedRelease = null;
      if (moment.kind === 'hotfix') {
        // One release at a time, and a hotfix only while production still needs it. When the release
        // on its way lands, afterDeploy looks again.
        if (s.deploysInFlight > 0 || this.hotfixReason(this.newestWaitingRevision() ?? 0) === null) return;
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
  planHotfixIfNeeded(revision: number): void {
    const s = this.s;
    const { mode, approver } = s.settings;
    if (mode === 'deployment' || (mode === 'delivery' && approver !== 'scheduled')) return;
    const reason = this.hotfixReason(revision);
    if (!reason) return;
    const at = nextWorkingTime(s.now + HOTFIX_REACTION_MINUTES, s.settings.workingHours);
    this.planRelease({ at, kind: 'hotfix' }, reason === 'incident' ? 'Hotfix for the incident.' : 'Second attempt at the release, with its fixes.', reason);
    s.emit({ type: 'hotfix.planned', revision, reason, at: this.plannedRelease?.at ?? at });
  }

  /** The newest revision waiting to be released: at Approval, or CI's release candidate. */
  newestWaitingRevision(): number | undefined {
    const s = this.s;
    return s.approval?.waiting?.revision ?? s.approval?.pending?.revision ?? s.releaseCandidate?.revision;
  }

  private hotfixReason(revision: number): HotfixReason | null {
    const s = this.s;
    // The common case, on every revision that reaches the gate: nothing to put right.
    if (s.openIncidentIds.size === 0 && !s.releaseRolledBack) return null;
    const fixedIn = (seq: number) => s.fixedIn(seq, revision);
    // A fix production does not run yet: not in its revision and not shipped as a hotfix already.
    const fixNotLive = (seq: number) => {
      const fix = s.commit(seq)?.fixedBy;
      return fix !== undefined && fix > s.productionRevision && !s.patches.has(fix);
    };
    for (const incident of s.openIncidents()) {
      if (incident.detectedAt === undefined || incident.phase === 'rollingBack') continue;
      if (incident.culprits.every(fixedIn) && incident.culprits.some(fixNotLive)) return 'incident';
    }
    if (s.releaseRolledBack && [...s.knownDefects].every(fixedIn)) return 'second-attempt';
    return null;
  }
}
