"use client";

import type { RefObject } from "react";
import { X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Dialog, DialogClose, DialogContent, DialogTitle } from "@/components/ui/Dialog";
import { Kbd } from "@/components/ui/Kbd";

interface KeyboardShortcutsDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  shortcuts: readonly { keys: string[]; does: string }[];
  /** The button that opens it: focus goes back there however the dialog closes (it has no Radix trigger). */
  returnTo: RefObject<HTMLButtonElement | null>;
}

/** The list of shortcuts, loaded the first time it is asked for (KeyboardShortcuts). */
export function KeyboardShortcutsDialog({ open, onOpenChange, shortcuts, returnTo }: KeyboardShortcutsDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      {/* The list says it all: no separate description. */}
      <DialogContent
        aria-describedby={undefined}
        className="w-[30rem]"
        onCloseAutoFocus={(event) => {
          event.preventDefault();
          returnTo.current?.focus();
        }}
      >
        <div className="flex items-center justify-between border-b border-border px-5 py-3">
          <DialogTitle className="text-xl font-bold">Keyboard shortcuts</DialogTitle>
          <DialogClose asChild>
            <Button size="sm" variant="ghost" aria-label="Close" className="size-10 px-0">
              <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
            </Button>
          </DialogClose>
        </div>
        <dl className="grid grid-cols-[auto_1fr] items-center gap-x-5 gap-y-3 px-5 py-4 text-lg">
          {shortcuts.map(({ keys, does }) => (
            <div key={does} className="contents">
              <dt className="flex gap-1">
                {keys.map((k) => (
                  <Kbd key={k}>{k}</Kbd>
                ))}
              </dt>
              <dd>{does}</dd>
            </div>
          ))}
        </dl>
        <p className="border-t border-border px-5 py-3 text-base text-text-muted">
          Keys do nothing while you type in a field. Every control also works with Tab and Enter.
        </p>
      </DialogContent>
    </Dialog>
  );
}
