import type { Band, BandGap, KeyMetric } from "@/machines/metrics/dora";
import type { Metrics } from "@/machines/metrics/metrics";
import type { FrequencyUnit } from "@/machines/metrics/quantity";
import { METRIC_TITLES, describeMetric } from "./describeMetric";

export type DoraTileSize = "grid" | "compact" | "regular" | "large";

export interface DoraTileProps {
  metric: KeyMetric;
  metrics: Metrics;
  /**
   * grid: three short lines, for two by two beside other panels (the report year goes in the
   * panel's heading); compact: one row (a sidebar of four); regular: a card; large: a dashboard card.
   */
  size?: DoraTileSize;
  /** Deployment frequency in this unit, to match the tiles beside it. */
  frequencyUnit?: FrequencyUnit;
  className?: string;
}

const BAND_LEVEL: Record<Band, number> = { low: 1, medium: 2, high: 3, elite: 4 };

/** Four bars, as many filled as the band is good: the band reads without colour. */
function BandMeter({ band }: { band: Band | null }) {
  const level = band ? BAND_LEVEL[band] : 0;
  return (
    <span aria-hidden="true" className="inline-flex items-end gap-[3px]">
      {[1, 2, 3, 4].map((i) => (
        <span key={i} className={`w-[5px] rounded-sm ${i <= level ? "bg-accent" : "bg-border"}`} style={{ height: 6 + i * 3 }} />
      ))}
    </span>
  );
}

/** On a projector at 1920×1080 (a big, tall window) the grid tiles have room to grow. */
const GROW_ON_BIG_SCREENS =
  "[@media(min-width:96rem)_and_(min-height:56rem)]:gap-1.5 [@media(min-width:96rem)_and_(min-height:56rem)]:px-4 [@media(min-width:96rem)_and_(min-height:56rem)]:py-3";

/** Titles that fit a tile of a two-by-two grid on one line; the group keeps the full name. */
const GRID_TITLES: Record<KeyMetric, string> = {
  deploymentFrequency: "Deploy frequency",
  leadTime: "Lead time",
  changeFailureRate: "Change failure rate",
  timeToRestore: "Recovery time",
};

/** Why a tile shows no band, in two or three words (the whole reason is in its sentence). */
const NO_BAND_WORDS: Record<BandGap, string> = { "too-few": "Too few to band", "lower-bound": "Lower bound", "no-data": "No band yet" };

function noBandWords(value: string, gap: BandGap | null): string {
  return value === "—" || gap === null ? "No band yet" : NO_BAND_WORDS[gap];
}

/**
 * One of the DORA four keys: the value with its unit, the band it falls in and the report year the
 * bands come from, and the counts behind it. Presentational: give it any Metrics (a live run, a
 * headless comparison).
 */
export function DoraTile({ metric, metrics, size = "regular", frequencyUnit, className = "" }: DoraTileProps) {
  const shown = describeMetric(metric, metrics, frequencyUnit);
  const grid = size === "grid";
  const valueClass =
    size === "large"
      ? "text-5xl"
      : size === "regular"
        ? "text-4xl"
        : size === "grid"
          ? "text-[2rem] [@media(min-width:96rem)_and_(min-height:56rem)]:text-[2.75rem]"
          : "text-[2rem]";
  const value = (
    <span className={`flex items-baseline gap-x-1.5 ${grid ? "flex-wrap" : "whitespace-nowrap"}`}>
      {shown.lowerBound && <span className={`${valueClass} font-extrabold text-text-muted ${grid ? "leading-none" : ""}`}>≥</span>}
      <span className={`${valueClass} leading-none font-extrabold tracking-tight text-text tabular-nums`}>{shown.value}</span>
      {shown.unit && <span className={`text-lg font-semibold text-text-muted ${grid ? "leading-none" : ""}`}>{shown.unit}</span>}
    </span>
  );
  const band = (
    <span className={`inline-flex items-center gap-2 text-base ${grid ? "leading-5" : ""}`}>
      <BandMeter band={shown.band} />
      <span className="font-bold text-text">{shown.bandName ?? noBandWords(shown.value, shown.bandGap)}</span>
      {!grid && <span className="text-text-muted">DORA {metrics.bands.year}</span>}
    </span>
  );

  if (grid) {
    return (
      <div
        role="group"
        aria-label={METRIC_TITLES[metric]}
        title={shown.sentence}
        data-metric={metric}
        className={`flex flex-col gap-0.5 rounded-xl border border-border bg-surface-raised px-3 py-1.5 ${GROW_ON_BIG_SCREENS} ${className}`}
      >
        <span className="text-base leading-5 font-semibold text-text-muted">{GRID_TITLES[metric]}</span>
        {value}
        {band}
        <span className="sr-only">
          {shown.detail} Bands from DORA {metrics.bands.year}.
        </span>
      </div>
    );
  }

  // compact is one row: the value and band side by side, the detail for screen readers only.
  const compact = size === "compact";
  return (
    <div
      role="group"
      aria-label={METRIC_TITLES[metric]}
      title={shown.sentence}
      data-metric={metric}
      className={`flex flex-col ${compact ? "gap-1 px-4 py-2" : "gap-2 p-4"} rounded-xl border border-border bg-surface-raised ${className}`}
    >
      <span className={`${compact ? "truncate " : ""}text-base font-semibold text-text-muted`}>{METRIC_TITLES[metric]}</span>
      {compact ? (
        <span className="flex flex-wrap items-end justify-between gap-x-3">
          {value}
          {band}
        </span>
      ) : (
        <>
          {value}
          {band}
        </>
      )}
      <span className={compact ? "sr-only" : "text-base text-text-muted"}>{shown.detail}</span>
    </div>
  );
}
