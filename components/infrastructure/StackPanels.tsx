"use client";

import { forwardRef } from "react";
import { Boxes, FileDiff, History, ScanSearch, TriangleAlert } from "lucide-react";
import { Card } from "@/components/monitoring/ui";
import { formatClock } from "@/machines/sim/calendar";
import type { ChangeSet, DriftResult, StackEvent, StackResource, TemplateProblem } from "./iac";
import { ACTION_ICON, CfnStatus, DriftStatus, TypeName, leafChanges, showValue } from "./stackWords";

const TH = "px-3 py-2 text-left text-base font-semibold text-text-muted";
const TD = "px-3 py-2 align-top text-base";

/** The stack's resources: logical ID, type, status and drift status, in words and icons. */
export function ResourcesTable({ resources }: { resources: readonly StackResource[] }) {
  return (
    <Card title="Resources" Icon={Boxes} labelledBy="stack-resources-title">
      <div className="-mx-2 overflow-x-auto">
        <table className="w-full border-collapse">
          <thead>
            <tr className="border-b border-border">
              <th scope="col" className={TH}>
                Logical ID
              </th>
              <th scope="col" className={TH}>
                Status and drift
              </th>
            </tr>
          </thead>
          <tbody>
            {resources.map((r) => (
              <tr key={r.logicalId} className="border-b border-border last:border-0" data-resource={r.logicalId}>
                <th scope="row" className={`${TD} text-left font-semibold`}>
                  <span className="block">{r.logicalId}</span>
                  <span className="block font-mono text-[0.95rem] font-normal text-text-muted">
                    <TypeName type={r.type} />
                  </span>
                </th>
                <td className={TD}>
                  <span className="flex flex-wrap items-center gap-1.5">
                    <CfnStatus status={r.status} />
                    <span className="sr-only">, drift:</span>
                    <DriftStatus status={r.drift} />
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}

/** Problems of the edited (or imported) template, in words, each at its line and column. */
export function ProblemList({
  id,
  testId,
  title,
  problems,
  onGoTo,
}: {
  id: string;
  testId: string;
  title: string;
  problems: readonly TemplateProblem[];
  /** Shows a problem's place in the editor (only for the edited template's problems). */
  onGoTo?: (line: number, column?: number) => void;
}) {
  return (
    <div id={id} className="rounded-xl border-2 border-status-failed bg-surface-raised px-4 py-3">
      <p className="flex items-center gap-2 text-lg font-bold text-status-failed-ink">
        <TriangleAlert aria-hidden="true" className="size-5 shrink-0" strokeWidth={2.5} />
        {title}
      </p>
      <ul className="mt-1 flex max-h-40 flex-col gap-1 overflow-y-auto" data-testid={testId}>
        {problems.map((p, i) => (
          <li key={i} className="text-base">
            {p.line !== undefined &&
              (onGoTo ? (
                <button
                  type="button"
                  onClick={() => onGoTo(p.line!, p.column)}
                  className="mr-2 font-semibold tabular-nums text-accent underline underline-offset-2 hover:no-underline"
                >
                  Line {p.line}
                  {p.column !== undefined ? `, column ${p.column}` : ""}:
                </button>
              ) : (
                <span className="mr-2 font-semibold tabular-nums">
                  Line {p.line}
                  {p.column !== undefined ? `, column ${p.column}` : ""}:
                </span>
              ))}
            {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The change set: what executing the edited template would do to each resource. */
export const ChangeSetTable = forwardRef<HTMLHeadingElement, { changeSet: ChangeSet; stale: boolean; reapply: boolean; children?: React.ReactNode }>(
  function ChangeSetTable({ changeSet, stale, reapply, children }, ref) {
    return (
      <section aria-labelledby="change-set-title" className="flex min-w-0 flex-col rounded-2xl border border-border bg-surface-raised p-4 shadow-sm sm:p-5">
        <div className="mb-2 flex flex-wrap items-center gap-x-4 gap-y-2">
          <h2 id="change-set-title" ref={ref} tabIndex={-1} className="flex items-center gap-2 text-xl font-bold tracking-tight">
            <FileDiff aria-hidden="true" className="size-6 shrink-0 text-text-muted" strokeWidth={2.25} />
            Change set
          </h2>
          <p className="min-w-0 flex-1 text-base text-text-muted">
            {changeSet.summary}
            {stale ? " The template has changed since: create the change set again." : ""}
          </p>
          {children}
        </div>
        {changeSet.rows.length === 0 ? (
          <p className="text-lg">
            {reapply
              ? "No changes to the template. Production has drifted from it: re-applying the template puts the hand changes right."
              : "No resource changes: the template matches the running stack."}
          </p>
        ) : (
          <div className="-mx-2 overflow-x-auto">
            <table className="w-full border-collapse" data-testid="change-set">
              <thead>
                <tr className="border-b border-border">
                  <th scope="col" className={TH}>
                    Action
                  </th>
                  <th scope="col" className={TH}>
                    Logical ID
                  </th>
                  <th scope="col" className={TH}>
                    Type
                  </th>
                  <th scope="col" className={TH}>
                    Replacement
                  </th>
                  <th scope="col" className={TH}>
                    Properties
                  </th>
                </tr>
              </thead>
              <tbody>
                {changeSet.rows.map((row) => {
                  const { Icon, ink } = ACTION_ICON[row.action];
                  return (
                    <tr key={row.logicalId} className="border-b border-border last:border-0">
                      <td className={TD}>
                        <span className={`inline-flex items-center gap-1.5 font-semibold ${ink}`}>
                          <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
                          {row.action}
                        </span>
                      </td>
                      <th scope="row" className={`${TD} text-left font-semibold`}>
                        {row.logicalId}
                      </th>
                      <td className={`${TD} font-mono text-[0.95rem]`}>
                        <TypeName type={row.type} />
                      </td>
                      <td className={`${TD} font-semibold`}>{row.replacement ?? "—"}</td>
                      <td className={TD}>
                        {row.properties.length === 0 ? (
                          <span className="text-text-muted">—</span>
                        ) : (
                          <ul className="flex flex-col gap-0.5">
                            {row.properties.map((p) => (
                              <li key={p.name}>
                                <span className="font-semibold">{p.name}</span>{" "}
                                <span className="text-text-muted">
                                  (
                                  {p.requiresRecreation === "Never"
                                    ? "no replacement"
                                    : p.requiresRecreation === "Always"
                                      ? "needs replacement"
                                      : "may need replacement"}
                                  )
                                </span>
                                {(p.before !== undefined || p.after !== undefined) &&
                                  leafChanges(p.before, p.after).map((c) => (
                                    <span key={c.path} className="block font-mono text-[0.95rem] break-all">
                                      {c.path ? `${c.path}: ` : ""}
                                      {showValue(c.before)} → {showValue(c.after)}
                                    </span>
                                  ))}
                              </li>
                            ))}
                          </ul>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
    );
  },
);

/** The stack's events, newest first, as CloudFormation lists them. */
export function StackEvents({ events }: { events: readonly StackEvent[] }) {
  const shown = events.slice(-40).reverse();
  return (
    <Card title="Stack events" Icon={History} labelledBy="stack-events-title">
      {shown.length === 0 ? (
        <p className="text-base text-text-muted">No updates yet in this run. Execute a change set to see the stack update, resource by resource.</p>
      ) : (
        <ol className="flex max-h-72 flex-col overflow-y-auto" data-testid="stack-events" tabIndex={0} aria-label="Stack events, newest first">
          {shown.map((e, i) => (
            <li
              key={`${e.t}-${e.logicalId}-${e.status}-${i}`}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border py-1.5 last:border-0"
            >
              <time className="text-base font-semibold tabular-nums text-text-muted">{formatClock(e.t)}</time>
              <span className="font-semibold">{e.logicalId}</span>
              <CfnStatus status={e.status} />
              {e.reason && <span className="basis-full text-base">{e.reason}</span>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}

/** The last drift detection: each resource that differs, with the template's value and the live one. */
export function DriftResults({ drift }: { drift: readonly DriftResult[] | null }) {
  const drifted = (drift ?? []).filter((d) => d.status !== "IN_SYNC" && d.status !== "NOT_CHECKED");
  return (
    <Card title="Drift" Icon={ScanSearch} labelledBy="stack-drift-title">
      {drift === null ? (
        <p className="text-base text-text-muted">Not checked yet. Detect drift compares each resource in production with the template.</p>
      ) : drifted.length === 0 ? (
        <p className="text-base">Every resource matches the template.</p>
      ) : (
        <ul className="flex flex-col gap-2" data-testid="drift-results">
          {drifted.map((d) => (
            <li key={d.logicalId} className="flex flex-col gap-1">
              <span className="flex flex-wrap items-center gap-2">
                <span className="font-semibold">{d.logicalId}</span>
                <DriftStatus status={d.status} />
              </span>
              <dl className="grid grid-cols-[auto_auto_auto] gap-x-3 text-base">
                {d.differences.map((diff) => (
                  <div key={diff.path} className="contents">
                    <dt className="font-mono text-[0.95rem] break-all">{diff.path}</dt>
                    <dd>
                      <span className="text-text-muted">expected </span>
                      <span className="font-mono font-semibold">{showValue(diff.expected)}</span>
                    </dd>
                    <dd>
                      <span className="text-text-muted">actual </span>
                      <span className="font-mono font-semibold text-status-failed-ink">{showValue(diff.actual)}</span>
                    </dd>
                  </div>
                ))}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
