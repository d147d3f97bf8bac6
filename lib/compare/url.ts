import { CADENCE_IDS, isCadenceChoice } from "@/machines/compare/cadence";
import {
  COMPARE_LIMITS,
  MAX_MODES,
  MIN_MODES,
  defaultCompareSettings,
  orderModes,
  type CompareSettings,
} from "@/machines/compare/settings";
import { MODES, isMode, type Mode } from "@/machines/world/modes";
import { CULTURES, type Culture } from "@/machines/world/settings";

/**
 * The comparison in the address bar, so a link replays it: every setting is written out (not only the
 * ones that differ from today's defaults), so a shared link keeps meaning the same run if defaults
 * change. Percentages are written as percent (coverage=70), as people type them.
 *
 *   /compare?modes=delivery,deployment&seed=42&days=90&commits=12&coverage=70&defects=10
 *           &monitoring=on&culture=devops&cadence=default
 *
 * `mode=` is accepted as another name for `modes=` (DOMAIN.md: ?mode= sets a page's start state).
 */
export const URL_PARAMS = [
  "modes",
  "seed",
  "days",
  "commits",
  "coverage",
  "defects",
  "monitoring",
  "culture",
  "cadence",
] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

/** A parameter the page could not use, named in the notice the page shows. */
export interface UrlProblem {
  param: string;
  value: string;
  /** "seed must be a whole number from 0 to 4294967295; using 42." */
  message: string;
}

export interface ParsedCompareUrl {
  settings: CompareSettings;
  problems: UrlProblem[];
}

type Search = URLSearchParams | Record<string, string | string[] | undefined>;

function getter(search: Search): (name: string) => string | undefined {
  if (search instanceof URLSearchParams) return (name) => search.get(name) ?? undefined;
  return (name) => {
    const v = search[name];
    return Array.isArray(v) ? v[0] : v;
  };
}

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

function numberRange(
  raw: string,
  { min, max, integer }: { min: number; max: number; integer: boolean },
): number | null {
  if (raw.trim() === "") return null;
  const value = Number(raw);
  if (!Number.isFinite(value)) return null;
  if (integer && !Number.isInteger(value)) return null;
  if (value < min || value > max) return null;
  return value;
}

/** Reads a comparison from URL parameters; anything it cannot use falls back to the default, named in `problems`. */
export function parseCompareUrl(search: Search): ParsedCompareUrl {
  const get = getter(search);
  const defaults = defaultCompareSettings();
  const settings: CompareSettings = { ...defaults, modes: [...defaults.modes] };
  const problems: UrlProblem[] = [];
  const problem = (param: string, value: string, message: string) => problems.push({ param, value, message });

  const modesParam = get("modes") !== undefined ? "modes" : get("mode") !== undefined ? "mode" : null;
  if (modesParam) {
    const raw = get(modesParam)!;
    const parts = raw
      .split(",")
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    const unknown = parts.filter((p) => !isMode(p));
    const modes = orderModes(parts.filter(isMode) as Mode[]);
    if (unknown.length > 0 || modes.length < MIN_MODES || modes.length > MAX_MODES) {
      const why =
        unknown.length > 0
          ? `"${unknown.join('", "')}" ${unknown.length === 1 ? "is not a mode" : "are not modes"} (use ${MODES.join(", ")})`
          : `pick ${MIN_MODES} to ${MAX_MODES} different modes`;
      problem(modesParam, raw, `${modesParam}: ${why}; showing ${defaults.modes.join(" and ")}.`);
    } else {
      settings.modes = modes;
    }
  }

  const numeric: {
    param: UrlParam;
    key: keyof typeof COMPARE_LIMITS;
    scale: number;
    words: string;
  }[] = [
    { param: "seed", key: "seed", scale: 1, words: "a whole number" },
    { param: "days", key: "days", scale: 1, words: "a whole number of days" },
    { param: "commits", key: "commitsPerDay", scale: 1, words: "commits per day" },
    { param: "coverage", key: "testCoverage", scale: 100, words: "a percentage" },
    { param: "defects", key: "defectRate", scale: 100, words: "a percentage" },
  ];
  for (const { param, key, scale, words } of numeric) {
    const raw = get(param);
    if (raw === undefined) continue;
    const limit = COMPARE_LIMITS[key];
    const value = numberRange(raw, {
      min: limit.min * scale,
      max: limit.max * scale,
      integer: limit.integer,
    });
    const fallback = scale === 100 ? percent(defaults[key] as number) : (defaults[key] as number);
    if (value === null) {
      problem(
        param,
        raw,
        `${param} must be ${words} from ${limit.min * scale} to ${limit.max * scale}; using ${fallback}.`,
      );
    } else {
      (settings[key] as number) = value / scale;
    }
  }

  const monitoring = get("monitoring");
  if (monitoring !== undefined) {
    const v = monitoring.trim().toLowerCase();
    if (["on", "true", "1", "yes"].includes(v)) settings.monitoring = true;
    else if (["off", "false", "0", "no"].includes(v)) settings.monitoring = false;
    else problem("monitoring", monitoring, `monitoring must be on or off; using ${defaults.monitoring ? "on" : "off"}.`);
  }

  const culture = get("culture");
  if (culture !== undefined) {
    const v = culture.trim().toLowerCase();
    if ((CULTURES as readonly string[]).includes(v)) settings.culture = v as Culture;
    else problem("culture", culture, `culture must be ${CULTURES.join(" or ")}; using ${defaults.culture}.`);
  }

  const cadence = get("cadence");
  if (cadence !== undefined) {
    const v = cadence.trim().toLowerCase();
    if (isCadenceChoice(v)) settings.cadence = v;
    else
      problem(
        "cadence",
        cadence,
        `cadence must be default or one of ${CADENCE_IDS.join(", ")}; using each mode's default.`,
      );
  }

  return { settings, problems };
}

/** The query string (without "?") that `parseCompareUrl` reads back to the same settings. */
export function compareQuery(settings: CompareSettings): string {
  const params = new URLSearchParams();
  params.set("modes", orderModes(settings.modes).join(","));
  params.set("seed", String(settings.seed));
  params.set("days", String(settings.days));
  params.set("commits", String(settings.commitsPerDay));
  params.set("coverage", String(percent(settings.testCoverage)));
  params.set("defects", String(percent(settings.defectRate)));
  params.set("monitoring", settings.monitoring ? "on" : "off");
  params.set("culture", settings.culture);
  params.set("cadence", settings.cadence);
  // "," and "/" are allowed in a query and read better than %2C and %2F in a link read aloud.
  return params.toString().replace(/%2C/g, ",").replace(/%2F/g, "/");
}
