import type { LiveSettingsChange, LoggedEvent, SimEvent } from '../events';
import type { Simulation } from '../engine/simulation';
import { formatDuration } from '../sim/calendar';
import { DRIFT_CHANGES } from '../iac/drift';
import { FAILURE_WORDS, FAULT_WORDS, RESTORE_WORDS, TEAM_WORDS, START_RELEASE, percent, plural, revisionName, stageName } from '../words';

/**
 * One description of every event in the log, for both narrators: the activity feed
 * (`./feed.ts`) and the chat-ops channel (`./chat.ts`) render what this file says and add nothing
 * of their own. The switch covers every event type and ends in a `never` check, so a new event type
 * does not compile until it is described here. Hidden facts stay hidden: a commit's defect is
 * never mentioned before a stage or production reveals it.
 */

/** A piece of a feed line: words, or a commit the reader can open. */
export type FeedPart = string | { commit: number; sha: string };

/** How a line reads at a glance; `action` asks someone to decide. */
export type Tone = 'info' | 'good' | 'bad' | 'warn' | 'action';

/** What a line is about (the feed's icon). */
export type EventKind =
  | 'push'
  | 'failure'
  | 'superseded'
  | 'approval'
  | 'release'
  | 'deploy'
  | 'incident'
  | 'rollback'
  | 'restored'
  | 'handoff'
  | 'postmortem'
  | 'line'
  | 'fault'
  | 'settings';

export interface EventDescription {
  seq: number;
  t: number;
  kind: EventKind;
  tone: Tone;
  /** Worth announcing to screen-reader users (deployments, failures, approvals asked of the learner, incidents). */
  important: boolean;
  /** Commits the line is about, so a click can open a commit's journey. */
  commits: number[];
  incident?: number;
  /** The feed's line, or null where the feed leaves the event out. */
  feed: FeedPart[] | null;
  /** Who says what in the chat-ops channel, or null where nobody would say it in chat. */
  chat: { who: string; text: string } | null;
}

/** What the describer needs to know beyond the event itself. */
export interface EventContext {
  /** Short sha of a revision (a commit's seq), or the words for revision 0. */
  sha(revision: number): string;
  /** Who wrote a commit, if still known. */
  author(revision: number): string | undefined;
  /** Revision an execution ran, if still known. */
  revisionOf(execution: number): number | undefined;
  /** When an incident started, if still known. */
  incidentStartedAt(incident: number): number | undefined;
  /** Who writes the team's blameless postmortem in chat (the tech lead). */
  teamVoice: string;
  /** Whether approval requests are for the person at the keyboard (Continuous Delivery, learner approves). */
  learnerApproves: boolean;
}

export const PIPELINE_BOT = 'CodePipeline';
export const MONITOR_BOT = 'CloudWatch';
const DEPLOY_BOT = 'CodeDeploy';
const CLOUDFORMATION_BOT = 'CloudFormation';
const TRAINER = 'Trainer';

export function eventContext(sim: Simulation): EventContext {
  return {
    sha: (revision) => revisionName(revision, sim.commit(revision)?.sha),
    author: (revision) => sim.commit(revision)?.author,
    revisionOf: (execution) => sim.executions.get(execution)?.revision,
    incidentStartedAt: (incident) => sim.incidents.get(incident)?.startedAt,
    teamVoice: sim.team.developers[0]?.name ?? 'Team',
    learnerApproves: sim.settings.mode === 'delivery' && sim.settings.approver === 'learner',
  };
}

