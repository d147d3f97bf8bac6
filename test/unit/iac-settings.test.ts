import { describe, expect, it } from 'vitest';
import { parseArgs } from '@/lib/simulate/args';
import { parseSimulatorParams, settingsFor, simulatorSearch } from '@/lib/url/simulatorParams';
import { defaultSettings, iacOn, validateSettings } from '@/machines/world/settings';

describe('the iac, deploy config and evaluation periods settings, from the address and the command line', () => {
  it('the address reads iac=on|off into the run’s settings, writes it back, and a bad value is a notice', () => {
    const { config, notices } = parseSimulatorParams(new URLSearchParams('mode=ci&iac=off'));
    expect(notices).toEqual([]);
    expect(settingsFor(config).iac).toBe(false);
    expect(simulatorSearch(config)).toContain('iac=off');
    const bad = parseSimulatorParams(new URLSearchParams('mode=ci&iac=maybe'));
    expect(bad.notices).toEqual([{ param: 'iac', message: 'iac must be on or off (got "maybe"); environments from the template (on).' }]);
    expect(settingsFor(bad.config).iac).toBeUndefined();
    // Unset, the run is the one it always was: environments from the template in every mode.
    expect(simulatorSearch(parseSimulatorParams(new URLSearchParams('mode=ci')).config)).not.toContain('iac');
    expect([iacOn(defaultSettings('ci')), iacOn(defaultSettings('delivery')), iacOn({ iac: false })]).toEqual([true, true, false]);
  });

  it('simulate takes --iac, --deploy-config and --alarm-evaluation-periods, and says what is wrong in one line', () => {
    const ok = parseArgs(['--mode', 'ci', '--iac', 'off', '--deploy-config', 'canary10percent5minutes', '--alarm-evaluation-periods', '5']);
    expect(ok).toMatchObject({ kind: 'run', settings: { mode: 'ci', iac: false, deployConfig: 'Canary10Percent5Minutes', alarmEvaluationPeriods: 5 } });
    expect(parseArgs(['--iac', 'maybe'])).toEqual({ kind: 'error', message: '--iac: iac must be on or off (got "maybe")' });
    expect(parseArgs(['--deploy-config', 'Blue'])).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^--deploy-config: deploy config must be one of AllAtOnce, /),
    });
    expect(parseArgs(['--alarm-evaluation-periods', '0'])).toMatchObject({ kind: 'error', message: expect.stringMatching(/from 1 to 10/) });
  });

  it('validation refuses values that did not come through the text rules', () => {
    expect(validateSettings({ ...defaultSettings('ci'), deployConfig: 'Blue' as never })).toMatchObject({ ok: false, key: 'deployConfig' });
    expect(validateSettings({ ...defaultSettings('ci'), alarmEvaluationPeriods: 2.5 })).toMatchObject({ ok: false, key: 'alarmEvaluationPeriods' });
    expect(validateSettings({ ...defaultSettings('ci'), iac: false })).toMatchObject({ ok: true });
  });
});
