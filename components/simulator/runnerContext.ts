"use client";

/**
 * The live run's engine actor as the workspace shares it, and the hooks that read it:
 *
 *   useRunner()              the actor: send it RunnerEvents
 *   useSimSelector(fn, eq?)  a slice of the run, re-read on every change (every frame while playing)
 *   useRunPlaying()          playing or paused
 *   diagramViewOf(context)   the pipeline as the diagram draws it, computed once per version
 *   diagramSourceOf(actor)   the same, for a diagram that follows the run by itself
 */
import { createContext, useContext } from "react";
import { useSelector } from "@xstate/react";
import type { ActorRefFrom, SnapshotFrom } from "xstate";
import type { RunnerContext, runnerMachine } from "@/machines/runner/runnerMachine";
import type { Simulation } from "@/machines/engine/simulation";
import { diagramView, type DiagramView } from "@/machines/view/diagramView";
import type { DiagramSource } from "./diagram/PipelineDiagram";

export type RunnerRef = ActorRefFrom<typeof runnerMachine>;
export type RunnerSnapshot = SnapshotFrom<typeof runnerMachine>;

export const RunnerActorContext = createContext<RunnerRef | null>(null);

/** A context's value, or a clear error when a component is used outside the workspace. */
export function useRequired<T>(value: T | null, name: string): T {
  if (value === null) throw new Error(`${name} must be used inside <SimulationProvider> (app/simulator/layout.tsx).`);
  return value;
}

export function useRunner(): RunnerRef {
  return useRequired(useContext(RunnerActorContext), "useRunner");
}

/**
 * A slice of the run. `select` gets the (mutable) Simulation and the runner's context and is called
 * on every change; return primitives, or pass `isEqual` to avoid re-rendering for equal values.
 */
export function useSimSelector<T>(select: (sim: Simulation, context: RunnerContext) => T, isEqual?: (a: T, b: T) => boolean): T {
  const actor = useRunner();
  return useSelector(actor, (snapshot) => select(snapshot.context.sim, snapshot.context), isEqual);
}

export function useRunPlaying(): boolean {
  return useSelector(useRunner(), (snapshot) => snapshot.matches("playing"));
}

const viewCache = new WeakMap<Simulation, { version: number; view: DiagramView }>();

/**
 * The diagram's view of a run, computed once per version of its simulation however many components
 * (or runners' subscribers) ask.
 */
export function diagramViewOf(context: Pick<RunnerContext, "sim" | "version">): DiagramView {
  const cached = viewCache.get(context.sim);
  if (cached && cached.version === context.version) return cached.view;
  const view = diagramView(context.sim);
  viewCache.set(context.sim, { version: context.version, view });
  return view;
}

/** A runner as a diagram's source: the diagram follows it without re-rendering its parent. */
export function diagramSourceOf(actor: RunnerRef): DiagramSource {
  return {
    getView: () => diagramViewOf(actor.getSnapshot().context),
    subscribe: (onChange) => {
      const subscription = actor.subscribe(onChange);
      return () => subscription.unsubscribe();
    },
  };
}

/** Shallow equality of two plain objects (or arrays). */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const keysA = Object.keys(a);
  if (keysA.length !== Object.keys(b).length) return false;
  for (const key of keysA) {
    if (!Object.is((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}
