import { Timer } from "lucide-react";
import { useId } from "react";
import type { DetectionGroup, DetectionSummary as Summary } from "@/machines/view/incidentView";
import { formatMinutes } from "@/machines/sim/calendar";
import { Card, Metric } from "./ui";

const COLUMNS = ["Incidents", "Count", "Detect", "Restore"];

/** A column's padding and alignment: the first names the row, the others hold numbers. */
function side(column: number): string {
  return column === 0 ? "pr-2 text-left" : column === COLUMNS.length - 1 ? "pl-2 text-right" : "px-2 text-right";
}

/**
 * Time to detect and time to restore, overall and by who found the incident: the alarm or the
 * customers. The difference is the lesson of switching monitoring off.
 */
export function DetectionSummary({ summary }: { summary: Summary }) {
  const headingId = useId();
  const rows: { label: string; group: DetectionGroup }[] = [
    { label: "Found by the alarm", group: summary.byAlarm },
    { label: "Found by customers", group: summary.byCustomers },
  ];
  const { byAlarm: a, byCustomers: c } = summary;
  const lesson =
    a.medianRestoreMinutes !== null && c.medianRestoreMinutes !== null
      ? `Customers noticed ${formatMinutes((c.medianDetectMinutes ?? 0) - (a.medianDetectMinutes ?? 0))} later than the alarm, and service came back ${formatMinutes(c.medianRestoreMinutes - a.medianRestoreMinutes)} later.`
      : summary.incidents === 0
        ? "No incidents yet. Slip a defect past the tests on the pipeline page to cause one."
        : c.incidents === 0
          ? "Turn monitoring off, or raise the threshold, and compare how long customers take to notice."
          : "Turn monitoring back on and compare how fast the alarm finds the next incident.";
  return (
    <Card title="Detection and restore" Icon={Timer} labelledBy={headingId}>
      <dl className="grid grid-cols-2 gap-3">
        <Metric label="Time to detect" value={formatMinutes(summary.medianDetectMinutes)} detail="median" size="md" />
        <Metric label="Time to restore" value={formatMinutes(summary.medianRestoreMinutes)} detail={`median of ${summary.restored} restored`} size="md" />
      </dl>
      <table className="mt-3 w-full border-collapse text-base">
        <caption className="sr-only">Median time to detect and to restore, by who found the incident</caption>
        <thead>
          <tr className="text-text-muted">
            {COLUMNS.map((name, i) => (
              <th key={name} scope="col" className={`py-1 ${side(i)} font-semibold`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ label, group }) => (
            <tr key={label} className="border-t border-border">
              <th scope="row" className={`py-1.5 ${side(0)} font-semibold`}>
                {label}
              </th>
              <td className={`py-1.5 ${side(1)} tabular-nums`}>{group.incidents}</td>
              <td className={`py-1.5 ${side(2)} tabular-nums`}>{formatMinutes(group.medianDetectMinutes)}</td>
              <td className={`py-1.5 ${side(3)} tabular-nums`}>{formatMinutes(group.medianRestoreMinutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-3 text-base leading-snug text-text-muted">{lesson}</p>
    </Card>
  );
}
