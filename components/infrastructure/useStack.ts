"use client";

import { useThrottledSim } from "@/components/simulator/slowBeat";
import { parseTemplate, templateFor, type DriftResult, type StackEvent, type StackResource, type StackTemplate, type ChangeSet } from "./iac";

/** What the view shows of the run's stack (the engine's `sim.stack`). */
export interface StackSnapshot {
  status: string;
  templateText: string;
  template: StackTemplate;
  resources: StackResource[];
  events: StackEvent[];
  drift: DriftResult[] | null;
  pendingChange?: { changeSet: ChangeSet; commit?: number };
  iac: boolean;
}

/** STAND-IN until the engine's sim.stack is merged: the template of the run's settings, never updated. */
export function useStack(): StackSnapshot {
  return useThrottledSim(
    (sim) => {
      const templateText = templateFor(sim.settings);
      const parsed = parseTemplate(templateText);
      const template = parsed.ok ? parsed.template : { Resources: {} };
      return {
        status: "CREATE_COMPLETE",
        templateText,
        template,
        resources: Object.entries(template.Resources).map(([logicalId, r]) => ({
          logicalId,
          type: r.Type,
          physicalId: `shop-web-${logicalId}`,
          status: "CREATE_COMPLETE",
          drift: "NOT_CHECKED" as const,
        })),
        events: [],
        drift: null,
        iac: sim.settings.mode === "delivery" || sim.settings.mode === "deployment",
      };
    },
    500,
    [],
    (a, b) => a.templateText === b.templateText && a.status === b.status,
  );
}
