"use client";

import { useCallback, useInsertionEffect, useRef } from "react";
import type uPlot from "uplot";
import { UPlotChart, hoverPlugin, pxRatio, themePlugin } from "./UPlotChart";

/**
 * A small live time-series chart on uPlot (through UPlotChart, the product's one wrapper). Generic:
 * x is a number (Pipeline Lab uses virtual minutes), each series is a line, and the chart can
 * carry vertical markers (deploys, rollbacks), shaded bands (incidents) and a horizontal threshold
 * (an alarm), each drawn by a uPlot plugin. Colours are CSS variable names, read at draw time, so the
 * chart follows the light and dark themes.
 *
 * The canvas is an image to assistive technology: `label` and `description` are its text
 * alternative, and every chart in the product also has a table beside it.
 */

export interface ChartSeries {
  label: string;
  /** CSS custom property holding the colour, e.g. "--chart-requests". */
  color: string;
  values: readonly number[];
  width?: number;
  dash?: number[];
}

export interface ChartMarker {
  x: number;
  kind: "deploy" | "rollback";
  /** Short text drawn beside the marker when there is room ("+3"). */
  label?: string;
}

export interface ChartBand {
  from: number;
  to: number;
  label?: string;
}

export interface ChartThreshold {
  y: number;
  label: string;
}

export interface TimeSeriesChartProps {
  /** Accessible name: what the chart is ("Error rate, last 24 hours"). */
  label: string;
  /** Text alternative: what it shows, in numbers. */
  description: string;
  x: readonly number[];
  /** The x axis range; samples may cover only part of it. */
  xRange: readonly [number, number];
  series: readonly ChartSeries[];
  markers?: readonly ChartMarker[];
  bands?: readonly ChartBand[];
  threshold?: ChartThreshold | null;
  /** Height in CSS pixels. */
  height?: number;
  /** Tick label for x; `step` is the distance between ticks. */
  formatX: (x: number, step: number) => string;
  formatY: (y: number) => string;
  /** The y axis reaches at least this high (keeps a quiet series from looking dramatic). */
  minYMax?: number;
  /** Draw marker and band labels (one chart of a stack is enough). */
  showLabels?: boolean;
  /** Charts with the same key share the hover cursor. */
  syncKey?: string;
  /** The data index under the pointer, or null when it leaves. */
  onHover?: (index: number | null) => void;
  /** Tick spacing candidates for x (ascending); the smallest that fits is used. */
  xSteps?: readonly number[];
}

const DEFAULT_X_STEPS = [60, 120, 180, 360, 720, 1440, 2880, 10080, 20160, 40320];
const AXIS_FONT = '600 16px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_FONT = '700 15px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

/** A "nice" ceiling: 1, 2, 2.5 or 5 times a power of ten. */
export function niceCeil(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

/** Tick positions for x: multiples of the smallest step that leaves `minGap` pixels between ticks. */
export function xTicks(min: number, max: number, widthPx: number, steps: readonly number[] = DEFAULT_X_STEPS, minGap = 110): { ticks: number[]; step: number } {
  const span = Math.max(1, max - min);
  const step = steps.find((s) => (span / s) * minGap <= widthPx) ?? steps[steps.length - 1]!;
  const ticks: number[] = [];
  for (let t = Math.ceil(min / step) * step; t <= max; t += step) ticks.push(t);
  return { ticks, step };
}

/** Colours are CSS custom properties, read at draw time and remembered until the theme changes. */
function colorReader(): { css: (name: string) => string; forget: () => void } {
  const colors = new Map<string, string>();
  return {
    css: (name) => {
      let value = colors.get(name);
      if (value === undefined) {
        value = getComputedStyle(document.documentElement).getPropertyValue(name).trim() || "#888";
        colors.set(name, value);
      }
      return value;
    },
    forget: () => colors.clear(),
  };
}

type Latest = { current: TimeSeriesChartProps };

/** Incidents: shaded bands behind the lines, with their number on a plate. */
function bandsPlugin(latest: Latest, css: (name: string) => string): uPlot.Plugin {
  const drawBands = (u: uPlot) => {
    const { bands = [], showLabels } = latest.current;
    const { left, top, width, height: h } = u.bbox;
    const r = pxRatio();
    const ctx = u.ctx;
    ctx.save();
    for (const band of bands) {
      const x0 = Math.max(left, u.valToPos(band.from, "x", true));
      const x1 = Math.min(left + width, u.valToPos(band.to, "x", true));
      if (x1 < left || x0 > left + width) continue;
      ctx.fillStyle = css("--chart-incident");
      ctx.fillRect(x0, top, Math.max(x1 - x0, 2 * r), h);
      ctx.fillStyle = css("--chart-incident-edge");
      ctx.fillRect(x0, top, 2 * r, h);
      if (showLabels && band.label) {
        // The incident's number on a plate, so lines crossing it do not hide it.
        ctx.font = LABEL_FONT.replace("15px", `${15 * r}px`);
        ctx.textAlign = "left";
        ctx.textBaseline = "bottom";
        const w = ctx.measureText(band.label).width + 8 * r;
        const y = top + h - 3 * r;
        ctx.fillStyle = css("--chart-plate");
        ctx.fillRect(x0 + 3 * r, y - 18 * r, w, 18 * r);
        ctx.fillStyle = css("--chart-errors");
        ctx.fillText(band.label, x0 + 7 * r, y - 1 * r);
      }
    }
    ctx.restore();
  };
  return { hooks: { drawAxes: [drawBands] } };
}

/** Deploy and rollback markers and the alarm threshold, over the lines. */
function overlayPlugin(latest: Latest, css: (name: string) => string): uPlot.Plugin {
  const drawOverlay = (u: uPlot) => {
    const { markers = [], threshold, showLabels } = latest.current;
    const { left, top, width, height: h } = u.bbox;
    const ctx = u.ctx;
    const r = pxRatio();
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top - 14 * r, width, h + 14 * r);
    ctx.clip();
    if (threshold) {
      const y = Math.round(u.valToPos(threshold.y, "y", true));
      ctx.strokeStyle = css("--chart-threshold");
      ctx.lineWidth = 2 * r;
      ctx.setLineDash([8 * r, 5 * r]);
      ctx.beginPath();
      ctx.moveTo(left, y);
      ctx.lineTo(left + width, y);
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.font = LABEL_FONT.replace("15px", `${15 * r}px`);
      ctx.textAlign = "right";
      ctx.textBaseline = "bottom";
      ctx.fillStyle = css("--chart-threshold");
      ctx.fillText(threshold.label, left + width - 4 * r, y - 3 * r);
    }
    let lastLabelX = -Infinity;
    for (const m of markers) {
      const x = Math.round(u.valToPos(m.x, "x", true));
      if (x < left || x > left + width) continue;
      const color = css(m.kind === "deploy" ? "--chart-deploy" : "--chart-rollback");
      ctx.strokeStyle = color;
      ctx.fillStyle = color;
      ctx.lineWidth = 2 * r;
      ctx.setLineDash(m.kind === "rollback" ? [5 * r, 4 * r] : []);
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, top + h);
      ctx.stroke();
      ctx.setLineDash([]);
      // Shape: a triangle pointing up for a deploy, down for a rollback.
      const s = 6 * r;
      ctx.beginPath();
      if (m.kind === "deploy") {
        ctx.moveTo(x - s, top + s * 1.6);
        ctx.lineTo(x + s, top + s * 1.6);
        ctx.lineTo(x, top);
      } else {
        ctx.moveTo(x - s, top);
        ctx.lineTo(x + s, top);
        ctx.lineTo(x, top + s * 1.6);
      }
      ctx.closePath();
      ctx.fill();
      if (showLabels && m.label && x - lastLabelX > 34 * r) {
        ctx.font = LABEL_FONT.replace("15px", `${15 * r}px`);
        ctx.textAlign = "left";
        ctx.textBaseline = "top";
        ctx.fillText(m.label, x + s + 2 * r, top);
        lastLabelX = x;
      }
    }
    ctx.restore();
  };
  return { hooks: { draw: [drawOverlay] } };
}

