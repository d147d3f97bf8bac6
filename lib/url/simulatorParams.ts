import { DEFAULT_SPEED, SPEEDS, isSpeed, type Speed } from '@/machines/runner/speeds';
import { MODES, MODE_INFO, isMode, type Mode } from '@/machines/world/modes';
import { defaultSettings, type Approver, type Settings } from '@/machines/world/settings';

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
 * A bad value never breaks the page: it falls back to the default and comes back as a notice that
 * names the parameter. Unknown parameters are ignored (links get tracking parameters added).
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
  /** What was wrong and what is used instead, in words. */
  message: string;
}

export interface ParsedParams {
  config: RunConfig;
  notices: ParamNotice[];
}

export const MAX_SEED = 4294967295;
/** Upper bound of the hidden commitsPerDay parameter. */
export const MAX_COMMITS_PER_DAY = 2000;

export const DEFAULT_CONFIG: RunConfig = {
  mode: 'delivery',
  seed: 1,
  speed: DEFAULT_SPEED,
  approver: 'learner',
};

const APPROVERS: readonly Approver[] = ['learner', 'scheduled'];

/** Anything with `get(name)`: URLSearchParams, Next's ReadonlyURLSearchParams. */
export interface ParamSource {
  get(name: string): string | null;
}

function quote(value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `“${shown}”`;
}

/** A strict decimal number: "42", "0.5", not "", " 4", "4e2", "0x10" or "12abc". */
function parseNumber(raw: string): number | null {
  if (!/^\d+(\.\d+)?$/.test(raw)) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

export function parseSimulatorParams(params: ParamSource): ParsedParams {
  const config: RunConfig = { ...DEFAULT_CONFIG };
  const notices: ParamNotice[] = [];

  const mode = params.get('mode');
  if (mode !== null) {
    const value = mode.trim().toLowerCase();
    if (isMode(value)) config.mode = value;
    else
      notices.push({
        param: 'mode',
        message: `mode ${quote(mode)} is not one of ${MODES.join(', ')}: showing ${MODE_INFO[DEFAULT_CONFIG.mode].name}.`,
      });
  }

  const seed = params.get('seed');
  if (seed !== null) {
    const n = parseNumber(seed.trim());
    if (n !== null && Number.isInteger(n) && n <= MAX_SEED) config.seed = n;
    else
      notices.push({
        param: 'seed',
        message: `seed ${quote(seed)} must be a whole number from 0 to ${MAX_SEED}: using seed ${DEFAULT_CONFIG.seed}.`,
      });
  }

  const speed = params.get('speed');
  if (speed !== null) {
    const n = parseNumber(speed.trim());
    if (n !== null && isSpeed(n)) config.speed = n;
    else
      notices.push({
        param: 'speed',
        message: `speed ${quote(speed)} must be one of ${SPEEDS.join(', ')} (simulated minutes per second): using ${DEFAULT_SPEED}.`,
      });
  }

  const approver = params.get('approver');
  if (approver !== null) {
    const value = approver.trim().toLowerCase();
    if ((APPROVERS as readonly string[]).includes(value)) config.approver = value as Approver;
    else
      notices.push({
        param: 'approver',
        message: `approver ${quote(approver)} must be learner or scheduled: you approve.`,
      });
  }

  const commitsPerDay = params.get('commitsPerDay');
  if (commitsPerDay !== null) {
    const n = parseNumber(commitsPerDay.trim());
    if (n !== null && n <= MAX_COMMITS_PER_DAY) config.commitsPerDay = n;
    else
      notices.push({
        param: 'commitsPerDay',
        message: `commitsPerDay ${quote(commitsPerDay)} must be a number from 0 to ${MAX_COMMITS_PER_DAY}: using the team's usual ${defaultSettings().commitsPerDay}.`,
      });
  }

  return { config, notices };
}

/**
 * The query string for a start state, always explicit about mode, seed and speed so a shared link
 * does not depend on defaults that may change. Starts with "?".
 */
export function simulatorSearch(config: RunConfig): string {
  const params = new URLSearchParams();
  params.set('mode', config.mode);
  params.set('seed', String(config.seed));
  params.set('speed', String(config.speed));
  if (config.mode === 'delivery') params.set('approver', config.approver);
  if (config.commitsPerDay !== undefined) params.set('commitsPerDay', String(config.commitsPerDay));
  return `?${params.toString()}`;
}

/** The engine settings a start state stands for. */
export function settingsFor(config: RunConfig): Settings {
  const settings = defaultSettings(config.mode, config.seed);
  settings.approver = config.mode === 'delivery' ? config.approver : 'scheduled';
  if (config.commitsPerDay !== undefined) settings.commitsPerDay = config.commitsPerDay;
  return settings;
}
