import type uPlot from "uplot";
import { CHART_FONT_FAMILY, shapePath, type ChartColors, type PointShape } from "./options";

export interface PngLegendItem {
  label: string;
  color: string;
  dash: number[];
  /** A point shape instead of a line sample. */
  shape?: PointShape;
}

export interface PngRequest {
  title: string;
  /** One line under the chart: what was run ("Seed 42 · 90 days · Pipeline Lab"). */
  footer: string;
  legend: PngLegendItem[];
  /** Charts laid out left to right, each with an optional caption above it. */
  plots: { chart: uPlot; caption?: string }[];
  colors: ChartColors;
}

/**
 * A chart as a PNG a trainer can paste into slides: uPlot draws plot and axes on one canvas; this adds
 * a background, the title, the legend (line samples, so it reads without colour) and the footer.
 */
export function chartPng({ title, footer, legend, plots, colors }: PngRequest): Promise<Blob> {
  const first = plots[0]?.chart;
  const ratio = first && first.width > 0 ? first.ctx.canvas.width / first.width : 1;
  const pad = 24 * ratio;
  const titleH = 40 * ratio;
  const legendH = legend.length > 0 ? 36 * ratio : 0;
  const captionH = plots.some((p) => p.caption) ? 30 * ratio : 0;
  const footerH = 32 * ratio;
  const gap = 16 * ratio;
  const plotW = plots.reduce((w, p) => w + p.chart.ctx.canvas.width, 0) + gap * Math.max(0, plots.length - 1);
  const plotH = Math.max(0, ...plots.map((p) => p.chart.ctx.canvas.height));

  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(plotW + 2 * pad);
  canvas.height = Math.ceil(pad + titleH + legendH + captionH + plotH + footerH + pad / 2);
  const ctx = canvas.getContext("2d")!;
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.fillStyle = colors.text;
  ctx.textBaseline = "middle";
  ctx.font = `700 ${22 * ratio}px ${CHART_FONT_FAMILY}`;
  ctx.fillText(title, pad, pad + titleH / 2);

  let x = pad;
  const legendY = pad + titleH + legendH / 2;
  ctx.font = `${16 * ratio}px ${CHART_FONT_FAMILY}`;
  for (const item of legend) {
    if (item.shape) {
      ctx.beginPath();
      shapePath(ctx, item.shape, x + 18 * ratio, legendY, 7 * ratio);
      ctx.fillStyle = item.color;
      ctx.fill();
    } else {
      ctx.strokeStyle = item.color;
      ctx.lineWidth = 3 * ratio;
      ctx.setLineDash(item.dash.map((d) => d * ratio));
      ctx.beginPath();
      ctx.moveTo(x, legendY);
      ctx.lineTo(x + 36 * ratio, legendY);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.fillStyle = colors.text;
    ctx.fillText(item.label, x + 44 * ratio, legendY);
    x += 44 * ratio + ctx.measureText(item.label).width + 28 * ratio;
  }

  let px = pad;
  const top = pad + titleH + legendH;
  for (const { chart, caption } of plots) {
    if (caption) {
      ctx.fillStyle = colors.text;
      ctx.font = `600 ${17 * ratio}px ${CHART_FONT_FAMILY}`;
      ctx.fillText(caption, px, top + captionH / 2);
    }
    ctx.drawImage(chart.ctx.canvas, px, top + captionH);
    px += chart.ctx.canvas.width + gap;
  }

  ctx.fillStyle = colors.muted;
  ctx.font = `${14 * ratio}px ${CHART_FONT_FAMILY}`;
  ctx.fillText(footer, pad, top + captionH + plotH + footerH / 2 + 4 * ratio);

  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("The browser could not make a PNG."))), "image/png"),
  );
}

/** Saves a Blob as a file through a temporary link (works in every current browser). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
