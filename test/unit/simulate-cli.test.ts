import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { parseArgs } from '@/lib/simulate/args';
import { formatReport } from '@/lib/simulate/report';
import { runHeadless, summarize } from '@/machines/engine/run';
import { defaultSettings } from '@/machines/world/settings';

describe('simulate arguments', () => {
  it('reads the documented options', () => {
    const parsed = parseArgs(['--mode', 'deployment', '--days', '30', '--seed', '42', '--json', '--coverage', '85%', '--culture=silos', '--no-monitoring']);
    expect(parsed).toMatchObject({ kind: 'run', json: true });
    if (parsed.kind !== 'run') return;
    expect(parsed.settings).toMatchObject({ mode: 'deployment', days: 30, seed: 42, testCoverage: 0.85, culture: 'silos', monitoring: false });
  });

  it('uses the mode\'s own release interval unless one is given', () => {
    const manual = parseArgs(['--mode', 'manual']);
    const ci = parseArgs(['--mode', 'ci', '--release-interval', '14']);
    expect(manual.kind === 'run' && manual.settings.releaseIntervalDays).toBe(90);
    expect(ci.kind === 'run' && ci.settings.releaseIntervalDays).toBe(14);
  });

  it.each([
    [['--mode', 'yolo'], /--mode: unknown mode "yolo"/],
    [['--days', '0'], /--days: days must be between 1 and 3650/],
    [['--days', 'ten'], /--days: "ten" is not a number/],
    [['--days', '2.5'], /--days: days must be a whole number/],
    [['--seed', '-1'], /--seed: seed must be between 0/],
    [['--seed'], /--seed needs a value/],
    [['--seed', '--json'], /--seed needs a value/],
    [['--frobnicate'], /unknown option --frobnicate/],
    [['stray'], /unexpected argument "stray"/],
    [['--monitoring', 'maybe'], /--monitoring takes on or off/],
    [['--coverage', '150%'], /--coverage: test coverage must be between 0 and 1/],
  ])('rejects %j with a message naming the argument', (argv, message) => {
    const parsed = parseArgs(argv);
    expect(parsed.kind).toBe('error');
    if (parsed.kind === 'error') {
      expect(parsed.message).toMatch(message);
      expect(parsed.message).not.toContain('\n');
    }
  });
});

describe('simulate report', () => {
  it('prints the four keys with their bands and the report year', () => {
    const text = formatReport(runHeadless({ ...defaultSettings('delivery', 42), days: 30 }));
    expect(text).toMatch(/Continuous Delivery · seed 42 · 30 days/);
    for (const key of ['Deployment frequency', 'Lead time for changes', 'Change failure rate', 'Time to restore']) expect(text).toContain(key);
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
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/simulate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

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
    expect(result.stderr).toMatch(/^simulate: --mode: unknown mode "sometimes"/);
  });
});
