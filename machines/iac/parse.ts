import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { templateProblems } from './schema';
import type { StackTemplate, TemplateParse, TemplateProblem } from './types';

export type { TemplateParse, TemplateProblem, StackTemplate } from './types';

/**
 * Reads a CloudFormation template (YAML or JSON) that came from a person: untrusted text. Guards,
 * in order: the size (256 KB), nesting depth (checked on the text before the YAML parser sees it,
 * which would otherwise recurse 5,000 deep), aliases (a billion-laughs document expands them, so
 * each expansion counts and the whole tree has a node budget), keys that would reach an object's
 * prototype, then the schema per resource type (`./schema.ts`). Every problem is a sentence; where
 * the text has a place for it, a 1-based line and column too.
 */

export const MAX_TEMPLATE_BYTES = 256 * 1024;
/** CloudFormation templates nest a dozen levels; 64 leaves room without letting a parser recurse far. */
export const MAX_DEPTH = 64;
/** Aliases a template may expand (the yaml package's `maxAliasCount` is 100 too). */
export const MAX_ALIASES = 100;
/** Values in the whole expanded tree. */
export const MAX_NODES = 100_000;

/** CloudFormation's short tags and the long form each becomes. */
const SHORT_TAGS: Record<string, string> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!Sub': 'Fn::Sub',
  '!GetAtt': 'Fn::GetAtt',
  '!If': 'Fn::If',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!FindInMap': 'Fn::FindInMap',
  '!Join': 'Fn::Join',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!GetAZs': 'Fn::GetAZs',
  '!ImportValue': 'Fn::ImportValue',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Transform': 'Fn::Transform',
  '!Length': 'Fn::Length',
  '!ToJsonString': 'Fn::ToJsonString',
};

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Where each value of the template starts, by dotted path: schema problems point at it. */
export type Positions = Map<string, { line: number; column: number }>;

class Stop extends Error {
  constructor(readonly problem: TemplateProblem) {
    super(problem.message);
  }
}

export function parseTemplate(text: string): TemplateParse {
  const read = readTemplateText(text);
  if (!read.ok) return read;
  const problems = templateProblems(read.value, read.positions);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, template: read.value as StackTemplate };
}

