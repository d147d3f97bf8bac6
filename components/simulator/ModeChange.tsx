"use client";

import { useEffect, useId, useRef, useState } from "react";
import { deferred, useDeferred } from "@/components/ui/deferred";
import { formatClock } from "@/machines/sim/calendar";
import { MODES, MODE_INFO, type Mode } from "@/machines/world/modes";
import { iacOn } from "@/machines/world/settings";
import { useRunConfig, useRunner } from "./SimulationProvider";
import { useSimSelector } from "./runnerContext";

/** With IaC on, a running pipeline can take or drop its Approval stage by template. */
const LIVE_SWITCHABLE: readonly Mode[] = ["delivery", "deployment"];
/** The dialogs arrive when the Mode control is first reached for (deferred.ts). */
const modeDialogs = deferred(() => import("./ModeChangeDialogs"));

/**
 * The Mode control. A new mode is a new run: when the run has progress (time has passed or something
 * happened) it asks first, and offers to start the new mode at the same moment, on the same commits.
 * What happened is said in the status line.
 */
export function ModeSelect({ className, describedBy }: { className: string; describedBy: string }) {
  const actor = useRunner();
  const { config, applyConfig, changeMode, hasProgress } = useRunConfig();
  const [asking, setAsking] = useState<{ mode: Mode; moment: string } | null>(null);
  const [proposing, setProposing] = useState<Mode | null>(null);
  // The live run's mode: with IaC on, an executed change set changes it without a new run.
  const liveMode = useSimSelector((sim) => sim.settings.mode);
  const iac = useSimSelector((sim) => iacOn(sim.settings));
  const id = useId();
  const select = useRef<HTMLSelectElement>(null);
  const [dialogs, wantDialogs] = useDeferred(modeDialogs);
  const Dialogs = dialogs?.ModeChangeDialogs;

  const choose = (mode: Mode) => {
    wantDialogs();
    // A running pipeline can take or drop its Approval stage by template (delivery and deployment);
    // other changes, or a run with nothing in it yet, start a new run as before.
    if (iac && LIVE_SWITCHABLE.includes(liveMode) && LIVE_SWITCHABLE.includes(mode) && hasProgress?.()) return setProposing(mode === liveMode ? null : mode);
    if (mode === config.mode) return;
    if (!changeMode) return applyConfig({ mode });
    if (hasProgress?.()) {
      setAsking({ mode, moment: formatClock(actor.getSnapshot().context.sim.now) });
      return;
    }
    changeMode(mode, "fresh");
  };

  const decide = (how: "fresh" | "same-moment" | null) => {
    if (how && asking && changeMode) changeMode(asking.mode, how);
    setAsking(null);
  };

  return (
    <>
      <select
        ref={select}
        id={id}
        aria-label="Mode"
        title="Mode: how the team ships"
        value={iac ? liveMode : config.mode}
        aria-describedby={describedBy}
        onChange={(event) => choose(event.target.value as Mode)}
        onFocus={wantDialogs}
        onPointerEnter={wantDialogs}
        className={className}
      >
        {MODES.map((mode) => (
          <option key={mode} value={mode}>
            {MODE_INFO[mode].name}
          </option>
        ))}
      </select>
      {Dialogs && <Dialogs proposing={proposing} endProposal={() => setProposing(null)} asking={asking} decide={decide} seed={config.seed} returnTo={select} />}
    </>
  );
}

/** What just happened to the run (a new run, a loaded file), said for a few seconds and to screen readers. */
export function RunStatusLine() {
  const { announcement } = useRunConfig();
  const [shown, setShown] = useState<{ id: number; text: string } | null>(null);
  // Shown when a new announcement arrives; hidden again after a while.
  if (announcement && announcement.id !== shown?.id) setShown(announcement);
  const [hiddenId, setHiddenId] = useState<number | null>(null);
  useEffect(() => {
    if (!shown) return;
    const timer = window.setTimeout(() => setHiddenId(shown.id), 8000);
    return () => window.clearTimeout(timer);
  }, [shown]);
  const visible = shown && hiddenId !== shown.id ? shown.text : "";
  return (
    <div role="status" className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4">
      {visible && (
        <p data-run-status className="max-w-2xl rounded-xl bg-text px-4 py-2.5 text-center text-lg font-semibold text-surface shadow-xl">
          {visible}
        </p>
      )}
    </div>
  );
}
