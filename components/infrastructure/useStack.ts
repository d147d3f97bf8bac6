"use client";

import { useThrottledSim } from "@/components/simulator/slowBeat";
import { iacOn } from "@/machines/world/settings";
import type { Mode } from "@/machines/world/modes";
import { createdResources, parseTemplate, templateFor, type StackView } from "./iac";

/** What the view shows of the run's stack (the engine's `sim.stack`). */
export type StackSnapshot = StackView & { iac: boolean; mode: Mode };

/** STAND-IN until the engine's sim.stack is merged: the template of the run's settings, never updated. */
export function useStack(): StackSnapshot {
  return useThrottledSim(
    (sim) => {
      const templateText = templateFor(sim.settings);
      const parsed = parseTemplate(templateText);
      if (!parsed.ok) throw new Error(parsed.problems[0]?.message);
      const template = parsed.template;
      return {
        status: "CREATE_COMPLETE" as const,
        templateText,
        template,
        resources: createdResources(template),
        events: [],
        drift: null,
        iac: iacOn(sim.settings),
        mode: sim.settings.mode,
      };
    },
    500,
    [],
    (a, b) => a.templateText === b.templateText && a.status === b.status,
  );
}
