import * as v from "valibot";
import { DEFAULT_SPEED, SPEEDS, type Speed } from "@/machines/runner/speeds";
import type { Fault } from "@/machines/events";
import { FAULTS } from "@/machines/view/faults";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { CULTURE_NAMES, defaultSettings, type Approver, type Culture, type Settings } from "@/machines/world/settings";
import {
  approverText,
  choiceNumberText,
  cultureText,
  got,
  modeText,
  iacText,
  monitoringText,
  numberRule,
  numberText,
  percentText,
  readText,
  settingText,
  wordText,
  type TextSchema,
} from "@/machines/world/settingsSchema";
import { MINUTES_PER_DAY } from "@/machines/sim/calendar";
import type { Simulation } from "@/machines/engine/simulation";

/**
 * The start state of a live run, as the address of /simulator carries it. Share writes every
 * parameter out (so a link keeps meaning the same run if defaults change); a hand-written link may
 * give any of them, the rest take their defaults.
 *
 *   /simulator?v=1&mode=delivery&seed=42&speed=30&approver=learner&culture=devops&monitoring=on
 *             &threshold=5&coverage=70&defects=10&commits=12&faults=break-build,escape-defect&t=1d09:30
 *
 * | parameter    | values                                                          | default  |
 * | ------------ | --------------------------------------------------------------- | -------- |
 * | `v`          | 1, the version of this format                                   | 1        |
 * | `mode`       | manual, ci, delivery, deployment                                | delivery |
 * | `seed`       | whole number 0-4294967295                                       | 1        |
 * | `speed`      | simulated minutes per real second: 1, 5, 15, 30, 60, 120, 240   | 30       |
 * | `approver`   | learner (you click), scheduled (3 a day); Continuous Delivery   | learner  |
 * | `culture`    | devops, silos                                                   | devops   |
 * | `monitoring` | on, off (also true/false, 1/0, yes/no)                          | on       |
 * | `threshold`  | the alarm threshold, percent of failing requests: 0.1-100       | 5        |
 * | `coverage`   | test coverage, percent: 0-100                                   | 70       |
 * | `defects`    | defect rate, percent of commits: 0-100                          | 10       |
 * | `commits`    | commits per working day: 0-2000 (`commitsPerDay` is the old name) | 12     |
 * | `faults`     | faults waiting to strike at `t`, comma-separated, repeats allowed: break-build, flaky-test, escape-defect, fail-deploy (at most 20) | none |
 * | `iac`        | on, off: environments from the stack's template, or by hand (drifting by themselves) | on |
 * | `t`          | the moment to open at: `2d09:30` (2 days, 9 hours and 30 minutes after Monday 00:00 of day 1, so Wednesday 09:30, day 3; minutes may carry up to three decimals) or plain minutes (`3450`); at most 365 days | 0 |
 *
 * The page builds the run's settings from these, fast-forwards it to `t` (the same run as played to
 * that moment: same seed, same events), then arms the faults, so they wait to strike exactly as they
 * did when the link was made.
 *
 * `commits` above the engine's usual 200 is for the frame-time benchmark (bench/browser/) and trainers.
 *
 * Values follow the shared text rules of machines/world/settingsSchema.ts (plain decimal numbers,
 * words in any letter case, nothing around them), the same rules as /compare and the simulate command.
 * A bad value never breaks the page: it falls back to the default and comes back as a notice that
 * names the parameter, says what was given and what is allowed, and what is used instead. A parameter
 * the page does not know is named too (a typo such as `cultur=silos` would otherwise pass unseen),
 * except the tracking parameters links pick up on the way (utm_*, fbclid, gclid, ...) and those other
 * parts of the page read (`present`, `demo`).
 */
export interface RunConfig {
  mode: Mode;
  seed: number;
  speed: Speed;
  /** Who decides at Approval in Continuous Delivery. */
  approver: Approver;
  /** The rest are only set when the address (or a file, or Share) gave them; settingsFor fills in the defaults. */
  commitsPerDay?: number;
  culture?: Culture;
  monitoring?: boolean;
  /** Fraction of failing requests at which the alarm fires (0.001-1). */
  alarmThreshold?: number;
  /** Fraction (0-1). */
  testCoverage?: number;
  /** Fraction (0-1). */
  defectRate?: number;
  /** Faults waiting to strike at `t`, repeats allowed, in the order given. */
  faults?: Fault[];
  /** Infrastructure as Code on or off; unset, the run as always (the page shows the mode's default). */
  iac?: boolean;
  /** Virtual minutes since Monday 00:00 of day 1 to open the run at. */
  t?: number;
}

