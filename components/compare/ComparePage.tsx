"use client";

import { forwardRef, memo, useCallback, useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import { Check, FileDown, Link2, RotateCcw, TriangleAlert, X } from "lucide-react";
import { likelyNext } from "@/lib/compare/prefetch";
import { compareQuery, type UrlProblem } from "@/lib/compare/url";
import { CSV_COLUMNS, comparisonCsv, exportFileName } from "@/machines/compare/csv";
import { defaultCompareSettings, orderModes, type CompareSettings } from "@/machines/compare/compareSettings";
import { DORA_2024, MIN_TO_BAND } from "@/machines/metrics/dora";
import { sharedFrequencyUnit } from "@/machines/metrics/quantity";
import { MODE_INFO } from "@/machines/world/modes";
import { saveBlob } from "./charts/png";
import { MARK_RESULTS, useComparison } from "./useComparison";
import { ModeCard } from "./ModeCard";
import { SettingsPanel } from "./SettingsPanel";
import { useNearViewport } from "@/components/ui/useNearViewport";
import "./compare.css";

/**
 * The charts (uPlot and their options) load on their own, after the numbers: they draw only once a
 * comparison is back from the workers, so they need not be in the page's first-load JavaScript.
 */
const CompareCharts = dynamic(() => import("./charts/CompareCharts").then((m) => m.CompareCharts), {
  ssr: false,
  loading: () => <p className="text-base text-text-muted">Loading the charts…</p>,
});

/** Stands in for the live side by side until it loads (same place, same name, same height). */
const LivePlaceholder = forwardRef<HTMLElement>(function LivePlaceholder(_, ref) {
  return (
    <section ref={ref} aria-label="Live side by side" className="h-[34rem] rounded-2xl border border-border bg-surface-raised p-4">
      <p className="text-base text-text-muted">Loading the live pipelines…</p>
    </section>
  );
});

/** React Flow and the live runners load only when the page is in the browser, after the comparison. */
const LiveSideBySide = dynamic(() => import("./LiveSideBySide"), {
  ssr: false,
  loading: () => <LivePlaceholder />,
});

/**
 * How near the viewport the live section must come before it loads: far enough ahead that someone
 * scrolling down finds it drawn.
 */
export const LIVE_MARGIN = "600px 0px";

/**
 * The live side by side, loaded once the first comparison is on screen and the section comes near
 * the viewport. It starts paused, so until someone scrolls to it nothing is lost; loading it with the
 * page cost about 1.5 s of main-thread work at 4x slowdown (React Flow, four runners and their
 * diagrams) while the page was loading (Total Blocking Time, issue 13). Once loaded it stays.
 */
function LiveWhenNear({ settings, ready }: { settings: CompareSettings; ready: boolean }) {
  const placeholder = useRef<HTMLElement>(null);
  const near = useNearViewport(placeholder, LIVE_MARGIN, ready);
  return near ? <LiveSideBySide settings={settings} /> : <LivePlaceholder ref={placeholder} />;
}

export interface ComparePageProps {
  initial: CompareSettings;
  /** Parameters of the address that could not be used (shown as a notice). */
  problems: UrlProblem[];
}

/** Performance marks around "a setting changed" -> "the page is redrawn" (read by bench/browser/compare.ts). */
export const MARK_CHANGE = "compare:change";
export const MEASURE_REDRAW = "compare:redraw";

function title(settings: CompareSettings): string {
  const modes = orderModes(settings.modes);
  if (modes.length === 2) return modes.map((m) => MODE_INFO[m].name).join(" vs ");
  return modes.map((m) => MODE_INFO[m].short).join(" vs ");
}

export function ComparePage({ initial, problems }: ComparePageProps) {
  const [settings, setSettings] = useState(initial);
  const [notices, setNotices] = useState(problems);
  const { result, computing, error, prefetch, start } = useComparison(settings);
  const current = useRef(settings);
  const pendingChange = useRef(false);
  /** The control changed last: its neighbours are computed in the background (lib/compare/prefetch.ts). */
  const lastKey = useRef<keyof CompareSettings | null>(null);

  const change = useCallback(
    (patch: Partial<CompareSettings>) => {
      performance.clearMarks(MARK_CHANGE);
      performance.mark(MARK_CHANGE);
      pendingChange.current = true;
      const keys = Object.keys(patch) as (keyof CompareSettings)[];
      lastKey.current = keys.length === 1 ? keys[0]! : null;
      const before = current.current;
      const same = keys.every((k) => JSON.stringify(before[k]) === JSON.stringify(patch[k]));
      if (same) return;
      const next = { ...before, ...patch };
      current.current = next;
      start(next);
      setSettings(next);
    },
    [start],
  );

  // The address always holds the comparison on screen (Share copies it).
  useEffect(() => {
    const timer = setTimeout(() => {
      const query = compareQuery(settings);
      if (window.location.search !== `?${query}`) window.history.replaceState(window.history.state, "", `?${query}`);
    }, 800);
    return () => clearTimeout(timer);
  }, [settings]);

  // Once a result for the newest settings is on screen (cards committed, charts given their data),
  // measure from the change to the frame after.
  useEffect(() => {
    if (!result || result.settings !== settings || !pendingChange.current) return;
    pendingChange.current = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const changed = performance.getEntriesByName(MARK_CHANGE, "mark").at(-1);
        if (changed) {
          const back = performance.getEntriesByName(MARK_RESULTS, "mark").at(-1);
          performance.measure(MEASURE_REDRAW, {
            start: MARK_CHANGE,
            detail: {
              computed: result.computed,
              /** ms from the change until the runs were back from the workers. */
              resultsMs: back && back.startTime >= changed.startTime ? back.startTime - changed.startTime : null,
              engineMs: result.engineMs,
            },
          });
        }
        // Then, with the page drawn, compute what a trainer is likely to try next.
        const key = lastKey.current;
        if (key) idle = setTimeout(() => prefetch(likelyNext(settings, key)), 30);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
      if (idle) clearTimeout(idle);
    };
  }, [result, settings, prefetch]);

  const runs = result?.runs ?? [];
  // One unit for deployment frequency on every card, so "4.6 per week" never sits beside "1.3 per day".
  const frequencyUnit = sharedFrequencyUnit(runs.map((run) => run.metrics.deploymentsPerDay));
  const stale = computing || (result !== null && result.settings !== settings);

  return (
    <div className="page-container grid gap-x-6 gap-y-4 py-4 xl:grid-cols-[20.75rem_minmax(0,1fr)]">
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-3 xl:col-span-2">
        <div className="min-w-0 flex-1 basis-[36rem]">
          <h1 className="text-[1.75rem] leading-tight font-bold tracking-tight text-text">{title(settings)}</h1>
          <p className="text-base text-text-muted">
            Same seed, team and commits through each mode for {settings.days} days, computed in your browser. Bands: DORA {DORA_2024.year} report.
          </p>
        </div>
        <Actions settings={settings} runs={result?.settings === settings ? runs : null} onReset={() => change(defaultCompareSettings())} />
      </div>

      {notices.length > 0 && (
        <div className="xl:col-span-2">
          <UrlNotice problems={notices} onDismiss={() => setNotices([])} />
        </div>
      )}

      <aside aria-label="Comparison settings" className="xl:sticky xl:top-0 xl:max-h-dvh xl:self-start xl:overflow-y-auto xl:py-1">
        <SettingsPanel settings={settings} onChange={change} />
      </aside>

      <div className="flex min-w-0 flex-col gap-5">
        <section aria-labelledby="keys-title" aria-busy={stale} data-state={stale ? "computing" : "ready"} className="flex flex-col gap-2">
          <div className="flex flex-wrap items-baseline justify-between gap-x-4">
            <h2 id="keys-title" className="sr-only">
              The four keys
            </h2>
            <p role="status" className="text-base text-text-muted">
              {error
                ? `Could not compute: ${error}`
                : result === null
                  ? "Computing…"
                  : stale
                    ? "Recomputing…"
                    : `${result.runs.length} modes × ${settings.days} days, seed ${settings.seed}.`}
            </p>
          </div>
          {result === null ? (
            <CardsSkeleton count={settings.modes.length} />
          ) : (
            <div className={`grid gap-3 ${GRID[Math.min(4, runs.length)] ?? GRID[4]}`}>
              {runs.map((run) => (
                <ModeCard key={run.mode} run={run} frequencyUnit={frequencyUnit} />
              ))}
            </div>
          )}
          <p className="text-base text-text-muted" data-bands-note>
            Bands: the {DORA_2024.source} describes clusters of teams, not thresholds. Each value is placed with rules in which a better value never gets a
            worse band; deployment frequency by how often a team deploys (most days, weeks or months), whatever the run&apos;s length; no band from fewer than{" "}
            {MIN_TO_BAND} deployments or incidents, or from a lower bound.
          </p>
        </section>

        <section aria-labelledby="charts-title" className="flex flex-col gap-3">
          <h2 id="charts-title" className="text-2xl font-bold text-text">
            Charts
          </h2>
          {result === null ? <p className="text-base text-text-muted">Computing…</p> : <CompareCharts runs={runs} />}
        </section>

        <LiveWhenNear settings={settings} ready={result !== null} />

        <CsvColumns />
      </div>
    </div>
  );
}

