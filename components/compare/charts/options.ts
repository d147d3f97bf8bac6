import uPlot from "uplot";
import type { Mode } from "@/machines/world/modes";
import { MODE_INFO } from "@/machines/world/modes";
import { MODE_STYLE, cssVar } from "../modeStyle";
import { grouped } from "@/machines/words";

/** Canvas text cannot use CSS variables: the system font stack, written out. */
export const CHART_FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif';

export interface ChartColors {
  text: string;
  muted: string;
  grid: string;
  surface: string;
}

/** The theme's colours, read when a chart is (re)built. */
export function chartColors(): ChartColors {
  return {
    text: cssVar("--text", "#0b1220"),
    muted: cssVar("--text-muted", "#434e5e"),
    grid: cssVar("--chart-grid", "#dde3ea"),
    surface: cssVar("--surface-raised", "#ffffff"),
  };
}

function axis(colors: ChartColors, extra: uPlot.Axis = {}): uPlot.Axis {
  return {
    stroke: colors.muted,
    font: `16px ${CHART_FONT_FAMILY}`,
    labelFont: `600 16px ${CHART_FONT_FAMILY}`,
    labelSize: 28,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1, size: 6 },
    ...extra,
  };
}

const base = (): Pick<uPlot.Options, "legend" | "cursor" | "select" | "padding"> => ({
  legend: { show: false },
  cursor: { show: false },
  select: { show: false, left: 0, top: 0, width: 0, height: 0 },
  padding: [12, 16, 0, 0],
});

export function modeSeries(mode: Mode, extra: uPlot.Series = {}): uPlot.Series {
  const style = MODE_STYLE[mode];
  return {
    label: MODE_INFO[mode].name,
    stroke: cssVar(style.variable, "#0072b2"),
    width: 3,
    dash: style.dash,
    points: { show: false },
    ...extra,
  };
}

/** Whole days on a linear x axis (a fraction of a day gets no label). */
function dayValues(_u: uPlot, splits: number[]): string[] {
  return splits.map((d) => (Number.isInteger(d) ? String(d) : ""));
}

const steppedAfter = uPlot.paths.stepped!({ align: 1 });

/** Lead-time distribution: share of commits in production within x (log scale from a minute to the run). */
export function leadTimeOptions(modes: readonly Mode[], colors: ChartColors): Omit<uPlot.Options, "width" | "height"> {
  const TICKS: [number, string][] = [
    [1 / 60, "1 min"],
    [10 / 60, "10 min"],
    [1, "1 h"],
    [24, "1 day"],
    [24 * 7, "1 week"],
    [24 * 30, "1 month"],
    [24 * 90, "3 months"],
    [24 * 365, "1 year"],
  ];
  return {
    ...base(),
    scales: {
      // Exactly the grid's span (a minute to the run's length); uPlot would round out to powers of ten.
      x: { time: false, distr: 3, log: 10, range: (u) => [u.data[0][0] ?? 1 / 60, u.data[0][u.data[0].length - 1] ?? 1] },
      y: { range: [0, 100] },
    },
    axes: [
      axis(colors, {
        label: "Lead time (log scale)",
        splits: (_u, _i, min, max) => TICKS.map(([v]) => v).filter((v) => v >= min * 0.999 && v <= max * 1.001),
        // uPlot's default filter for log axes keeps powers of ten only; these ticks are chosen by hand.
        filter: (_u, splits) => splits,
        // A label that would touch the previous one is left out (narrow charts): about 9 px a character.
        values: (u, splits) => {
          let lastRight = -Infinity;
          return splits.map((v) => {
            const text = TICKS.find(([t]) => Math.abs(t - v) <= t * 1e-6)?.[1] ?? "";
            const x = u.valToPos(v, "x");
            const half = (text.length * 9) / 2;
            if (!text || x - half < lastRight + 12) return "";
            lastRight = x + half;
            return text;
          });
        },
      }),
      axis(colors, {
        label: "Commits in production",
        size: 64,
        splits: () => [0, 25, 50, 75, 100],
        values: (_u, splits) => splits.map((v) => `${v}%`),
      }),
    ],
    series: [{}, ...modes.map((m) => modeSeries(m, { paths: steppedAfter }))],
  };
}

export function deploymentsOptions(modes: readonly Mode[], colors: ChartColors): Omit<uPlot.Options, "width" | "height"> {
  return {
    ...base(),
    scales: { x: { time: false }, y: { range: (_u, _min, max) => [0, Math.max(4, Math.ceil(max * 1.05))] } },
    axes: [axis(colors, { label: "Day of the run", values: dayValues }), axis(colors, { label: "Deployments so far", size: 64 })],
    series: [{}, ...modes.map((m) => modeSeries(m, { paths: steppedAfter }))],
  };
}

