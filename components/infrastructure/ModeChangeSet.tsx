"use client";

import { useMemo } from "react";
import { Play } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { DialogClose } from "@/components/ui/Dialog";
import { useRunner } from "@/components/simulator/runnerContext";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { LEARNER } from "@/machines/words";
import { parseTemplate } from "@/machines/iac/parse";
import { createChangeSet, templateFor } from "./iac";
import { ACTION_ICON, TypeName } from "./stackWords";
import { withPipelineOf } from "./modeTemplate";

/**
 * The toolbar's mode change when the run's infrastructure is code: the mode is a property of the
 * template, so choosing one proposes a change set (the template with that mode against the running
 * one), and executing it is the same act as editing the template on the infrastructure view.
 * Loaded lazily by ModeChange.tsx, so /simulator does not carry it until IaC is used.
 */
export default function ModeChangeSet({ mode, onDone }: { mode: Mode; onDone(sent: boolean): void }) {
  const actor = useRunner();
  const proposal = useMemo(() => {
    const sim = actor.getSnapshot().context.sim;
    const modeText = templateFor({ ...sim.settings, mode });
    const text = withPipelineOf(sim.stack.templateText, modeText) ?? modeText;
    const next = parseTemplate(text);
    if (!next.ok) return null;
    return { text, template: next.template, changeSet: createChangeSet(sim.stack.template, next.template) };
  }, [actor, mode]);

  if (!proposal) return <p className="px-5 py-4 text-lg">The template for {MODE_INFO[mode].name} could not be made.</p>;
  const { changeSet } = proposal;
  return (
    <div className="flex flex-col gap-3 px-5 py-4">
      <p className="text-lg">{changeSet.summary}</p>
      <ul className="flex flex-col gap-1 text-base" aria-label="Change set" data-testid="mode-change-set">
        {changeSet.rows.map((row) => {
          const { Icon, ink } = ACTION_ICON[row.action];
          return (
            <li key={row.logicalId} className="flex flex-wrap items-baseline gap-x-2">
              <span className={`inline-flex items-center gap-1 font-semibold ${ink}`}>
                <Icon aria-hidden="true" className="size-4 self-center" strokeWidth={2.5} />
                {row.action}
              </span>
              <span className="font-semibold">{row.logicalId}</span>
              <span className="font-mono text-[0.95rem] text-text-muted">
                <TypeName type={row.type} />
              </span>
              {row.replacement && <span>Replacement: {row.replacement}</span>}
              {row.properties.length > 0 && <span className="text-text-muted">({row.properties.map((p) => p.name).join(", ")})</span>}
            </li>
          );
        })}
      </ul>
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          onClick={() => {
            actor.send({ type: "stack.execute", templateText: proposal.text, template: proposal.template, by: LEARNER });
            onDone(true);
          }}
        >
          <Play aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Execute change set
        </Button>
        <DialogClose asChild>
          <Button variant="ghost">Keep the current template</Button>
        </DialogClose>
      </div>
    </div>
  );
}
