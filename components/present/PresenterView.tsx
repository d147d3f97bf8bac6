"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { ExternalLink, EyeOff, Maximize, Pause, Play, SkipBack, SkipForward, X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { DoraTile } from "@/components/metrics/DoraTile";
import { describeMetric } from "@/components/metrics/describeMetric";
import { isTyping } from "@/components/simulator/KeyboardShortcuts";
import { LiveDiagram } from "@/components/simulator/LiveDiagram";
import { MomentControls } from "@/components/simulator/MomentControls";
import { useLiveMetrics } from "@/components/simulator/liveMetrics";
import { useRunner, useRunPlaying } from "@/components/simulator/runnerContext";
import { useThrottledSim } from "@/components/simulator/slowBeat";
import { backToPreviousMoment, jumpToNextMoment, useMomentWatch, useMoments } from "@/components/simulator/useMoments";
import { useRunConfig } from "@/components/simulator/RunProviders";
import type { KeyMetric } from "@/machines/metrics/dora";
import { MOMENTS } from "@/machines/runner/moments";
import { formatTime } from "@/machines/sim/calendar";
import { MODE_INFO } from "@/machines/world/modes";
import { openChannel, type PresentMessage, type ScreenState } from "./channel";
import { usePresentingPage } from "./usePresentingPage";

const KEYS: readonly KeyMetric[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "timeToRestore"];

/**
 * Presenter mode: the pipeline and the four keys fill the screen in large type; everything else
 * folds away. A clicker works: PageDown or → runs on to the next moment, PageUp or ← goes back to the
 * one before, B blanks the screen, Escape leaves. The speaker notes window follows over a
 * BroadcastChannel and can drive this page.
 */
