"use client";

import { useState, type ReactNode } from "react";
import { ImageDown, Table2 } from "lucide-react";
import { saveBlob, type PngRequest, chartPng } from "./png";

export interface LegendItem {
  key: string;
  label: string;
  /** CSS colour (a variable is fine). */
  color: string;
  dashArray: string;
  /** An icon beside the label, so the legend reads without colour. */
  icon?: ReactNode;
  /** Drawn instead of the line sample (a point shape for a scatter chart). */
  marker?: ReactNode;
}

/** Line samples with names: the chart's key, in HTML so it is text, scales and reads without colour. */
export function Legend({ items, label }: { items: readonly LegendItem[]; label: string }) {
  return (
    <ul aria-label={label} className="flex flex-wrap gap-x-6 gap-y-1 text-base text-text">
      {items.map((item) => (
        <li key={item.key} className="flex items-center gap-2">
          {item.marker ?? (
            <svg aria-hidden="true" width="40" height="12" viewBox="0 0 40 12" className="shrink-0">
              <line x1="1" y1="6" x2="39" y2="6" stroke={item.color} strokeWidth="3.5" strokeDasharray={item.dashArray || undefined} />
            </svg>
          )}
          {item.icon}
          <span>{item.label}</span>
        </li>
      ))}
    </ul>
  );
}

export interface ChartFigureProps {
  id: string;
  title: string;
  /** One sentence with the learner's numbers: what the chart shows. */
  takeaway: string;
  legend?: readonly LegendItem[];
  /** What the PNG holds, read when the button is pressed. */
  png: () => PngRequest | null;
  fileName: string;
  /** The table alternative; only built while it is open. */
  table: () => ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * A chart with its title, a sentence that says what it shows, a legend, a PNG download and a table
 * with the same numbers (closed by default, built only when opened).
 */
export function ChartFigure({ id, title, takeaway, legend, png, fileName, table, children, className = "" }: ChartFigureProps) {
  const [tableOpen, setTableOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const download = async () => {
    const request = png();
    if (!request) return;
    try {
      setProblem(null);
      saveBlob(await chartPng(request), fileName);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <section
      aria-labelledby={`${id}-title`}
      className={`flex min-w-0 flex-col gap-3 rounded-2xl border border-border bg-surface-raised p-4 shadow-sm sm:p-5 ${className}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
        <div className="min-w-0 flex-1">
          <h3 id={`${id}-title`} className="text-xl font-bold text-text">
            {title}
          </h3>
          <p className="mt-1 text-base text-text-muted">{takeaway}</p>
        </div>
        <button
          type="button"
          onClick={download}
          aria-label={`Download PNG of “${title}”`}
          className="inline-flex shrink-0 items-center gap-2 rounded-lg border border-border-strong bg-surface px-3 py-1.5 text-base font-semibold text-text hover:bg-surface-sunken pointer-coarse:min-h-11"
        >
          <ImageDown aria-hidden="true" className="size-5" />
          PNG
        </button>
      </div>
      {legend && legend.length > 0 && <Legend items={legend} label={`Key to “${title}”`} />}
      {children}
      {problem && (
        <p role="alert" className="text-base text-status-failed-ink">
          {problem}
        </p>
      )}
      <details className="group rounded-lg border border-border" onToggle={(event) => setTableOpen((event.currentTarget as HTMLDetailsElement).open)}>
        <summary className="flex cursor-pointer items-center gap-2 rounded-lg px-3 py-2 text-base font-semibold text-text hover:bg-surface-sunken pointer-coarse:min-h-11">
          <Table2 aria-hidden="true" className="size-5 text-text-muted" />
          Show as a table<span className="sr-only">: {title}</span>
        </summary>
        {tableOpen && <div className="border-t border-border p-2">{table()}</div>}
      </details>
    </section>
  );
}

/** A scrollable, keyboard-reachable box for a long table. */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="max-h-96 overflow-auto rounded-md">
      {children}
    </div>
  );
}

/** A scrolling table: its caption for screen readers, its header rows and its body rows. */
export function ScrollTable({ label, caption, head, children }: { label: string; caption: ReactNode; head: ReactNode; children: ReactNode }) {
  return (
    <TableScroll label={label}>
      <table className="w-full border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </TableScroll>
  );
}

/** A header row of plain column names, each with its class: TH, or TH_NUM for a column of numbers. */
export function HeaderRow({ columns }: { columns: readonly (readonly [name: string, className: string])[] }) {
  return (
    <tr>
      {columns.map(([name, className]) => (
        <th key={name} scope="col" className={className}>
          {name}
        </th>
      ))}
    </tr>
  );
}

export const TH = "sticky top-0 bg-surface-raised px-3 py-2 text-left text-base font-semibold text-text";
export const TH_NUM = "sticky top-0 bg-surface-raised px-3 py-2 text-right text-base font-semibold text-text";
export const TD = "border-t border-border px-3 py-1.5 text-base text-text";
export const TD_NUM = "border-t border-border px-3 py-1.5 text-right text-base tabular-nums text-text";
