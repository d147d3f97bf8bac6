"use client";

/**
 * The presenter's two windows, the projected page and the speaker notes, talk over one
 * BroadcastChannel (same origin, no server): the page says what is on screen, the notes send commands.
 */
import type { KeyMetric } from "@/machines/metrics/dora";
import type { MomentKind } from "@/machines/runner/moments";

export const PRESENT_CHANNEL = "pipeline-lab:present";

export interface ScreenState {
  type: "screen";
  modeName: string;
  clock: string;
  playing: boolean;
  blanked: boolean;
  moment: MomentKind | null;
  momentLabel: string | null;
  /** Epoch milliseconds when presenting began (real time, for "time spent"). */
  since: number;
  /** The four keys as the tiles show them: value, unit and band in words. */
  keys: Record<KeyMetric, string>;
}

export type PresenterCommand = "toggle" | "next" | "previous" | "blank";

export type PresentMessage = ScreenState | { type: "command"; command: PresenterCommand } | { type: "hello" };

export function openChannel(): BroadcastChannel | null {
  return typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(PRESENT_CHANNEL);
}
