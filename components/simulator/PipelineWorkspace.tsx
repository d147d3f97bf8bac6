"use client";

import { MODE_INFO } from "@/machines/world/modes";
import { BrowserOnly } from "@/components/ui/BrowserOnly";
import { ActivityFeed } from "./ActivityFeed";
import { DecisionPanel } from "./DecisionPanel";
import { DoraPanel } from "./DoraPanel";
import { Inspector } from "./Inspector";
import { LiveDiagram } from "./LiveDiagram";
import { PipelineStrip } from "./PipelineStrip";
import { DIAGRAM_HEIGHT, PHONE_STRIP } from "./layoutClasses";
import { useRunConfig, useSelection } from "./SimulationProvider";

/**
 * The pipeline view: the diagram (the hero), then how revisions get to production in this mode,
 * the inspector or the activity feed, and the live DORA keys.
 */
export function PipelineWorkspace() {
  const { config } = useRunConfig();
  const { selection } = useSelection();
  return (
    <>
      <h1 className="sr-only">Live pipeline: {MODE_INFO[config.mode].name}</h1>
      {/* The diagram and the panels mount one after the other, each in its own commit, after the
          toolbar: three shorter tasks on a slow phone instead of one long one (issue 13). */}
      <PipelineStrip selectedStage={selection?.kind === "stage" ? selection.stage : null}>
        <BrowserOnly fallback={<div className={`${DIAGRAM_HEIGHT} ${PHONE_STRIP}`} />}>
          <LiveDiagram className={`${DIAGRAM_HEIGHT} ${PHONE_STRIP}`} />
        </BrowserOnly>
      </PipelineStrip>
      <BrowserOnly fallback={<div className="min-h-[22rem]" />}>
        <div className="grid gap-3 pb-6 lg:grid-cols-[minmax(0,1.15fr)_minmax(0,0.8fr)_minmax(0,1.05fr)]">
          <DecisionPanel />
          {selection ? <Inspector selection={selection} /> : <ActivityFeed className="lg:h-[22rem]" />}
          <DoraPanel />
        </div>
      </BrowserOnly>
    </>
  );
}
