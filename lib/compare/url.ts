import { CADENCE_IDS, type CadenceChoice } from "@/machines/compare/cadence";
import { COMPARE_LIMITS, MAX_MODES, MIN_MODES, defaultCompareSettings, orderModes, type CompareSettings } from "@/machines/compare/compareSettings";
import {
  cultureText,
  modeListText,
  learningText,
  monitoringText,
  iacText,
  numberRule,
  numberText,
  percentText,
  readText,
  shownText,
  wordText,
  type TextSchema,
} from "@/machines/world/settingsSchema";
import { searchParamsOf, type PageSearchParams } from "@/lib/url/query";

/**
 * The comparison in the address bar, so a link replays it: every setting is written out (not only the
 * ones that differ from today's defaults), so a shared link keeps meaning the same run if defaults
 * change. Percentages are written as percent (coverage=70), as people type them.
 *
 *   /compare?modes=delivery,deployment&seed=42&days=90&commits=12&coverage=70&defects=10
 *           &monitoring=on&culture=devops&cadence=default&learning=off
 *
 * `mode=` is accepted as another name for `modes=` (DOMAIN.md: ?mode= sets a page's start state).
 */
export const URL_PARAMS = ["modes", "seed", "days", "commits", "coverage", "defects", "monitoring", "culture", "cadence", "learning", "iac"] as const;
export type UrlParam = (typeof URL_PARAMS)[number];

/** A parameter the page could not use, named in the notice the page shows. */
export interface UrlProblem {
  param: string;
  value: string;
  /** 'seed must be a whole number from 0 to 4294967295 (got "0x10"); using 42.' */
  message: string;
}

export interface ParsedCompareUrl {
  settings: CompareSettings;
  problems: UrlProblem[];
}

type Search = URLSearchParams | PageSearchParams;

/** Reads the address as the browser does, whether it comes as URLSearchParams or as Next's `searchParams`. */
function getter(search: Search): (name: string) => string | undefined {
  const params = search instanceof URLSearchParams ? search : searchParamsOf(search);
  return (name) => params.get(name) ?? undefined;
}

const percent = (fraction: number) => Math.round(fraction * 1000) / 10;

/** The comparison's numeric parameters: the setting's rule with the page's narrower limits (COMPARE_LIMITS). */
const NUMERIC: { param: UrlParam; key: keyof typeof COMPARE_LIMITS; percent: boolean }[] = [
  { param: "seed", key: "seed", percent: false },
  { param: "days", key: "days", percent: false },
  { param: "commits", key: "commitsPerDay", percent: false },
  { param: "coverage", key: "testCoverage", percent: true },
  { param: "defects", key: "defectRate", percent: true },
];

const numericText = (key: keyof typeof COMPARE_LIMITS, asPercent: boolean): TextSchema<number> => {
  const { min, max, integer } = COMPARE_LIMITS[key];
  const rule = numberRule(key, { min, max, integer });
  return asPercent ? percentText(rule) : numberText(rule);
};

const modesText = modeListText(MIN_MODES, MAX_MODES);
const cadenceText = wordText<CadenceChoice>("cadence", ["default", ...CADENCE_IDS]);

/**
 * Reads a comparison from URL parameters with the shared text rules (machines/world/settingsSchema.ts);
 * anything it cannot use falls back to the default, named in `problems`.
 */
export function parseCompareUrl(search: Search): ParsedCompareUrl {
  const get = getter(search);
  const defaults = defaultCompareSettings();
  const settings: CompareSettings = { ...defaults, modes: [...defaults.modes] };
  const problems: UrlProblem[] = [];

  /** Reads one parameter; a bad value keeps the default and says what stands in. */
  function read<T>(param: string, schema: TextSchema<T>, instead: string, use: (value: T) => void) {
    const raw = get(param);
    if (raw === undefined) return;
    const result = readText(schema, raw);
    if (result.ok) use(result.value);
    else problems.push({ param, value: shownText(raw), message: `${result.message}; ${instead}.` });
  }

  const modesParam = get("modes") !== undefined ? "modes" : get("mode") !== undefined ? "mode" : null;
  if (modesParam) {
    read(modesParam, modesText, `showing ${defaults.modes.join(" and ")}`, (modes) => (settings.modes = orderModes(modes)));
  }

  for (const { param, key, percent: asPercent } of NUMERIC) {
    const fallback = asPercent ? percent(defaults[key]) : defaults[key];
    read(param, numericText(key, asPercent), `using ${fallback}`, (value) => (settings[key] = value));
  }

  read("monitoring", monitoringText, `using ${defaults.monitoring ? "on" : "off"}`, (v) => (settings.monitoring = v));
  read("culture", cultureText, `using ${defaults.culture}`, (v) => (settings.culture = v));
  read("cadence", cadenceText, "using each mode's default", (v) => (settings.cadence = v));
  read("learning", learningText, `using ${defaults.learning ? "on" : "off"}`, (v) => (settings.learning = v));
  read("iac", iacText, `using ${defaults.iac ? "on" : "off"}`, (v) => (settings.iac = v));

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
  params.set("learning", settings.learning ? "on" : "off");
  params.set("iac", settings.iac ? "on" : "off");
  // "," and "/" are allowed in a query and read better than %2C and %2F in a link read aloud.
  return params.toString().replace(/%2C/g, ",").replace(/%2F/g, "/");
}