/** The text as plain data, guarded, before the schema: `{ ok, value, positions }` or the problems. */
export function readTemplateText(text: string): { ok: true; value: unknown; positions: Positions } | { ok: false; problems: TemplateProblem[] } {
  if (typeof text !== 'string') return { ok: false, problems: [{ message: 'a template must be text' }] };
  if (text.length > MAX_TEMPLATE_BYTES / 4 && new TextEncoder().encode(text).length > MAX_TEMPLATE_BYTES) {
    return { ok: false, problems: [{ message: `the template is larger than ${MAX_TEMPLATE_BYTES / 1024} KB` }] };
  }
  if (text.trim() === '') return { ok: false, problems: [{ message: 'the template is empty', line: 1, column: 1 }] };
  const deep = tooDeep(text);
  if (deep) return { ok: false, problems: [deep] };

  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    // Aliases are counted as they are expanded (below): the yaml package's maxAliasCount guards only toJS().
    doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: true });
  } catch (error) {
    return { ok: false, problems: [{ message: `the template could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.slice(0, 10).map((e) => {
        const pos = e.linePos?.[0];
        return { message: firstLine(e.message), ...(pos ? { line: pos.line, column: pos.col } : {}) };
      }),
    };
  }
  const positions: Positions = new Map();
  const walker = new Walker(doc, lineCounter, positions);
  try {
    const value = walker.convert(doc.contents, [], 0);
    return { ok: true, value, positions };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problems: [error.problem] };
    return { ok: false, problems: [{ message: `the template could not be read: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The yaml package's message without its source excerpt: "Nested mappings are not allowed ... at line 3, column 5". */
function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/:$/, '');
}

/** "Resources.Pipeline.Properties.Stages[2].Name" */
export function pathText(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? key : `.${key}`;
  return out;
}

/**
 * Nesting depth read from the text alone, before any parser recurses: flow brackets outside quotes
 * and comments, and block indentation levels (with `- ` items that open a level on the same line).
 */
function tooDeep(text: string): TemplateProblem | null {
  let flow = 0;
  let quote: string | null = null;
  let line = 1;
  let lineStart = 0;
  const indents: number[] = [];
  let atLineStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (atLineStart && flow === 0 && quote === null) {
      atLineStart = false;
      let j = i;
      while (text[j] === ' ') j++;
      const next = text[j];
      if (next !== '\n' && next !== '\r' && next !== '#' && next !== undefined) {
        let indent = j - i;
        while (indents.length > 0 && indents[indents.length - 1]! > indent) indents.pop();
        if (indents.length === 0 || indents[indents.length - 1]! < indent) indents.push(indent);
        // "- - - a" opens a level per dash.
        while (text[j] === '-' && (text[j + 1] === ' ' || text[j + 1] === '\t')) {
          j += 2;
          while (text[j] === ' ') j++;
          indent = j - i;
          indents.push(indent);
        }
        if (indents.length > MAX_DEPTH) return deepProblem(line, j - lineStart + 1);
      }
    }
    if (c === '\n') {
      line++;
      lineStart = i + 1;
      atLineStart = true;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (quote !== null) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === '"' || c === "'") {
      // A quote opens a string only where a value can start, not inside a plain word (it's).
      const prev = text[i - 1];
      if (prev === undefined || /[\s[{,:\-?]/.test(prev)) quote = c;
    } else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if (c === '[' || c === '{') {
      flow++;
      if (flow + indents.length > MAX_DEPTH) return deepProblem(line, i - lineStart + 1);
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return null;
}

function deepProblem(line: number, column: number): TemplateProblem {
  return { message: `the template nests deeper than ${MAX_DEPTH} levels`, line, column };
}

/** Turns the parsed document into plain data, long-form intrinsics, positions noted, guards counted. */
class Walker {
  private aliases = 0;
  private nodes = 0;
  /** The document's anchors and aliases in order, found once: yaml's own resolve walks the document per alias. */
  private anchored: YamlNode[] | null = null;

  constructor(
    private readonly doc: Document.Parsed,
    private readonly lines: LineCounter,
    private readonly positions: Positions,
  ) {}

  private place(node: YamlNode | null | undefined): { line: number; column: number } | undefined {
    const start = node?.range?.[0];
    if (start === undefined) return undefined;
    const pos = this.lines.linePos(start);
    return { line: pos.line, column: pos.col };
  }

  private stop(message: string, path: readonly (string | number)[], node: YamlNode | null | undefined): never {
    const where = this.place(node);
    const named = path.length > 0 ? `${pathText(path)}: ${message}` : message;
    throw new Stop({ message: named, ...(path.length > 0 ? { path: pathText(path) } : {}), ...(where ?? {}) });
  }

  /** The node an alias names: the last node anchored with its name before it, as YAML says. */
  private resolveAlias(alias: YamlNode): YamlNode | undefined {
    if (!this.anchored) {
      const nodes: YamlNode[] = [];
      visit(this.doc, {
        Node: (_key, node) => {
          if (isAlias(node) || (node as { anchor?: string }).anchor) nodes.push(node);
        },
      });
      this.anchored = nodes;
    }
    let found: YamlNode | undefined;
    const source = (alias as unknown as { source: string }).source;
    for (const node of this.anchored) {
      if (node === alias) break;
      if ((node as { anchor?: string }).anchor === source) found = node;
    }
    return found;
  }

  convert(node: unknown, path: (string | number)[], depth: number): unknown {
    if (node === null || node === undefined) return null;
    const yamlNode = node as YamlNode;
    if (++this.nodes > MAX_NODES) this.stop(`the template expands to more than ${MAX_NODES} values`, path, yamlNode);
    if (depth > MAX_DEPTH) this.stop(`the template nests deeper than ${MAX_DEPTH} levels`, path, yamlNode);
    if (isAlias(node)) {
      if (++this.aliases > MAX_ALIASES) this.stop(`the template uses more than ${MAX_ALIASES} aliases`, path, node);
      const target = this.resolveAlias(node);
      if (!target) this.stop(`the alias *${node.source} points at nothing`, path, node);
      return this.convert(target, path, depth + 1);
    }
    const key = pathText(path);
    const where = this.place(yamlNode);
    if (where && !this.positions.has(key)) this.positions.set(key, where);
    const tag = (yamlNode as { tag?: string }).tag;
    const value = this.plain(node, path, depth);
    if (tag === undefined || tag.startsWith('tag:yaml.org,2002:')) return value;
    const long = SHORT_TAGS[tag];
    if (!long) this.stop(`unknown tag ${tag} (CloudFormation's are ${Object.keys(SHORT_TAGS).slice(0, 6).join(' ')} ...)`, path, yamlNode);
    if (long === 'Ref' || long === 'Condition') {
      if (typeof value !== 'string') this.stop(`${tag} takes a name`, path, yamlNode);
      return { [long]: value };
    }
    if (long === 'Fn::GetAtt' && typeof value === 'string') {
      const dot = value.indexOf('.');
      if (dot <= 0) this.stop(`!GetAtt takes Resource.Attribute (got "${value}")`, path, yamlNode);
      return { [long]: [value.slice(0, dot), value.slice(dot + 1)] };
    }
    return { [long]: value };
  }

  private plain(node: unknown, path: (string | number)[], depth: number): unknown {
    if (isScalar(node)) {
      const v = node.value;
      if (typeof v === 'number' && !Number.isFinite(v)) return v;
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'bigint') return Number(v);
      if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
      return String(v);
    }
    if (isSeq(node)) {
      const out: unknown[] = [];
      node.items.forEach((item, i) => out.push(this.convert(item, [...path, i], depth + 1)));
      return out;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const keyNode = pair.key as YamlNode | null;
        const raw = isAlias(keyNode) ? this.convert(keyNode, path, depth + 1) : isScalar(keyNode) ? keyNode.value : undefined;
        if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') {
          this.stop('keys must be plain names, not lists or maps', path, keyNode ?? (node as YamlNode));
        }
        const name = String(raw);
        if (FORBIDDEN_KEYS.has(name)) this.stop(`the key "${name}" is not allowed`, [...path, name], keyNode);
        if (Object.prototype.hasOwnProperty.call(out, name)) this.stop(`the key "${name}" appears twice`, [...path, name], keyNode);
        const keyWhere = this.place(keyNode);
        const value = this.convert(pair.value, [...path, name], depth + 1);
        const childPath = pathText([...path, name]);
        if (keyWhere && pair.value === null) this.positions.set(childPath, keyWhere);
        out[name] = value;
      }
      return out;
    }
    this.stop('this value cannot be read', path, node as YamlNode);
  }
}
