import type { Simulation } from '../engine/simulation';
import { teamActivity, ACTIVITY_WORDS, type Activity } from '../team/teamActivity';
import { MODE_INFO } from '../world/modes';
import { CULTURE_NAMES, type Culture } from '../world/settings';
import { onCallAt, type Person, type Role } from '../world/team';
import { LEARNER } from '../words';
import type { Status } from './stages';

/**
 * The collaboration view's reading of the run: who is on the team and what each person does now,
 * how the culture routes work (pager, approvals, deploys, incidents, postmortems), and the ticket
 * queue between Dev and Ops with its waiting times. Pure; no React, no DOM.
 */

/** How an activity shows in the status vocabulary: busy, waiting on someone, firefighting, off. */
export type ActivityTone = Extract<Status, 'working' | 'waiting' | 'failed' | 'idle'>;

export const ACTIVITY_TONE: Record<Activity, ActivityTone> = {
  coding: 'working',
  reviewing: 'working',
  approving: 'working',
  deploying: 'working',
  fixing: 'working',
  operating: 'working',
  'on-call': 'failed',
  waiting: 'waiting',
  ticket: 'waiting',
  off: 'idle',
};

export type TeamId = 'dev' | 'ops' | 'release';

export interface PersonView {
  id: string;
  name: string;
  title: string;
  role: Role;
  team: TeamId;
  activity: Activity;
  activityWords: string;
  tone: ActivityTone;
  /** What the activity is about, in words. */
  detail: string;
  since?: number;
  incident?: number;
  /** Carries the pager this week. */
  onCall: boolean;
}

export interface TeamGroup {
  id: TeamId | 'product';
  name: string;
  /** One line on how the group works in this culture. */
  note: string;
  people: PersonView[];
}

export interface Ticket {
  id: number;
  from: 'dev' | 'ops';
  to: 'dev' | 'ops';
  about: string;
  queuedAt: number;
  doneAt?: number;
  /** Minutes waited: final when done, so far while open. */
  waited: number;
  open: boolean;
}

/** One way the culture changes who does what. */
export interface CultureFact {
  id: 'pager' | 'approval' | 'deploy' | 'incident' | 'postmortem';
  /** "Who gets paged" */
  label: string;
  /** "Olga (Ops only)" */
  value: string;
  /** Whether work waits for the other team here (a ticket queue sits in the way). */
  waitsForOtherTeam: boolean;
}

export interface TeamView {
  culture: Culture;
  cultureName: string;
  groups: TeamGroup[];
  onCall: Person;
  /** People the pager rotates over, in rota order. */
  rota: Person[];
  facts: CultureFact[];
  openTickets: Ticket[];
  /** Finished tickets, newest first (at most `recentTickets`). */
  doneTickets: Ticket[];
  /** Ticket counts over the whole remembered log. */
  ticketsTotal: number;
  /** People waiting on the other team right now. */
  waitingNow: number;
}

function teamOf(person: Person): TeamId {
  if (person.role === 'developer') return 'dev';
  if (person.role === 'operator') return 'ops';
  return 'release';
}

/** Every handoff in the log, as tickets in the queue between the teams. */
export function tickets(sim: Simulation): Ticket[] {
  const byId = new Map<number, Ticket>();
  for (const e of sim.log) {
    if (e.type === 'handoff.queued') {
      byId.set(e.handoff, { id: e.handoff, from: e.from, to: e.to, about: e.about, queuedAt: e.t, waited: 0, open: true });
    } else if (e.type === 'handoff.done') {
      const ticket = byId.get(e.handoff);
      if (ticket) Object.assign(ticket, { doneAt: e.t, waited: e.waited, open: false });
    }
  }
  const list = [...byId.values()];
  for (const ticket of list) if (ticket.open) ticket.waited = sim.now - ticket.queuedAt;
  return list;
}

