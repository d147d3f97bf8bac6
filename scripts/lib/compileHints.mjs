// V8's explicit compile hints (https://v8.dev/blog/explicit-compile-hints): a script whose first
// line is this comment has all its functions compiled eagerly, on a background thread while it
// streams in, instead of lazily on the main thread the first time each is called. On /simulator
// nearly every function of the first-load chunks runs during the load, and that lazy compiling was
// the largest single cost in its long tasks (issue 13: about a quarter of the blocking time at 4×
// CPU slowdown). Chromium reads the hint since version 136; other engines see a comment.

import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad\n";

/**
 * Put the hint at the top of every .js file directly in `dir` that lacks it. Idempotent, so a
 * build step that runs twice changes nothing the second time.
 * @param {string} dir
 * @returns {number} how many files gained the hint
 */
export function addCompileHints(dir) {
  let added = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = path.join(dir, entry.name);
    const text = readFileSync(file, "utf8");
    if (text.startsWith(COMPILE_HINT)) continue;
    writeFileSync(file, COMPILE_HINT + text);
    added += 1;
  }
  return added;
}
