"use client";

import { useSelection } from "./SimulationProvider";

/** A commit's sha that opens its journey in the inspector. */
export function CommitLink({ seq, sha, className = "" }: { seq: number; sha: string; className?: string }) {
  const { select } = useSelection();
  return (
    <button
      type="button"
      onClick={() => select({ kind: "commit", seq })}
      title={`Commit ${sha}: show its journey`}
      className={`rounded font-mono font-bold text-status-working-ink underline decoration-2 underline-offset-2 hover:decoration-4 ${className}`}
    >
      {sha}
    </button>
  );
}
