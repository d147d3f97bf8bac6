"use client";

import { useId, useState, type FormEvent, type ReactNode } from "react";
import { Bug, FlaskConical, Gauge, Hammer, Hand, Pause, Play, Rocket, RotateCcw, SlidersHorizontal, StepForward, X, Zap } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Menu, type MenuItem } from "@/components/ui/Menu";
import { SPEEDS, speedLabel, type Speed } from "@/machines/runner/speeds";
import { MODE_INFO } from "@/machines/world/modes";
import { FAULT_WORDS, capitalise } from "@/machines/words";
import type { Fault } from "@/machines/events";
import { FAULTS } from "@/machines/view/faults";
import { DRIFT_CHANGES, DRIFT_CHANGE_IDS, type DriftChange } from "@/machines/iac/drift";
import { MAX_SEED } from "@/lib/url/simulatorParams";
import { useRunConfig } from "./SimulationProvider";
import { useRunner, useRunPlaying, useSimSelector } from "./runnerContext";
import { useArmedFaults } from "./useArmedFaults";
import { ModeSelect, RunStatusLine } from "./ModeChange";
import { ShareMenu } from "./ShareMenu";

export const MODE_SUMMARY_ID = "mode-summary";
export const MORE_CONTROLS_ID = "more-run-controls";

/**
 * On a phone the workspace's controls fold into one row: Play, Step and "More". Everything else
 * (speed, mode, seed, reset, share, moments, failures) carries this class and shows only while the
 * workspace's `data-more` is "open"; wider screens and pages without the attribute never hide it.
 */
export const FOLDED_ON_PHONE = "max-sm:[[data-more=closed]_&]:hidden";

/** The phone's "More" button: opens and closes the folded controls (sets the workspace's data-more). */
function MoreControlsButton() {
  const [open, setOpen] = useState(false);
  return (
    <Button
      className="ml-auto px-3 text-base sm:hidden"
      aria-expanded={open}
      aria-controls={MORE_CONTROLS_ID}
      onClick={(event) => {
        const workspace = event.currentTarget.closest("[data-more]");
        workspace?.setAttribute("data-more", open ? "closed" : "open");
        setOpen(!open);
      }}
    >
      {open ? <X aria-hidden="true" className="size-5" strokeWidth={2.5} /> : <SlidersHorizontal aria-hidden="true" className="size-5" strokeWidth={2.5} />}
      More
    </Button>
  );
}

const FAULT_ICONS: Record<Fault, ReactNode> = {
  "break-build": <Hammer aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />,
  "flaky-test": <FlaskConical aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />,
  "escape-defect": <Bug aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />,
  "fail-deploy": <Rocket aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />,
};

/** Menu ids of the hand changes to production (drift), beside the faults' own ids. */
const DRIFT_PREFIX = "drift:";

const FAULT_ITEMS: readonly MenuItem[] = [
  ...FAULTS.map((id) => ({
    id,
    label: capitalise(FAULT_WORDS[id].label),
    description: FAULT_WORDS[id].effect,
    icon: FAULT_ICONS[id],
  })),
  ...DRIFT_CHANGE_IDS.map((change) => ({
    id: `${DRIFT_PREFIX}${change}`,
    label: `Someone changes production by hand: ${DRIFT_CHANGES[change].label.replace(/ by hand$/, "").toLowerCase()}`,
    description: `${capitalise(DRIFT_CHANGES[change].story)}. The template does not know.`,
    icon: <Hand aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />,
  })),
];

const controlClass = "h-11 rounded-lg border-2 border-border-strong bg-surface-raised px-2 text-base font-semibold text-text hover:border-text";

function SeedField() {
  const { config, applyConfig } = useRunConfig();
  const [draft, setDraft] = useState(String(config.seed));
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // A new seed (applied here, from the URL or by "new run") resets the field. Adjusted during render,
  // React's pattern for state that follows a prop, rather than in an effect one render later.
  const [shownSeed, setShownSeed] = useState(config.seed);
  if (shownSeed !== config.seed) {
    setShownSeed(config.seed);
    setDraft(String(config.seed));
    setError(null);
  }

  const commit = () => {
    const text = draft.trim();
    if (text === String(config.seed)) return setError(null);
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n > MAX_SEED) {
      setError(`A seed is a whole number from 0 to ${MAX_SEED}.`);
      return;
    }
    setError(null);
    applyConfig({ seed: n });
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    commit();
  };
  return (
    <form onSubmit={onSubmit} className="relative flex items-center gap-1.5">
      <label htmlFor={id} className="text-base font-semibold text-text-muted">
        Seed
      </label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        title="Same seed, same run. Press Enter to start a run with this seed."
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        className={`${controlClass} w-[5.25rem] font-mono tabular-nums aria-invalid:border-status-failed`}
      />
      {error && (
        <span
          id={`${id}-error`}
          role="alert"
          className="absolute top-full left-0 z-40 mt-1 w-64 rounded-md border-2 border-status-failed bg-surface-raised px-2 py-1 text-base text-status-failed-ink shadow-lg"
        >
          {error}
        </span>
      )}
    </form>
  );
}

