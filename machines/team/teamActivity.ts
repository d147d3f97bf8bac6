import type { Simulation } from '../engine/simulation';
import type { Task, TaskKind } from '../engine/types';
import { isWorkingTime } from '../sim/calendar';
import type { Person } from '../world/team';
import { capitalise } from '../words';

export type Activity = TaskKind | 'approving' | 'coding' | 'operating' | 'off';

export const ACTIVITY_WORDS: Record<Activity, string> = {
  'on-call': 'On call',
  deploying: 'Deploying',
  fixing: 'Fixing',
  approving: 'Approving',
  waiting: 'Waiting on someone',
  ticket: 'Working the ticket queue',
  reviewing: 'Reviewing',
  coding: 'Coding',
  operating: 'Keeping the lights on',
  off: 'Off work',
};

/** What wins when a person does several things at once: the page beats the ticket, and so on. */
const PRIORITY: readonly TaskKind[] = ['on-call', 'deploying', 'fixing', 'waiting', 'ticket', 'reviewing'];

export interface PersonActivity {
  person: Person;
  activity: Activity;
  /** The activity in words, with what it is about: "Fixing the compile error from 3f2a1c1". */
  detail: string;
  since?: number;
  incident?: number;
}

/** What each person on the team is doing at the simulation's current minute. */
export function teamActivity(sim: Simulation): PersonActivity[] {
  const now = sim.now;
  const active = new Map<string, Task[]>();
  for (const task of sim.tasks) {
    if (task.since > now || (task.until !== undefined && task.until <= now)) continue;
    const list = active.get(task.person) ?? [];
    list.push(task);
    active.set(task.person, list);
  }
  const approvalWaits = sim.settings.mode === 'delivery' && sim.settings.approver === 'scheduled' && sim.approval?.phase === 'awaitingDecision';
  const working = isWorkingTime(now, sim.settings.workingHours);

  return sim.team.everyone.map((person) => {
    const tasks = active.get(person.name) ?? [];
    for (const kind of PRIORITY) {
      const task = tasks.find((t) => t.kind === kind);
      if (task) return { person, activity: kind, detail: capitalise(task.about), since: task.since, incident: task.incident };
    }
    if (approvalWaits && person.id === sim.team.approver.id) {
      return { person, activity: 'approving', detail: 'Has a revision waiting for approval' };
    }
    if (!working) return { person, activity: 'off', detail: 'Off work' };
    if (person.role === 'developer') return { person, activity: 'coding', detail: 'Coding the next change' };
    if (person.role === 'release-manager') return { person, activity: 'operating', detail: 'Planning the next release' };
    return { person, activity: 'operating', detail: 'Patching servers, watching dashboards' };
  });
}
