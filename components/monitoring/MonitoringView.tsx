"use client";

import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { useSelection } from "@/components/simulator/SimulationProvider";
import { LEARNER } from "@/machines/words";
import { useRunner } from "@/components/simulator/runnerContext";
import { useThrottledSim } from "@/components/simulator/slowBeat";
import { detectionSummary, feedbackLoop, incidentViews } from "@/machines/view/incidentView";
import { productionNow, telemetrySeries, type TelemetryWindow } from "@/machines/view/telemetrySeries";
import { AlarmSettings } from "./AlarmSettings";
import { DetectionSummary } from "./DetectionSummary";
import { FeedbackLoopCard } from "./FeedbackLoopCard";
import { IncidentsPanel } from "./IncidentsPanel";
import { NowTiles, OpenIncidents } from "./ProductionStatus";
import { TelemetryPanel } from "./TelemetryPanel";
import { ViewHeader } from "./ViewHeader";
import { BrowserOnly } from "@/components/ui/BrowserOnly";
import { viewIntro } from "@/components/simulator/WorkspaceNav";

/** How often the monitoring view re-reads the run while it plays (a dashboard refresh). */
const REFRESH_MS = 250;

/**
 * /simulator/monitoring: production as CloudWatch sees it, the incidents and what the team learns
 * from them. A view of the workspace's one running simulation: it reads and sends, never owns.
 */
/**
 * `onShowCommit` opens a commit's journey somewhere else than /simulator's pipeline (a lesson shows
 * it in its own pipeline tab); `teamHref` is where the feedback loop's "team" link goes.
 */
export function MonitoringView({ onShowCommit, teamHref = "/simulator/team" }: { onShowCommit?: (seq: number) => void; teamHref?: string | null } = {}) {
  const actor = useRunner();
  const router = useRouter();
  const { select } = useSelection();
  const [range, setRange] = useState<TelemetryWindow>("day");

  const view = useThrottledSim(
    (sim) => {
      const incidents = incidentViews(sim);
      return {
        series: telemetrySeries(sim, range),
        now: productionNow(sim),
        incidents,
        summary: detectionSummary(incidents),
        loop: feedbackLoop(sim),
        monitoring: sim.settings.monitoring,
        threshold: sim.settings.alarmThreshold,
      };
    },
    REFRESH_MS,
    [range],
  );

  const showCommit = useCallback(
    (seq: number) => {
      select({ kind: "commit", seq });
      if (onShowCommit) onShowCommit(seq);
      else router.push("/simulator");
    },
    [router, select, onShowCommit],
  );

  const open = view.incidents.filter((i) => i.state !== "restored");

  return (
    <div className="flex flex-col gap-4 pt-2 pb-6">
      <ViewHeader title="Monitoring">{viewIntro("/simulator/monitoring")}</ViewHeader>

      <OpenIncidents open={open} monitoring={view.monitoring} onRollback={(incident) => actor.send({ type: "incident.rollback", incident, by: LEARNER })} />

      <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]">
        <TelemetryPanel series={view.series} now={view.now} range={range} onRangeChange={setRange} />
        <div className="flex min-w-0 flex-col gap-4">
          <NowTiles now={view.now} />
          <AlarmSettings
            state={view.now.alarm}
            monitoring={view.monitoring}
            threshold={view.threshold}
            alarmTuning={view.loop.alarmTuning}
            onMonitoringChange={(monitoring) => actor.send({ type: "settings.change", change: { monitoring } })}
            onThresholdChange={(alarmThreshold) => actor.send({ type: "settings.change", change: { alarmThreshold } })}
          />
        </div>
      </div>

      {/* Below the first screen: mounted in a commit of its own after the telemetry (issue 13). */}
      <BrowserOnly fallback={<div className="min-h-[40rem]" />}>
        <IncidentsPanel incidents={view.incidents} onShowCommit={showCommit} />

        <div className="grid gap-4 lg:grid-cols-[minmax(0,5fr)_minmax(0,7fr)]">
          <DetectionSummary summary={view.summary} />
          <FeedbackLoopCard loop={view.loop} teamHref={teamHref ?? undefined} />
        </div>
      </BrowserOnly>
    </div>
  );
}
