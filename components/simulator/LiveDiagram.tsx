"use client";

import { useCallback, useMemo } from "react";
import { useReducedMotion } from "@/components/ui/useMediaQuery";
import type { StageId } from "@/machines/view/stages";
import { PipelineDiagram, type DiagramSource } from "./diagram/PipelineDiagram";
import type { Token } from "./diagram/tokens";
import { FAST_SPEED, diagramViewOf, useRunConfig, useRunPlaying, useRunner, useSelection } from "./SimulationProvider";

/** The pipeline diagram of the running simulation: the provider's view, the workspace's selection. */
export function LiveDiagram({ className = "" }: { className?: string }) {
  const actor = useRunner();
  // The diagram follows the run itself: this component re-renders only on play, pause and selection.
  const source = useMemo<DiagramSource>(
    () => ({
      getView: () => diagramViewOf(actor.getSnapshot().context),
      subscribe: (onChange) => {
        const subscription = actor.subscribe(onChange);
        return () => subscription.unsubscribe();
      },
    }),
    [actor],
  );
  const playing = useRunPlaying();
  const reducedMotion = useReducedMotion();
  const { selection, select } = useSelection();
  const { config } = useRunConfig();
  const onSelectStage = useCallback((stage: StageId) => select({ kind: "stage", stage }), [select]);
  const onSelectToken = useCallback((token: Token) => select({ kind: "commit", seq: token.revision }), [select]);
  return (
    <PipelineDiagram
      view={source.getView()}
      source={source}
      playing={playing}
      reducedMotion={reducedMotion}
      fast={playing && config.speed >= FAST_SPEED}
      selectedStage={selection?.kind === "stage" ? selection.stage : null}
      selectedRevision={selection?.kind === "commit" ? selection.seq : null}
      onSelectStage={onSelectStage}
      onSelectToken={onSelectToken}
      className={className}
    />
  );
}
