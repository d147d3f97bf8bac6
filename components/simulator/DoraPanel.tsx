"use client";

import { Gauge } from "lucide-react";
import { DoraTile } from "@/components/metrics/DoraTile";
import type { KeyMetric } from "@/machines/metrics/dora";
import { useLiveMetrics } from "./liveMetrics";

const KEYS: readonly KeyMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"];

/**
 * The DORA four keys of the running simulation, with their bands, updated about once a second: two
 * by two, so all four are on screen below the diagram at 1280×720.
 */
export function DoraPanel({ className = "" }: { className?: string }) {
  const metrics = useLiveMetrics(1000);
  return (
    <section aria-labelledby="dora-title" className={`flex flex-col gap-2 [contain:layout_style] ${className}`}>
      <h2 id="dora-title" className="flex flex-wrap items-center gap-x-2 text-lg font-bold text-text">
        <Gauge aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.5} />
        DORA four keys
        <span className="text-base font-normal text-text-muted">this run · DORA {metrics.bands.year} bands</span>
      </h2>
      <div className="grid grid-cols-1 gap-2 min-[26rem]:grid-cols-2">
        {KEYS.map((metric) => (
          <DoraTile key={metric} metric={metric} metrics={metrics} size="grid" />
        ))}
      </div>
    </section>
  );
}
