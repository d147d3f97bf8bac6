import type { StackTemplate } from './types';

/**
 * Just enough of CloudFormation's intrinsic functions to read a template for one environment:
 * Ref (parameters, resources by name), Fn::FindInMap, Fn::If with Fn::Equals / Not / And / Or,
 * Fn::Sub and Fn::Join. Whatever cannot be worked out stays as written.
 */
export function parameterValues(template: StackTemplate, given: Record<string, string> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = { 'AWS::StackName': 'shop-web', 'AWS::Region': 'eu-west-1', 'AWS::AccountId': '123456789012' };
  for (const [name, p] of Object.entries(template.Parameters ?? {})) values[name] = given[name] ?? p.Default;
  return values;
}

export function evaluate(value: unknown, template: StackTemplate, params: Record<string, unknown>, depth = 0): unknown {
  if (depth > 32) return value;
  if (Array.isArray(value)) return value.map((v) => evaluate(v, template, params, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length !== 1) {
    const out: Record<string, unknown> = {};
    for (const key of keys) out[key] = evaluate(record[key], template, params, depth + 1);
    return out;
  }
  const key = keys[0]!;
  const arg = record[key];
  const ev = (v: unknown) => evaluate(v, template, params, depth + 1);
  switch (key) {
    case 'Ref':
      return typeof arg === 'string' && arg in params ? params[arg] : typeof arg === 'string' ? arg : value;
    case 'Fn::FindInMap': {
      if (!Array.isArray(arg) || arg.length < 3) return value;
      const [m, a, b] = arg.map(ev);
      const table = (template.Mappings?.[String(m)] ?? {}) as Record<string, Record<string, unknown>>;
      return table[String(a)]?.[String(b)] ?? value;
    }
    case 'Fn::If': {
      if (!Array.isArray(arg) || arg.length !== 3) return value;
      const holds = condition(String(arg[0]), template, params, depth + 1);
      return holds === undefined ? value : ev(holds ? arg[1] : arg[2]);
    }
    case 'Fn::Equals':
    case 'Fn::Not':
    case 'Fn::And':
    case 'Fn::Or':
    case 'Condition':
      return truth(value, template, params, depth) ?? value;
    case 'Fn::Sub': {
      const [text, vars] = Array.isArray(arg) ? [arg[0], (arg[1] ?? {}) as Record<string, unknown>] : [arg, {}];
      if (typeof text !== 'string') return value;
      return text.replace(/\$\{([^}!]+)\}/g, (whole, name: string) => {
        const v = name in vars ? ev(vars[name]) : params[name];
        return typeof v === 'string' || typeof v === 'number' ? String(v) : whole;
      });
    }
    case 'Fn::Join': {
      if (!Array.isArray(arg) || arg.length !== 2 || !Array.isArray(arg[1])) return value;
      return (arg[1] as unknown[]).map((v) => String(ev(v))).join(String(arg[0]));
    }
    default:
      return ev(arg) === arg ? value : { [key]: ev(arg) };
  }
}

function condition(name: string, template: StackTemplate, params: Record<string, unknown>, depth: number): boolean | undefined {
  const c = template.Conditions?.[name];
  return c === undefined ? undefined : truth(c, template, params, depth + 1);
}

function truth(value: unknown, template: StackTemplate, params: Record<string, unknown>, depth: number): boolean | undefined {
  if (depth > 32 || value === null || typeof value !== 'object') return typeof value === 'boolean' ? value : undefined;
  const [key] = Object.keys(value);
  const arg = (value as Record<string, unknown>)[key!];
  const sub = (v: unknown) => truth(v, template, params, depth + 1);
  if (key === 'Condition') return typeof arg === 'string' ? condition(arg, template, params, depth) : undefined;
  if (!Array.isArray(arg)) return undefined;
  if (key === 'Fn::Equals') {
    const [a, b] = arg.map((v) => evaluate(v, template, params, depth + 1));
    return JSON.stringify(a) === JSON.stringify(b);
  }
  if (key === 'Fn::Not') {
    const r = sub(arg[0]);
    return r === undefined ? undefined : !r;
  }
  const all = arg.map(sub);
  if (all.some((r) => r === undefined)) return undefined;
  if (key === 'Fn::And') return all.every(Boolean);
  if (key === 'Fn::Or') return all.some(Boolean);
  return undefined;
}
