import { BAND_NAMES, FORMER_KEY_NAMES, KEY_NAMES, type Band, type BandGap, type KeyMetric } from "@/machines/metrics/dora";
import type { Metrics } from "@/machines/metrics/metrics";
import { durationQuantity, frequencyQuantity, rateQuantity, type FrequencyUnit } from "@/machines/metrics/quantity";
import { plural } from "@/machines/words";

/** The keys' names: the 2024 report's, so the fourth is "Failed deployment recovery time". */
export const METRIC_TITLES: Record<KeyMetric, string> = KEY_NAMES;

export interface MetricDisplay {
  /** The number as the tile shows it ("4.2", "3.5", "12", "—"). */
  value: string;
  /** Its unit ("per day", "h", "%"). */
  unit: string;
  /** A ≥ sign when the value is a lower bound (pending commits). */
  lowerBound: boolean;
  /** One short line with the counts behind the number. */
  detail: string;
  band: Band | null;
  bandName: string | null;
  /** How the report words the band's range ("less than one day"). */
  bandLabel: string | null;
  /** Why there is no band ("too few to band: 3 deployments"), when there is none. */
  bandReason: string | null;
  /** Its kind, for a word on the tile. */
  bandGap: BandGap | null;
  /** The whole tile in one sentence, for screen readers and tooltips. */
  sentence: string;
}

/** What a DORA tile shows for one key metric: the value with its unit, the band, and the counts. */
export function describeMetric(metric: KeyMetric, metrics: Metrics, frequencyUnit?: FrequencyUnit): MetricDisplay {
  let rule = metrics.bands[metric];
  let value = "—";
  let unit = "";
  let lowerBound = false;
  let detail = "";
  switch (metric) {
    case "deploymentFrequency": {
      const days = metrics.window.days;
      if (metrics.deployments === 0 && days < 1) {
        detail = "No deployment yet";
      } else {
        ({ value, unit } = frequencyQuantity(metrics.deploymentsPerDay, frequencyUnit));
        detail = `${plural(metrics.deployments, "deployment")} in ${days < 2 ? `${(days * 24).toFixed(0)} h` : `${days.toFixed(0)} days`}`;
      }
      break;
    }
    case "leadTime": {
      const lead = metrics.leadTimeHours;
      if (lead.median === null) detail = "No commit yet";
      else {
        ({ value, unit } = durationQuantity(lead.median * 60));
        lowerBound = lead.medianIsLowerBound;
        detail = `median · ${lead.deployed} deployed, ${lead.pending} pending`;
      }
      break;
    }
    case "changeFailureRate": {
      if (metrics.changeFailureRate === null) detail = "No deployment yet";
      else {
        // The one rounding rule of every place that shows this rate (the comparison's "show your work" too).
        ({ value, unit } = rateQuantity(metrics.changeFailureRate));
        detail = `${metrics.failedChanges} of ${plural(metrics.deployments, "deployment")} failed`;
      }
      break;
    }
    case "timeToRestore": {
      const restore = metrics.timeToRestoreHours;
      if (restore.median === null) detail = "No incident yet";
      else {
        ({ value, unit } = durationQuantity(restore.median * 60));
        lowerBound = restore.medianIsLowerBound;
        // Open incidents count at their age: the median says so rather than leave them out.
        detail = `median of ${plural(restore.restored + restore.open, "incident")}${restore.open > 0 ? `, ${restore.open} still open` : ""}`;
      }
      break;
    }
  }
  // No value yet (no deployment, no incident): no band either.
  if (value === "—") rule = null;
  const band = rule?.band ?? null;
  const bandName = band ? BAND_NAMES[band] : null;
  const bandLabel = rule?.label ?? null;
  const bandReason = band ? null : (metrics.bandNotes[metric] ?? (value === "—" ? "nothing to measure yet" : null));
  const bandGap = band ? null : metrics.bandGaps[metric];
  const shown = value === "—" ? "no value yet" : `${lowerBound ? "at least " : ""}${value}${unit === "%" ? "%" : ` ${unit}`}`;
  const former = FORMER_KEY_NAMES[metric] ? ` (formerly ${FORMER_KEY_NAMES[metric]})` : "";
  const banding = bandName ? `, ${bandName} (DORA ${metrics.bands.year}: ${bandLabel})` : bandReason ? `, no band: ${bandReason}` : "";
  const sentence = `${METRIC_TITLES[metric]}${former}: ${shown}${banding}. ${detail}.`;
  return { value, unit, lowerBound, detail, band, bandName, bandLabel, bandReason, bandGap, sentence };
}
