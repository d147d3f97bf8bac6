/**
 * A CloudFormation template as plain data, after parsing: short tags (`!Ref x`) are already in their
 * long form (`{ Ref: 'x' }`). Only what the simulation reads is typed; the rest stays `unknown`.
 */
export interface StackTemplate {
  AWSTemplateFormatVersion?: string;
  Description?: string;
  Parameters?: Record<string, TemplateParameter>;
  Mappings?: Record<string, unknown>;
  Conditions?: Record<string, unknown>;
  Resources: Record<string, TemplateResource>;
  Outputs?: Record<string, unknown>;
}

export interface TemplateParameter {
  Type: string;
  Default?: unknown;
  AllowedValues?: unknown[];
  Description?: string;
}

export interface TemplateResource {
  Type: string;
  Properties?: Record<string, unknown>;
  DependsOn?: string | string[];
  Condition?: string;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

/** One thing wrong with a template, in words; line and column are 1-based where the text has them. */
export interface TemplateProblem {
  message: string;
  /** Dotted path in the template: `Resources.ErrorAlarm.Properties.Threshold`. */
  path?: string;
  line?: number;
  column?: number;
}

export type TemplateParse = { ok: true; template: StackTemplate } | { ok: false; problems: TemplateProblem[] };