/** How the culture, the mode and the approver setting route the work: the facts the view lists. */
export function cultureFacts(sim: Simulation): CultureFact[] {
  const { culture, mode, approver } = sim.settings;
  const info = MODE_INFO[mode];
  const silos = culture === 'silos';
  const team = sim.team;
  const onCall = onCallAt(team, culture, sim.now);
  const facts: CultureFact[] = [
    {
      id: 'pager',
      label: 'Who gets paged',
      value: silos ? `${onCall.name}: Operations only carries the pager` : `${onCall.name} this week: developers and operators share the pager`,
      waitsForOtherTeam: false,
    },
  ];
  if (info.hasApproval) {
    let value: string;
    if (mode === 'manual') value = `${team.releaseManager.name}, the release manager, on release day`;
    else if (approver === 'learner')
      value = silos ? `${LEARNER}, after the request waits in the Ops ticket queue` : `${LEARNER}, as soon as a revision passes Test`;
    else value = silos ? `${team.approver.name} (${team.approver.title}), after a ticket to Ops` : `${team.approver.name} (${team.approver.title}) on the team`;
    facts.push({ id: 'approval', label: 'Who approves', value, waitsForOtherTeam: silos && mode === 'delivery' });
  }
  let deploy: string;
  if (!info.deploysByHand) deploy = 'Automated by CodeDeploy: nobody waits';
  else if (silos) deploy = `By hand by Operations (${team.operators.map((p) => p.name).join(', ')}), after a ticket`;
  else
    deploy =
      mode === 'manual'
        ? `By hand by ${team.releaseManager.name}, the release manager`
        : `By hand by ${team.developers[0]?.name ?? 'the tech lead'}, the tech lead`;
  facts.push({ id: 'deploy', label: 'Who deploys', value: deploy, waitsForOtherTeam: silos && info.deploysByHand });
  facts.push({
    id: 'incident',
    label: 'Who fixes an incident',
    value: silos ? 'Ops asks Dev which change broke it, then files a ticket for the fix' : 'The person on call rolls back; the author fixes it straight away',
    waitsForOtherTeam: silos,
  });
  facts.push({
    id: 'postmortem',
    label: 'After an incident',
    value: silos ? 'An incident report that names a person; nothing changes' : 'A blameless postmortem whose action improves the pipeline',
    waitsForOtherTeam: false,
  });
  return facts;
}

export function teamView(sim: Simulation, recentTickets = 8): TeamView {
  const { culture } = sim.settings;
  const silos = culture === 'silos';
  const onCall = onCallAt(sim.team, culture, sim.now);
  const people: PersonView[] = teamActivity(sim).map(({ person, activity, detail, since, incident }) => ({
    id: person.id,
    name: person.name,
    title: person.title,
    role: person.role,
    team: teamOf(person),
    activity,
    activityWords: ACTIVITY_WORDS[activity],
    tone: ACTIVITY_TONE[activity],
    detail,
    since,
    incident,
    onCall: person.id === onCall.id,
  }));
  const release = people.filter((p) => p.team === 'release');
  const groups: TeamGroup[] = silos
    ? [
        { id: 'dev', name: 'Development', note: 'Writes the code; reaches Operations through tickets.', people: people.filter((p) => p.team === 'dev') },
        { id: 'ops', name: 'Operations', note: 'Runs production, approves and deploys; alone on call.', people: people.filter((p) => p.team === 'ops') },
        { id: 'release', name: 'Release management', note: 'Plans the releases.', people: release },
      ]
    : [
        {
          id: 'product',
          name: 'One product team',
          note: 'Developers and operators share the service, the pager and the chat.',
          people: people.filter((p) => p.team !== 'release'),
        },
        { id: 'release', name: 'Release management', note: 'Plans the releases.', people: release },
      ];
  const all = tickets(sim);
  const open = all.filter((t) => t.open).sort((a, b) => a.queuedAt - b.queuedAt);
  const done = all
    .filter((t) => !t.open)
    .sort((a, b) => (b.doneAt ?? 0) - (a.doneAt ?? 0))
    .slice(0, recentTickets);
  return {
    culture,
    cultureName: CULTURE_NAMES[culture],
    groups: groups.filter((g) => g.people.length > 0),
    onCall,
    rota: silos ? sim.team.operators : [...sim.team.developers, ...sim.team.operators],
    facts: cultureFacts(sim),
    openTickets: open,
    doneTickets: done,
    ticketsTotal: all.length,
    waitingNow: people.filter((p) => p.activity === 'waiting').length,
  };
}
