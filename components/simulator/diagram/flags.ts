"use client";

import { createContext, useContext } from "react";

export interface DiagramFlags {
  /** The run is playing. */
  playing: boolean;
  reducedMotion: boolean;
  /**
   * Events come faster than a person can follow (a working day in a few seconds): one-off flashes
   * would only flicker, so cards just change colour and words. Tokens still glide.
   */
  fast: boolean;
}

/** Diagram-wide flags, so node data stays free of things every card would re-render for. */
export const DiagramFlagsContext = createContext<DiagramFlags>({ playing: false, reducedMotion: false, fast: false });

export function useDiagramFlags(): DiagramFlags {
  return useContext(DiagramFlagsContext);
}