export function PresenterView({ onExit }: { onExit(): void }) {
  usePresentingPage();
  const actor = useRunner();
  const watch = useMomentWatch();
  const playing = useRunPlaying();
  const { last } = useMoments();
  const { config } = useRunConfig();
  const metrics = useLiveMetrics(1000);
  const clock = useThrottledSim((sim) => formatTime(sim.now), 250, []);
  const [blanked, setBlanked] = useState(false);
  const [since] = useState(() => Date.now());
  const rootRef = useRef<HTMLDivElement>(null);

  const next = useCallback(() => jumpToNextMoment(actor, watch), [actor, watch]);
  const previous = useCallback(() => backToPreviousMoment(actor, watch), [actor, watch]);
  const toggle = useCallback(() => actor.send({ type: "run.toggle" }), [actor]);
  const blank = useCallback(() => setBlanked((b) => !b), []);

  // The clicker and the keyboard. Handled before the workspace's own shortcuts (→ is "next moment" here, not "step").
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const inMenu = event.target instanceof HTMLElement && event.target.closest("[role='menu'], [role='group'][aria-label='Moments']");
      switch (event.key) {
        case "PageDown":
        case "ArrowRight":
          if (inMenu && event.key === "ArrowRight") return;
          next();
          break;
        case "PageUp":
        case "ArrowLeft":
          if (inMenu && event.key === "ArrowLeft") return;
          previous();
          break;
        case "b":
        case "B":
        case ".":
          blank();
          break;
        case "Escape":
          if (blanked) setBlanked(false);
          else if (!document.querySelector("[role='menu']")) onExit();
          else return;
          break;
        default:
          return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
    };
    window.addEventListener("keydown", onKey, { capture: true });
    return () => window.removeEventListener("keydown", onKey, { capture: true });
  }, [next, previous, blank, blanked, onExit]);

  // The notes window: tell it what is on screen, and take its commands.
  const stateRef = useRef<ScreenState | null>(null);
  const keys = Object.fromEntries(
    KEYS.map((k) => {
      const d = describeMetric(k, metrics);
      return [k, `${d.lowerBound ? "≥ " : ""}${d.value}${d.unit ? ` ${d.unit}` : ""}${d.bandName ? ` (${d.bandName})` : ""}`];
    }),
  ) as Record<KeyMetric, string>;
  const screen: ScreenState = {
    type: "screen",
    modeName: MODE_INFO[config.mode].name,
    clock,
    playing,
    blanked,
    moment: last?.kind ?? null,
    momentLabel: last ? MOMENTS[last.kind].label : null,
    since,
    keys,
  };
  const screenKey = JSON.stringify(screen);
  const channelRef = useRef<BroadcastChannel | null>(null);
  useEffect(() => {
    const channel = openChannel();
    channelRef.current = channel;
    if (!channel) return;
    channel.onmessage = (event: MessageEvent<PresentMessage>) => {
      const message = event.data;
      if (message.type === "hello" && stateRef.current) channel.postMessage(stateRef.current);
      if (message.type !== "command") return;
      if (message.command === "toggle") toggle();
      if (message.command === "next") next();
      if (message.command === "previous") previous();
      if (message.command === "blank") blank();
    };
    return () => channel.close();
  }, [toggle, next, previous, blank]);
  useEffect(() => {
    const state = JSON.parse(screenKey) as ScreenState;
    stateRef.current = state;
    channelRef.current?.postMessage(state);
  }, [screenKey]);

  const openNotes = () => window.open("/present/notes", "pipeline-lab-notes", "width=900,height=700");
  const fullScreen = () => void rootRef.current?.requestFullscreen?.().catch(() => {});

  return (
    <div ref={rootRef} className="fixed inset-0 z-40 flex flex-col gap-3 overflow-auto bg-surface px-5 pt-3 pb-4" aria-label="Presenter mode" role="region">
      <h1 className="sr-only">Presenting: {MODE_INFO[config.mode].name}</h1>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="flex min-w-0 flex-1 flex-col">
          <p className="flex flex-wrap items-baseline gap-x-4 text-2xl font-bold text-text">
            <span>{MODE_INFO[config.mode].name}</span>
            <span className="font-mono font-semibold tabular-nums">{clock}</span>
          </p>
          <p role="status" className="min-h-7 text-xl font-semibold text-status-waiting-ink" data-testid="moment-caption">
            {last && !playing ? `Stopped at: ${MOMENTS[last.kind].label.toLowerCase()}` : ""}
          </p>
        </div>
        <div role="group" aria-label="Presenter controls" className="flex flex-wrap items-center gap-1.5">
          <Button size="md" onClick={previous} title="Back to the moment before (PageUp, ←)" aria-label="Previous moment">
            <SkipBack aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </Button>
          <Button variant="primary" size="md" className="w-[7.5rem]" onClick={toggle} title="Play or pause (Space)">
            {playing ? <Pause aria-hidden="true" className="size-5 fill-current" /> : <Play aria-hidden="true" className="size-5 fill-current" />}
            {playing ? "Pause" : "Play"}
          </Button>
          <Button size="md" onClick={next} title="On to the next moment (PageDown, →)" aria-label="Next moment">
            <SkipForward aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </Button>
          <MomentControls compact />
          <Button size="md" onClick={blank} title="Blank the screen (B)" aria-label="Blank the screen">
            <EyeOff aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </Button>
          <Button size="md" onClick={openNotes} title="Open the speaker notes in a second window">
            <ExternalLink aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Notes
          </Button>
          <Button size="md" onClick={fullScreen} aria-label="Full screen" title="Full screen">
            <Maximize aria-hidden="true" className="size-5" strokeWidth={2.5} />
          </Button>
          <Button size="md" onClick={onExit} title="Leave presenter mode (Esc)">
            <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
            Exit
          </Button>
        </div>
      </div>
      <LiveDiagram className="min-h-0 flex-1" />
      <section aria-label="DORA four keys" className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        {KEYS.map((metric) => (
          <DoraTile key={metric} metric={metric} metrics={metrics} size="large" />
        ))}
      </section>
      {blanked && (
        <div className="fixed inset-0 z-[100] flex items-end justify-center bg-black pb-6" data-testid="blank-screen">
          <p className="text-base text-neutral-600">Screen blanked: press B to show it again.</p>
        </div>
      )}
    </div>
  );
}