/** What a live settings change did, as the trainer would say it. */
export function describeChange(change: LiveSettingsChange): string {
  const parts: string[] = [];
  if (change.monitoring !== undefined) parts.push(`turned monitoring ${change.monitoring ? 'on' : 'off'}`);
  if (change.alarmThreshold !== undefined) parts.push(`set the alarm threshold to ${percent(change.alarmThreshold, 1)} errors`);
  if (change.culture !== undefined) parts.push(`switched the culture to ${change.culture === 'devops' ? 'DevOps' : 'silos'}`);
  if (change.approver !== undefined) parts.push(change.approver === 'scheduled' ? 'handed approvals to the scheduled approver' : 'took over approvals');
  if (change.approvalsPerDay !== undefined) parts.push(`set ${change.approvalsPerDay} approvals a day`);
  if (change.testCoverage !== undefined) parts.push(`set test coverage to ${percent(change.testCoverage, 0)}`);
  if (change.learning !== undefined) parts.push(change.learning ? 'let postmortems improve the pipeline' : 'switched learning from postmortems off');
  return `${parts.join(', ') || 'changed a setting'}.`;
}

/** Fails to compile when a case above forgot an event type. */
function unknownEvent(e: never): never {
  throw new Error(`No description for event ${(e as SimEvent).type}`);
}

/**
 * One log event in people's words, for the feed and for the chat, or null for the bookkeeping
 * events nobody would mention (an execution started, a stage took or finished its work).
 */
