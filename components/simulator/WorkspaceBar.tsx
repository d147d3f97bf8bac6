"use client";

import { Lightbulb } from "lucide-react";
import { formatDuration } from "@/machines/sim/calendar";
import type { ReleaseMoment } from "@/machines/world/releaseCalendar";
import type { DiagramView } from "@/machines/view/diagramView";
import type { RunConfig } from "@/lib/url/simulatorParams";
import { KeyboardShortcuts } from "./KeyboardShortcuts";
import { WorkspaceNav } from "./WorkspaceNav";
import { LEARNER } from "@/machines/words";
import { useRunConfig } from "./SimulationProvider";
import { diagramViewOf } from "./runnerContext";
import { useThrottledSim } from "./slowBeat";

/** One line that tells a newcomer what to do now. */
export function hintFor(args: {
  playing: boolean;
  /** The runner would take Approve or Reject now (`snapshot.can`). */
  canDecide: boolean;
  now: number;
  view: DiagramView;
  config: RunConfig;
  next: ReleaseMoment | null;
}): string {
  const { playing, canDecide, now, view, config, next } = args;
  const approval = view.stages.find((s) => s.id === "approval");
  if (config.mode === "delivery" && config.approver === "learner" && canDecide && approval?.current) {
    return `${approval.current.sha} waits for your decision: Approve or Reject below (A / R).`;
  }
  if (now === 0 && !playing) {
    return "Press Play (or Space) to start the run. Click a stage or a commit token to look inside.";
  }
  if (!playing) return "Paused: nothing moves. Press Play to go on, or Step (→) to run one event.";
  const until = next ? ` Next release in ${formatDuration(next.at - now)}.` : "";
  switch (config.mode) {
    case "delivery":
      return config.approver === "learner"
        ? "Commits that pass Test stop at Approval for your decision. Watch the batch grow while nobody decides."
        : `The scheduled approver releases 3 times a working day; the batch grows at Approval in between.${until}`;
    case "deployment":
      return "Every revision that passes Test goes to production on its own. Try Inject failure to see what happens.";
    case "ci":
      return `Every commit is built and tested, but deploys happen by hand once a week: revisions pile up before Deploy.${until}`;
    case "manual":
      return `One release every three months: everything else waits.${until}`;
  }
}

function Hint() {
  const { config } = useRunConfig();
  // A string, re-read a few times a second: the bar re-renders only when the words change.
  const text = useThrottledSim(
    (sim, context, snapshot) => {
      const view = diagramViewOf(context);
      const next = sim.nextRelease();
      const canDecide = snapshot.can({ type: "approval.approve", by: LEARNER });
      return hintFor({ playing: snapshot.matches("playing"), canDecide, now: view.now, view, config, next });
    },
    250,
    [config],
  );
  const urgent = text.includes("waits for your decision");
  return (
    <p className={`flex min-w-0 flex-1 items-center gap-2 text-lg ${urgent ? "font-bold text-status-waiting-ink" : "text-text"}`} data-testid="hint">
      <Lightbulb aria-hidden="true" className="size-5 shrink-0 text-status-waiting-ink" strokeWidth={2.5} />
      <span className="truncate max-sm:line-clamp-2 max-sm:whitespace-normal" title={text}>
        {text}
      </span>
    </p>
  );
}

/** The workspace's top row: its views, what to do now, and the keyboard help. */
export function WorkspaceBar() {
  return (
    <div className="flex min-h-12 flex-wrap items-center gap-x-4 gap-y-1">
      <WorkspaceNav />
      <Hint />
      <KeyboardShortcuts />
    </div>
  );
}