/** Cards side by side while each stays wide enough for its tiles (about 26rem); four modes are two by two. */
const GRID: Record<number, string> = {
  2: "sm:grid-cols-2",
  3: "sm:grid-cols-2 2xl:grid-cols-3",
  4: "sm:grid-cols-2",
};

/** What each CSV column holds (static: never re-rendered). */
const CsvColumns = memo(function CsvColumns() {
  return (
    <details className="rounded-2xl border border-border bg-surface-raised p-4">
      <summary className="cursor-pointer text-lg font-semibold text-text pointer-coarse:py-2">What is in the CSV file</summary>
      <p className="mt-2 text-base text-text-muted">
        One row per commit and one per deployment, for every mode. Times are virtual minutes since Monday 00:00 of day 1. A column that does not apply to a row
        is empty.
      </p>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-base sm:grid-cols-[max-content_1fr]">
        {CSV_COLUMNS.map((c) => (
          <div key={c.name} className="contents">
            <dt className="font-mono font-semibold text-text">{c.name}</dt>
            <dd className="text-text-muted">{c.meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
});

function CardsSkeleton({ count }: { count: number }) {
  return (
    <div className={`grid gap-4 ${GRID[Math.min(4, count)] ?? GRID[4]}`}>
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="h-64 rounded-2xl border border-border bg-surface-raised" />
      ))}
    </div>
  );
}

function UrlNotice({ problems, onDismiss }: { problems: UrlProblem[]; onDismiss: () => void }) {
  return (
    <div role="alert" className="flex items-start gap-3 rounded-xl border-2 border-status-waiting bg-surface-raised p-4 text-base text-text">
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-status-waiting-ink" />
      <div className="min-w-0 flex-1">
        <p className="font-semibold">Part of this link could not be used, so the default stands in:</p>
        <ul className="mt-1 list-disc pl-5">
          {problems.map((p) => (
            <li key={p.param}>
              <code className="font-semibold">
                {p.param}={p.value}
              </code>
              : {p.message}
            </li>
          ))}
        </ul>
      </div>
      <button
        type="button"
        onClick={onDismiss}
        className="rounded-md p-1 text-text-muted hover:bg-surface-sunken hover:text-text"
        aria-label="Dismiss the notice"
      >
        <X aria-hidden="true" className="size-5" />
      </button>
    </div>
  );
}

const ACTION =
  "inline-flex h-11 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3.5 text-base font-semibold text-text hover:bg-surface-sunken disabled:cursor-not-allowed disabled:opacity-60";

function Actions({ settings, runs, onReset }: { settings: CompareSettings; runs: CompareSettingsRuns; onReset: () => void }) {
  const [share, setShare] = useState<{ url: string; copied: boolean } | null>(null);
  const [shareFor, setShareFor] = useState<CompareSettings | null>(null);
  // A link shown for older settings is out of date: hide it.
  const shown = share && shareFor === settings ? share : null;

  const onShare = async () => {
    const url = `${window.location.origin}/compare?${compareQuery(settings)}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setShare({ url, copied });
    setShareFor(settings);
  };

  const onCsv = () => {
    if (!runs) return;
    saveBlob(new Blob([comparisonCsv(runs)], { type: "text/csv;charset=utf-8" }), exportFileName(runs, "csv"));
  };

  return (
    <div className="flex flex-col items-end gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={ACTION} onClick={onShare}>
          <Link2 aria-hidden="true" className="size-5" />
          Share
        </button>
        <button type="button" className={ACTION} onClick={onCsv} disabled={!runs}>
          <FileDown aria-hidden="true" className="size-5" />
          Download CSV
        </button>
        <button type="button" className={ACTION} onClick={onReset}>
          <RotateCcw aria-hidden="true" className="size-5" />
          Reset
        </button>
      </div>
      {shown && (
        <div className="flex w-full max-w-xl flex-col gap-1">
          <label htmlFor="share-url" className="flex items-center gap-1.5 text-base font-semibold text-text">
            {shown.copied && <Check aria-hidden="true" className="size-5 text-status-succeeded-ink" />}
            <span role="status">{shown.copied ? "Link copied. It replays this comparison:" : "Copy this link to share the comparison:"}</span>
          </label>
          <input
            id="share-url"
            readOnly
            value={shown.url}
            onFocus={(e) => e.currentTarget.select()}
            className="h-11 w-full rounded-lg border border-border-strong bg-surface px-3 font-mono text-base text-text"
          />
        </div>
      )}
    </div>
  );
}

type CompareSettingsRuns = import("@/machines/compare/runComparison").ModeRun[] | null;
