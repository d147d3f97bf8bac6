"use client";

import { useLayoutEffect, useRef, type CSSProperties } from "react";
import type uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import "./charts.css";
import { createLater } from "@/components/ui/createLater";
import { deferred } from "@/components/ui/deferred";

/**
 * The product's one uPlot wrapper (the monitoring view's time series and the comparison's charts):
 * a chart that fills its container's width. Data changes go through `setData` (no rebuild), so new
 * numbers redraw in a frame. What a chart draws beyond uPlot's lines (markers, bands, thresholds,
 * hover reports, theme changes) comes as uPlot plugins in its options (see the plugins below).
 *
 * uPlot's own stylesheet is imported here, once; charts.css holds only the theme's overrides.
 * uPlot's script (some 20 KB gzipped) is fetched when the first chart is made, not with the page:
 * a chart is drawn after its view's first paint anyway, in a task of its own (issue 13).
 */
export interface UPlotChartProps {
  /** Builds the chart's options; a new function (new theme, other series) rebuilds the chart. */
  options: () => Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  /** Height in CSS pixels. */
  height: number;
  /** Text alternative of the whole chart (the canvas is an image to assistive technology). */
  label: string;
  /** Receives the chart when it is created, and null when it goes: for PNG export. */
  onChart?: (chart: uPlot | null) => void;
  className?: string;
  style?: CSSProperties;
  /**
   * Create the chart in a task of its own, after the ones created before it, instead of in the
   * commit that mounts it: a page that mounts many charts at once (the comparison's seven) then
   * draws them one task each rather than in one long task (Total Blocking Time, issue 13). Until
   * then the chart's box keeps its height. New data for a chart that exists is drawn at once.
   */
  stagger?: boolean;
  /**
   * A chart well out of sight is made only when it comes near the screen, and new data for it waits
   * until then too (or until a PNG is made of it: chartPng calls `drawPending`). "Near" is its section's: a figure
   * of several charts (the comparison's cumulative flow) makes them all, so its PNG has them all. The
   * comparison's charts sit below its cards: loading the page or changing a setting draws the numbers
   * on screen without first drawing seven charts nobody sees yet.
   */
  drawWhenSeen?: boolean;
}

const widthOf = (el: HTMLElement) => Math.max(200, Math.floor(el.clientWidth));

const uplot = deferred(() => import("uplot").then((m) => m.default));

/** Data a chart out of sight has not drawn yet (drawWhenSeen). */
const pendingData = new WeakMap<uPlot, uPlot.AlignedData>();

/** Draws, now, data a chart out of sight was keeping for later: before reading its canvas. */
export function drawPending(chart: uPlot): void {
  const data = pendingData.get(chart);
  if (!data) return;
  pendingData.delete(chart);
  // batch: draw before returning, not in a microtask.
  chart.batch(() => chart.setData(data));
}

/** How near the screen a chart counts as seen: half a screen above or below. */
const NEAR = "50% 0px";

/** uPlot's device pixel ratio, for plugins that draw on the canvas (only called once a chart exists). */
export function pxRatio(): number {
  return uplot.current?.pxRatio ?? window.devicePixelRatio;
}

export function UPlotChart({ options, data, height, label, onChart, className = "", style, stagger = false, drawWhenSeen = false }: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  /** Near the screen, as far as the chart knows (until told otherwise, it is). */
  const seen = useRef(true);
  const lazy = useRef(drawWhenSeen);
  const latestData = useRef(data);
  const latestHeight = useRef(height);
  const latestOnChart = useRef(onChart);

  useLayoutEffect(() => {
    latestData.current = data;
    latestHeight.current = height;
    latestOnChart.current = onChart;
  }, [data, height, onChart]);

  const staggered = useRef(stagger);
  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    let u: uPlot | null = null;
    let observer: ResizeObserver | null = null;
    let sight: IntersectionObserver | null = null;
    let gone = false;
    const build = (UPlot: typeof uPlot) => {
      if (gone) return;
      const made = new UPlot({ ...options(), width: widthOf(el), height: latestHeight.current }, latestData.current, el);
      u = made;
      chart.current = made;
      latestOnChart.current?.(made);
      observer = new ResizeObserver(() => {
        const w = widthOf(el);
        if (Math.abs(w - made.width) > 1) made.setSize({ width: w, height: latestHeight.current });
      });
      observer.observe(el);
    };
    let cancel: (() => void) | null = null;
    const schedule = () => {
      cancel = staggered.current ? createLater(create) : (create(), null);
    };
    // Not there yet on its turn: wait, then take another turn, so the charts waiting for it are
    // still drawn one a task, not all in the task it arrives in. (Offline without its chunk the box
    // stays empty, as a chart that could not be drawn.)
    const create = () =>
      uplot.current
        ? build(uplot.current)
        : void uplot.load().then(
            () => !gone && schedule(),
            () => {},
          );
    void uplot.load().catch(() => {});
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      schedule();
    };
    if (lazy.current && typeof IntersectionObserver === "function") {
      sight = new IntersectionObserver(
        ([entry]) => {
          seen.current = entry?.isIntersecting ?? true;
          if (!seen.current) return;
          if (u) drawPending(u);
          else start();
        },
        { rootMargin: NEAR },
      );
      sight.observe(el.closest("section") ?? el);
    } else start();
    return () => {
      gone = true;
      cancel?.();
      observer?.disconnect();
      sight?.disconnect();
      if (u) {
        (u as uPlot).destroy();
        chart.current = null;
        latestOnChart.current?.(null);
      }
    };
  }, [options]);

  useLayoutEffect(() => {
    const u = chart.current;
    if (!u || u.data === data) return;
    if (lazy.current && !seen.current) pendingData.set(u, data);
    else {
      pendingData.delete(u);
      u.setData(data);
    }
  }, [data]);

  useLayoutEffect(() => {
    const u = chart.current;
    if (u && host.current && u.height !== height) u.setSize({ width: widthOf(host.current), height });
  }, [height]);

  // The box holds its height until the chart is drawn (no layout shift).
  const boxStyle = { minHeight: height, ...style };
  return <div ref={host} role="img" aria-label={label} style={boxStyle} className={`pl-chart w-full ${className}`} />;
}

/** Redraws the chart when the page's theme changes (after `onChange`, e.g. forgetting cached colours). */
export function themePlugin(onChange?: () => void): uPlot.Plugin {
  let observer: MutationObserver | null = null;
  return {
    hooks: {
      ready: (u) => {
        observer = new MutationObserver(() => {
          onChange?.();
          u.redraw(false);
        });
        observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
      },
      destroy: () => observer?.disconnect(),
    },
  };
}

/** Reports the data index under the pointer, and null when the pointer leaves the chart. */
export function hoverPlugin(onHover: (index: number | null) => void): uPlot.Plugin {
  return {
    hooks: {
      setCursor: (u) => onHover(u.cursor.idx ?? null),
      ready: (u) => u.over.addEventListener("mouseleave", () => onHover(null)),
    },
  };
}
