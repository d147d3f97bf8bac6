import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, addCompileHints } from '../../scripts/lib/compileHints.mjs';

describe('compile hints (issue 13)', () => {
  function chunks() {
    const dir = mkdtempSync(path.join(tmpdir(), 'hints-'));
    writeFileSync(path.join(dir, 'a.js'), '(globalThis.TURBOPACK ||= []).push([1]);\n');
    writeFileSync(path.join(dir, 'b.css'), 'body{}');
    mkdirSync(path.join(dir, 'nested.js'));
    return dir;
  }

  it("puts V8's hint on the first line of every script and leaves the code as it was after it", () => {
    const dir = chunks();
    expect(addCompileHints(dir)).toBe(1);
    const text = readFileSync(path.join(dir, 'a.js'), 'utf8');
    expect(text.split('\n')[0]).toBe('//# allFunctionsCalledOnLoad');
    expect(text.slice(COMPILE_HINT.length)).toBe('(globalThis.TURBOPACK ||= []).push([1]);\n');
    expect(readFileSync(path.join(dir, 'b.css'), 'utf8')).toBe('body{}');
  });

  it('is idempotent: a second run adds nothing', () => {
    const dir = chunks();
    addCompileHints(dir);
    const once = readFileSync(path.join(dir, 'a.js'), 'utf8');
    expect(addCompileHints(dir)).toBe(0);
    expect(readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(once);
  });
});
