import { Gauge, Hourglass, Ticket } from "lucide-react";
import { useId } from "react";
import { DoraTile } from "@/components/metrics/DoraTile";
import { Card, Metric } from "@/components/monitoring/ui";
import type { KeyMetric } from "@/machines/metrics/dora";
import type { Metrics } from "@/machines/metrics/metrics";
import { grouped } from "@/machines/words";

const KEYS: readonly KeyMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"];

function hours(h: number): string {
  return h < 10 ? `${h.toFixed(1)} h` : `${grouped(Math.round(h))} h`;
}

/**
 * What the culture costs in this run: handoffs through the ticket queue and the hours lost waiting,
 * side by side with the DORA four keys they move.
 */
export function HandoffNumbers({ metrics }: { metrics: Metrics }) {
  const headingId = useId();
  return (
    <Card title="Handoffs and the DORA keys they move" Icon={Gauge} labelledBy={headingId}>
      <div className="grid gap-3 md:grid-cols-[minmax(0,15rem)_minmax(0,1fr)]">
        <dl className="grid grid-cols-2 gap-3 md:grid-cols-1" aria-label="Handoffs">
          <Metric label="Handoffs" Icon={Ticket} value={grouped(metrics.handoffs.count)} detail="tickets between Dev and Ops" />
          <Metric
            label="Hours lost waiting"
            Icon={Hourglass}
            status={metrics.handoffs.hoursWaiting > 0 ? "waiting" : undefined}
            value={hours(metrics.handoffs.hoursWaiting)}
            detail="in ticket queues"
          />
        </dl>
        <div className="grid grid-cols-1 content-start gap-2 sm:grid-cols-2" role="group" aria-label="DORA four keys">
          {KEYS.map((key) => (
            <DoraTile key={key} metric={key} metrics={metrics} size="compact" className="min-h-[5.5rem]" />
          ))}
        </div>
      </div>
    </Card>
  );
}