export interface ParamNotice {
  /** The query parameter, as written in the address. */
  param: string;
  /** What was given, what is allowed and what is used instead, in words. */
  message: string;
}

export interface ParsedParams {
  config: RunConfig;
  notices: ParamNotice[];
}

/** The version of the link format Share writes (`v=1`). */
export const SHARE_VERSION = 1;
export const MAX_SEED = numberRule("seed").max;
/** Upper bound of the commits per day a link may ask for (the benchmark's stress runs). */
export const MAX_COMMITS_PER_DAY = 2000;
/** Faults a link may arm at once. */
export const MAX_FAULTS = 20;
/** How far a link may fast-forward: a year of virtual time takes a few seconds to compute. */
export const MAX_T_DAYS = 365;

export const DEFAULT_CONFIG: RunConfig = {
  mode: "delivery",
  seed: 1,
  speed: DEFAULT_SPEED,
  approver: "learner",
};

/** Anything with `get(name)` and `forEach`: URLSearchParams, Next's ReadonlyURLSearchParams. */
export interface ParamSource {
  get(name: string): string | null;
  forEach(callback: (value: string, name: string) => void): void;
}

// ---------------------------------------------------------------- the rules of each value

const versionText = choiceNumberText("version", [SHARE_VERSION]);
const seedText = settingText("seed");
const speedText = choiceNumberText("speed", SPEEDS, "simulated minutes per second");
const commitsText = numberText(numberRule("commitsPerDay", { min: 0, max: MAX_COMMITS_PER_DAY }));
const thresholdText = percentText(numberRule("alarmThreshold"));
const coverageText = percentText(numberRule("testCoverage"));
const defectsText = percentText(numberRule("defectRate"));
const faultWord = wordText<Fault>("fault", FAULTS);

/**
 * Faults listed with commas ("break-build,escape-defect,escape-defect"), each a fault, repeats kept,
 * at most MAX_FAULTS; empty means none. The word rule (and its sentence) is the shared `wordText`.
 */
export const faultListText: TextSchema<Fault[]> = (() => {
  const parts = (text: string) => (text === "" ? [] : text.split(","));
  const firstBad = (text: string) => parts(text).find((p) => !v.safeParse(faultWord, p).success);
  return v.pipe(
    v.string(),
    v.check(
      (text) => firstBad(text) === undefined,
      (issue) => {
        const r = v.safeParse(faultWord, firstBad(String(issue.input)) ?? "");
        return r.success ? "" : `${r.issues[0].message.replace(/ \(got .*\)$/s, "")} ${got(issue.input)}`;
      },
    ),
    v.check(
      (text) => parts(text).length <= MAX_FAULTS,
      (issue) => `faults must list at most ${MAX_FAULTS} faults ${got(issue.input)}`,
    ),
    v.transform((text) => parts(text).map((p) => p.toLowerCase() as Fault)),
  );
})();

const MAX_T = MAX_T_DAYS * MINUTES_PER_DAY;
const T_READABLE = /^(\d{1,3})d([01]\d|2[0-3]):([0-5]\d(?:\.\d{1,3})?)$/;
const T_MINUTES = /^\d{1,6}(?:\.\d{1,3})?$/;

function readT(text: string): number {
  const m = T_READABLE.exec(text);
  if (m) return Number(m[1]) * MINUTES_PER_DAY + Number(m[2]) * 60 + Number(m[3]);
  return T_MINUTES.test(text) ? Number(text) : NaN;
}

