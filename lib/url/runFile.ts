import * as v from "valibot";
import { parseSimulatorParams, simulatorSearch, SHARE_VERSION, type RunConfig } from "./simulatorParams";

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
 */
export const RUN_FILE_KIND = "simulator-run";

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
  };
}

const scalar = v.union([v.string(), v.number(), v.boolean()], "must be text, a number or true/false");
const FIELDS = ["mode", "seed", "speed", "approver", "culture", "monitoring", "threshold", "coverage", "defects", "commits", "t"] as const;

/** The file's shape; each value's own rule is the link's, applied in `readRunFile`. */
const fileSchema = v.strictObject(
  {
    pipelineLab: v.literal(RUN_FILE_KIND, `is not "${RUN_FILE_KIND}": this is not a Pipeline Lab run file`),
    v: v.literal(SHARE_VERSION, `must be ${SHARE_VERSION}: this file was written by another version`),
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
    faults: v.optional(v.array(v.string("must list faults as text"), "must be a list of faults")),
  },
  "is not a field of a run file",
);

export type RunFileResult = { ok: true; config: RunConfig } | { ok: false; message: string };

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
  if (!shape.success) {
    const issue = shape.issues[0];
    const key = v.getDotPath(issue) ?? "";
    // valibot reports a missing field and a field it does not know with the object's own message.
    if (!(key in json)) return { ok: false, message: `${key} is missing: this is not a Pipeline Lab run file.` };
    return { ok: false, message: `${key} ${issue.message}.` };
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
  return { ok: true, config };
}
