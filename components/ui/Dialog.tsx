"use client";

/**
 * Radix's dialog, composed the shadcn/ui way: the primitives with the product's look. Radix brings
 * the modal dialog pattern (focus moved in and trapped, Escape and outside clicks that close,
 * focus returned to what opened it, the rest of the page hidden from assistive technology).
 */
import type { ComponentProps } from "react";
import * as DialogPrimitive from "@radix-ui/react-dialog";
import "./styleNonce";

export const Dialog = DialogPrimitive.Root;
export const DialogTrigger = DialogPrimitive.Trigger;
export const DialogClose = DialogPrimitive.Close;
export const DialogTitle = DialogPrimitive.Title;
export const DialogDescription = DialogPrimitive.Description;

export function DialogContent({ className = "", ...props }: ComponentProps<typeof DialogPrimitive.Content>) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/50" />
      <DialogPrimitive.Content
        className={`fixed top-1/2 left-1/2 z-50 max-h-[calc(100dvh-2rem)] max-w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-2xl border-2 border-border-strong bg-surface-raised p-0 text-text shadow-2xl ${className}`}
        {...props}
      />
    </DialogPrimitive.Portal>
  );
}
