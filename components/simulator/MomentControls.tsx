"use client";

import { ChevronDown, Flag, SkipForward } from "lucide-react";
import { Button, buttonClasses } from "@/components/ui/Button";
import { deferred, useDeferredMenu } from "@/components/ui/deferred";
import { MOMENTS, type MomentKind } from "@/machines/runner/moments";
import { useRunner, useRunPlaying } from "./runnerContext";
import { jumpToNextMoment, useMomentWatch, useMoments } from "./useMoments";

const menu = deferred(() => import("./MomentMenu"));

/**
 * "Stop at": the moments the run pauses on by itself while it plays, and "Next moment", which runs
 * on in virtual time (the same run, no reset) to the next of them. The menu's Radix part arrives
 * when it is first wanted (deferred.ts).
 */
export function MomentControls({ compact = false }: { compact?: boolean }) {
  const actor = useRunner();
  const watch = useMomentWatch();
  const { kinds } = useMoments();
  const { opened, standIn } = useDeferredMenu(menu);
  const MomentMenu = opened?.module.MomentMenu;
  const toggle = (kind: MomentKind, on: boolean) => {
    const next = new Set(kinds);
    if (on) next.add(kind);
    else next.delete(kind);
    watch.setKinds(next);
  };
  const triggerClassName = `group ${buttonClasses("secondary", "md", "px-3 text-base")}`;
  const triggerTitle = "Pause by itself when one of these happens";
  const trigger = (
    <>
      <Flag aria-hidden="true" className="size-5" strokeWidth={2.5} />
      Stop at
      {kinds.size > 0 && (
        <span className="rounded-full bg-accent px-2 py-0.5 text-base font-bold text-on-accent">
          <span className="sr-only">, chosen: </span>
          {kinds.size}
        </span>
      )}
      <ChevronDown aria-hidden="true" className="size-4 transition-transform group-data-[state=open]:rotate-180" strokeWidth={2.5} />
    </>
  );
  return (
    <div role="group" aria-label="Moments" className="flex items-center gap-1.5">
      {opened && MomentMenu ? (
        <MomentMenu kinds={kinds} toggle={toggle} openedBy={opened.by} trigger={trigger} triggerClassName={triggerClassName} triggerTitle={triggerTitle} />
      ) : (
        <button className={triggerClassName} title={triggerTitle} {...standIn}>
          {trigger}
        </button>
      )}
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
