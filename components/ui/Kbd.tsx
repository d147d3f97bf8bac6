import type { ReactNode } from "react";

/** A key on the keyboard, as the shortcuts help shows it. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="inline-flex min-w-8 items-center justify-center rounded-md border-2 border-b-4 border-border-strong bg-surface-raised px-2 py-0.5 font-mono text-base font-semibold text-text">
      {children}
    </kbd>
  );
}