export type PointShape = "square" | "triangle" | "diamond" | "circle";

/** Each mode's point shape in the batch chart, so modes differ without colour. */
export const MODE_SHAPE: Record<Mode, PointShape> = { manual: "square", ci: "triangle", delivery: "diamond", deployment: "circle" };

/** Draws one point of `shape` centred on (x, y), radius r (canvas pixels). */
export function shapePath(path: Path2D | CanvasRenderingContext2D, shape: PointShape, x: number, y: number, r: number): void {
  switch (shape) {
    case "square":
      path.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case "triangle":
      path.moveTo(x, y - r * 1.1);
      path.lineTo(x + r, y + r * 0.75);
      path.lineTo(x - r, y + r * 0.75);
      path.closePath();
      break;
    case "diamond":
      path.moveTo(x, y - r * 1.15);
      path.lineTo(x + r * 1.15, y);
      path.lineTo(x, y + r * 1.15);
      path.lineTo(x - r * 1.15, y);
      path.closePath();
      break;
    default:
      path.moveTo(x + r, y);
      path.arc(x, y, r, 0, Math.PI * 2);
  }
}

/** Custom points for uPlot: the mode's shape, filled with its colour, outlined in the card colour. */
function shapedPoints(shape: PointShape, color: string, outline: string, sizeCss: number): uPlot.Series.Points.Show {
  return (u, seriesIdx, idx0, idx1) => {
    const ctx = u.ctx;
    const ratio = u.width > 0 ? ctx.canvas.width / u.width : 1;
    const r = (sizeCss / 2) * ratio;
    const xs = u.data[0];
    const ys = u.data[seriesIdx]!;
    const path = new Path2D();
    for (let i = idx0; i <= idx1; i++) {
      const y = ys[i];
      if (y === null || y === undefined) continue;
      shapePath(path, shape, u.valToPos(xs[i]!, "x", true), u.valToPos(y, "y", true), r);
    }
    const { left, top, width, height } = u.bbox;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left - r * 2, top - r * 2, width + r * 4, height + r * 4);
    ctx.clip();
    ctx.fillStyle = color;
    ctx.fill(path);
    ctx.lineWidth = 1.25 * ratio;
    ctx.strokeStyle = outline;
    ctx.stroke(path);
    ctx.restore();
    return undefined;
  };
}

export function batchOptions(modes: readonly Mode[], colors: ChartColors): Omit<uPlot.Options, "width" | "height"> {
  return {
    ...base(),
    scales: {
      x: { time: false },
      y: { distr: 3, log: 10, range: (_u, _min, max) => [0.7, Math.max(10, 10 ** Math.ceil(Math.log10(Math.max(1, max)) + 0.0001)) * 1.3] },
    },
    axes: [
      axis(colors, { label: "Day of the run", values: dayValues }),
      axis(colors, {
        label: "Commits (log scale)",
        size: 64,
        splits: (_u, _i, min, max) => [1, 10, 100, 1000, 10000].filter((v) => v >= min && v <= max),
        filter: (_u, splits) => splits,
        values: (_u, splits) => splits.map((v) => grouped(v)),
      }),
    ],
    series: [
      {},
      ...modes.map((m) => {
        const color = cssVar(MODE_STYLE[m].variable, "#0072b2");
        return modeSeries(m, {
          paths: () => null,
          points: { show: shapedPoints(MODE_SHAPE[m], color, colors.surface, m === "deployment" ? 8 : 11), space: 0 },
        });
      }),
    ],
  };
}

export const FLOW_SERIES = [
  { key: "pushed", label: "Pushed", variable: "--flow-pushed", dash: [3, 5], dashArray: "3 5", words: "dotted line" },
  { key: "tested", label: "Tested", variable: "--flow-tested", dash: [10, 6], dashArray: "10 6", words: "dashed line" },
  { key: "deployed", label: "Deployed", variable: "--flow-deployed", dash: [], dashArray: "", words: "solid line" },
] as const;

/** `maxY()` is read on every redraw, so the small multiples share one y scale without being rebuilt. */
export function flowOptions(maxY: () => number, colors: ChartColors): Omit<uPlot.Options, "width" | "height"> {
  return {
    ...base(),
    scales: { x: { time: false }, y: { range: () => [0, Math.max(10, Math.ceil(maxY() * 1.05))] } },
    axes: [axis(colors, { label: "Day", values: dayValues }), axis(colors, { label: "Commits", size: 60 })],
    series: [
      {},
      ...FLOW_SERIES.map((s) => ({
        label: s.label,
        stroke: cssVar(s.variable, "#000"),
        width: s.key === "deployed" ? 3 : 2.5,
        dash: [...s.dash],
        points: { show: false },
        paths: steppedAfter,
      })),
    ],
  };
}
