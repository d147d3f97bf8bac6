import { createChangeSet } from '../machines/iac/changeSet';
import { defaultTemplateObject } from '../machines/iac/defaultStack';
import { templateFor } from '../machines/iac/defaultTemplate';
import { parseTemplate } from '../machines/iac/parse';
import { defaultSettings } from '../machines/world/settings';

/** Parse, validate and diff the default template (what Create change set does): the target per round. */
export const TARGET_IAC_MS = 5;

export interface IacBenchResult {
  bytes: number;
  /** Median of the rounds, in milliseconds: parse + validate (parseTemplate) and the diff. */
  parseMs: number;
  diffMs: number;
  totalMs: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export function benchIac(rounds = 200): IacBenchResult {
  const text = templateFor(defaultSettings('delivery'));
  // The change a learner makes first: Continuous Delivery's template against Continuous Deployment's.
  const before = defaultTemplateObject(defaultSettings('deployment'));
  for (let i = 0; i < 50; i++) parseTemplate(text);
  const parse: number[] = [];
  const diff: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    const parsed = parseTemplate(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(`the default template does not parse: ${parsed.problems[0]?.message}`);
    createChangeSet(before, parsed.template);
    const t2 = performance.now();
    parse.push(t1 - t0);
    diff.push(t2 - t1);
    total.push(t2 - t0);
  }
  return { bytes: new TextEncoder().encode(text).length, parseMs: median(parse), diffMs: median(diff), totalMs: median(total) };
}

export function printIac(r: IacBenchResult): void {
  console.log(`Infrastructure as Code (default template, ${(r.bytes / 1024).toFixed(1)} KB, median of rounds after warm-up)`);
  console.log(`  parse + validate ${r.parseMs.toFixed(2)} ms · change set ${r.diffMs.toFixed(2)} ms`);
  console.log(`  total ${r.totalMs.toFixed(2)} ms (${r.totalMs < TARGET_IAC_MS ? 'meets' : 'misses'} the ${TARGET_IAC_MS} ms target)`);
}
