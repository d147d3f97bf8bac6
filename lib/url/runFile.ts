import * as v from "valibot";
import type { Fault } from "@/machines/events";
import type { JournalEntry, PersonEvent } from "@/machines/runner/runnerMachine";
import { MINUTES_PER_DAY } from "@/machines/sim/calendar";
import { FAULTS } from "@/machines/view/faults";
import { DRIFT_CHANGE_IDS } from "@/machines/iac/drift";
import { MAX_DEPTH, MAX_TEMPLATE_BYTES } from "@/machines/iac/limits";
import { APPROVERS, describeNumber, numberRule } from "@/machines/world/settingsSchema";
import { CULTURES, type Settings } from "@/machines/world/settings";
import { MAX_T_DAYS, parseSimulatorParams, simulatorSearch, SHARE_VERSION, type RunConfig } from "./simulatorParams";

/**
 * A run's start state as a small file, for a trainer who keeps a prepared moment beside the slides.
 * The fields are the share link's parameters (lib/url/simulatorParams.ts), with JSON's own types:
 *
 *   { "pipelineLab": "simulator-run", "v": 1, "mode": "delivery", "seed": 42, "speed": 30,
 *     "approver": "learner", "culture": "devops", "monitoring": true, "threshold": 5, "coverage": 70,
 *     "defects": 10, "commits": 12, "faults": ["break-build"], "t": "1d09:30" }
 *
 * Every value is checked by the same rule as in a link (a number may be written as a number or as
 * text); unlike a link, a file with anything wrong is refused as a whole, with the field named, so a
 * bad file never changes the run on screen.
 *
 * Version 2 holds a run itself, not only a start: the fields above are how it started (`t` the
 * moment it opened at), `actions` what people did to it, each where it happened in the run (virtual
 * minute `t` and the count of timers `fired` before it), and `at` the virtual minute it stands at.
 * Replayed, they make the very same run (machines/runner/runnerMachine.ts `replayRun`); the saved
 * run of the browser (lib/run/savedRun.ts) is the same record.
 *
 *   { ..., "faults": [], "t": "0d00:00", "at": 1873.25,
 *     "actions": [{ "t": 610.5, "fired": 212, "event": { "type": "approval.approve", "by": "you" } }] }
 */
export const RUN_FILE_KIND = "simulator-run";
/** The version of the run file Save writes; files of version 1 (a start state) are read too. */
export const RUN_FILE_VERSION = 2;
/** More actions than this is not a class's run. */
export const MAX_ACTIONS = 10_000;
const MAX_MINUTES = MAX_T_DAYS * MINUTES_PER_DAY;

/** Something a person did to the run, and where: a journal entry as a file writes it. */
export interface RunAction {
  t: number;
  fired: number;
  event: PersonEvent;
}

export interface RunFile {
  pipelineLab: typeof RUN_FILE_KIND;
  v: number;
  mode: string;
  seed: number;
  speed: number;
  approver: string;
  culture: string;
  monitoring: boolean;
  threshold: number;
  coverage: number;
  defects: number;
  commits: number;
  faults: string[];
  t: string;
  /** Environments from the stack's template (true) or by hand (false); absent: from the template. */
  iac?: boolean;
  /** Version 2: what people did, in order. */
  actions?: RunAction[];
  /** Version 2: the virtual minute the run stands at. */
  at?: number;
}

/** A live run as what makes it: how it started, the speed it plays at, what people did, where it stands. */
export interface RunRecord {
  start: RunConfig;
  journal: readonly JournalEntry[];
  at: number;
}

/** The file for a start state: every field written out. */
export function runFileFor(config: RunConfig): RunFile {
  const params = new URLSearchParams(simulatorSearch(config, { full: true }));
  const number = (name: string) => Number(params.get(name));
  return {
    pipelineLab: RUN_FILE_KIND,
    v: SHARE_VERSION,
    mode: params.get("mode")!,
    seed: number("seed"),
    speed: number("speed"),
    approver: config.approver,
    culture: params.get("culture")!,
    monitoring: params.get("monitoring") === "on",
    threshold: number("threshold"),
    coverage: number("coverage"),
    defects: number("defects"),
    commits: number("commits"),
    faults: params.get("faults") ? params.get("faults")!.split(",") : [],
    t: params.get("t") ?? "0d00:00",
    ...(config.iac !== undefined ? { iac: config.iac } : {}),
  };
}

/** The run file (version 2) of a live run: replayed, it is the same run at the same moment. */
export function runFileOfRun(run: RunRecord): RunFile {
  return {
    // The faults armed at the start are in the journal already: injected when the run opened.
    ...runFileFor({ ...run.start, faults: [] }),
    v: RUN_FILE_VERSION,
    actions: run.journal.map(({ mark, event }) => ({ t: mark.t, fired: mark.fired, event: structuredClone(event) })),
    at: run.at,
  };
}

