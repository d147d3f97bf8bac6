"use client";

import { ChevronDown, Flag, SkipForward } from "lucide-react";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import { Button, buttonClasses } from "@/components/ui/Button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuTrigger } from "@/components/ui/DropdownMenu";
import { MOMENT_KINDS, MOMENTS } from "@/machines/runner/moments";
import { useRunner, useRunPlaying } from "./runnerContext";
import { jumpToNextMoment, useMomentWatch, useMoments } from "./useMoments";

/**
 * "Stop at": the moments the run pauses on by itself while it plays, and "Next moment", which runs
 * on in virtual time (the same run, no reset) to the next of them.
 */
export function MomentControls({ compact = false }: { compact?: boolean }) {
  const actor = useRunner();
  const watch = useMomentWatch();
  const { kinds } = useMoments();
  const toggle = (kind: (typeof MOMENT_KINDS)[number], on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    watch.setKinds(next);
  };
  return (
    <div role="group" aria-label="Moments" className="flex items-center gap-1.5">
      <DropdownMenu modal={false}>
        <DropdownMenuTrigger className={`group ${buttonClasses("secondary", "md", "px-3 text-base")}`} title="Pause by itself when one of these happens">
          <Flag aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Stop at
          {kinds.size > 0 && (
            <span className="rounded-full bg-accent px-2 py-0.5 text-base font-bold text-on-accent">
              <span className="sr-only">, chosen: </span>
              {kinds.size}
            </span>
          )}
          <ChevronDown aria-hidden="true" className="size-4 transition-transform group-data-[state=open]:rotate-180" strokeWidth={2.5} />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end" aria-label="Stop at">
          {MOMENT_KINDS.map((kind) => (
            <DropdownMenuPrimitive.CheckboxItem
              key={kind}
              checked={kinds.has(kind)}
              onCheckedChange={(checked) => toggle(kind, checked)}
              // Keep the menu open: a presenter often chooses several.
              onSelect={(event) => event.preventDefault()}
              className="flex w-full cursor-default items-center gap-3 rounded-lg px-3 py-2.5 text-left text-base font-semibold text-text outline-none select-none data-[highlighted]:bg-surface-sunken"
            >
              <span
                aria-hidden="true"
                className="flex size-5 shrink-0 items-center justify-center rounded border-2 border-border-strong text-sm font-black data-[on=true]:border-accent data-[on=true]:bg-accent data-[on=true]:text-on-accent"
                data-on={kinds.has(kind)}
              >
                {kinds.has(kind) ? "✓" : ""}
              </span>
              {MOMENTS[kind].label}
            </DropdownMenuPrimitive.CheckboxItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      {!compact && (
        <Button
          className="px-3 text-base"
          title={
            kinds.size > 0 ? "Run on to the next moment you chose, then pause (PageDown)" : "Run on to the next moment that matters, then pause (PageDown)"
          }
          onClick={() => jumpToNextMoment(actor, watch)}
        >
          <SkipForward aria-hidden="true" className="size-5" strokeWidth={2.5} />
          Next moment
        </Button>
      )}
    </div>
  );
}

/** What the run stopped at, in words, for the bar and the presenter's caption. */
export function MomentCaption({ className = "" }: { className?: string }) {
  const { last } = useMoments();
  const playing = useRunPlaying();
  // Once the run plays on, the moment it stopped at is behind it.
  return (
    <p role="status" className={`text-base font-semibold text-status-waiting-ink ${className}`} data-testid="moment-caption">
      {last && !playing ? `Stopped at: ${MOMENTS[last.kind].label.toLowerCase()}` : ""}
    </p>
  );
}
