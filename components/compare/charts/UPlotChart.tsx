"use client";

import { useLayoutEffect, useRef } from "react";
import uPlot from "uplot";

export interface UPlotChartProps {
  /** Builds the chart's options; a new function (new theme, other series) rebuilds the chart. */
  options: () => Omit<uPlot.Options, "width" | "height">;
  data: uPlot.AlignedData;
  height: number;
  /** Text alternative of the whole chart (the canvas is an image to assistive technology). */
  label: string;
  /** Receives the chart when it is created, and null when it goes: for PNG export. */
  onChart?: (chart: uPlot | null) => void;
  className?: string;
}

/**
 * A uPlot chart that fills its container's width. Data changes go through `setData` (no rebuild), so
 * a recomputed comparison redraws in a frame.
 */
export function UPlotChart({ options, data, height, label, onChart, className = "" }: UPlotChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<uPlot | null>(null);
  const latestData = useRef(data);
  const latestOnChart = useRef(onChart);

  useLayoutEffect(() => {
    latestData.current = data;
    latestOnChart.current = onChart;
  });

  useLayoutEffect(() => {
    const el = host.current;
    if (!el) return;
    const width = Math.max(200, Math.floor(el.clientWidth));
    const u = new uPlot({ ...options(), width, height }, latestData.current, el);
    chart.current = u;
    latestOnChart.current?.(u);
    const observer = new ResizeObserver((entries) => {
      const w = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (w > 0 && Math.abs(w - u.width) > 1) u.setSize({ width: w, height });
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      u.destroy();
      chart.current = null;
      latestOnChart.current?.(null);
    };
  }, [options, height]);

  useLayoutEffect(() => {
    const u = chart.current;
    if (u && u.data !== data) u.setData(data);
  }, [data]);

  return <div ref={host} role="img" aria-label={label} className={`w-full overflow-hidden ${className}`} />;
}
