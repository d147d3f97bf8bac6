import { MINUTES_PER_DAY } from '../sim/calendar';
import { planDay } from '../world/commits';
import { releaseMomentsOn } from '../world/releaseCalendar';
import type { Retention } from './retention';
import type { EngineParts, RunState } from './runState';

/**
 * The day, from midnight: it plans the day's commits and the release calendar's moments, tidies
 * memory, and schedules the next day.
 */
export function startDay(s: RunState, parts: EngineParts, retention: Retention, day: number): void {
  const { settings } = s;
  // Draw the day's commits even when they fall after the run's end, so the stream never depends on it.
  const planned = planDay(day, s.rng.commits, s.team.developers, {
    commitsPerDay: settings.commitsPerDay,
    defectRate: settings.defectRate,
    compileErrorRate: settings.compileErrorRate,
    workStartHour: settings.workingHours.start,
    workEndHour: settings.workingHours.end,
  });
  for (const commit of planned) s.clock.at(commit.at, () => parts.commits.pushPlanned(commit));
  for (const moment of releaseMomentsOn(day, settings)) s.clock.at(moment.at, () => parts.releases.calendarRelease());
  retention.forgetSettledProblems();
  parts.people.dropOldTasks();
  retention.trimHistory();
  s.clock.at((day + 1) * MINUTES_PER_DAY, () => startDay(s, parts, retention, day + 1));
}
