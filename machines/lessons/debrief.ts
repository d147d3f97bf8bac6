import { formatMeasure } from './goals';
import { MEASURES, measure, type Measure, type MeasureContext, type MeasureId, type MeasureValue } from './measures';
import { referenceRun } from './replay';
import { contextAt } from './session';
import type { Simulation } from '../engine/simulation';
import type { Lesson } from './types';

export interface DebriefRow {
  measure: MeasureId;
  label: string;
  yours: string;
  reference: string;
  /** Whose number is better, when the measure has a better direction and they differ enough. */
  better: 'yours' | 'reference' | 'same' | null;
}

export interface Debrief {
  rows: DebriefRow[];
  /** What the difference was and why, generated from both runs. */
  sentences: string[];
}

/** The smallest difference worth a sentence, per unit: a quarter hour, five minutes, one commit, five points. */
const MIN_DIFFERENCE: Record<Measure['unit'], number> = { hours: 0.25, minutes: 5, commits: 1, count: 1, share: 0.05, word: 0 };

/** Two numbers differ when they are more than 15% and more than the unit's smallest step apart. */
function differ(id: MeasureId, a: number, b: number): boolean {
  const gap = Math.abs(a - b);
  return gap > Math.max(Math.abs(a), Math.abs(b)) * 0.15 && gap >= MIN_DIFFERENCE[(MEASURES[id] as Measure).unit] && gap > 1e-9;
}

function compare(id: MeasureId, yours: MeasureValue, reference: MeasureValue): DebriefRow['better'] {
  const spec = MEASURES[id] as Measure;
  if (spec.better === null || typeof yours !== 'number' || typeof reference !== 'number') return null;
  if (!differ(id, yours, reference)) return 'same';
  const lower = yours < reference;
  return (spec.better === 'lower') === lower ? 'yours' : 'reference';
}

/**
 * Causes behind a difference, as the model makes them: lead time comes from waiting (at Approval,
 * for a release) and from batches; failures from batch size and tests; recovery from detection.
 */
const CAUSES: Partial<Record<MeasureId, MeasureId[]>> = {
  leadTimeMedian: ['approvalWaitMedian', 'meanBatch', 'deployments'],
  leadTimeMean: ['approvalWaitMedian', 'meanBatch', 'deployments'],
  changeFailureRate: ['meanBatch', 'testCoverage'],
  restoreMedian: ['minutesToDetect', 'handoffHours'],
  minutesToRestore: ['minutesToDetect', 'handoffHours'],
  customerImpact: ['minutesToDetect', 'restoreMedian'],
  handoffHours: ['handoffs'],
};

function phrase(id: MeasureId, value: MeasureValue): string {
  return formatMeasure(id, value);
}

/**
 * The debrief: the learner's numbers beside the reference run's, and a few sentences that say
 * where they differ and why, from what both runs measured (never written for an imagined run).
 */
export function debrief(lesson: Lesson, learner: MeasureContext, reference: MeasureContext): Debrief {
  const values = new Map<MeasureId, [MeasureValue, MeasureValue]>();
  const valueOf = (id: MeasureId): [MeasureValue, MeasureValue] => {
    let pair = values.get(id);
    if (!pair) {
      pair = [measure(id, learner), measure(id, reference)];
      values.set(id, pair);
    }
    return pair;
  };

  const rows: DebriefRow[] = lesson.debrief.compare.map((id) => {
    const [yours, ref] = valueOf(id);
    return { measure: id, label: (MEASURES[id] as Measure).label, yours: phrase(id, yours), reference: phrase(id, ref), better: compare(id, yours, ref) };
  });

  const sentences: string[] = [];
  // A number already given as the cause of another says nothing new in a sentence of its own.
  const told = new Set<MeasureId>();
  for (const row of rows) {
    if (row.better === null || row.better === 'same' || told.has(row.measure)) continue;
    const [yours, ref] = valueOf(row.measure);
    const spec = MEASURES[row.measure] as Measure;
    const label = spec.label.charAt(0).toUpperCase() + spec.label.slice(1);
    let sentence =
      spec.unit === 'count'
        ? `${label}: ${phrase(row.measure, yours)} in your run against ${phrase(row.measure, ref)} in the reference run, ${row.better === 'yours' ? 'the better number' : 'the reference run did better'}.`
        : `Your ${spec.label} was ${phrase(row.measure, yours)}, ${row.better === 'yours' ? 'better than' : 'worse than'} the reference run's ${phrase(row.measure, ref)}.`;
    const cause = (CAUSES[row.measure] ?? []).find((id) => {
      const [a, b] = valueOf(id);
      return typeof a === 'number' && typeof b === 'number' && differ(id, a, b);
    });
    if (cause) {
      const [a, b] = valueOf(cause);
      sentence += ` Behind it: ${(MEASURES[cause] as Measure).label} ${phrase(cause, a)} against ${phrase(cause, b)}.`;
      told.add(cause);
    }
    sentences.push(sentence);
  }
  if (sentences.length === 0) {
    const same = rows.filter((r) => r.better === 'same').map((r) => r.label);
    sentences.push(
      same.length > 0
        ? `Your run and the reference run ended close together on ${listWords(same)}: you took the decisions the lesson asked for at about the same moments.`
        : 'Your run and the reference run ended with the same numbers.',
    );
  }
  return { rows, sentences };
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * The debrief of a learner's run. Each run is measured when it finished the lesson, except that a
 * reference run that finished sooner is played on to the learner's moment: the learner took longer,
 * and the hours they took count on both sides (a learner who finished sooner is not penalised by the
 * reference's extra minutes more than those minutes weigh).
 */
export function debriefRun(lesson: Lesson, learner: Simulation, reference = referenceRun(lesson)): Debrief & { learnerEnd: number; referenceEnd: number } {
  if (reference.sim.now < learner.now) reference.sim.advanceTo(learner.now);
  return {
    ...debrief(lesson, contextAt(learner, null, new Map()), contextAt(reference.sim, null, new Map())),
    learnerEnd: learner.now,
    referenceEnd: reference.sim.now,
  };
}
