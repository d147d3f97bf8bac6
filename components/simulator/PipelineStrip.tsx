"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { afterLayout } from "@/components/ui/afterLayout";

/** How the strip picks the stage to keep in view: trouble first, then work waiting, then work going on. */
const FOCUS_ORDER = ["failed", "waiting", "working"] as const;

/** The card the strip should show: the selected stage, else the furthest stage in the first status of FOCUS_ORDER. */
export function focusCard(cards: readonly { stage: string; status: string }[], selected: string | null): string | null {
  if (selected && cards.some((c) => c.stage === selected)) return selected;
  for (const status of FOCUS_ORDER) {
    const match = cards.filter((c) => c.status === status).at(-1);
    if (match) return match.stage;
  }
  return null;
}

/**
 * On a phone the pipeline is a strip drawn large enough to read (no text under 14 px) that scrolls
 * sideways, and keeps the stage where things happen in view: the selected stage, else a failure,
 * else where work waits, else where it moves. It leaves the strip alone for a while after the
 * learner scrolls it. Wider screens see the diagram as before (the strip does not overflow there).
 */
export function PipelineStrip({
  selectedStage,
  className = "max-sm:-mx-4 max-sm:px-4",
  children,
}: {
  selectedStage: string | null;
  /** How far the strip reaches into the page's side padding on a phone (the workspace's 1rem), and any layout the parent needs. */
  className?: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const strip = ref.current;
    if (!strip) return;
    let touchedAt = -Infinity;
    let shown: string | null = null;
    const onUser = () => {
      touchedAt = performance.now();
    };
    strip.addEventListener("pointerdown", onUser, { passive: true });
    strip.addEventListener("wheel", onUser, { passive: true });
    strip.addEventListener("touchstart", onUser, { passive: true });
    const follow = () => {
      if (strip.scrollWidth <= strip.clientWidth + 1 || performance.now() - touchedAt < 5000) return;
      const cards = [...strip.querySelectorAll<HTMLElement>("[data-stage-card]")];
      const target = focusCard(
        cards.map((c) => ({ stage: c.dataset.stageCard ?? "", status: c.dataset.status ?? "" })),
        selectedStage,
      );
      if (target === null || target === shown) return;
      const card = cards.find((c) => c.dataset.stageCard === target);
      if (!card) return;
      shown = target;
      const left = card.getBoundingClientRect().left - strip.getBoundingClientRect().left + strip.scrollLeft;
      const smooth = !window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      strip.scrollTo({ left: left - (strip.clientWidth - card.offsetWidth) / 2, behavior: smooth ? "smooth" : "auto" });
    };
    const cancel = afterLayout(strip, follow);
    const timer = window.setInterval(follow, 1000);
    return () => {
      cancel();
      window.clearInterval(timer);
      strip.removeEventListener("pointerdown", onUser);
      strip.removeEventListener("wheel", onUser);
      strip.removeEventListener("touchstart", onUser);
    };
  }, [selectedStage]);
  return (
    <div ref={ref} data-testid="pipeline-strip" className={`max-sm:overflow-x-auto max-sm:pb-1 ${className}`}>
      {children}
    </div>
  );
}