const scalar = v.union([v.string(), v.number(), v.boolean()], "must be text, a number or true/false");
const FIELDS = ["mode", "seed", "speed", "approver", "culture", "monitoring", "threshold", "coverage", "defects", "commits", "t", "iac"] as const;

/** A number within a setting's range (the shared rule of machines/world/settingsSchema.ts), as JSON writes it. */
function settingNumber(key: keyof Settings) {
  const rule = numberRule(key);
  const message = `must be ${describeNumber({ ...rule, unit: undefined }).replace(/^a percentage/, "a fraction")}`;
  return v.pipe(
    v.number(message),
    v.check((n) => Number.isFinite(n) && n >= rule.min && n <= rule.max && (!rule.integer || Number.isInteger(n)), message),
  );
}

const who = v.pipe(v.string("must be text"), v.maxLength(200, "must be at most 200 characters"));
const comment = v.optional(v.pipe(v.string("must be text"), v.maxLength(2000, "must be at most 2000 characters")));
const decision = (type: "approval.approve" | "approval.reject") => v.strictObject({ type: v.literal(type), by: who, comment }, "is not a field of this action");
/** How deep a JSON value nests; a template deeper than the parser's limit is refused before anything walks it. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (typeof node !== "object" || node === null) continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

// A template change carries its text (what the person wrote) and the parsed template; the engine
// validates the template again when it is replayed, as it does live.
const templateText = v.pipe(v.string("must be text"), v.maxLength(MAX_TEMPLATE_BYTES, `must be at most ${MAX_TEMPLATE_BYTES / 1024} KB`));
const template = v.pipe(
  v.record(v.string(), v.unknown(), "must be a template (an object)"),
  v.check((t) => depthOf(t, MAX_DEPTH + 2) <= MAX_DEPTH + 2, `must nest at most ${MAX_DEPTH} levels`),
);

const actionEvent = v.variant(
  "type",
  [
    decision("approval.approve"),
    decision("approval.reject"),
    v.strictObject({ type: v.literal("fault.inject"), fault: v.picklist(FAULTS, `must be one of ${FAULTS.join(", ")}`) }, "is not a field of this action"),
    v.strictObject(
      {
        type: v.literal("incident.rollback"),
        incident: v.pipe(v.number("must be a whole number"), v.safeInteger("must be a whole number"), v.minValue(1, "must be 1 or more")),
        by: who,
      },
      "is not a field of this action",
    ),
    v.strictObject(
      {
        type: v.literal("settings.change"),
        change: v.strictObject(
          {
            monitoring: v.optional(v.boolean("must be true or false")),
            alarmThreshold: v.optional(settingNumber("alarmThreshold")),
            approver: v.optional(v.picklist(APPROVERS, `must be one of ${APPROVERS.join(", ")}`)),
            approvalsPerDay: v.optional(settingNumber("approvalsPerDay")),
            testCoverage: v.optional(settingNumber("testCoverage")),
            culture: v.optional(v.picklist(CULTURES, `must be one of ${CULTURES.join(", ")}`)),
            learning: v.optional(v.boolean("must be true or false")),
          },
          "is not a setting a run can change",
        ),
      },
      "is not a field of this action",
    ),
    v.strictObject({ type: v.literal("stack.execute"), templateText, template, by: who }, "is not a field of this action"),
    v.strictObject(
      { type: v.literal("drift.inject"), change: v.picklist(DRIFT_CHANGE_IDS, `must be one of ${DRIFT_CHANGE_IDS.join(", ")}`) },
      "is not a field of this action",
    ),
    v.strictObject({ type: v.literal("drift.detect") }, "is not a field of this action"),
  ],
  "must be approval.approve, approval.reject, fault.inject, incident.rollback, settings.change, stack.execute, drift.inject or drift.detect",
);
const minute = v.pipe(
  v.number(`must be a number of virtual minutes from 0 to ${MAX_MINUTES}`),
  v.check((n) => Number.isFinite(n) && n >= 0 && n <= MAX_MINUTES, `must be a number of virtual minutes from 0 to ${MAX_MINUTES}`),
);
const action = v.strictObject(
  {
    t: minute,
    fired: v.pipe(v.number("must be a whole number"), v.safeInteger("must be a whole number"), v.minValue(0, "must be 0 or more")),
    event: v.looseObject({ type: v.string("must be text") }, "must be an object with a type"),
  },
  "is not a field of an action",
);

/** The file's shape; each value's own rule is the link's, applied in `readRunFile`. */
const fileSchema = v.strictObject(
  {
    pipelineLab: v.literal(RUN_FILE_KIND, `is not "${RUN_FILE_KIND}": this is not a Pipeline Lab run file`),
    v: v.picklist([SHARE_VERSION, RUN_FILE_VERSION], `must be ${SHARE_VERSION} or ${RUN_FILE_VERSION}: this file was written by another version`),
    mode: v.optional(scalar),
    seed: v.optional(scalar),
    speed: v.optional(scalar),
    approver: v.optional(scalar),
    culture: v.optional(scalar),
    monitoring: v.optional(scalar),
    threshold: v.optional(scalar),
    coverage: v.optional(scalar),
    defects: v.optional(scalar),
    commits: v.optional(scalar),
    t: v.optional(scalar),
    iac: v.optional(scalar),
    faults: v.optional(v.array(v.string("must list faults as text"), "must be a list of faults")),
    actions: v.optional(v.pipe(v.array(action, "must be a list of actions"), v.maxLength(MAX_ACTIONS, `must hold at most ${MAX_ACTIONS} actions`))),
    at: v.optional(minute),
  },
  "is not a field of a run file",
);

