import { CADENCES } from "@/machines/compare/cadence";
import { COMPARE_LIMITS, type CompareSettings } from "@/machines/compare/compareSettings";
import { CULTURES } from "@/machines/world/settings";

/**
 * The settings a trainer is likely to pick next after changing `key`: one step either way on the
 * same control (the steps the controls use), or the other value of a switch. The page computes these
 * in the background once the current comparison is on screen, so stepping a slider in class feels
 * instant. Pure; never returns the current settings.
 */
export function likelyNext(settings: CompareSettings, key: keyof CompareSettings): CompareSettings[] {
  const out: CompareSettings[] = [];
  const add = (patch: Partial<CompareSettings>) => out.push({ ...settings, ...patch });
  const percentSteps = (value: number, step: number, max: number) =>
    [-step, step]
      .map((d) => Math.round(value * 100) + d)
      .filter((v) => v >= 0 && v <= max * 100)
      .map((v) => v / 100);
  switch (key) {
    case "testCoverage":
      for (const v of percentSteps(settings.testCoverage, 5, COMPARE_LIMITS.testCoverage.max)) add({ testCoverage: v });
      break;
    case "defectRate":
      for (const v of percentSteps(settings.defectRate, 1, COMPARE_LIMITS.defectRate.max)) add({ defectRate: v });
      break;
    case "commitsPerDay":
      for (const v of [settings.commitsPerDay - 1, settings.commitsPerDay + 1]) {
        if (v >= 1 && v <= COMPARE_LIMITS.commitsPerDay.max) add({ commitsPerDay: v });
      }
      break;
    case "seed":
      for (const v of [settings.seed + 1, settings.seed - 1]) {
        if (v >= COMPARE_LIMITS.seed.min && v <= COMPARE_LIMITS.seed.max) add({ seed: v });
      }
      break;
    case "monitoring":
      add({ monitoring: !settings.monitoring });
      break;
    case "culture":
      add({ culture: CULTURES.find((c) => c !== settings.culture)! });
      break;
    case "cadence": {
      const i = CADENCES.findIndex((c) => c.id === settings.cadence);
      for (const j of i === -1 ? [] : [i - 1, i + 1]) if (CADENCES[j]) add({ cadence: CADENCES[j]!.id });
      break;
    }
    default:
      break;
  }
  return out;
}
