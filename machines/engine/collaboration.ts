import { MINUTES_PER_DAY, addWorkingMinutes, workingMinutesBetween } from '../sim/calendar';
import { TICKET_MINUTES } from './durations';
import type { RunState } from './runState';
import type { TaskKind } from './types';

type Team = 'dev' | 'ops';

/**
 * People working together: the tasks each person is busy with (the team view) and, in silos, the
 * tickets one team waits on from the other (handoffs).
 */
export class Collaboration {
  private nextHandoff = 1;
  private nextTask = 1;

  constructor(private readonly s: RunState) {}

  addTask(person: string, kind: TaskKind, about: string, until?: number, incident?: number): void {
    const s = this.s;
    s.tasks.push({ id: this.nextTask++, person, kind, about, since: s.now, until, incident });
  }

  /** Minutes a ticket waits in the other team's queue: a few working hours. */
  ticketDelay(from: number): number {
    const wait = this.s.rng.people.between(TICKET_MINUTES[0], TICKET_MINUTES[1]);
    return addWorkingMinutes(from, wait, this.s.settings.workingHours) - from;
  }

  /** A ticket to the other team; `then` runs when they pick it up. */
  handoff(from: Team, to: Team, about: string, then: () => void): void {
    const s = this.s;
    const wait = this.ticketDelay(s.now);
    this.countHandoff(from, to, about, wait);
    s.clock.at(s.now + wait, then);
  }

  /** Records a ticket that waits `wait` minutes: both people's tasks and the handoff events. */
  countHandoff(from: Team, to: Team, about: string, wait: number): void {
    const s = this.s;
    const id = this.nextHandoff++;
    const requester = from === 'dev' ? s.team.developers[0] : s.team.operators[0];
    const receivers = to === 'ops' ? s.team.operators : s.team.developers;
    const receiver = receivers[id % receivers.length];
    if (requester) this.addTask(requester.name, 'waiting', `waiting on ${to === 'ops' ? 'Ops' : 'Dev'}: ${about}`, s.now + wait);
    if (receiver) this.addTask(receiver.name, 'ticket', `ticket in the queue: ${about}`, s.now + wait);
    s.emit({ type: 'handoff.queued', handoff: id, from, to, about });
    const queuedAt = s.now;
    s.clock.at(s.now + wait, () =>
      s.emit({ type: 'handoff.done', handoff: id, waited: wait, workingMinutes: workingMinutesBetween(queuedAt, s.now, s.settings.workingHours) }),
    );
  }

  /** Who runs a deploy by hand: Ops in silos; the release manager or the tech lead otherwise. */
  handDeployers(): string[] {
    const s = this.s;
    if (s.settings.culture === 'silos') return s.team.operators.map((p) => p.name);
    return s.settings.mode === 'manual' ? [s.team.releaseManager.name] : [s.team.developers[0]!.name];
  }

  /** Finished tasks are kept for a day, then dropped. */
  dropOldTasks(): void {
    const s = this.s;
    s.tasks = s.tasks.filter((task) => task.until === undefined || task.until > s.now - MINUTES_PER_DAY);
  }
}
