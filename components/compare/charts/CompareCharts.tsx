"use client";

import { memo, useCallback, useInsertionEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type uPlot from "uplot";
import { exportFileName } from "@/machines/compare/csv";
import type { ModeRun } from "@/machines/compare/runComparison";
import { batchSizes, batchTable, cumulativeFlow, deploymentsOverTime, leadTimeCdf, leadTimeTable, periods } from "@/machines/compare/series";
import { durationText, trimNumber } from "@/machines/metrics/quantity";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { useResolvedTheme } from "../useComparison";
import { MODE_STYLE, cssVar } from "../modeStyle";
import { ChartFigure, ScrollTable, TD, TD_NUM, TH, TH_NUM, type LegendItem } from "./ChartFigure";
import { FLOW_SERIES, MODE_SHAPE, batchOptions, chartColors, deploymentsOptions, flowOptions, leadTimeOptions } from "./options";
import type { PngRequest } from "./png";
import { UPlotChart } from "@/components/charts/UPlotChart";
import { grouped } from "@/machines/words";

const HEIGHT = 300;
const FLOW_HEIGHT = 240;

const name = (mode: Mode) => MODE_INFO[mode].name;

function listWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join("");
  return `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
}

function modeLegend(modes: readonly Mode[]): LegendItem[] {
  return modes.map((mode) => {
    const { Icon, color, dashArray } = MODE_STYLE[mode];
    return {
      key: mode,
      label: name(mode),
      color,
      dashArray,
      icon: <Icon aria-hidden="true" className="size-5 shrink-0" style={{ color }} />,
    };
  });
}

function pngLegend(modes: readonly Mode[], shapes = false) {
  return modes.map((m) => ({
    label: name(m),
    color: cssVar(MODE_STYLE[m].variable),
    dash: MODE_STYLE[m].dash,
    shape: shapes ? MODE_SHAPE[m] : undefined,
  }));
}

const SHAPE_SVG: Record<(typeof MODE_SHAPE)[Mode], string> = {
  square: "M4.5 1.5h9v9h-9z",
  triangle: "M9 0.5 15 11H3z",
  diamond: "M9 0 15 6 9 12 3 6z",
  circle: "M9 2a4 4 0 1 1 0 8a4 4 0 1 1 0-8z",
};

function shapeLegend(modes: readonly Mode[]): LegendItem[] {
  return modeLegend(modes).map((item, i) => ({
    ...item,
    marker: (
      <svg aria-hidden="true" width="18" height="12" viewBox="0 0 18 12" className="shrink-0">
        <path d={SHAPE_SVG[MODE_SHAPE[modes[i]!]]} fill={item.color} />
      </svg>
    ),
  }));
}

function footer(runs: readonly ModeRun[]): string {
  const s = runs[0]?.settings;
  return s
    ? `Pipeline Lab · seed ${s.seed} · ${s.days} days · ${s.commitsPerDay} commits a day · test coverage ${Math.round(s.testCoverage * 100)}%`
    : "Pipeline Lab";
}

export interface CompareChartsProps {
  runs: readonly ModeRun[];
}

/** The four charts of a comparison, each with a table alternative and a PNG export. */
export const CompareCharts = memo(function CompareCharts({ runs }: CompareChartsProps) {
  const theme = useResolvedTheme();
  const modes = useMemo(() => runs.map((r) => r.mode), [runs]);
  const modesKey = modes.join(",");
  // Options depend only on the theme and which modes are shown: other changes only call setData.
  // The same modes give the same array (read back from their key), so the options stay.
  const stableModes = useMemo(() => (modesKey ? (modesKey.split(",") as Mode[]) : []), [modesKey]);
  // chartColors() reads the page's CSS variables, whose values are the theme's: a new theme must
  // give new options (and so rebuild the charts) although `theme` itself is not read here.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the theme is read through the CSS variables
  const colors = useCallback(() => chartColors(), [theme]);

  const leadOptions = useCallback(() => leadTimeOptions(stableModes, colors()), [stableModes, colors]);
  const deployOptions = useCallback(() => deploymentsOptions(stableModes, colors()), [stableModes, colors]);
  const batchOpts = useCallback(() => batchOptions(stableModes, colors()), [stableModes, colors]);

  const leadData = useMemo(() => leadTimeCdf(runs) as uPlot.AlignedData, [runs]);
  const deployData = useMemo(() => deploymentsOverTime(runs) as uPlot.AlignedData, [runs]);
  const batchData = useMemo(() => batchSizes(runs) as uPlot.AlignedData, [runs]);
  // The small multiples share one y scale, read at draw time: new data never rebuilds them.
  const flowMax = useRef(0);
  // Written before the charts' layout effects (where setData may read the scale at once), not
  // during render: see TimeSeriesChart.
  useInsertionEffect(() => {
    flowMax.current = Math.max(0, ...runs.map((r) => r.flow.pushed.at(-1) ?? 0));
  }, [runs]);
  const flowOpts = useCallback(() => flowOptions(() => flowMax.current, colors()), [colors]);
  const flowData = useMemo(() => runs.map((r) => cumulativeFlow(r) as uPlot.AlignedData), [runs]);

  // The charts on screen, by key, for the PNG export: one Map for the component's life (not a ref,
  // whose `.current` may not be read by the callbacks built during render).
  const [charts] = useState(() => new Map<string, uPlot>());
  const keep = (key: string) => (chart: uPlot | null) => {
    if (chart) charts.set(key, chart);
    else charts.delete(key);
  };
  const legend = useMemo(() => modeLegend(stableModes), [stableModes]);
  const pointLegend = useMemo(() => shapeLegend(stableModes), [stableModes]);

  const png =
    (key: string, title: string, legendItems = pngLegend(modes)) =>
    (): PngRequest | null => {
      const chart = charts.get(key);
      return chart ? { title, footer: footer(runs), legend: legendItems, plots: [{ chart }], colors: chartColors() } : null;
    };

  const days = runs[0]?.settings.days ?? 0;

  // -------------------------------------------------------------- words
  const leadTakeaway = `Half of the commits reach production within ${listWords(
    runs.map((r) => {
      const lt = r.metrics.leadTimeHours;
      return `${lt.median === null ? "no time" : `${lt.medianIsLowerBound ? "at least " : ""}${durationText(lt.median * 60)}`} with ${name(r.mode)}`;
    }),
  )}.`;
  const deployTakeaway = `In ${days} days: ${listWords(runs.map((r) => `${grouped(r.metrics.deployments)} deployment${r.metrics.deployments === 1 ? "" : "s"} with ${name(r.mode)}`))}.`;
  const batchTakeaway = `Average batch: ${listWords(
    runs.map((r) => `${r.metrics.batchSize.mean === null ? "none" : `${trimNumber(r.metrics.batchSize.mean, 1)} commits`} with ${name(r.mode)}`),
  )}. Bigger batches fail more often and take longer to search for the culprit.`;
  const flowTakeaway = `The gap between Pushed and Deployed is work waiting to reach production. At the end: ${listWords(
    runs.map((r) => `${grouped(r.flow.pushed.at(-1)! - r.flow.deployed.at(-1)!)} commits waiting with ${name(r.mode)}`),
  )}.`;
  const summary = (title: string, takeaway: string) => `${title}. ${takeaway} The same numbers are in the table below the chart.`;

  const flowLegend: LegendItem[] = FLOW_SERIES.map((s) => ({
    key: s.key,
    label: s.label,
    color: `var(${s.variable})`,
    dashArray: s.dashArray,
  }));

  // The three charts of one line or point per mode, each with its own data, words and table.
  const lineCharts = [
    {
      key: "lead",
      id: "chart-lead-time",
      className: "",
      title: "Lead time distribution",
      takeaway: leadTakeaway,
      legend,
      file: "lead-time",
      png: png("lead", "Lead time distribution: share of commits in production within a time"),
      table: () => <LeadTimeTable runs={runs} />,
      options: leadOptions,
      data: leadData,
      label: "Lead time distribution: the share of commits in production within a given time, one line per mode",
    },
    {
      key: "deployments",
      id: "chart-deployments",
      className: "",
      title: "Deployments over time",
      takeaway: deployTakeaway,
      legend,
      file: "deployments",
      png: png("deployments", "Deployments over time (cumulative)"),
      table: () => <DeploymentsTable runs={runs} />,
      options: deployOptions,
      data: deployData,
      label: "Deployments over time: deployments so far on each day of the run, one line per mode",
    },
    {
      key: "batch",
      id: "chart-batch",
      className: "2xl:col-span-2",
      title: "Batch sizes",
      takeaway: batchTakeaway,
      legend: pointLegend,
      file: "batch-sizes",
      png: png("batch", "Batch size of each deployment", pngLegend(modes, true)),
      table: () => <BatchTable runs={runs} />,
      options: batchOpts,
      data: batchData,
      label: "Batch sizes: one point per deployment at its day, as high as the commits it shipped, one point shape per mode",
    },
  ];

  return (
    <div className="grid gap-6 2xl:grid-cols-2">
      {lineCharts.map((c) => (
        <ChartFigure
          key={c.key}
          id={c.id}
          className={c.className}
          title={c.title}
          takeaway={c.takeaway}
          legend={c.legend}
          fileName={exportFileName(runs, "png", c.file)}
          png={c.png}
          table={c.table}
        >
          <UPlotChart
            className="overflow-hidden"
            options={c.options}
            data={c.data}
            height={HEIGHT}
            label={summary(c.label, c.takeaway)}
            onChart={keep(c.key)}
            stagger
            drawWhenSeen
          />
        </ChartFigure>
      ))}

      <ChartFigure
        id="chart-flow"
        className="2xl:col-span-2"
        title="Cumulative flow of commits"
        takeaway={flowTakeaway}
        legend={flowLegend}
        fileName={exportFileName(runs, "png", "cumulative-flow")}
        png={() => {
          const plots = runs.flatMap((r) => {
            const chart = charts.get(`flow-${r.mode}`);
            return chart ? [{ chart, caption: name(r.mode) }] : [];
          });
          if (plots.length === 0) return null;
          return {
            title: "Cumulative flow of commits: pushed, tested, deployed",
            footer: footer(runs),
            legend: FLOW_SERIES.map((s) => ({ label: s.label, color: cssVar(s.variable), dash: [...s.dash] })),
            plots,
            colors: chartColors(),
          };
        }}
        table={() => <FlowTable runs={runs} />}
      >
        <div className={`grid gap-4 ${runs.length > 2 ? "md:grid-cols-2 2xl:grid-cols-4" : "md:grid-cols-2"}`}>
          {runs.map((r, i) => {
            const { Icon, color } = MODE_STYLE[r.mode];
            const waiting = r.flow.pushed.at(-1)! - r.flow.deployed.at(-1)!;
            return (
              <div key={r.mode} className="min-w-0">
                <p className="flex items-center gap-2 text-lg font-semibold text-text">
                  <Icon aria-hidden="true" className="size-5 shrink-0" style={{ color }} />
                  {/* Short names keep four small charts aligned; the chart's own label has the full name. */}
                  {runs.length > 2 ? MODE_INFO[r.mode].short : name(r.mode)}
                </p>
                <UPlotChart
                  className="overflow-hidden"
                  options={flowOpts}
                  data={flowData[i]!}
                  height={FLOW_HEIGHT}
                  label={`Cumulative flow for ${name(r.mode)}: ${r.flow.pushed.at(-1)} commits pushed, ${r.flow.tested.at(-1)} tested and ${r.flow.deployed.at(-1)} deployed by the end; ${waiting} waiting.`}
                  onChart={keep(`flow-${r.mode}`)}
                  stagger
                  drawWhenSeen
                />
              </div>
            );
          })}
        </div>
      </ChartFigure>
    </div>
  );
});

// ------------------------------------------------------------------ tables

function ModeHeaders({ runs, numeric = true }: { runs: readonly ModeRun[]; numeric?: boolean }) {
  return (
    <>
      {runs.map((r) => (
        <th key={r.mode} scope="col" className={numeric ? TH_NUM : TH}>
          {name(r.mode)}
        </th>
      ))}
    </>
  );
}

/** A table of one column per mode, after a first column of row names headed `corner`. */
function ModeTable({
  runs,
  label,
  caption,
  corner,
  children,
}: {
  runs: readonly ModeRun[];
  label: string;
  caption: string;
  corner: string;
  children: ReactNode;
}) {
  const head = (
    <tr>
      <th scope="col" className={TH}>
        {corner}
      </th>
      <ModeHeaders runs={runs} />
    </tr>
  );
  return (
    <ScrollTable label={label} caption={caption} head={head}>
      {children}
    </ScrollTable>
  );
}

/** A row's name, in the first column; `total` for the summing rows at the end. */
function RowName({ children, total = false }: { children: ReactNode; total?: boolean }) {
  return (
    <th scope="row" className={`${TD} text-left ${total ? "font-semibold" : "font-normal"}`}>
      {children}
    </th>
  );
}

/** Rows of one cell per mode, as `cell` words it. */
function ModeRows<Cell extends { mode: Mode }>({ rows, cell }: { rows: readonly { label: string; cells: readonly Cell[] }[]; cell: (c: Cell) => ReactNode }) {
  return rows.map((row) => (
    <tr key={row.label}>
      <RowName>{row.label}</RowName>
      {row.cells.map((c) => (
        <td key={c.mode} className={TD_NUM}>
          {cell(c)}
        </td>
      ))}
    </tr>
  ));
}

function LeadTimeTable({ runs }: { runs: readonly ModeRun[] }) {
  return (
    <ModeTable runs={runs} label="Lead time table" caption="Commits by lead time, per mode: count and share of all commits pushed" corner="Lead time">
      <ModeRows rows={leadTimeTable(runs)} cell={(c) => `${grouped(c.count)} (${Math.round(c.share * 100)}%)`} />
    </ModeTable>
  );
}

function DeploymentsTable({ runs }: { runs: readonly ModeRun[] }) {
  const first = runs[0];
  if (!first) return null;
  return (
    <ModeTable runs={runs} label="Deployments table" caption="Deployments per period and, in brackets, failed changes, per mode" corner="Period">
      {periods(first).map((p) => (
        <tr key={p.label}>
          <RowName>{p.label}</RowName>
          {runs.map((r) => {
            const n = r.flow.deployments[p.end]! - r.flow.deployments[p.start]!;
            const failed = r.flow.failedChanges[p.end]! - r.flow.failedChanges[p.start]!;
            return (
              <td key={r.mode} className={TD_NUM}>
                {n}
                {failed > 0 ? ` (${failed} failed)` : ""}
              </td>
            );
          })}
        </tr>
      ))}
      <tr>
        <RowName total>Total</RowName>
        {runs.map((r) => (
          <td key={r.mode} className={`${TD_NUM} font-semibold`}>
            {r.metrics.deployments}
            {r.metrics.failedChanges > 0 ? ` (${r.metrics.failedChanges} failed)` : ""}
          </td>
        ))}
      </tr>
    </ModeTable>
  );
}

const BATCH_STATS = { mean: "Mean batch", median: "Median batch", max: "Largest batch" } as const;

function BatchTable({ runs }: { runs: readonly ModeRun[] }) {
  return (
    <ModeTable runs={runs} label="Batch size table" caption="Deployments by batch size, per mode" corner="Commits in the deployment">
      <ModeRows rows={batchTable(runs)} cell={(c) => `${c.deployments} deployment${c.deployments === 1 ? "" : "s"}`} />
      {(Object.keys(BATCH_STATS) as (keyof typeof BATCH_STATS)[]).map((stat) => (
        <tr key={stat}>
          <RowName total>{BATCH_STATS[stat]}</RowName>
          {runs.map((r) => {
            const v = r.metrics.batchSize[stat];
            return (
              <td key={r.mode} className={`${TD_NUM} font-semibold`}>
                {v === null || (stat === "max" && r.metrics.deployments === 0) ? "—" : `${trimNumber(v, 1)} commits`}
              </td>
            );
          })}
        </tr>
      ))}
    </ModeTable>
  );
}

function FlowTable({ runs }: { runs: readonly ModeRun[] }) {
  const first = runs[0];
  if (!first) return null;
  const ps = periods(first);
  const head = (
    <>
      <tr>
        <th scope="col" rowSpan={2} className={`${TH} align-bottom`}>
          By the end of
        </th>
        {runs.map((r) => (
          <th key={r.mode} scope="colgroup" colSpan={3} className={`${TH} border-l border-border text-center`}>
            {name(r.mode)}
          </th>
        ))}
      </tr>
      <tr>
        {runs.map((r) =>
          FLOW_SERIES.map((s, i) => (
            <th key={`${r.mode}-${s.key}`} scope="col" className={`${TH_NUM} top-10 ${i === 0 ? "border-l border-border" : ""}`}>
              {s.label}
            </th>
          )),
        )}
      </tr>
    </>
  );
  return (
    <ScrollTable label="Cumulative flow table" caption="Commits pushed, tested and deployed by the end of each period, per mode" head={head}>
      {ps.map((p) => (
        <tr key={p.label}>
          <RowName>{p.label}</RowName>
          {runs.map((r) =>
            FLOW_SERIES.map((s, i) => (
              <td key={`${r.mode}-${s.key}`} className={`${TD_NUM} ${i === 0 ? "border-l" : ""}`}>
                {r.flow[s.key][p.end]}
              </td>
            )),
          )}
        </tr>
      ))}
    </ScrollTable>
  );
}
