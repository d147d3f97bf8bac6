import {
  CircleCheck,
  CircleDashed,
  CircleHelp,
  CircleMinus,
  CirclePlus,
  CircleX,
  LoaderCircle,
  PencilLine,
  TriangleAlert,
  Undo2,
  type LucideIcon,
} from "lucide-react";
import type { Status } from "@/machines/view/stages";
import { Chip } from "@/components/monitoring/ui";

/** A CloudFormation status (CREATE_COMPLETE, UPDATE_ROLLBACK_COMPLETE ...) in the product's status vocabulary. */
export function statusOfCfn(cfn: string): Status {
  if (/FAILED/.test(cfn)) return "failed";
  if (/ROLLBACK/.test(cfn)) return /COMPLETE$/.test(cfn) ? "rolled-back" : "working";
  if (/IN_PROGRESS/.test(cfn)) return "working";
  if (/COMPLETE$/.test(cfn)) return "succeeded";
  return "idle";
}

const CFN_ICON: Partial<Record<Status, LucideIcon>> = { "rolled-back": Undo2, working: LoaderCircle, failed: CircleX, succeeded: CircleCheck };

/** A CloudFormation status as a chip: its own word, an icon and a colour. */
export function CfnStatus({ status }: { status: string }) {
  const s = statusOfCfn(status);
  return (
    <Chip status={s} Icon={CFN_ICON[s]} className="font-mono text-[0.95rem]">
      {status}
    </Chip>
  );
}

const DRIFT: Record<string, { status: Status; Icon: LucideIcon; word: string }> = {
  IN_SYNC: { status: "succeeded", Icon: CircleCheck, word: "In sync" },
  MODIFIED: { status: "failed", Icon: TriangleAlert, word: "Modified" },
  DELETED: { status: "failed", Icon: CircleMinus, word: "Deleted" },
  NOT_CHECKED: { status: "idle", Icon: CircleHelp, word: "Not checked" },
};

export function DriftStatus({ status }: { status: string }) {
  const d = DRIFT[status] ?? DRIFT.NOT_CHECKED!;
  return (
    <Chip status={d.status} Icon={d.Icon}>
      {d.word}
      <span className="sr-only"> ({status})</span>
    </Chip>
  );
}

export const ACTION_ICON: Record<"Add" | "Modify" | "Remove", { Icon: LucideIcon; ink: string }> = {
  Add: { Icon: CirclePlus, ink: "text-status-succeeded-ink" },
  Modify: { Icon: PencilLine, ink: "text-status-working-ink" },
  Remove: { Icon: CircleMinus, ink: "text-status-failed-ink" },
};

export const NOT_CHECKED_ICON = CircleDashed;

/** A value from a template or a resource, short and readable. */
export function showValue(value: unknown): string {
  if (value === undefined) return "(none)";
  if (typeof value === "string") return value;
  const text = shortForm(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** An AWS type name that may break after each "::" (AWS::CodeDeploy::DeploymentGroup) in a narrow column. */
export function TypeName({ type }: { type: string }) {
  const parts = type.split("::");
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 ? "::" : ""}
          {i < parts.length - 1 ? <wbr /> : null}
        </span>
      ))}
    </>
  );
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Where two values of a property differ, leaf by leaf ("InstanceType: t3.medium → t3.large"), so a
 * change deep inside LaunchTemplateData reads as that one change; at most `limit` of them.
 */
export function leafChanges(before: unknown, after: unknown, limit = 3, path = ""): { path: string; before: unknown; after: unknown }[] {
  if (isPlain(before) && isPlain(after) && !Object.keys(before).some((k) => k.startsWith("Fn::") || k === "Ref")) {
    const out: { path: string; before: unknown; after: unknown }[] = [];
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (JSON.stringify(before[key]) === JSON.stringify(after[key])) continue;
      out.push(...leafChanges(before[key], after[key], limit - out.length, path ? `${path}.${key}` : key));
      if (out.length >= limit) break;
    }
    return out;
  }
  return [{ path, before, after }];
}

/** A value in the template's own short form: `!FindInMap [EnvironmentSize, !Ref Environment, InstanceType]`. */
function shortForm(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(shortForm).join(", ")}]`;
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    if (entries.length === 1) {
      const [key, arg] = entries[0]!;
      if (key === "Ref") return `!Ref ${shortForm(arg)}`;
      if (key.startsWith("Fn::")) return `!${key.slice(4)} ${shortForm(arg)}`;
    }
    return `{ ${entries.map(([k, v]) => `${k}: ${shortForm(v)}`).join(", ")} }`;
  }
  return String(value);
}
