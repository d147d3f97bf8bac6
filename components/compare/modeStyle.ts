import { Hand, Repeat, Rocket, UserCheck, type LucideIcon } from "lucide-react";
import type { Mode } from "@/machines/world/modes";

/**
 * How a mode looks wherever the comparison shows it: its colour (a CSS variable from compare.css,
 * switching with the theme), an icon and a line dash, so that colour is never the only signal.
 */
export interface ModeStyle {
  /** CSS colour, e.g. "var(--mode-delivery)". */
  color: string;
  /** The CSS variable's name, to read the resolved colour for a canvas. */
  variable: string;
  Icon: LucideIcon;
  /** Canvas line dash; empty for solid. */
  dash: number[];
  /** The same dash for an SVG stroke-dasharray. */
  dashArray: string;
  /** Dash in words, for text alternatives: "solid line". */
  dashWords: string;
}

export const MODE_STYLE: Record<Mode, ModeStyle> = {
  manual: {
    color: "var(--mode-manual)",
    variable: "--mode-manual",
    Icon: Hand,
    dash: [14, 5, 3, 5],
    dashArray: "14 5 3 5",
    dashWords: "dash-dot line",
  },
  ci: {
    color: "var(--mode-ci)",
    variable: "--mode-ci",
    Icon: Repeat,
    dash: [3, 5],
    dashArray: "3 5",
    dashWords: "dotted line",
  },
  delivery: {
    color: "var(--mode-delivery)",
    variable: "--mode-delivery",
    Icon: UserCheck,
    dash: [10, 6],
    dashArray: "10 6",
    dashWords: "dashed line",
  },
  deployment: {
    color: "var(--mode-deployment)",
    variable: "--mode-deployment",
    Icon: Rocket,
    dash: [],
    dashArray: "",
    dashWords: "solid line",
  },
};

/** A CSS variable's value on <html>, for canvas drawing (falls back to `fallback` outside a browser). */
export function cssVar(name: string, fallback = "#000"): string {
  if (typeof document === "undefined") return fallback;
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}