export type RunFileResult = { ok: true; config: RunConfig; run?: { journal: JournalEntry[]; at: number } } | { ok: false; message: string };

/** One sentence for the first issue: the field ("actions.3.event.fault" with `prefix`), and what is wrong with it. */
function issueMessage(issue: v.BaseIssue<unknown>, root: object, prefix = ""): string {
  // A name that is not a plain word (empty, spaces, odd characters) is shown quoted.
  const path = (issue.path ?? []).map(({ key: k }) => (typeof k === "number" || /^[A-Za-z_$][\w$]*$/.test(String(k)) ? String(k) : JSON.stringify(String(k))));
  const key = `${prefix}${path.join(".")}`;
  const last = issue.path?.at(-1) as { key?: unknown; input?: unknown } | undefined;
  const parent = last?.input ?? root;
  // valibot reports a missing field and a field it does not know with the object's own message.
  if (typeof parent === "object" && parent !== null && !(String(last?.key ?? key) in parent)) {
    return prefix || (issue.path && issue.path.length > 1) ? `${key} is missing.` : `${key} is missing: this is not a Pipeline Lab run file.`;
  }
  return `${key} ${issue.message}.`;
}

/** Reads a run file's text: the start state, or one sentence naming the field that is wrong. */
export function readRunFile(text: string): RunFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: "The file is not JSON." };
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, message: "The file does not hold a run: it must be an object with pipelineLab, v and the run's fields." };
  }
  const shape = v.safeParse(fileSchema, json, { abortEarly: true });
  if (!shape.success) return { ok: false, message: issueMessage(shape.issues[0], json) };
  const file = shape.output;
  if (file.v === RUN_FILE_VERSION && (file.actions === undefined || file.at === undefined)) {
    return {
      ok: false,
      message: `${file.actions === undefined ? "actions" : "at"} is missing: a version ${RUN_FILE_VERSION} file holds the run's actions and moment.`,
    };
  }
  if (file.v === SHARE_VERSION && (file.actions !== undefined || file.at !== undefined)) {
    return { ok: false, message: `${file.actions !== undefined ? "actions" : "at"} is not a field of a version ${SHARE_VERSION} run file.` };
  }
  const journal: JournalEntry[] = [];
  for (const [i, entry] of (file.actions ?? []).entries()) {
    const event = v.safeParse(actionEvent, entry.event, { abortEarly: true });
    if (!event.success) return { ok: false, message: issueMessage(event.issues[0], entry.event, `actions.${i}.event.`) };
    const before = journal.at(-1)?.mark;
    if (before && (entry.t < before.t || entry.fired < before.fired)) {
      return { ok: false, message: `actions.${i} comes before the action ahead of it: actions are listed in the order they happened.` };
    }
    journal.push({ mark: { t: entry.t, fired: entry.fired }, event: event.output as PersonEvent });
  }
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = shape.output[field];
    if (value === undefined) continue;
    params.set(field, typeof value === "boolean" ? (value ? "on" : "off") : String(value));
  }
  if (shape.output.faults) params.set("faults", shape.output.faults.join(","));
  const { config, notices } = parseSimulatorParams(params);
  if (notices.length > 0) {
    const n = notices[0]!;
    return { ok: false, message: `${n.param}: ${n.message.replace(/; [^;]*\.$/s, ".")}` };
  }
  if (file.v === SHARE_VERSION) return { ok: true, config };
  const startAt = config.t ?? 0;
  const first = journal[0]?.mark;
  if (first && first.t < startAt) return { ok: false, message: "actions.0 comes before t, the moment the run opened at." };
  const at = file.at!;
  const lastT = journal.at(-1)?.mark.t ?? startAt;
  if (at < lastT) return { ok: false, message: `at comes before ${journal.length > 0 ? "the last action" : "t, the moment the run opened at"}.` };
  // The faults a run opened with are in its actions (injected when it opened): none to arm again.
  const faults: Fault[] = [];
  return { ok: true, config: { ...config, faults }, run: { journal, at } };
}
