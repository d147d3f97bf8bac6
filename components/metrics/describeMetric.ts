import { BAND_NAMES, type Band, type KeyMetric } from "@/machines/metrics/dora";
import type { Metrics } from "@/machines/metrics/metrics";
import { formatDuration } from "@/machines/sim/calendar";
import { plural } from "@/machines/words";

export const METRIC_TITLES: Record<KeyMetric, string> = {
  deploymentFrequency: "Deployment frequency",
  leadTime: "Lead time for changes",
  changeFailureRate: "Change failure rate",
  timeToRestore: "Time to restore service",
};

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
  /** The whole tile in one sentence, for screen readers and tooltips. */
  sentence: string;
}

/** A duration as a number and a unit, for big tiles: "45" "min", "3.2" "h", "12.5" "days". */
export function splitDuration(minutes: number): { value: string; unit: string } {
  const text = formatDuration(minutes);
  const space = text.lastIndexOf(" ");
  return space > 0 ? { value: text.slice(0, space), unit: text.slice(space + 1) } : { value: text, unit: "" };
}

/** Deployments per day as a trainer would say it: per day when daily, else per week or month. */
export function splitFrequency(perDay: number): { value: string; unit: string } {
  if (perDay >= 1) return { value: perDay >= 10 ? perDay.toFixed(0) : perDay.toFixed(1), unit: "per day" };
  if (perDay >= 1 / 7) return { value: (perDay * 7).toFixed(1), unit: "per week" };
  if (perDay > 0) return { value: (perDay * 30).toFixed(1), unit: "per month" };
  return { value: "0", unit: "per day" };
}

/** What a DORA tile shows for one key metric: the value with its unit, the band, and the counts. */
export function describeMetric(metric: KeyMetric, metrics: Metrics): MetricDisplay {
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
        ({ value, unit } = splitFrequency(metrics.deploymentsPerDay));
        detail = `${plural(metrics.deployments, "deployment")} in ${days < 2 ? `${(days * 24).toFixed(0)} h` : `${days.toFixed(0)} days`}`;
      }
      break;
    }
    case "leadTime": {
      const lead = metrics.leadTimeHours;
      if (lead.median === null) detail = "No commit yet";
      else {
        ({ value, unit } = splitDuration(lead.median * 60));
        lowerBound = lead.medianIsLowerBound;
        detail = `median · ${lead.deployed} deployed, ${lead.pending} pending`;
      }
      break;
    }
    case "changeFailureRate": {
      if (metrics.changeFailureRate === null) detail = "No deployment yet";
      else {
        value = String(Math.round(metrics.changeFailureRate * 100));
        unit = "%";
        detail = `${metrics.failedChanges} of ${plural(metrics.deployments, "deployment")} failed`;
      }
      break;
    }
    case "timeToRestore": {
      const restore = metrics.timeToRestoreHours;
      if (restore.median === null) detail = restore.open > 0 ? `${plural(restore.open, "incident")} open` : "No incident yet";
      else {
        ({ value, unit } = splitDuration(restore.median * 60));
        detail = `median of ${plural(restore.restored, "incident")}${restore.open > 0 ? `, ${restore.open} open` : ""}`;
      }
      break;
    }
  }
  // No value yet (no deployment, no incident): no band either.
  if (value === "—") rule = null;
  const band = rule?.band ?? null;
  const bandName = band ? BAND_NAMES[band] : null;
  const bandLabel = rule?.label ?? null;
  const shown = value === "—" ? "no value yet" : `${lowerBound ? "at least " : ""}${value}${unit === "%" ? "%" : ` ${unit}`}`;
  const sentence = `${METRIC_TITLES[metric]}: ${shown}${bandName ? `, ${bandName} (DORA ${metrics.bands.year}: ${bandLabel})` : ""}. ${detail}.`;
  return { value, unit, lowerBound, detail, band, bandName, bandLabel, sentence };
}
