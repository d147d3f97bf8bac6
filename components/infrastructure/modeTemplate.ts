/** The lines of a top-level resource's block (`  Pipeline:` down to the next resource or section), or null. */
function blockOf(lines: readonly string[], logicalId: string): [number, number] | null {
  const start = lines.findIndex((l) => l === `  ${logicalId}:`);
  if (start < 0) return null;
  let end = start + 1;
  while (end < lines.length && !/^ {0,2}\S/.test(lines[end]!)) end++;
  // Blank lines before the next resource stay with it.
  while (end > start + 1 && lines[end - 1]!.trim() === "") end--;
  return [start, end];
}

/**
 * The running template with its Pipeline resource as the mode's template has it: a mode change
 * touches the pipeline only, and keeps every other edit the learner made. Null when the running
 * text has no Pipeline block to replace.
 */
export function withPipelineOf(runningText: string, modeText: string): string | null {
  const running = runningText.split("\n");
  const wanted = modeText.split("\n");
  const at = blockOf(running, "Pipeline");
  const from = blockOf(wanted, "Pipeline");
  if (!at) return null;
  const replacement = from ? wanted.slice(from[0], from[1]) : [];
  return [...running.slice(0, at[0]), ...replacement, ...running.slice(at[1])].join("\n");
}
