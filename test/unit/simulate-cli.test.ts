import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseArgs } from '@/lib/simulate/args';
import { formatReport } from '@/lib/simulate/report';
import { runHeadless, summarize } from '@/machines/engine/headless';
import { defaultSettings } from '@/machines/world/settings';

describe('simulate arguments', () => {
  it('reads the documented options', () => {
    const parsed = parseArgs(['--mode', 'deployment', '--days', '30', '--seed', '42', '--json', '--coverage', '85%', '--culture=silos', '--no-monitoring']);
    expect(parsed).toMatchObject({ kind: 'run', json: true });
    if (parsed.kind !== 'run') return;
    expect(parsed.settings).toMatchObject({ mode: 'deployment', days: 30, seed: 42, testCoverage: 0.85, culture: 'silos', monitoring: false });
  });

  it('reads words in any case, switches as on/off or true/false, fractions either way', () => {
    const parsed = parseArgs(['--mode', 'Manual', '--culture', 'SILOS', '--monitoring', 'false', '--defect-rate', '0.25', '--coverage=40%']);
    expect(parsed.kind === 'run' && parsed.settings).toMatchObject({
      mode: 'manual',
      releaseIntervalDays: 90,
      culture: 'silos',
      monitoring: false,
      defectRate: 0.25,
      testCoverage: 0.4,
    });
  });

  it("uses the mode's own release interval unless one is given", () => {
    const manual = parseArgs(['--mode', 'manual']);
    const ci = parseArgs(['--mode', 'ci', '--release-interval', '14']);
    expect(manual.kind === 'run' && manual.settings.releaseIntervalDays).toBe(90);
    expect(ci.kind === 'run' && ci.settings.releaseIntervalDays).toBe(14);
  });

  it.each([
    [['--mode', 'yolo'], '--mode: mode must be one of manual, ci, delivery, deployment (got "yolo")'],
    [['--days', '0'], '--days: days must be a whole number from 1 to 3650 (got "0")'],
    [['--days', 'ten'], '--days: days must be a whole number from 1 to 3650 (got "ten")'],
    [['--days', '2.5'], '--days: days must be a whole number from 1 to 3650 (got "2.5")'],
    [['--days', '1e2'], '--days: days must be a whole number from 1 to 3650 (got "1e2")'],
    [['--days', ' 5 '], '--days: days must be a whole number from 1 to 3650 (got " 5 ")'],
    [['--seed', '-1'], '--seed: seed must be a whole number from 0 to 4294967295 (got "-1")'],
    [['--seed=0x10'], '--seed: seed must be a whole number from 0 to 4294967295 (got "0x10")'],
    [['--seed'], '--seed needs a value'],
    [['--seed', '--json'], '--seed needs a value'],
    [['--frobnicate'], 'unknown option --frobnicate (see --help)'],
    [['stray'], 'unexpected argument "stray" (options start with --; see --help)'],
    [['--monitoring', 'maybe'], '--monitoring: monitoring must be on or off (got "maybe")'],
    [['--coverage', '150%'], '--coverage: test coverage must be a number from 0 to 1 or a percentage from 0% to 100% (got "150%")'],
    [['--coverage', '.5'], '--coverage: test coverage must be a number from 0 to 1 or a percentage from 0% to 100% (got ".5")'],
  ])('rejects %j with a message naming the argument', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') {
      expect(parsed.message).toBe(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});

describe('simulate report', () => {
  it('prints the four keys with their bands and the report year', () => {
    const text = formatReport(runHeadless({ ...defaultSettings('delivery', 42), days: 30 }));
    expect(text).toMatch(/Continuous Delivery · seed 42 · 30 days/);
    for (const key of ['Deployment frequency', 'Lead time for changes', 'Change failure rate', 'Failed deployment recovery time']) expect(text).toContain(key);
    expect(text).toContain('formerly time to restore service');
    expect(text).toContain('2024');
  });

  it('gives the JSON fields others rely on', () => {
    const json = summarize(runHeadless({ ...defaultSettings('deployment', 1), days: 10 }));
    expect(json).toMatchObject({ mode: 'deployment', seed: 1, days: 10 });
    expect(typeof json.commits).toBe('number');
    expect(typeof json.deployments).toBe('number');
    expect(typeof json.metrics.deploymentsPerDay).toBe('number');
    expect(json.metrics.leadTimeHours).toHaveProperty('median');
    expect(json.metrics.leadTimeHours).toHaveProperty('p90');
    expect(json.metrics.timeToRestoreHours).toHaveProperty('median');
    expect(json.metrics.batchSize).toHaveProperty('mean');
  });
});

describe('the simulate command', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

  it('prints one JSON object with --json', () => {
    const result = run('--mode', 'ci', '--days', '14', '--seed', '3', '--json');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ mode: 'ci', seed: 3, days: 14 });
    expect(json.metrics.changeFailureRate === null || (json.metrics.changeFailureRate >= 0 && json.metrics.changeFailureRate <= 1)).toBe(true);
  });

  it('exits 2 with one line for a bad argument', () => {
    const result = run('--mode', 'sometimes');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toBe('simulate: --mode: mode must be one of manual, ci, delivery, deployment (got "sometimes")');
  });
});