/** The moment to open at: "2d09:30" or plain virtual minutes ("3450"), up to MAX_T_DAYS days. */
export const timeText: TextSchema<number> = (() => {
  const message = (issue: { input: unknown }) =>
    `t must be a time like 2d09:30 (days, hours and minutes after Monday 00:00) or minutes, up to ${MAX_T_DAYS} days ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.check((text) => {
      const t = readT(text);
      return Number.isFinite(t) && t >= 0 && t <= MAX_T;
    }, message),
    v.transform(readT),
  );
})();

/** Thousandths of a minute at or after `t`: the written moment never falls before the one shown. */
function thousandths(t: number): number {
  return Math.max(0, Math.ceil(t * 1000 - 1e-6));
}

/** "2d09:30", or "2d09:30.571" when the moment falls between minutes: `timeText` reads it back exactly. */
export function formatT(t: number): string {
  const total = thousandths(t);
  const perDay = MINUTES_PER_DAY * 1000;
  const days = Math.floor(total / perDay);
  const inDay = total - days * perDay;
  const hours = Math.floor(inDay / 60000);
  const milli = inDay - hours * 60000;
  const minutes = Math.floor(milli / 1000);
  const fraction = milli - minutes * 1000;
  const mm = `${String(minutes).padStart(2, "0")}${fraction ? `.${String(fraction).padStart(3, "0").replace(/0+$/, "")}` : ""}`;
  return `${days}d${String(hours).padStart(2, "0")}:${mm}`;
}

/** `t` as `formatT` writes it and `timeText` reads it back. */
export function roundT(t: number): number {
  return thousandths(t) / 1000;
}

// ---------------------------------------------------------------- reading an address

/** Parameters the page reads elsewhere (presenter mode, the demo loop): not named as unknown. */
export const OTHER_PAGE_PARAMS: readonly string[] = ["present", "demo"];

/** Parameters links pick up on the way (campaigns, ad clicks): never worth a notice. */
export function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || ["fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "_ga", "_gl", "ref"].includes(lower);
}

const PARAMS = [
  "v",
  "mode",
  "seed",
  "speed",
  "approver",
  "culture",
  "monitoring",
  "threshold",
  "coverage",
  "defects",
  "commits",
  "faults",
  "t",
  "iac",
] as const;
const ALIASES: Record<string, (typeof PARAMS)[number]> = { commitsPerDay: "commits" };

/** Edit distance, for "did you mean": small names only. */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** A parameter name as it can be shown: control characters made visible, long names cut. */
export function shownName(name: string): string {
  if (name === "") return "(no name)";
  // eslint-disable-next-line no-control-regex
  const visible = Array.from(name.replace(/[\u0000-\u001f\u007f]/g, "\uFFFD"));
  // Cut between characters, never inside one (half an emoji is a lone surrogate).
  return visible.length > 40 ? `${visible.slice(0, 40).join("")}…` : visible.join("");
}

function unknownMessage(name: string, value: string): string {
  const lower = name.toLowerCase();
  const near =
    lower.length < 3
      ? undefined
      : [...PARAMS, ...Object.keys(ALIASES)].find((p) => p.toLowerCase() === lower || distance(lower, p.toLowerCase()) <= (p.length > 4 ? 2 : 1));
  return `not a setting of this page ${got(value)}; ignored${near ? ` (did you mean ${near}?)` : ""}.`;
}

export function parseSimulatorParams(params: ParamSource): ParsedParams {
  const config: RunConfig = { ...DEFAULT_CONFIG };
  const notices: ParamNotice[] = [];
  const defaults = defaultSettings();

  /** Reads one parameter with the shared rule; a bad value keeps the default and says what stands in. */
  function read<T>(param: string, schema: TextSchema<T>, instead: string, use: (value: T) => void) {
    const raw = params.get(param);
    if (raw === null) return;
    const result = readText(schema, raw);
    if (result.ok) use(result.value);
    else notices.push({ param, message: `${result.message}; ${instead}.` });
  }

  read("v", versionText, `reading it as version ${SHARE_VERSION}`, () => undefined);
  read("mode", modeText, `showing ${MODE_INFO[DEFAULT_CONFIG.mode].name}`, (x) => (config.mode = x));
  read("seed", seedText, `using seed ${DEFAULT_CONFIG.seed}`, (x) => (config.seed = x));
  read("speed", speedText, `using ${DEFAULT_SPEED}`, (x) => (config.speed = x));
  read("approver", approverText, "you approve", (x) => (config.approver = x));
  read("culture", cultureText, `using ${CULTURE_NAMES[defaults.culture]}`, (x) => (config.culture = x));
  read("monitoring", monitoringText, "monitoring stays on", (x) => (config.monitoring = x));
  read("threshold", thresholdText, `using ${percent(defaults.alarmThreshold)}%`, (x) => (config.alarmThreshold = x));
  read("coverage", coverageText, `using ${percent(defaults.testCoverage)}%`, (x) => (config.testCoverage = x));
  read("defects", defectsText, `using ${percent(defaults.defectRate)}%`, (x) => (config.defectRate = x));
  const commitsParam = params.get("commits") !== null ? "commits" : "commitsPerDay";
  read(commitsParam, commitsText, `using the team's usual ${defaults.commitsPerDay}`, (x) => (config.commitsPerDay = x));
  read("faults", faultListText, "no faults armed", (x) => (config.faults = x));
  read("iac", iacText, "environments from the template (on)", (x) => (config.iac = x));
  read("t", timeText, "starting from Monday 00:00", (x) => (config.t = x));

  const seen = new Map<string, number>();
  params.forEach((value, name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    // Own names only: "toString" or "constructor" in an address are not settings.
    const known = (PARAMS as readonly string[]).includes(name) || Object.hasOwn(ALIASES, name);
    if (known) {
      if (count === 2) notices.push({ param: name, message: `given more than once ${got(value)}; using the first.` });
      return;
    }
    if (count > 1 || isTrackingParam(name) || OTHER_PAGE_PARAMS.includes(name)) return;
    notices.push({ param: shownName(name), message: unknownMessage(name, value) });
  });

  return { config, notices };
}

// ---------------------------------------------------------------- writing an address

/** A fraction as the percent a link writes ("70"), without binary float noise. */
function percent(fraction: number): number {
  return Number((fraction * 100).toPrecision(12));
}

/**
 * The query string for a start state, always explicit about mode, seed and speed so a link does not
 * depend on defaults that may change; the rest when the state has them. `full` writes every
 * parameter, defaults filled in, with the version: what Share copies. Starts with "?".
 */
export function simulatorSearch(config: RunConfig, { full = false }: { full?: boolean } = {}): string {
  const c = full ? completeConfig(config) : config;
  const params = new URLSearchParams();
  if (full) params.set("v", String(SHARE_VERSION));
  params.set("mode", c.mode);
  params.set("seed", String(c.seed));
  params.set("speed", String(c.speed));
  if (c.mode === "delivery") params.set("approver", c.approver);
  if (c.culture !== undefined) params.set("culture", c.culture);
  if (c.monitoring !== undefined) params.set("monitoring", c.monitoring ? "on" : "off");
  if (c.alarmThreshold !== undefined) params.set("threshold", String(percent(c.alarmThreshold)));
  if (c.testCoverage !== undefined) params.set("coverage", String(percent(c.testCoverage)));
  if (c.defectRate !== undefined) params.set("defects", String(percent(c.defectRate)));
  if (c.commitsPerDay !== undefined) params.set("commits", String(c.commitsPerDay));
  if (c.faults !== undefined && c.faults.length > 0) params.set("faults", c.faults.join(","));
  if (config.iac !== undefined) params.set("iac", config.iac ? "on" : "off");
  if (c.t !== undefined && (full || c.t > 0)) params.set("t", formatT(c.t));
  // Commas and colons read better unescaped, and URLSearchParams reads them back the same.
  return `?${params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":")}`;
}

/** Every field of a start state, the defaults filled in. */
export function completeConfig(config: RunConfig): Required<Omit<RunConfig, "iac">> & Pick<RunConfig, "iac"> {
  const s = settingsFor(config);
  return {
    ...config,
    culture: s.culture,
    monitoring: s.monitoring,
    alarmThreshold: s.alarmThreshold,
    testCoverage: s.testCoverage,
    defectRate: s.defectRate,
    commitsPerDay: s.commitsPerDay,
    faults: config.faults ?? [],
    t: roundT(config.t ?? 0),
  };
}

/**
 * A live run as it stands, as a start state: today's settings (as changed during the run), the faults
 * waiting to strike and the moment on the clock; mode, seed, speed and approver from `base`.
 * `liveCoverage` is the test coverage last set during the run (settings keep the start value).
 */
export function startStateOf(sim: Simulation, base: RunConfig, liveCoverage?: number): RunConfig {
  const s = sim.settings;
  const pending = sim.pendingFaults();
  return {
    ...base,
    culture: s.culture,
    monitoring: s.monitoring,
    alarmThreshold: s.alarmThreshold,
    testCoverage: liveCoverage ?? s.testCoverage,
    defectRate: s.defectRate,
    commitsPerDay: s.commitsPerDay,
    faults: FAULTS.flatMap((f) => Array<Fault>(pending[f]).fill(f)),
    t: roundT(sim.now),
    ...(s.iac !== undefined ? { iac: s.iac } : {}),
  };
}

/** The engine settings a start state stands for. */
export function settingsFor(config: RunConfig): Settings {
  const settings = defaultSettings(config.mode, config.seed);
  settings.approver = config.mode === "delivery" ? config.approver : "scheduled";
  if (config.commitsPerDay !== undefined) settings.commitsPerDay = config.commitsPerDay;
  if (config.culture !== undefined) settings.culture = config.culture;
  if (config.monitoring !== undefined) settings.monitoring = config.monitoring;
  if (config.alarmThreshold !== undefined) settings.alarmThreshold = config.alarmThreshold;
  if (config.testCoverage !== undefined) settings.testCoverage = config.testCoverage;
  if (config.defectRate !== undefined) settings.defectRate = config.defectRate;
  if (config.iac !== undefined) settings.iac = config.iac;
  return settings;
}
