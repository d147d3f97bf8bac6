import type uPlot from "uplot";
import { drawPending } from "@/components/charts/UPlotChart";
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
  // A chart out of sight may be keeping new data for later (drawWhenSeen): the PNG shows it now.
  for (const { chart } of plots) drawPending(chart);
  const first = plots[0]?.chart;
  const ratio = first && first.width > 0 ? first.ctx.canvas.width / first.width : 1;
  const pad = 24 * ratio;
  const titleFont = `700 ${22 * ratio}px ${CHART_FONT_FAMILY}`;
  const legendFont = `${16 * ratio}px ${CHART_FONT_FAMILY}`;
  const titleLineH = 30 * ratio;
  const legendRowH = 36 * ratio;
  const captionH = plots.some((p) => p.caption) ? 30 * ratio : 0;
  const footerFont = `${14 * ratio}px ${CHART_FONT_FAMILY}`;
  const footerLineH = 20 * ratio;
  const gap = 16 * ratio;
  const plotW = plots.reduce((w, p) => w + p.chart.ctx.canvas.width, 0) + gap * Math.max(0, plots.length - 1);
  const plotH = Math.max(0, ...plots.map((p) => p.chart.ctx.canvas.height));

  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(plotW + 2 * pad);
  const ctx = canvas.getContext("2d")!;
  // A long title, legend or footer on a narrow chart (a phone's, or one mode's flow) wraps onto more lines
  // instead of running off the picture.
  const room = canvas.width - 2 * pad;
  ctx.font = titleFont;
  const titleLines = wrapWords(title, room, (text) => ctx.measureText(text).width);
  const titleH = 10 * ratio + titleLines.length * titleLineH;
  ctx.font = legendFont;
  const legendRows = rowsOf(
    legend.map((item) => 44 * ratio + ctx.measureText(item.label).width),
    room,
    28 * ratio,
  );
  const legendH = legendRows.length * legendRowH;
  ctx.font = footerFont;
  const footerLines = wrapWords(footer, room, (text) => ctx.measureText(text).width);
  const footerH = 12 * ratio + footerLines.length * footerLineH;
  // Setting the height clears the context's state: every font below is set again.
  canvas.height = Math.ceil(pad + titleH + legendH + captionH + plotH + footerH + pad / 2);
  ctx.fillStyle = colors.surface;
  ctx.fillRect(0, 0, canvas.width, canvas.height);

  ctx.fillStyle = colors.text;
  ctx.textBaseline = "middle";
  ctx.font = titleFont;
  titleLines.forEach((line, i) => ctx.fillText(line, pad, pad + 5 * ratio + (i + 0.5) * titleLineH));

  ctx.font = legendFont;
  legendRows.forEach((row, r) => {
    const legendY = pad + titleH + (r + 0.5) * legendRowH;
    let x = pad;
    for (const i of row) {
      const item = legend[i]!;
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
  });

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
  ctx.font = footerFont;
  footerLines.forEach((line, i) => ctx.fillText(line, pad, top + captionH + plotH + 10 * ratio + (i + 0.5) * footerLineH));

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

/** Words in lines no wider than `width` (a word wider than that has a line of its own). */
export function wrapWords(text: string, width: number, measure: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const longer = line ? `${line} ${word}` : word;
    if (line && measure(longer) > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  return line ? [...lines, line] : lines;
}

/** Items of these widths in rows no wider than `width`, `gap` between them: each row's indexes. */
export function rowsOf(widths: readonly number[], width: number, gap: number): number[][] {
  const rows: number[][] = [];
  let used = 0;
  widths.forEach((w, i) => {
    const row = rows.at(-1);
    if (row && used + gap + w <= width) {
      row.push(i);
      used += gap + w;
    } else {
      rows.push([i]);
      used = w;
    }
  });
  return rows;
}
