import type { ReactNode } from "react";

/**
 * The table that stands in for a chart: same numbers, readable by a screen reader and from the back
 * of the room. Numbers align right and use tabular figures. Server- or client-rendered.
 */
export interface Column<Row> {
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
  /** The row header column (usually the time). */
  rowHeader?: boolean;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty = "No data yet.",
  maxHeight,
}: {
  caption: ReactNode;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  empty?: ReactNode;
  /** Scroll inside this height (CSS length); the header stays visible. */
  maxHeight?: string;
}) {
  return (
    <div
      className="relative overflow-auto rounded-xl border border-border"
      style={maxHeight ? { maxHeight } : undefined}
      tabIndex={maxHeight ? 0 : undefined}
      role={maxHeight ? "region" : undefined}
      aria-label={maxHeight && typeof caption === "string" ? caption : undefined}
    >
      <table className="w-full border-collapse text-base">
        <caption className="sr-only">{caption}</caption>
        <thead className="sticky top-0 z-10 bg-surface-sunken">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" className={`px-3 py-2 font-semibold text-text ${c.numeric ? "text-right" : "text-left"}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-3 text-text-muted">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="border-t border-border align-top">
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className="px-3 py-2 text-left font-semibold whitespace-nowrap">
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={`px-3 py-2 ${c.numeric ? "text-right tabular-nums" : ""}`}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
