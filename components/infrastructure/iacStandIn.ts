/**
 * TEMPORARY stand-in for machines/iac (IAC_CONTRACT.md) until iac-engine's commits are merged: the
 * contract's names and shapes, with a trivial body. Deleted at the merge.
 */
import type { Mode } from "@/machines/world/modes";
import type { Settings } from "@/machines/world/settings";

export interface TemplateProblem {
  message: string;
  path?: string;
  line?: number;
  column?: number;
}
export interface StackTemplate {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>;
}
export type TemplateParse = { ok: true; template: StackTemplate } | { ok: false; problems: TemplateProblem[] };

export function parseTemplate(text: string): TemplateParse {
  const lines = text.split("\n");
  const tab = lines.findIndex((l) => l.includes("\t"));
  if (tab >= 0) return { ok: false, problems: [{ message: "Tabs are not allowed in YAML indentation", line: tab + 1, column: lines[tab]!.indexOf("\t") + 1 }] };
  const resources: StackTemplate["Resources"] = {};
  let current: string | null = null;
  for (const line of lines) {
    const id = /^ {2}([A-Za-z0-9]+):\s*$/.exec(line);
    if (id) current = id[1]!;
    const type = /^ {4}Type: (\S+)/.exec(line);
    if (current && type) resources[current] = { Type: type[1]! };
  }
  return { ok: true, template: { Resources: resources } };
}

export function templateFor(settings: Settings): string {
  const approval = settings.mode === "delivery" ? "        - Name: Approval\n" : "";
  return `AWSTemplateFormatVersion: "2010-09-09"
Description: shop-web (${settings.mode})
Resources:
  Pipeline:
    Type: AWS::CodePipeline::Pipeline
    Properties:
      Stages:
        - Name: Source
        - Name: Build
${approval}        - Name: Deploy
  ErrorAlarm:
    Type: AWS::CloudWatch::Alarm
    Properties:
      Threshold: ${settings.alarmThreshold}
`;
}

export interface ChangeSetRow {
  logicalId: string;
  type: string;
  action: "Add" | "Modify" | "Remove";
  replacement: "True" | "False" | "Conditional" | null;
  properties: { name: string; requiresRecreation: "Never" | "Conditionally" | "Always"; before?: unknown; after?: unknown }[];
}
export interface ChangeSet {
  rows: ChangeSetRow[];
  summary: string;
  modeChange?: { from: Mode; to: Mode };
}

export function createChangeSet(before: StackTemplate, after: StackTemplate): ChangeSet {
  const rows: ChangeSetRow[] = [];
  for (const [id, r] of Object.entries(after.Resources)) {
    const old = before.Resources[id];
    if (!old) rows.push({ logicalId: id, type: r.Type, action: "Add", replacement: null, properties: [] });
    else if (JSON.stringify(old) !== JSON.stringify(r))
      rows.push({ logicalId: id, type: r.Type, action: "Modify", replacement: "False", properties: [{ name: "Stages", requiresRecreation: "Never" }] });
  }
  for (const [id, r] of Object.entries(before.Resources))
    if (!after.Resources[id]) rows.push({ logicalId: id, type: r.Type, action: "Remove", replacement: null, properties: [] });
  return { rows, summary: rows.length === 0 ? "No changes." : `${rows.length} resources change.` };
}

export type StackStatus =
  | "CREATE_COMPLETE"
  | "UPDATE_IN_PROGRESS"
  | "UPDATE_COMPLETE_CLEANUP_IN_PROGRESS"
  | "UPDATE_COMPLETE"
  | "UPDATE_ROLLBACK_IN_PROGRESS"
  | "UPDATE_ROLLBACK_COMPLETE";
export type DriftStatus = "IN_SYNC" | "MODIFIED" | "DELETED" | "NOT_CHECKED";
export interface StackResource {
  logicalId: string;
  type: string;
  physicalId: string;
  status: string;
  drift: DriftStatus;
}
export interface StackEvent {
  t: number;
  logicalId: string;
  type: string;
  status: string;
  reason?: string;
}
export interface DriftResult {
  logicalId: string;
  status: DriftStatus;
  differences: { path: string; expected: unknown; actual: unknown }[];
}
export type DriftChange = "instance-size" | "security-group-port" | "alarm-off";
export const DRIFT_CHANGES: Record<DriftChange, { label: string }> = {
  "instance-size": { label: "Resize the production instances" },
  "security-group-port": { label: "Open another port in the security group" },
  "alarm-off": { label: "Switch the error alarm off" },
};
