import * as v from 'valibot';
import { MODES, type Mode } from './modes';
import { DEPLOY_CONFIG_IDS, type DeployConfigName } from '../iac/deployConfigs';
import { CULTURES, NUMERIC_SETTINGS, type Approver, type Culture, type NumericSetting, type Settings } from './settings';

/**
 * The one set of rules and words for settings that arrive as text from outside: the /simulator and
 * /compare addresses and the `simulate` command line. Each reader frames a problem its own way (a
 * notice on the page, one line on the terminal) but the rule and the sentence come from here:
 *
 *   seed must be a whole number from 0 to 4294967295 (got "0x10")
 *
 * Text rules, the same everywhere:
 * - Numbers are plain decimals: digits with an optional fraction ("42", "0.5"). No sign unless the
 *   range goes below zero, no hex, no exponent, no spaces around, not empty, no Infinity or NaN.
 * - Words (mode, culture, approver) are matched in any letter case, with nothing around them.
 * - Switches (monitoring) read on/off, true/false, 1/0 or yes/no.
 *
 * Ranges and whole-number rules come from NUMERIC_SETTINGS: a setting added there has its text rule
 * here without more code (`SETTING_TEXT`). A page that accepts less (the comparison's narrower limits)
 * passes its own range to `numberRule` and keeps the setting's name.
 */

/** What a number read from text must be. */
export interface NumberRule {
  /** The setting's name in words, the subject of the message. */
  label: string;
  min: number;
  max: number;
  integer: boolean;
  unit?: string;
}

/** A schema that reads one value from text. */
export type TextSchema<T> = v.GenericSchema<string, T>;

export type TextResult<T> = { ok: true; value: T } | { ok: false; message: string };

const MAX_SHOWN = 40;

/**
 * The value as given, quoted and shortened, for the end of a message. Control characters are written
 * out (`\u0000`): shown raw, a NUL is one thing in the server's HTML and another in the browser's, and
 * the page could not hydrate.
 */
export function got(input: unknown): string {
  return `(got "${shownText(input)}")`;
}

/**
 * Text from outside as a page may show it: shortened, control characters written out (`\u0000`). Cut
 * between characters, never inside one (half of an emoji is a lone surrogate, which the server's
 * HTML writes as U+FFFD and the browser keeps: the page would not hydrate), and any lone surrogate
 * given shown as U+FFFD, as both sides write it.
 */
