"use client";

import { Scale } from "lucide-react";
import { useEffect, useEffectEvent, useId, useRef, useState } from "react";
import { Card } from "@/components/monitoring/ui";
import { formatHours } from "@/machines/sim/calendar";
import { frequencyQuantity, rateText, sharedFrequencyUnit, type FrequencyUnit } from "@/machines/metrics/quantity";
import { BAND_NAMES } from "@/machines/metrics/dora";
import type { BandRule } from "@/machines/metrics/dora";
import { COMPARISON_DAYS, comparisonKey, runCulture, type CultureNumbers } from "@/machines/view/cultureComparison";
import { CULTURE_NAMES, CULTURES, type Culture, type Settings } from "@/machines/world/settings";
import { useNearViewport } from "@/components/ui/useNearViewport";
import { grouped } from "@/machines/words";

/** A median that counts open items at their age is a lower bound: "≥ 18.5 days". */
const atLeast = (lowerBound: boolean, text: string) => (lowerBound && text !== "—" ? `≥ ${text}` : text);

interface Row {
  label: string;
  /** `unit`: deployment frequency's unit, one for both cultures. */
  value: (n: CultureNumbers, unit: FrequencyUnit) => string;
  band?: (n: CultureNumbers) => BandRule | null;
}

const ROWS: readonly Row[] = [
  { label: "Handoffs", value: (n) => grouped(n.handoffs) },
  { label: "Hours lost waiting", value: (n) => `${grouped(Math.round(n.hoursWaiting))} h` },
  {
    label: "Deployment frequency",
    value: (n, unit) => {
      const f = frequencyQuantity(n.deploymentsPerDay, unit);
      return `${f.value} ${f.unit}`;
    },
    band: (n) => n.bands.deploymentFrequency,
  },
  { label: "Lead time (median)", value: (n) => atLeast(n.leadTimeIsLowerBound, formatHours(n.leadTimeHours)), band: (n) => n.bands.leadTime },
  {
    label: "Change failure rate",
    value: (n) => (n.changeFailureRate === null ? "—" : rateText(n.changeFailureRate)),
    band: (n) => n.bands.changeFailureRate,
  },
  {
    label: "Failed deployment recovery time (median)",
    value: (n) => atLeast(n.timeToRestoreIsLowerBound, formatHours(n.timeToRestoreHours)),
    band: (n) => n.bands.timeToRestore,
  },
];

/**
 * Both cultures on this run's seed and mode, run headless for a month: the same commits, the only
 * difference the culture. Computed after the view paints, one culture per task, and only again
 * when a setting it depends on changes.
 */
export function CultureComparison({ settings, current }: { settings: Settings; current: Culture }) {
  const headingId = useId();
  const key = comparisonKey(settings);
  const [result, setResult] = useState<{ key: string; numbers: Partial<Record<Culture, CultureNumbers>> }>({ key: "", numbers: {} });

  // Reads the settings of the moment without making them a dependency: the key stands for every
  // setting the comparison reads, so the runs restart only when one of those changes.
  const run = useEffectEvent((culture: Culture) => runCulture(settings, culture));
  // Two whole runs on the main thread: only once the table comes near the screen (it sits at the
  // foot of the view), not while the page loads.
  const box = useRef<HTMLDivElement>(null);
  const near = useNearViewport(box);
  useEffect(() => {
    if (!near) return;
    let cancelled = false;
    const numbers: Partial<Record<Culture, CultureNumbers>> = {};
    const timers: number[] = [];
    CULTURES.forEach((culture, i) => {
      timers.push(
        window.setTimeout(
          () => {
            if (cancelled) return;
            numbers[culture] = run(culture);
            setResult({ key, numbers: { ...numbers } });
          },
          50 + i * 30,
        ),
      );
    });
    return () => {
      cancelled = true;
      timers.forEach((t) => window.clearTimeout(t));
    };
  }, [key, near]);

  const numbers = result.key === key ? result.numbers : {};
  const ready = CULTURES.every((c) => numbers[c]);
  // One unit for both cultures' deployment frequency, as on /compare's cards.
  const unit = sharedFrequencyUnit(CULTURES.flatMap((c) => (numbers[c] ? [numbers[c].deploymentsPerDay] : [])));

  return (
    <Card title="Same commits, both cultures" Icon={Scale} labelledBy={headingId}>
      <p className="mb-3 text-base leading-snug text-text-muted">
        This run&apos;s mode and seed, {COMPARISON_DAYS} days each, run in the background with the scheduled approver. Only the culture differs.
      </p>
      <div ref={box} className="overflow-x-auto">
        <table className="w-full max-w-4xl border-collapse text-base" aria-busy={!ready}>
          <caption className="sr-only">DevOps and Silos culture on the same seed over {COMPARISON_DAYS} days: handoffs, waiting and the DORA four keys</caption>
          <thead>
            <tr>
              <th scope="col" className="py-2 pr-3 text-left font-semibold text-text-muted">
                Measure
              </th>
              {CULTURES.map((c) => (
                <th key={c} scope="col" className="px-3 py-2 text-right text-lg font-bold">
                  {CULTURE_NAMES[c]}
                  {c === current ? <span className="block text-base font-semibold text-text-muted">this run&apos;s culture</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.label} className="border-t border-border">
                <th scope="row" className="py-2 pr-3 text-left font-semibold">
                  {row.label}
                </th>
                {CULTURES.map((c) => {
                  const n = numbers[c];
                  const band = n && row.band ? row.band(n) : null;
                  return (
                    <td key={c} className="px-3 py-2 text-right tabular-nums">
                      {n ? (
                        <>
                          <span className="text-xl font-bold">{row.value(n, unit)}</span>
                          {band ? <span className="block text-base text-text-muted">{BAND_NAMES[band.band]}</span> : null}
                        </>
                      ) : (
                        <span className="text-text-muted">computing…</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