export function TimeSeriesChart(props: TimeSeriesChartProps) {
  const latest = useRef(props);
  // Not written during render. An insertion effect runs before every layout effect of the commit,
  // so the chart's own layout effects (UPlotChart's setData, where uPlot may read the ranges at
  // once) already see these props; a layout effect here would run after the child's.
  useInsertionEffect(() => {
    latest.current = props;
  }, [props]);
  const { height = 160 } = props;

  // Built once: later renders only feed the chart data; what it draws is read from `latest`.
  const options = useCallback((): Omit<uPlot.Options, "width" | "height"> => {
    const p = latest.current;
    const { css, forget } = colorReader();
    let tickStep = 60;
    const pr = pxRatio;
    return {
      legend: { show: false },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      cursor: {
        x: true,
        y: false,
        drag: { x: false, y: false, setScale: false },
        points: { size: 9, width: 2 },
        sync: p.syncKey ? { key: p.syncKey, setSeries: false } : undefined,
      },
      // Room on the right for the last tick label, which is centred on its tick.
      padding: [16, 44, 0, 0],
      scales: {
        x: { time: false, range: () => [latest.current.xRange[0], latest.current.xRange[1]] },
        y: {
          range: (_u, _min, max) => {
            const { threshold, minYMax = 1 } = latest.current;
            return [0, niceCeil(Math.max(max * 1.1, threshold ? threshold.y * 1.3 : 0, minYMax))];
          },
        },
      },
      axes: [
        {
          stroke: () => css("--chart-axis"),
          font: AXIS_FONT,
          grid: { stroke: () => css("--chart-grid"), width: 1 },
          ticks: { stroke: () => css("--chart-grid"), width: 1, size: 6 },
          splits: (u, _i, min, max) => {
            const { ticks, step } = xTicks(min, max, u.bbox.width / pr(), latest.current.xSteps);
            tickStep = step;
            return ticks;
          },
          values: (_u, splits) => splits.map((v) => latest.current.formatX(v, tickStep)),
          size: 34,
        },
        {
          stroke: () => css("--chart-axis"),
          font: AXIS_FONT,
          grid: { stroke: () => css("--chart-grid"), width: 1 },
          ticks: { show: false },
          values: (_u, splits) => splits.map((v) => latest.current.formatY(v)),
          splits: (_u, _i, _min, max) => [0, max / 2, max],
          size: 64,
        },
      ],
      series: [
        {},
        ...p.series.map((s, i) => ({
          label: s.label,
          stroke: () => css(latest.current.series[i]?.color ?? s.color),
          width: s.width ?? 2.5,
          dash: s.dash,
          points: { show: false },
        })),
      ],
      plugins: [bandsPlugin(latest, css), overlayPlugin(latest, css), hoverPlugin((index) => latest.current.onHover?.(index)), themePlugin(forget)],
    };
  }, []);

  // New data (and so a redraw of markers, bands and threshold) on every render.
  const data = [props.x, ...props.series.map((s) => s.values)] as unknown as uPlot.AlignedData;

  // Staggered: the monitoring view mounts its charts together, and made in its commit they were one long task (issue 13).
  return <UPlotChart options={options} data={data} height={height} label={`${props.label}. ${props.description}`} style={{ height }} stagger />;
}
