import { iacOn } from '../world/settings';
import { addWorkingMinutes } from '../sim/calendar';
import { ALARM_TUNING_FLOOR, ALARM_TUNING_STEP, POSTMORTEM_DELAY_MINUTES, SLOW_DETECTION_MINUTES } from './durations';
import type { RunState } from './runState';
import type { Incident } from './types';

/**
 * The postmortem after an incident: in silos it blames a person and changes nothing; in DevOps
 * culture (with learning on) it tunes the alarm if detection was slow, or adds tests for the part
 * of the product that failed.
 */
export function schedulePostmortem(s: RunState, incident: Incident): void {
  const at = addWorkingMinutes(s.now, POSTMORTEM_DELAY_MINUTES, s.settings.workingHours);
  s.clock.at(at, () => {
    if (s.settings.culture !== 'devops') {
      s.emit({
        type: 'postmortem.held',
        incident: incident.id,
        blameless: false,
        action: 'None: the incident report blames a person',
        blamed: incident.culpritAuthor,
      });
      return;
    }
    if (!s.settings.learning) {
      s.emit({ type: 'postmortem.held', incident: incident.id, blameless: true, action: 'Actions noted; learning is switched off for this run' });
      return;
    }
    s.emit({ type: 'postmortem.held', incident: incident.id, blameless: true, action: learnFrom(s, incident) });
  });
}

/** What a blameless postmortem changes, in words. */
function learnFrom(s: RunState, incident: Incident): string {
  if (incident.drift) {
    return !iacOn(s.settings)
      ? 'Describe the environments in code (IaC) so production cannot differ from staging by hand'
      : 'Detect drift before each deploy and make console changes through the template';
  }
  const slowDetection = incident.detectedBy === 'customers' || (incident.detectedAt ?? 0) - incident.startedAt > SLOW_DETECTION_MINUTES;
  const area = incident.culpritArea || undefined;
  if (slowDetection && s.settings.monitoring && s.alarmTuning > ALARM_TUNING_FLOOR) {
    s.alarmTuning = Math.max(ALARM_TUNING_FLOOR, s.alarmTuning * ALARM_TUNING_STEP);
    return 'Tune the alarm so it fires sooner';
  }
  if (area === undefined) return 'Add a canary step to the deploy';
  const { before, after } = s.tests.improve(area);
  return after > before
    ? `Add tests for ${area}: coverage there ${Math.round(before * 100)}% → ${Math.round(after * 100)}%`
    : `Tests for ${area} already catch all they can; add a canary step to the deploy`;
}
