"use client";

import { TriangleAlert, X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { useRunConfig } from "./SimulationProvider";

/** Bad parameters in the address: named, with what is used instead. The page still runs. */
export function ParamNotices() {
  const { notices, dismissNotices } = useRunConfig();
  if (notices.length === 0) return null;
  return (
    <div
      role="status"
      aria-labelledby="param-notice-title"
      className="flex items-start gap-3 rounded-xl border-2 border-status-waiting bg-surface-raised px-4 py-2.5"
    >
      <TriangleAlert aria-hidden="true" className="mt-0.5 size-6 shrink-0 text-status-waiting-ink" strokeWidth={2.5} />
      <div className="min-w-0 flex-1">
        <p id="param-notice-title" className="text-base font-bold text-text">
          {notices.length === 1 ? "One setting in the address was not usable" : `${notices.length} settings in the address were not usable`}
        </p>
        <ul className="text-base text-text">
          {notices.map((n, i) => (
            // A parameter may be named twice (a bad value, and given twice).
            <li key={`${i}-${n.param}`}>
              <code className="font-semibold">{n.param}</code>: {n.message}
            </li>
          ))}
        </ul>
      </div>
      <Button size="sm" variant="ghost" onClick={dismissNotices} aria-label="Dismiss notice" className="size-10 px-0">
        <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
      </Button>
    </div>
  );
}
