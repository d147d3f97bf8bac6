// Build step between `next build` and `serwist build` (so the precache revisions see the final
// files): see scripts/lib/compileHints.mjs.
import path from "node:path";
import { ROOT } from "./lib/build.mjs";
import { addCompileHints } from "./lib/compileHints.mjs";

const chunks = path.join(ROOT, ".next", "static", "chunks");
const added = addCompileHints(chunks);
console.log(`Compile hints: ${added} script${added === 1 ? "" : "s"} in .next/static/chunks marked for eager compiling.`);
