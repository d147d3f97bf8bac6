import type { LoggedEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import { formatDuration } from '../sim/calendar';
import { STAGE_INFO } from './stages';
import { reasonWords } from './pipelineView';

export type Tone = 'info' | 'success' | 'failure' | 'warning' | 'action';

/** One line of the activity feed or the chat-ops channel, in people's words. */
export interface Narration {
  seq: number;
  t: number;
  /** Who speaks: a person's name, or a bot for the pipeline and monitoring. */
  who: string;
  text: string;
  tone: Tone;
  /** Worth announcing to screen-reader users (deployments, failures, approvals needed, incidents). */
  important: boolean;
  /** Commit seqs the line is about, so a click can open a commit's journey. */
  commits: number[];
  incident?: number;
}

export const PIPELINE_BOT = 'CodePipeline';
export const MONITOR_BOT = 'CloudWatch';

/**
 * Says an event the way the team would in chat. Returns null for bookkeeping events nobody would
 * mention (a stage starting, an execution entering a stage).
 */
export function narrate(event: LoggedEvent, sim: Simulation): Narration | null {
  const sha = (seq: number) => sim.commit(seq)?.sha ?? `r${seq}`;
  const base = { seq: event.seq, t: event.t, important: false, commits: [] as number[] };
  switch (event.type) {
    case 'commit.pushed':
      return {
        ...base,
        who: event.author,
        text: `pushed ${event.sha}: ${event.message}`,
        tone: 'info',
        commits: [event.commit],
      };
    case 'stage.failed': {
      const stage = STAGE_INFO[event.stage].name;
      if (event.culprits.length > 0) {
        const authors = [...new Set(event.culprits.map((c) => sim.commit(c)?.author).filter(Boolean))];
        return {
          ...base,
          who: PIPELINE_BOT,
          text: `${stage} failed on ${sha(event.revision)}: ${reasonWords(event.reason)} in ${event.culprits.map(sha).join(', ')}. @${authors.join(' @')} please take a look.`,
          tone: 'failure',
          important: true,
          commits: event.culprits,
        };
      }
      return {
        ...base,
        who: PIPELINE_BOT,
        text: `${stage} failed on ${sha(event.revision)}: ${reasonWords(event.reason)}.`,
        tone: 'failure',
        important: true,
        commits: [event.revision],
      };
    }
    case 'execution.superseded':
      return null;
    case 'execution.held':
      return {
        ...base,
        who: PIPELINE_BOT,
        text: `Held ${sha(event.revision)} before Deploy: it still carries the defect behind incident #${event.incident}.`,
        tone: 'warning',
        commits: [event.revision],
      };
    case 'approval.requested':
      return {
        ...base,
        who: PIPELINE_BOT,
        text: `Approval needed: ${sha(event.revision)} would ship ${event.pendingCommits} commit${event.pendingCommits === 1 ? '' : 's'} to production.`,
        tone: 'action',
        important: true,
        commits: [event.revision],
      };
    case 'approval.granted':
      return {
        ...base,
        who: event.by,
        text: `approved ${sha(event.revision)}${event.comment ? `: “${event.comment}”` : '.'}`,
        tone: 'success',
        important: true,
        commits: [event.revision],
      };
    case 'approval.rejected':
      return {
        ...base,
        who: event.by,
        text: `rejected ${sha(event.revision)}${event.comment ? `: “${event.comment}”` : '.'}`,
        tone: 'failure',
        important: true,
        commits: [event.revision],
      };
    case 'release.scheduled':
      return null;
    case 'deploy.succeeded':
      return {
        ...base,
        who: 'CodeDeploy',
        text: `Deployed ${sha(event.revision)} to production: ${event.batch} commit${event.batch === 1 ? '' : 's'} in this release.`,
        tone: 'success',
        important: true,
        commits: [event.revision],
      };
    case 'incident.started':
      return null;
    case 'alarm.fired':
      return {
        ...base,
        who: MONITOR_BOT,
        text: `ALARM: error rate ${(event.errorRate * 100).toFixed(1)}% is above the ${(event.threshold * 100).toFixed(1)}% threshold (incident #${event.incident}).`,
        tone: 'failure',
        important: true,
        commits: [],
        incident: event.incident,
      };
    case 'incident.reported':
      return {
        ...base,
        who: 'Support desk',
        text: `Customers report errors at checkout. Opening incident #${event.incident}.`,
        tone: 'failure',
        important: true,
        incident: event.incident,
      };
    case 'incident.paged':
      return { ...base, who: 'PagerDuty', text: `Paged ${event.person} for incident #${event.incident}.`, tone: 'warning', incident: event.incident };
    case 'incident.acknowledged':
      return { ...base, who: event.person, text: `acknowledged incident #${event.incident}, looking now.`, tone: 'info', incident: event.incident };
    case 'rollback.started':
      return {
        ...base,
        who: event.automatic ? 'CodeDeploy' : event.by,
        text: event.automatic
          ? `Automatic rollback to ${event.to > 0 ? sha(event.to) : 'the last release'} (incident #${event.incident}).`
          : `rolling back to ${event.to > 0 ? sha(event.to) : 'the last release'} (incident #${event.incident}).`,
        tone: 'warning',
        important: true,
        incident: event.incident,
      };
    case 'deploy.rolledBack':
      return null;
    case 'incident.restored': {
      const incident = sim.incidents.get(event.incident);
      const took = incident ? ` after ${formatDuration(event.t - incident.startedAt)}` : '';
      const how = event.path === 'fix' ? 'by a fix' : event.path === 'automatic-rollback' ? 'by automatic rollback' : 'by rollback';
      return { ...base, who: MONITOR_BOT, text: `Incident #${event.incident} resolved ${how}${took}. Service healthy.`, tone: 'success', important: true, incident: event.incident };
    }
    case 'handoff.queued':
      return {
        ...base,
        who: event.from === 'dev' ? 'Dev team' : 'Ops team',
        text: `opened a ticket for ${event.to === 'ops' ? 'Ops' : 'Dev'}: ${event.about}.`,
        tone: 'warning',
      };
    case 'handoff.done':
      return { ...base, who: 'Ticket queue', text: `Ticket picked up after ${formatDuration(event.waited)} in the queue.`, tone: 'info' };
    case 'postmortem.held':
      return event.blameless
        ? { ...base, who: sim.team.developers[0]?.name ?? 'Team', text: `Blameless postmortem for incident #${event.incident}. Action: ${event.action}.`, tone: 'success', incident: event.incident }
        : {
            ...base,
            who: 'Management',
            text: `Incident report #${event.incident}: ${event.blamed ?? 'a developer'} caused the outage. No change to the process.`,
            tone: 'failure',
            incident: event.incident,
          };
    case 'pipeline.held':
      return { ...base, who: PIPELINE_BOT, text: `Stopped the line: no deploys of revisions carrying the incident #${event.incident} defect until it is fixed.`, tone: 'warning', incident: event.incident };
    case 'pipeline.resumed':
      return { ...base, who: PIPELINE_BOT, text: 'The fix is in: the line flows again.', tone: 'success' };
    case 'settings.changed':
      return { ...base, who: 'Trainer', text: describeChange(event.change), tone: 'action' };
    case 'fault.injected':
      return { ...base, who: 'Trainer', text: FAULT_WORDS[event.fault], tone: 'action' };
    default:
      return null;
  }
}

const FAULT_WORDS = {
  'break-build': 'broke the next build (the next commit will not compile).',
  'flaky-test': 'made the next test run flaky.',
  'escape-defect': 'slipped a defect past the tests in the next commit.',
  'fail-deploy': 'made the next deploy fail.',
} as const;

function describeChange(change: import('../events').LiveSettingsChange): string {
  const parts: string[] = [];
  if (change.monitoring !== undefined) parts.push(`turned monitoring ${change.monitoring ? 'on' : 'off'}`);
  if (change.alarmThreshold !== undefined) parts.push(`set the alarm threshold to ${(change.alarmThreshold * 100).toFixed(1)}% errors`);
  if (change.culture !== undefined) parts.push(`switched the culture to ${change.culture === 'devops' ? 'DevOps' : 'silos'}`);
  if (change.approver !== undefined) parts.push(change.approver === 'scheduled' ? 'handed approvals to the scheduled approver' : 'took over approvals');
  if (change.approvalsPerDay !== undefined) parts.push(`set ${change.approvalsPerDay} approvals a day`);
  if (change.testCoverage !== undefined) parts.push(`set test coverage to ${Math.round(change.testCoverage * 100)}%`);
  return `${parts.join(', ') || 'changed a setting'}.`;
}

/** The latest `limit` narrated lines, newest last. */
export function recentNarration(sim: Simulation, limit: number): Narration[] {
  const lines: Narration[] = [];
  for (let i = sim.log.length - 1; i >= 0 && lines.length < limit; i--) {
    const line = narrate(sim.log[i]!, sim);
    if (line) lines.push(line);
  }
  return lines.reverse();
}
