"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { Simulation } from "@/machines/engine/simulation";
import { deferred } from "@/components/ui/deferred";
import { useRunner } from "./runnerContext";
import { useSlowBeat } from "./slowBeat";

/**
 * The words for events: fetched the first time there may be something to say, not with the view (the
 * monitoring and team views show no events of their own; nothing is announced before the run moves).
 */
const narration = deferred(() => Promise.all([import("@/machines/narration/describeEvent"), import("@/machines/narration/feed")]));

/** Milliseconds between two announcements: a burst at high speed becomes one short summary. */
const EVERY_MS = 2500;

/**
 * A polite live region for screen-reader users: deployments, failures, approvals needed, incidents.
 * At most one message every few seconds, summarising what happened since the last one. It speaks on
 * the workspace's slow beat while playing, and soon after a change while paused.
 */
export function LiveAnnouncer() {
  const actor = useRunner();
  const [message, setMessage] = useState("");
  const state = useRef<{ sim: Simulation; lastSeq: number; lastAt: number }>({ sim: actor.getSnapshot().context.sim, lastSeq: 0, lastAt: 0 });

  const say = useCallback(
    ([{ eventContext }, { announcementSince }]: NonNullable<typeof narration.current>) => {
      const s = state.current;
      const sim = actor.getSnapshot().context.sim;
      if (sim !== s.sim) {
        // A new run: say nothing about the old one.
        s.sim = sim;
        s.lastSeq = 0;
      }
      s.lastAt = performance.now();
      const text = announcementSince(sim.log, s.lastSeq, eventContext(sim));
      s.lastSeq = sim.log[sim.log.length - 1]?.seq ?? s.lastSeq;
      if (text) setMessage(text);
    },
    [actor],
  );
  // The words are fetched the first time there may be something to say, and said as soon as they arrive.
  const speak = useCallback(() => (narration.current ? say(narration.current) : void narration.load().then(say, () => {})), [say]);

  useEffect(() => {
    const s = state.current;
    s.lastSeq = s.sim.log[s.sim.log.length - 1]?.seq ?? 0;
    let timer: number | null = null;
    const subscription = actor.subscribe((snapshot) => {
      if (snapshot.matches("playing") || timer !== null) return;
      timer = window.setTimeout(() => {
        timer = null;
        speak();
      }, 300);
    });
    return () => {
      subscription.unsubscribe();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [actor, speak]);

  useSlowBeat(() => {
    if (performance.now() - state.current.lastAt >= EVERY_MS) speak();
  });

  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="sr-only" data-testid="announcer">
      {message}
    </div>
  );
}
