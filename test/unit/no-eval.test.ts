import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The Content-Security-Policy (lib/security/policy.ts) has no 'unsafe-eval' and allows inline script
 * only by nonce: the source must not need more. Scans the app's own code (not tests or tools).
 */
const ROOT = join(__dirname, '..', '..');
const DIRS = ['app', 'components', 'lib', 'machines'];

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The code without its comments, so a comment that names a thing does not count as using it. */
function code(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const FILES = DIRS.flatMap(sources);

function offenders(pattern: RegExp): string[] {
  return FILES.filter((f) => pattern.test(code(f))).map((f) => relative(ROOT, join(ROOT, f)));
}

describe('no code the policy would have to allow', () => {
  it('finds the app sources', () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(FILES).toContain(join('app', 'layout.tsx'));
  });

  it('no eval, no new Function, no string given to setTimeout or setInterval', () => {
    expect(offenders(/\beval\s*\(/)).toEqual([]);
    expect(offenders(/\bnew\s+Function\s*\(/)).toEqual([]);
    expect(offenders(/\bFunction\s*\(\s*['"`]/)).toEqual([]);
    expect(offenders(/\bset(Timeout|Interval)\s*\(\s*['"`]/)).toEqual([]);
  });

  it('dangerouslySetInnerHTML only for the theme script of the root layout, once', () => {
    expect(offenders(/dangerouslySetInnerHTML/)).toEqual([join('app', 'layout.tsx')]);
    expect(code(join('app', 'layout.tsx')).match(/dangerouslySetInnerHTML/g)).toHaveLength(1);
    expect(code(join('app', 'layout.tsx'))).toMatch(/<script nonce=\{nonce\} dangerouslySetInnerHTML=\{\{ __html: themeInitScript \}\} \/>/);
  });

  it('no HTML written from strings: innerHTML, outerHTML, insertAdjacentHTML, document.write', () => {
    expect(offenders(/\.(inner|outer)HTML\s*=|insertAdjacentHTML|document\.write/)).toEqual([]);
  });
});