/**
 * Play/Pause, Step and Speed: the controls every live run has (the workspace, a lesson). `held`
 * says why the run may not move now (a lesson waiting for a prediction): Play and Step are off, and
 * the reason, shown by the caller under `heldId`, describes them.
 */
export function PlayControls({ held = null, heldId }: { held?: string | null; heldId?: string }) {
  const actor = useRunner();
  const playing = useRunPlaying();
  const { config, applyConfig } = useRunConfig();
  return (
    <>
      <Button
        variant="primary"
        size="lg"
        className="w-[7.75rem] px-3 max-sm:w-[6.75rem]"
        disabled={!playing && held !== null}
        aria-describedby={held ? heldId : undefined}
        title={playing ? "Pause the run (Space)" : "Play the run (Space)"}
        onClick={() => actor.send({ type: "run.toggle" })}
      >
        {playing ? (
          <Pause aria-hidden="true" className="size-5 fill-current" strokeWidth={2.5} />
        ) : (
          <Play aria-hidden="true" className="size-5 fill-current" strokeWidth={2.5} />
        )}
        {playing ? "Pause" : "Play"}
      </Button>
      <Button
        className="px-3 text-base"
        disabled={held !== null}
        title="Run to the next event, then pause (→)"
        onClick={() => actor.send({ type: "run.step" })}
      >
        <StepForward aria-hidden="true" className="size-5" strokeWidth={2.5} />
        Step
      </Button>
      <div className={`flex items-center gap-1 ${FOLDED_ON_PHONE}`}>
        <Gauge aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.5} />
        <select
          aria-label="Speed"
          value={config.speed}
          title="Simulated time per real second: from a minute a second to a working day in two seconds"
          onChange={(event) => applyConfig({ speed: Number(event.target.value) as Speed })}
          className={`${controlClass} tabular-nums`}
        >
          {SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speedLabel(speed)}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}

/**
 * The run's controls, in one row right above the pipeline: Play/Pause, Step, Speed, Mode, seed,
 * Reset, Share with its File menu (save, load), and the trainer's failure injection.
 */
export function RunToolbar() {
  const { reset } = useRunConfig();

  return (
    <div role="group" aria-label="Run controls" className="flex flex-wrap items-center gap-x-1.5 gap-y-2">
      <PlayControls />
      <MoreControlsButton />

      <div id={MORE_CONTROLS_ID} className={`contents ${FOLDED_ON_PHONE}`}>
        <div className="flex items-center">
          <ModeSelect className={controlClass} describedBy={MODE_SUMMARY_ID} />
        </div>

        <SeedField />

        <Button className="px-3 text-base" title="Start this run again from Monday 00:00" onClick={reset}>
          <RotateCcw aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Reset
        </Button>
        <ShareMenu />
      </div>
      <RunStatusLine />
    </div>
  );
}

/** Inject failure: the trainer's menu of things to break. The count says how many still wait to strike. */
export function FaultMenu() {
  const actor = useRunner();
  const armed = useArmedFaults();
  const armedCount = Object.values(armed).reduce((a, b) => a + b, 0);
  return (
    <Menu
      label="Inject failure"
      icon={<Zap aria-hidden="true" className="size-5 text-status-failed-ink" strokeWidth={2.5} />}
      items={FAULT_ITEMS}
      badge={
        armedCount > 0 ? (
          <span className="rounded-full bg-status-failed px-2 py-0.5 text-base font-bold text-on-status-failed">
            <span className="sr-only">, waiting to strike: </span>
            {armedCount}
          </span>
        ) : null
      }
      onSelect={(id) =>
        id.startsWith(DRIFT_PREFIX)
          ? actor.send({ type: "drift.inject", change: id.slice(DRIFT_PREFIX.length) as DriftChange })
          : actor.send({ type: "fault.inject", fault: id as Fault })
      }
    />
  );
}

/**
 * Under the toolbar: what the chosen mode means, the injected faults still waiting to strike, and
 * the failure injection menu.
 */
export function ModeLine({ children }: { children?: ReactNode }) {
  // The live run's mode (an applied template can change it).
  const mode = useSimSelector((sim) => sim.settings.mode);
  const armed = useArmedFaults();
  const waiting = (Object.keys(armed) as Fault[]).filter((f) => armed[f] > 0);
  const info = MODE_INFO[mode];
  return (
    <div className={`flex min-h-11 items-center gap-x-4 max-sm:flex-wrap max-sm:gap-y-2 ${FOLDED_ON_PHONE}`}>
      <p id={MODE_SUMMARY_ID} className="min-w-0 flex-1 truncate text-base text-text-muted" title={`${info.name}: ${info.summary}`}>
        <span className="sr-only">{info.name}: </span>
        {info.summary}
      </p>
      {waiting.length > 0 && (
        <p className="flex max-w-[40%] shrink-0 items-center gap-1.5 truncate text-base font-semibold text-status-failed-ink">
          <Zap aria-hidden="true" className="size-4 shrink-0" strokeWidth={2.5} />
          <span className="truncate">Waiting to strike: {waiting.map((f) => `${FAULT_WORDS[f].label}${armed[f] > 1 ? ` ×${armed[f]}` : ""}`).join(", ")}</span>
        </p>
      )}
      {children}
      <FaultMenu />
    </div>
  );
}