export function describeEvent(e: LoggedEvent, ctx: EventContext): EventDescription | null {
  const link = (revision: number): FeedPart => ({ commit: revision, sha: ctx.sha(revision) });
  /** A revision a rollback goes to: a link, or the words for revision 0. */
  const target = (revision: number): FeedPart => (revision > 0 ? link(revision) : START_RELEASE.told);
  const line = (
    kind: EventKind,
    tone: Tone,
    feed: FeedPart[] | null,
    chat: EventDescription['chat'],
    more: { important?: boolean; commits?: number[]; incident?: number } = {},
  ): EventDescription => ({
    seq: e.seq,
    t: e.t,
    kind,
    tone,
    important: more.important ?? false,
    commits: more.commits ?? [],
    incident: more.incident,
    feed,
    chat,
  });

  switch (e.type) {
    case 'commit.pushed':
      return line(
        'push',
        'info',
        [`${e.author} pushed `, { commit: e.commit, sha: e.sha }, `: ${e.message}`],
        { who: e.author, text: `pushed ${e.sha}: ${e.message}` },
        { commits: [e.commit] },
      );
    // Bookkeeping: the diagram shows work starting and finishing; nobody says it.
    case 'execution.started':
    case 'stage.entered':
    case 'stage.started':
    case 'stage.succeeded':
      return null;
    case 'stage.failed': {
      const stage = stageName(e.stage);
      const reason = FAILURE_WORDS[e.reason].told;
      const authors = [...new Set(e.culprits.map((c) => ctx.author(c)).filter(Boolean))];
      const blame = e.culprits.length > 0 ? ` in ${e.culprits.map((c) => ctx.sha(c)).join(', ')}. @${authors.join(' @')} please take a look.` : '.';
      return line(
        'failure',
        'bad',
        [`${stage} failed for `, link(e.revision), `: ${reason}.`],
        { who: PIPELINE_BOT, text: `${stage} failed for ${ctx.sha(e.revision)}: ${reason}${blame}` },
        { important: true, commits: e.culprits.length > 0 ? e.culprits : [e.revision] },
      );
    }
    case 'execution.superseded': {
      const mine = ctx.revisionOf(e.execution);
      const newer = ctx.revisionOf(e.by);
      if (mine === undefined || newer === undefined) return null;
      // The chat leaves superseding to the diagram: it happens on every busy push.
      return line('superseded', 'info', [link(mine), ` was superseded at ${stageName(e.stage)}: its commits travel on inside `, link(newer), '.'], null, {
        commits: [mine, newer],
      });
    }
    case 'execution.held': {
      const held = ` is held before Deploy: it still carries the defect behind incident #${e.incident}.`;
      return line(
        'line',
        'warn',
        [link(e.revision), held],
        { who: PIPELINE_BOT, text: `${ctx.sha(e.revision)}${held}` },
        {
          commits: [e.revision],
          incident: e.incident,
        },
      );
    }
    case 'approval.requested': {
      const commits = plural(e.pendingCommits, 'commit');
      return line(
        'approval',
        'action',
        [link(e.revision), ` waits for ${ctx.learnerApproves ? 'your ' : ''}approval with ${commits}.`],
        { who: PIPELINE_BOT, text: `Approval needed: ${ctx.sha(e.revision)} would ship ${commits} to production.` },
        { important: ctx.learnerApproves, commits: [e.revision] },
      );
    }
    case 'approval.granted':
    case 'approval.rejected': {
      const verb = e.type === 'approval.granted' ? 'approved' : 'rejected';
      const comment = e.comment ? `: “${e.comment}”` : '.';
      return line(
        'approval',
        e.type === 'approval.granted' ? 'good' : 'bad',
        [`${e.by} ${verb} `, link(e.revision), comment],
        { who: e.by, text: `${verb} ${ctx.sha(e.revision)}${comment}` },
        { important: true, commits: [e.revision] },
      );
    }
    case 'release.scheduled':
      // The chat hears of it when the hand deploy happens.
      return line('release', 'info', [link(e.revision), ' passed Test and waits for the next scheduled deploy.'], null, {
        commits: [e.revision],
      });
    case 'deploy.succeeded':
      return line(
        'deploy',
        'good',
        [link(e.revision), ` is live in production: ${plural(e.batch, 'commit')} shipped.`],
        { who: DEPLOY_BOT, text: `Deployed ${ctx.sha(e.revision)} to production: ${plural(e.batch, 'commit')} in this release.` },
        { important: true, commits: [e.revision] },
      );
    case 'incident.started':
      // Nobody on the team knows yet: the chat hears of it from the alarm or the support desk.
      return line(
        'incident',
        'bad',
        [
          `Production is failing: ${percent(e.errorRate)} of requests get errors.${e.drift ? ' It worked in staging: production has drifted from the template.' : ''}`,
        ],
        null,
        {
          important: true,
          incident: e.incident,
        },
      );
    case 'alarm.fired': {
      const above = `error rate ${percent(e.errorRate)} is above the ${percent(e.threshold)} threshold`;
      return line(
        'incident',
        'bad',
        [`CloudWatch alarm for incident #${e.incident}: ${above}.`],
        { who: MONITOR_BOT, text: `ALARM: ${above} (incident #${e.incident}).` },
        { important: true, incident: e.incident },
      );
    }
    case 'incident.reported':
      return line(
        'incident',
        'bad',
        [`Customers report errors: incident #${e.incident} is found.`],
        { who: 'Support desk', text: `Customers report errors at checkout. Opening incident #${e.incident}.` },
        { important: true, incident: e.incident },
      );
    case 'incident.paged':
      return line(
        'incident',
        'warn',
        [`${e.person} is paged for incident #${e.incident}.`],
        { who: 'PagerDuty', text: `Paged ${e.person} for incident #${e.incident}.` },
        { incident: e.incident },
      );
    case 'incident.acknowledged':
      return line(
        'incident',
        'info',
        [`${e.person} acknowledged incident #${e.incident}.`],
        { who: e.person, text: `acknowledged incident #${e.incident}, looking now.` },
        { incident: e.incident },
      );
    case 'rollback.started': {
      const to = target(e.to);
      const words = typeof to === 'string' ? to : to.sha;
      return e.automatic
        ? line(
            'rollback',
            'warn',
            ['CodeDeploy rolls back automatically to ', to, '.'],
            { who: DEPLOY_BOT, text: `Automatic rollback to ${words} (incident #${e.incident}).` },
            { incident: e.incident },
          )
        : line(
            'rollback',
            'warn',
            [`${e.by} rolls production back to `, to, '.'],
            { who: e.by, text: `rolling back to ${words} (incident #${e.incident}).` },
            { incident: e.incident },
          );
    }
    case 'deploy.rolledBack':
      // The chat already said the rollback started; the feed marks when production is back.
      return line('rollback', 'warn', ['Production rolled back to ', target(e.to), '.'], null, { important: true, incident: e.incident });
    case 'incident.restored': {
      const how = RESTORE_WORDS[e.path].told;
      const startedAt = ctx.incidentStartedAt(e.incident);
      const took = startedAt === undefined ? '' : ` after ${formatDuration(e.t - startedAt)}`;
      return line(
        'restored',
        'good',
        [`Service restored (incident #${e.incident}) by ${how}.`],
        { who: MONITOR_BOT, text: `Incident #${e.incident} resolved by ${how}${took}. Service healthy.` },
        { important: true, incident: e.incident },
      );
    }
    case 'handoff.queued': {
      const to = TEAM_WORDS[e.to];
      return line('handoff', 'warn', [`Ticket for ${to}: ${e.about}. It waits in their queue.`], {
        who: `${TEAM_WORDS[e.from]} team`,
        text: `opened a ticket for ${to}: ${e.about}.`,
      });
    }
    case 'handoff.done': {
      // Working time, as the metrics count it: a ticket left overnight did not wait all night for work.
      const waited = `${formatDuration(e.workingMinutes)} of working time in the queue`;
      // The feed mentions only the waits worth noticing (an hour or more); the chat every pickup.
      return line('handoff', 'info', e.workingMinutes >= 60 ? [`A ticket was picked up after ${waited}.`] : null, {
        who: 'Ticket queue',
        text: `Ticket picked up after ${waited}.`,
      });
    }
    case 'postmortem.held':
      return e.blameless
        ? line(
            'postmortem',
            'good',
            [`Blameless postmortem for incident #${e.incident}: ${e.action}.`],
            { who: ctx.teamVoice, text: `Blameless postmortem for incident #${e.incident}. Action: ${e.action}.` },
            { incident: e.incident },
          )
        : line(
            'postmortem',
            'bad',
            [`The incident report for #${e.incident} blames ${e.blamed ?? 'a person'}. Nothing in the pipeline changes.`],
            { who: 'Management', text: `Incident report #${e.incident}: ${e.blamed ?? 'a developer'} caused the outage. No change to the process.` },
            { incident: e.incident },
          );
    case 'pipeline.held':
      return line(
        'line',
        'warn',
        ['Line stopped: revisions with the known defect are held before Deploy.'],
        {
          who: PIPELINE_BOT,
          text: `Stopped the line: no deploys of revisions carrying the incident #${e.incident} defect until it is fixed.`,
        },
        { important: true, incident: e.incident },
      );
    case 'pipeline.resumed': {
      const text = 'Line flowing again: the fix is on main.';
      return line('line', 'good', [text], { who: PIPELINE_BOT, text });
    }
    case 'fault.injected': {
      const { told, effect } = FAULT_WORDS[e.fault];
      return line('fault', 'action', [`${TRAINER} ${told}. ${effect}`], { who: TRAINER, text: `${told}. ${effect}` });
    }
    case 'fault.applied': {
      const about = e.commit !== undefined ? [link(e.commit), ': '] : [];
      const text = `The injected fault takes effect: ${FAULT_WORDS[e.fault].applied}.`;
      return line('fault', 'action', [...about, text], null, { commits: e.commit !== undefined ? [e.commit] : [] });
    }
    case 'rollback.failed':
      return line(
        'rollback',
        'bad',
        [`Rollback to `, target(e.to), ` failed: the release changed the database schema. The team fixes forward (incident #${e.incident}).`],
        { who: DEPLOY_BOT, text: `Rollback failed for incident #${e.incident}: the previous revision cannot run on the migrated schema. Fix forward.` },
        { important: true, incident: e.incident },
      );
    case 'hotfix.planned':
      return line(
        'release',
        'warn',
        e.reason === 'incident'
          ? [link(e.revision), ' carries the fix: it ships as a hotfix, not on the next release day.']
          : [link(e.revision), ' carries the fixes for the rolled-back release: a second attempt ships it.'],
        {
          who: PIPELINE_BOT,
          text:
            e.reason === 'incident'
              ? `Hotfix ${ctx.sha(e.revision)} is ready to ship.`
              : `Second attempt at the release: ${ctx.sha(e.revision)} carries its fixes.`,
        },
        { important: true, commits: [e.revision] },
      );
    case 'release.due':
      // The approval or the deploy that follows says what happens; the kind marks release day in views.
      return e.kind === 'release-day' ? line('release', 'info', ['Release day: what is on main ships by hand.'], null) : null;
    case 'infra.commit':
      return line(
        'push',
        'info',
        [`${e.by} pushed a template change `, link(e.commit), `: ${e.summary} It goes through the pipeline like any change.`],
        { who: e.by, text: `pushed ${ctx.sha(e.commit)}: infrastructure change to shop-web. ${e.summary}` },
        { commits: [e.commit] },
      );
    case 'stack.update.started': {
      const why = e.commit !== undefined ? [' as ', link(e.commit), ' deploys'] : [` (${e.by})`];
      return line(
        'settings',
        'info',
        [`CloudFormation starts updating the stack shop-web`, ...why, `: ${e.summary}`],
        { who: CLOUDFORMATION_BOT, text: `UPDATE_IN_PROGRESS shop-web: ${e.summary}` },
        { commits: e.commit !== undefined ? [e.commit] : [] },
      );
    }
    case 'stack.update.resource':
      // The stack's events table shows each resource; the feed and chat speak only of a failure.
      return e.status === 'UPDATE_FAILED'
        ? line('failure', 'bad', [`CloudFormation could not update ${e.logicalId}: ${e.reason ?? 'the update failed'}.`], {
            who: CLOUDFORMATION_BOT,
            text: `UPDATE_FAILED ${e.logicalId} (${e.resourceType}): ${e.reason ?? 'the update failed'}`,
          })
        : null;
    case 'stack.update.completed': {
      const effects = e.effects.length > 0 ? ` ${e.effects.join('; ')}.` : ' Nothing in the run changes.';
      return line(
        'settings',
        'good',
        [`Stack shop-web updated (UPDATE_COMPLETE).${effects}`],
        { who: CLOUDFORMATION_BOT, text: `UPDATE_COMPLETE shop-web.${effects}` },
        { important: true },
      );
    }
    case 'stack.update.rolledBack':
      return line(
        'failure',
        'bad',
        [`The stack update failed at ${e.logicalId} and was rolled back (UPDATE_ROLLBACK_COMPLETE): ${e.reason}. The stack runs as before.`],
        { who: CLOUDFORMATION_BOT, text: `UPDATE_ROLLBACK_COMPLETE shop-web: ${e.logicalId} failed: ${e.reason}` },
        { important: true },
      );
    case 'drift.introduced': {
      const info = DRIFT_CHANGES[e.change];
      const text = e.snowflake
        ? `Production was configured by hand and no longer matches staging: ${info.story}.`
        : `Someone changed production by hand: ${info.story}. The template does not know.`;
      return line('fault', e.snowflake ? 'warn' : 'action', [text], e.snowflake ? null : { who: TRAINER, text: `${info.label}: ${info.story}.` });
    }
    case 'drift.detected': {
      const text =
        e.modified.length === 0
          ? 'Drift detection: every resource of shop-web matches its template (IN_SYNC).'
          : `Drift detection: ${e.modified.join(', ')} ${e.modified.length === 1 ? 'was' : 'were'} changed outside CloudFormation (MODIFIED).`;
      return line('settings', e.modified.length === 0 ? 'good' : 'warn', [text], { who: CLOUDFORMATION_BOT, text });
    }
    case 'drift.resolved': {
      const how =
        e.how === 'template-applied'
          ? 're-applying the template put production back as the template describes it'
          : e.how === 'template-matches'
            ? 'the template now says what production has'
            : 'someone found the hand change and put it right by hand';
      const text = `Drift resolved (${DRIFT_CHANGES[e.change].label.toLowerCase()}): ${how}.`;
      return line('restored', 'good', [text], { who: e.how === 'fixed-by-hand' ? ctx.teamVoice : CLOUDFORMATION_BOT, text });
    }
    case 'settings.changed':
      // The feed follows the pipeline; the settings panel already shows what changed.
      return line('settings', 'action', null, { who: TRAINER, text: describeChange(e.change) });
    default:
      return unknownEvent(e);
  }
}
