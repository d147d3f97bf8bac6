"use client";

import { useCallback, useContext, useEffect, useRef, useState } from "react";
import { Keyboard } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { deferred, useDeferred } from "@/components/ui/deferred";
import { LEARNER } from "@/machines/words";
import { useSelection } from "./SimulationProvider";
import { useRunner } from "./runnerContext";
import { MomentsContext, backToPreviousMoment, jumpToNextMoment } from "./useMoments";

export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ["Space"], does: "Play or pause the run" },
  { keys: ["→"], does: "Step: run to the next event, then pause" },
  { keys: ["PgDn"], does: "Run on to the next moment, then pause" },
  { keys: ["PgUp"], does: "Back to the moment before" },
  { keys: ["A"], does: "Approve the revision waiting at Approval" },
  { keys: ["R"], does: "Reject it" },
  { keys: ["Esc"], does: "Close the inspector" },
  { keys: ["?"], does: "Show or hide this help" },
];

/** Inputs that take no text: keys other than the ones they use themselves stay shortcuts. */
const NOT_TEXT = new Set(["radio", "checkbox", "button", "submit", "reset", "range", "color", "file", "image"]);

/** Typing in a field: leave every key alone (presenter mode asks the same). */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const field = target.closest("input, textarea, select, [contenteditable='true']");
  return field !== null && !(field instanceof HTMLInputElement && NOT_TEXT.has(field.type));
}

/**
 * A control that does something with Space: leave Space to it. A radio that is already checked
 * does nothing with Space (a native radio, or the WAI-ARIA radio pattern), so Space plays the run
 * even while one keeps focus, e.g. the theme toggle just clicked.
 */
function handlesSpace(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !(target.type === "radio" && target.checked);
  const control = target.closest("button, a[href], summary, [role='button'], [role='menuitem'], [role='radio'], [role='checkbox'], [role='tab']");
  if (control === null) return false;
  return !(control.getAttribute("role") === "radio" && control.getAttribute("aria-checked") === "true");
}

function handlesArrows(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    target.closest("[role='menu'], [role='radiogroup'], [role='tablist'], [role='slider'], [role='listbox'], input[type='radio'], input[type='range']") !== null
  );
}

const dialog = deferred(() => import("./KeyboardShortcutsDialog"));

/**
 * The workspace's keyboard: Space play/pause, → step, A approve, R reject, Esc close, ? help. Keys
 * are left alone while typing in a field or when the focused control uses them itself (Space on a
 * button presses that button). Renders the "Keyboard shortcuts" button and its dialog, whose Radix
 * part arrives when it is first wanted (deferred.ts).
 */
export function KeyboardShortcuts() {
  const actor = useRunner();
  const { select } = useSelection();
  // Moments belong to the /simulator workspace; a lesson stops at its own.
  const moments = useContext(MomentsContext);
  const shortcuts = moments ? SHORTCUTS : SHORTCUTS.filter((s) => !s.keys.includes("PgDn") && !s.keys.includes("PgUp"));
  const [open, setOpen] = useState(false);
  const [help, wantHelp] = useDeferred(dialog);
  const button = useRef<HTMLButtonElement>(null);
  const show = useCallback(() => {
    wantHelp();
    setOpen(true);
  }, [wantHelp]);
  // Shown only once its script is here: if the fetch fails, the keys keep working and "?" tries again.
  const shown = open && help !== null;
  const openRef = useRef(shown);
  useEffect(() => {
    openRef.current = shown;
  }, [shown]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (openRef.current) return; // the dialog handles its own keys (Esc closes it)
      if (event.key === "?") {
        if (isTyping(event.target)) return;
        event.preventDefault();
        show();
        return;
      }
      if (isTyping(event.target) || event.repeat) return;
      switch (event.key) {
        case " ":
          if (handlesSpace(event.target)) return;
          actor.send({ type: "run.toggle" });
          break;
        case "ArrowRight":
          if (handlesArrows(event.target)) return;
          actor.send({ type: "run.step" });
          break;
        case "a":
        case "A":
          // The runner's guard says whether a decision is awaited (as DecisionPanel asks it).
          if (!actor.getSnapshot().can({ type: "approval.approve", by: LEARNER })) return;
          actor.send({ type: "approval.approve", by: LEARNER });
          break;
        case "r":
        case "R":
          if (!actor.getSnapshot().can({ type: "approval.reject", by: LEARNER })) return;
          actor.send({ type: "approval.reject", by: LEARNER });
          break;
        case "PageDown":
          if (!moments) return;
          jumpToNextMoment(actor, moments);
          break;
        case "PageUp":
          if (!moments) return;
          backToPreviousMoment(actor, moments);
          break;
        case "Escape":
          select(null);
          return;
        default:
          return;
      }
      event.preventDefault();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [actor, select, moments, show]);

  const Help = help?.KeyboardShortcutsDialog;
  return (
    <>
      <Button
        ref={button}
        size="sm"
        aria-label="Keyboard shortcuts"
        title="Keyboard shortcuts (?)"
        aria-haspopup="dialog"
        aria-expanded={shown}
        className="h-10 gap-1.5 px-2.5 pointer-coarse:h-11"
        onPointerEnter={wantHelp}
        onFocus={wantHelp}
        onClick={show}
      >
        <Keyboard aria-hidden="true" className="size-5" strokeWidth={2.25} />
        <span aria-hidden="true" className="font-mono text-lg font-bold">
          ?
        </span>
      </Button>
      {Help && <Help open={open} onOpenChange={setOpen} shortcuts={shortcuts} returnTo={button} />}
    </>
  );
}
