import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { Simulation, type SimulationOptions } from '@/machines/engine/simulation';
import { MINUTES_PER_DAY } from '@/machines/sim/calendar';
import { MODES, type Mode } from '@/machines/world/modes';
import { defaultSettings, type Settings } from '@/machines/world/settings';

/**
 * Golden runs: the SHA-256 of each run's whole event log, recorded from the engine before it was
 * split into files. A refactor of the engine must keep every run event-for-event identical; a change
 * to the model changes these on purpose (re-record them with GOLDEN_RECORD=1 and say why).
 */

const SEEDS = [1, 2, 3];
const VARIANTS: Record<string, Partial<Settings>> = {
  devops: { culture: 'devops' },
  silos: { culture: 'silos' },
  'no monitoring': { monitoring: false },
};

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

function fingerprint(settings: Settings, options: SimulationOptions = {}, act?: (sim: Simulation) => void): string {
  const sim = new Simulation(settings, options);
  // Events are hashed as they happen, so runs that trim their log are covered too.
  const hash = createHash('sha256');
  sim.subscribe((event) => hash.update(JSON.stringify(event)));
  act?.(sim);
  sim.runToEnd();
  const logged = options.retainDays === undefined ? sha(JSON.stringify(sim.log)) : '';
  sim.stop();
  return `${hash.digest('hex').slice(0, 16)}${logged ? `/${logged.slice(0, 16)}` : ''}`;
}

const runs: [string, () => string][] = [];
for (const mode of MODES as readonly Mode[]) {
  for (const [variant, change] of Object.entries(VARIANTS)) {
    for (const seed of SEEDS) {
      runs.push([`${mode} ${variant} seed ${seed}`, () => fingerprint({ ...defaultSettings(mode, seed), days: 120, ...change }, { stages: 'direct' })]);
    }
  }
}
runs.push(['manual release every 30 days', () => fingerprint({ ...defaultSettings('manual', 4), days: 120, releaseIntervalDays: 30 }, { stages: 'direct' })]);
runs.push(['delivery with XState stages', () => fingerprint({ ...defaultSettings('delivery', 5), days: 60 })]);
runs.push(['deployment keeping 30 days', () => fingerprint({ ...defaultSettings('deployment', 6), days: 120 }, { stages: 'direct', retainDays: 30 })]);
runs.push([
  'delivery with faults, people and live changes',
  () =>
    fingerprint({ ...defaultSettings('delivery', 7), days: 60 }, { stages: 'direct' }, (sim) => {
      for (const fault of ['break-build', 'flaky-test', 'escape-defect', 'fail-deploy'] as const) sim.inject(fault);
      sim.advanceTo(10 * MINUTES_PER_DAY);
      sim.inject('escape-defect');
      sim.configure({ culture: 'silos', testCoverage: 0.4 });
      sim.advanceTo(20 * MINUTES_PER_DAY);
      for (const incident of sim.openIncidents()) sim.rollback(incident.id, 'You');
      sim.reject('You', 'not today');
      sim.approveNewest('You');
      sim.advanceTo(30 * MINUTES_PER_DAY);
      sim.inject('fail-deploy');
      sim.inject('break-build');
    }),
]);

const GOLDEN: Record<string, string> = {
  'manual devops seed 1': '3c6b3c6721ec2329/6dc9ebcb0a54f9f1',
  'manual devops seed 2': '3a2db6aa886ff7f2/1889d6052ebe7c71',
  'manual devops seed 3': '9dfdce9ab3042211/05b0e52f23c71c92',
  'manual silos seed 1': '2ddee0aed3ceccd5/10915c46e40e8514',
  'manual silos seed 2': '407951fe61467cff/9b101dbe5ecf8f45',
  'manual silos seed 3': 'c2de9cc120426322/3bedbf1af44bb721',
  'manual no monitoring seed 1': '5fab88749b5aaebc/a9b9a6ce85908a9d',
  'manual no monitoring seed 2': 'acbc077763a697d1/1d90b2ec609c9e13',
  'manual no monitoring seed 3': '062a24c0d6611e59/77cf3d6cddba0b37',
  'ci devops seed 1': '9d58a776ae6cff45/5215d8d1afd23e4c',
  'ci devops seed 2': '50d716560948545f/939767a0b3af8cce',
  'ci devops seed 3': '7a4a947e6ba3a644/c205eddeef7c5b48',
  'ci silos seed 1': '79b53ac8fb334328/076a5690db79abf8',
  'ci silos seed 2': '8c39407b10ccf6d4/50a8fb1e95d4bf11',
  'ci silos seed 3': 'c2b4e23ff5df2120/fd9d4abae45a8024',
  'ci no monitoring seed 1': 'aa21738e13365444/25bca0c8566ca011',
  'ci no monitoring seed 2': '2d27093776faddb4/e522587cdcdfb4c1',
  'ci no monitoring seed 3': 'f3903a386e2b54aa/8ab3416a69c5587c',
  'delivery devops seed 1': 'c341875722ed6394/0bee86a4fba8b6d6',
  'delivery devops seed 2': '4addeb8c0074a641/234c94465cc40bb3',
  'delivery devops seed 3': '18fe559dafa0ce95/28997e2560411f3b',
  'delivery silos seed 1': '241ddf9cce21ee82/3a3254b5ae13b2f1',
  'delivery silos seed 2': 'fd94395399baea40/1026b3819598ba8f',
  'delivery silos seed 3': '6267d7c91b945726/c7c86baf77d5c9ce',
  'delivery no monitoring seed 1': '7ec94fcdf357273c/22a69c059625ffc3',
  'delivery no monitoring seed 2': '0f1c04c5c0820e04/af80ff602ac91c5c',
  'delivery no monitoring seed 3': '6f3ea3783443e220/be36d64299f10fdd',
  'deployment devops seed 1': '9ffaf17d1077da07/1f2f3d19dfecfa92',
  'deployment devops seed 2': '7c977acdaf640f3a/c3694fe3e473664c',
  'deployment devops seed 3': 'f3d305fe012a49da/e8e64b543ced7112',
  'deployment silos seed 1': '2ac0d5f47eb5e150/9a96fbba80003164',
  'deployment silos seed 2': 'fd0f5da70ef637fe/1e7b2aa7bc5246c1',
  'deployment silos seed 3': '9e4b7dcf942a908a/54c2c586ab086136',
  'deployment no monitoring seed 1': '26a700136e13358f/663e852a7b41d2f1',
  'deployment no monitoring seed 2': 'b4fb6693609f26de/301b3830656bbd83',
  'deployment no monitoring seed 3': '5e5ab7b1f6593d83/f5e17232b1885c11',
  'manual release every 30 days': '9ee6791e0b2a7f92/bee659ab44534ebf',
  'delivery with XState stages': 'a720fb8a368b6b62/92513e679e57342a',
  'deployment keeping 30 days': 'd381ff2bfe8da030',
  'delivery with faults, people and live changes': 'c24f6315d5b08ace/a05d2080f70cc597',
};

describe('golden event logs', () => {
  if (process.env.GOLDEN_RECORD) {
    it('records', () => {
      const recorded = Object.fromEntries(runs.map(([name, run]) => [name, run()]));
      console.log(JSON.stringify(recorded, null, 2));
    });
    return;
  }
  it.each(runs)('%s', (name, run) => {
    expect(run()).toBe(GOLDEN[name]);
  });
});
