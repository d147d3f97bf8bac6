"use client";

import { ExternalLink } from "lucide-react";
import { MODE_INFO } from "@/machines/world/modes";
import { simulatorSearch } from "@/lib/url/simulatorParams";
import { LiveDiagram } from "@/components/simulator/LiveDiagram";
import { ParamNotices } from "@/components/simulator/ParamNotices";
import { PipelineStrip } from "@/components/simulator/PipelineStrip";
import { PHONE_STRIP } from "@/components/simulator/layoutClasses";
import { PlayControls } from "@/components/simulator/RunToolbar";
import { SimulationProvider, useRunConfig } from "@/components/simulator/SimulationProvider";

/**
 * /embed/simulator: the live pipeline and its play controls, nothing else, sized to the frame it
 * sits in (a slide, an LMS page). The address takes the parameters of /simulator; the link opens the
 * same run in the full workspace.
 */
export function EmbedSimulator() {
  return (
    <SimulationProvider>
      <EmbeddedRun />
    </SimulationProvider>
  );
}

function EmbeddedRun() {
  const { config } = useRunConfig();
  const mode = MODE_INFO[config.mode];
  return (
    <div data-embed="simulator" className="flex h-dvh min-h-64 flex-col gap-2 p-2">
      <h1 className="sr-only">Live pipeline: {mode.name}</h1>
      <div role="group" aria-label="Run controls" className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <PlayControls />
        <p className="text-base font-semibold text-text">
          {mode.name} <span className="font-normal text-text-muted">· seed {config.seed}</span>
        </p>
        <a
          href={`/simulator${simulatorSearch(config)}`}
          target="_blank"
          rel="noopener"
          className="ml-auto inline-flex items-center gap-1.5 rounded-md px-2 py-1 text-base pointer-coarse:min-h-11 font-semibold text-accent underline underline-offset-4 hover:text-accent-hover"
        >
          Open in Pipeline Lab
          <ExternalLink aria-hidden="true" className="size-4" strokeWidth={2.5} />
          <span className="sr-only">(opens in a new tab)</span>
        </a>
      </div>
      <ParamNotices />
      {/* In a phone-wide frame, the same readable strip as /simulator's, reaching into this page's 0.5rem padding. */}
      <PipelineStrip selectedStage={null} className="flex min-h-40 flex-1 flex-col max-sm:-mx-2 max-sm:flex-none max-sm:px-2">
        <LiveDiagram className={`min-h-40 flex-1 max-sm:flex-none ${PHONE_STRIP}`} />
      </PipelineStrip>
    </div>
  );
}