export function shownText(input: unknown): string {
  const chars = Array.from(String(input));
  const cut = chars.length > MAX_SHOWN ? `${chars.slice(0, MAX_SHOWN).join('')}…` : chars.join('');
  return (
    cut
      // eslint-disable-next-line no-control-regex -- control characters are what this finds
      .replace(/[\u0000-\u001f\u007f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd')
  );
}

/** "a, b or c" */
function orList(items: readonly (string | number)[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** The rule for one numeric setting, from NUMERIC_SETTINGS; `limits` narrows it for a page that accepts less. */
export function numberRule(key: keyof Settings, limits?: Partial<Pick<NumberRule, 'min' | 'max' | 'integer'>>): NumberRule {
  const spec: NumericSetting | undefined = NUMERIC_SETTINGS.find((s) => s.key === key);
  if (!spec) throw new Error(`${String(key)} is not a numeric setting`);
  return { label: spec.label, min: spec.min, max: spec.max, integer: spec.integer, unit: spec.unit, ...limits };
}

/** A bound times a scale (fractions shown as percent), without binary float noise: 0.001 × 100 is 0.1. */
function scaled(n: number, scale: number): number {
  return Number((n * scale).toPrecision(12));
}

/** "a whole number from 1 to 365 days" */
export function describeNumber(rule: NumberRule): string {
  const unit = rule.unit && rule.unit !== rule.label ? ` ${rule.unit}` : '';
  return `${rule.integer ? 'a whole number' : 'a number'} from ${rule.min} to ${rule.max}${unit}`;
}

/** Plain decimal text, with a leading minus only when `negative` is allowed. */
function decimalPattern(negative: boolean): RegExp {
  return negative ? /^-?\d+(\.\d+)?$/ : /^\d+(\.\d+)?$/;
}

function inRule(n: number, rule: NumberRule, scale: number): boolean {
  return Number.isFinite(n) && (!rule.integer || Number.isInteger(n)) && n >= scaled(rule.min, scale) && n <= scaled(rule.max, scale);
}

/** A number in plain decimal text, within the rule: "42" → 42. */
export function numberText(rule: NumberRule): TextSchema<number> {
  const message = (issue: { input: unknown }) => `${rule.label} must be ${describeNumber(rule)} ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.regex(decimalPattern(rule.min < 0), message),
    v.check((text) => inRule(Number(text), rule, 1), message),
    v.transform(Number),
  );
}

/**
 * A fraction written as a percentage, as people type them in an address: "70" → 0.7. The rule is the
 * fraction's (0-1); the message speaks in percent.
 */
export function percentText(rule: NumberRule): TextSchema<number> {
  const message = (issue: { input: unknown }) =>
    `${rule.label} must be a percentage from ${scaled(rule.min, 100)} to ${scaled(rule.max, 100)} ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.regex(decimalPattern(rule.min < 0), message),
    v.check((text) => inRule(Number(text), { ...rule, integer: false }, 100), message),
    v.transform((text) => Number(text) / 100),
  );
}

/** A fraction written either way, as on the command line: "0.85" or "85%" → 0.85. */
export function fractionText(rule: NumberRule): TextSchema<number> {
  const message = (issue: { input: unknown }) =>
    `${rule.label} must be a number from ${rule.min} to ${rule.max} or a percentage from ${scaled(rule.min, 100)}% to ${scaled(rule.max, 100)}% ${got(issue.input)}`;
  const pattern = decimalPattern(rule.min < 0);
  const read = (text: string) => (text.endsWith('%') ? Number(text.slice(0, -1)) / 100 : Number(text));
  return v.pipe(
    v.string(message),
    v.check((text) => pattern.test(text.endsWith('%') ? text.slice(0, -1) : text), message),
    v.check((text) => inRule(read(text), { ...rule, integer: false }, 1), message),
    v.transform(read),
  );
}

/** One of a few numbers, in plain decimal text: the simulator's speeds. */
export function choiceNumberText<T extends number>(label: string, choices: readonly T[], unit = ''): TextSchema<T> {
  const message = (issue: { input: unknown }) => `${label} must be one of ${choices.join(', ')}${unit ? ` ${unit}` : ''} ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.regex(decimalPattern(false), message),
    v.check((text) => (choices as readonly number[]).includes(Number(text)), message),
    v.transform((text) => Number(text) as T),
  );
}

/** One word of a list, in any letter case: "CI" → "ci". */
export function wordText<T extends string>(label: string, words: readonly T[]): TextSchema<T> {
  const message = (issue: { input: unknown }) => `${label} must be ${words.length > 2 ? `one of ${words.join(', ')}` : orList(words)} ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.check((text) => (words as readonly string[]).includes(text.toLowerCase()), message),
    v.transform((text) => text.toLowerCase() as T),
  );
}

const ON = ['on', 'true', '1', 'yes'];
const OFF = ['off', 'false', '0', 'no'];

/** A switch: on/off, true/false, 1/0 or yes/no, in any letter case. */
export function switchText(label: string): TextSchema<boolean> {
  const message = (issue: { input: unknown }) => `${label} must be on or off ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.check((text) => ON.includes(text.toLowerCase()) || OFF.includes(text.toLowerCase()), message),
    v.transform((text) => ON.includes(text.toLowerCase())),
  );
}

export const APPROVERS = ['learner', 'scheduled'] as const satisfies readonly Approver[];

export const modeText: TextSchema<Mode> = wordText('mode', MODES);
export const cultureText: TextSchema<Culture> = wordText('culture', CULTURES);
export const approverText: TextSchema<Approver> = wordText('approver', APPROVERS);
export const monitoringText: TextSchema<boolean> = switchText('monitoring');
export const learningText: TextSchema<boolean> = switchText('learning');
/** Infrastructure as Code: on, environments come from the template; off, they are configured by hand and drift. */
export const iacText: TextSchema<boolean> = switchText('iac');

/** One of a list of names, in any letter case, given back as the list spells it: "canary10percent5minutes" → "Canary10Percent5Minutes". */
export function nameText<T extends string>(label: string, names: readonly T[]): TextSchema<T> {
  const find = (text: string) => names.find((n) => n.toLowerCase() === text.toLowerCase());
  const message = (issue: { input: unknown }) => `${label} must be one of ${names.join(', ')} ${got(issue.input)}`;
  return v.pipe(
    v.string(message),
    v.check((text) => find(text.replace(/^CodeDeployDefault\./i, '')) !== undefined, message),
    v.transform((text) => find(text.replace(/^CodeDeployDefault\./i, ''))!),
  );
}

export const deployConfigText: TextSchema<DeployConfigName> = nameText('deploy config', DEPLOY_CONFIG_IDS);

/** The alarm's evaluation periods: minutes over the threshold before it fires. */
export const EVALUATION_PERIODS_RULE: NumberRule = { label: 'alarm evaluation periods', min: 1, max: 10, integer: true };
export const evaluationPeriodsText: TextSchema<number> = numberText(EVALUATION_PERIODS_RULE);

/**
 * Modes listed with commas ("delivery,deployment"; spaces after a comma are fine), each a mode, between
 * `min` and `max` different ones. Gives them lower-cased, duplicates removed, in the order given.
 */
export function modeListText(min: number, max: number): TextSchema<Mode[]> {
  const parts = (text: string) =>
    text
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map((p) => p.toLowerCase());
  const unique = (text: string) => [...new Set(parts(text))];
  const isMode = (word: string) => (MODES as readonly string[]).includes(word);
  const firstUnknown = (text: string) => text.split(/\s*,\s*/).find((p) => p !== '' && !isMode(p.toLowerCase())) ?? '';
  const modeMessage = (issue: { input: unknown }) => {
    const r = v.safeParse(modeText, firstUnknown(String(issue.input)));
    return r.success ? '' : r.issues[0].message;
  };
  return v.pipe(
    v.string(modeMessage),
    v.check((text) => parts(text).every(isMode), modeMessage),
    v.check(
      (text) => unique(text).length >= min && unique(text).length <= max,
      (issue) => `modes must name ${min} to ${max} different modes ${got(issue.input)}`,
    ),
    v.transform((text) => unique(text) as Mode[]),
  );
}

/** The text rule of every numeric setting, made from NUMERIC_SETTINGS. */
export const SETTING_TEXT: Readonly<Partial<Record<keyof Settings, TextSchema<number>>>> = Object.fromEntries(
  NUMERIC_SETTINGS.map((spec) => [spec.key, numberText(numberRule(spec.key))]),
);

/** The text rule of one numeric setting, with the engine's range. */
export function settingText(key: keyof Settings): TextSchema<number> {
  const schema = SETTING_TEXT[key];
  if (!schema) throw new Error(`${String(key)} is not a numeric setting`);
  return schema;
}

/** Reads text with a schema: the value, or the one sentence that says what is wrong. */
export function readText<T>(schema: TextSchema<T>, raw: string): TextResult<T> {
  const result = v.safeParse(schema, raw, { abortPipeEarly: true });
  return result.success ? { ok: true, value: result.output } : { ok: false, message: result.issues[0].message };
}
