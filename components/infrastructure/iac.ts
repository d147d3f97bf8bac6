/** The IaC names the infrastructure view uses (machines/iac, IAC_CONTRACT.md), from one place. */
export { MAX_TEMPLATE_BYTES } from "@/machines/iac/limits";
export type { StackTemplate, TemplateParse, TemplateProblem } from "@/machines/iac/types";
export { templateFor, STACK_NAME } from "@/machines/iac/defaultTemplate";
export { createChangeSet, type ChangeSet, type ChangeSetRow } from "@/machines/iac/changeSet";
export { DRIFT_CHANGES, DRIFT_CHANGE_IDS, type DriftChange, type DriftResult } from "@/machines/iac/drift";
export { createdResources, type StackEvent, type StackResource, type StackView } from "@/machines/iac/stack";
