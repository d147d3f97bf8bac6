"use client";

import { useEffect, useRef, useState } from "react";
import { EyeOff, Pause, Play, SkipBack, SkipForward, Unplug } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { KEY_NAMES } from "@/machines/metrics/dora";
import { MOMENT_NOTES } from "@/machines/view/presenterNotes";
import { openChannel, type PresenterCommand, type PresentMessage, type ScreenState } from "./channel";

function elapsed(since: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - since) / 1000));
  const m = Math.floor(seconds / 60);
  return `${m}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * The speaker notes, in a second window on the laptop: what the room sees, what to ask it, which
 * number to point at, the time spent, and controls that drive the projected page.
 */
export function SpeakerNotes() {
  const [screen, setScreen] = useState<ScreenState | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const channelRef = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    const channel = openChannel();
    channelRef.current = channel;
    if (!channel) return;
    channel.onmessage = (event: MessageEvent<PresentMessage>) => {
      if (event.data.type === "screen") setScreen(event.data);
    };
    // Ask the projected page for what it shows now (it answers only while presenting).
    channel.postMessage({ type: "hello" } satisfies PresentMessage);
    return () => channel.close();
  }, []);
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  const send = (command: PresenterCommand) => channelRef.current?.postMessage({ type: "command", command } satisfies PresentMessage);

  if (!screen) {
    return (
      <div className="page-container flex flex-col gap-4 py-8">
        <h1 className="text-3xl font-bold text-text">Speaker notes</h1>
        <p className="flex items-center gap-2 text-lg text-text-muted" role="status">
          <Unplug aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Waiting for the projected page: open /simulator in presenter mode (the Present button, or <code>?present=1</code>) in this browser.
        </p>
      </div>
    );
  }

  const note = MOMENT_NOTES[screen.moment ?? "none"];
  return (
    <div className="page-container flex flex-col gap-5 py-6">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-3xl font-bold text-text">Speaker notes</h1>
        <p className="text-lg text-text-muted">
          Presenting for <strong className="font-mono text-text tabular-nums">{elapsed(screen.since, now)}</strong>
        </p>
      </div>
      <section aria-labelledby="on-screen" className="rounded-xl border border-border bg-surface-raised p-4">
        <h2 id="on-screen" className="text-base font-semibold tracking-wide text-text-muted uppercase">
          On screen
        </h2>
        <p className="text-2xl font-bold text-text" data-testid="notes-screen">
          {screen.modeName} · {screen.clock} · {screen.blanked ? "screen blanked" : screen.playing ? "playing" : "paused"}
        </p>
        <p className="text-xl text-text" data-testid="notes-moment">
          {screen.momentLabel ? `Stopped at: ${screen.momentLabel.toLowerCase()}` : "No moment yet: play, or go to the next moment."}
        </p>
      </section>
      <section aria-labelledby="ask" className="rounded-xl border-2 border-accent bg-surface-raised p-4">
        <h2 id="ask" className="text-base font-semibold tracking-wide text-text-muted uppercase">
          Ask the room
        </h2>
        <p className="text-2xl leading-snug font-semibold text-text" data-testid="notes-question">
          {note.question}
        </p>
      </section>
      <section aria-labelledby="point" className="rounded-xl border border-border bg-surface-raised p-4">
        <h2 id="point" className="text-base font-semibold tracking-wide text-text-muted uppercase">
          Point at
        </h2>
        <p className="text-2xl font-bold text-text">
          {KEY_NAMES[note.pointAt]}: {screen.keys[note.pointAt]}
        </p>
        <p className="text-lg text-text-muted">{note.why}</p>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-lg">
          {(Object.keys(screen.keys) as (keyof typeof screen.keys)[]).map((k) => (
            <div key={k} className="contents">
              <dt className="text-text-muted">{KEY_NAMES[k]}</dt>
              <dd className="font-semibold text-text tabular-nums">{screen.keys[k]}</dd>
            </div>
          ))}
        </dl>
      </section>
      <div role="group" aria-label="Drive the projected page" className="flex flex-wrap gap-2">
        <Button size="lg" onClick={() => send("previous")}>
          <SkipBack aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Previous moment
        </Button>
        <Button size="lg" variant="primary" onClick={() => send("toggle")}>
          {screen.playing ? <Pause aria-hidden="true" className="size-5 fill-current" /> : <Play aria-hidden="true" className="size-5 fill-current" />}
          {screen.playing ? "Pause" : "Play"}
        </Button>
        <Button size="lg" onClick={() => send("next")}>
          <SkipForward aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Next moment
        </Button>
        <Button size="lg" onClick={() => send("blank")}>
          <EyeOff aria-hidden="true" className="size-5" strokeWidth={2.5} />
          {screen.blanked ? "Show the screen" : "Blank the screen"}
        </Button>
      </div>
    </div>
  );
}
