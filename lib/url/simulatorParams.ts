import { DEFAULT_SPEED, SPEEDS, type Speed } from "@/machines/runner/speeds";
import { MODE_INFO, type Mode } from "@/machines/world/modes";
import { defaultSettings, type Approver, type Settings } from "@/machines/world/settings";
import { approverText, choiceNumberText, modeText, numberRule, numberText, readText, settingText, type TextSchema } from "@/machines/world/settingsSchema";

/**
 * The start state of a live run, as the address of /simulator carries it:
 *
 *   /simulator?mode=delivery&seed=42&speed=30&approver=learner
 *
 * | parameter       | values                                   | default    |
 * | --------------- | ---------------------------------------- | ---------- |
 * | `mode`          | manual, ci, delivery, deployment         | delivery   |
 * | `seed`          | whole number 0-4294967295                | 1          |
 * | `speed`         | simulated minutes per real second: 1, 5, 15, 30, 60, 120, 240 | 30 |
 * | `approver`      | learner (you click), scheduled (3 a day) | learner    |
 * | `commitsPerDay` | hidden, for benchmarks and trainers: 0-2000 commits per working day | 12 |
 *
 * `commitsPerDay` is not offered in the UI. It lets the frame-time benchmark (bench/browser/) put
 * hundreds of commits in flight; the engine's own limit for ordinary runs is 200.
 *
 * Values follow the shared text rules of machines/world/settingsSchema.ts (plain decimal numbers,
 * words in any case, nothing around them), the same rules as /compare and the simulate command.
 * A bad value never breaks the page: it falls back to the default and comes back as a notice that
 * names the parameter, says what was given and what is allowed, and what is used instead.
 * Unknown parameters are ignored (links get tracking parameters added).
 */
export interface RunConfig {
  mode: Mode;
  seed: number;
  speed: Speed;
  /** Who decides at Approval in Continuous Delivery. */
  approver: Approver;
  /** Only set when the address asked for it. */
  commitsPerDay?: number;
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

export const MAX_SEED = numberRule("seed").max;
/** Upper bound of the hidden commitsPerDay parameter. */
export const MAX_COMMITS_PER_DAY = 2000;

export const DEFAULT_CONFIG: RunConfig = {
  mode: "delivery",
  seed: 1,
  speed: DEFAULT_SPEED,
  approver: "learner",
};

/** Anything with `get(name)`: URLSearchParams, Next's ReadonlyURLSearchParams. */
export interface ParamSource {
  get(name: string): string | null;
}

const seedText = settingText("seed");
const speedText = choiceNumberText("speed", SPEEDS, "simulated minutes per second");
const commitsPerDayText = numberText(numberRule("commitsPerDay", { min: 0, max: MAX_COMMITS_PER_DAY }));

export function parseSimulatorParams(params: ParamSource): ParsedParams {
  const config: RunConfig = { ...DEFAULT_CONFIG };
  const notices: ParamNotice[] = [];

  /** Reads one parameter with the shared rule; a bad value keeps the default and says what stands in. */
  function read<T>(param: string, schema: TextSchema<T>, instead: string, use: (value: T) => void) {
    const raw = params.get(param);
    if (raw === null) return;
    const result = readText(schema, raw);
    if (result.ok) use(result.value);
    else notices.push({ param, message: `${result.message}; ${instead}.` });
  }

  read("mode", modeText, `showing ${MODE_INFO[DEFAULT_CONFIG.mode].name}`, (v) => (config.mode = v));
  read("seed", seedText, `using seed ${DEFAULT_CONFIG.seed}`, (v) => (config.seed = v));
  read("speed", speedText, `using ${DEFAULT_SPEED}`, (v) => (config.speed = v));
  read("approver", approverText, "you approve", (v) => (config.approver = v));
  read("commitsPerDay", commitsPerDayText, `using the team's usual ${defaultSettings().commitsPerDay}`, (v) => (config.commitsPerDay = v));

  return { config, notices };
}

/**
 * The query string for a start state, always explicit about mode, seed and speed so a shared link
 * does not depend on defaults that may change. Starts with "?".
 */
export function simulatorSearch(config: RunConfig): string {
  const params = new URLSearchParams();
  params.set("mode", config.mode);
  params.set("seed", String(config.seed));
  params.set("speed", String(config.speed));
  if (config.mode === "delivery") params.set("approver", config.approver);
  if (config.commitsPerDay !== undefined) params.set("commitsPerDay", String(config.commitsPerDay));
  return `?${params.toString()}`;
}

/** The engine settings a start state stands for. */
export function settingsFor(config: RunConfig): Settings {
  const settings = defaultSettings(config.mode, config.seed);
  settings.approver = config.mode === "delivery" ? config.approver : "scheduled";
  if (config.commitsPerDay !== undefined) settings.commitsPerDay = config.commitsPerDay;
  return settings;
}
