import type { LoggedEvent } from '../events';
import { durationText, trimNumber } from '../metrics/quantity';
import { percent } from '../words';
import { MEASURES, measure, type Measure, type MeasureContext, type MeasureId, type MeasureValue } from './measures';
import type { Condition, EventPattern } from './types';

/** Whether an event is of the pattern's kind and has every field value it names. */
export function matches(pattern: EventPattern, e: LoggedEvent): boolean {
  if (e.type !== pattern.event) return false;
  if (!pattern.where) return true;
  const fields = e as unknown as Record<string, unknown>;
  for (const [key, value] of Object.entries(pattern.where)) if (fields[key] !== value) return false;
  return true;
}

/** Words for the values of choice measures, as a learner reads them. */
const WORDS: Record<string, string> = {
  alarm: 'the alarm',
  customers: 'customers',
  'automatic-rollback': 'an automatic rollback',
  'manual-rollback': 'a rollback by hand',
  fix: 'a fix shipped forward',
  developer: 'a developer',
  operator: 'an operations engineer',
  'release-manager': 'the release manager',
  'working-hours': 'in working hours',
  'after-hours': 'after hours',
  injected: 'the injected defect',
  natural: 'a defect of the team’s own',
  silos: 'silos',
  devops: 'DevOps',
};

/** A measure's value in words: "14.2 hours", "23%", "37 commits", "the alarm"; "none yet" for null. */
export function formatMeasure(id: MeasureId, value: MeasureValue): string {
  if (value === null) return 'none yet';
  const spec = MEASURES[id] as Measure;
  if (typeof value === 'string') return WORDS[value] ?? value;
  switch (spec.unit) {
    case 'hours':
      return durationText(value * 60);
    case 'minutes':
      return durationText(value);
    case 'share':
      return percent(value);
    case 'commits':
      return `${trimNumber(value, 1)} ${value === 1 ? 'commit' : 'commits'}`;
    case 'count':
    case 'word':
      return trimNumber(value, 1);
  }
}

/** Whether a condition holds now, and in words what it asks and what the run has. */
export function describeCondition(condition: Condition, context: MeasureContext): { holds: boolean; words: string } {
  const value = measure(condition.measure, context);
  const label = (MEASURES[condition.measure] as Measure).label;
  const has = formatMeasure(condition.measure, value);
  const bounds: string[] = [];
  let holds = true;
  if (condition.atMost !== undefined) {
    bounds.push(`at most ${formatMeasure(condition.measure, condition.atMost)}`);
    holds &&= typeof value === 'number' && value <= condition.atMost;
  }
  if (condition.atLeast !== undefined) {
    bounds.push(`at least ${formatMeasure(condition.measure, condition.atLeast)}`);
    holds &&= typeof value === 'number' && value >= condition.atLeast;
  }
  if (condition.is !== undefined) {
    bounds.push(formatMeasure(condition.measure, condition.is));
    holds &&= value === condition.is;
  }
  const first = label.charAt(0).toUpperCase() + label.slice(1);
  return { holds, words: `${first}: ${has}; the goal asks for ${bounds.join(' and ')}.` };
}
