"use client";

/**
 * Radix's dropdown menu, composed the shadcn/ui way: the primitives with the product's look. Radix
 * brings the WAI-ARIA menu pattern (focus management, arrow keys, Home/End, typeahead, Escape and
 * outside clicks that close and return focus to the trigger) so no component has to write it.
 */
import type { ComponentProps } from "react";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import "./styleNonce";

export const DropdownMenu = DropdownMenuPrimitive.Root;
export const DropdownMenuTrigger = DropdownMenuPrimitive.Trigger;

export function DropdownMenuContent({ className = "", sideOffset = 8, ...props }: ComponentProps<typeof DropdownMenuPrimitive.Content>) {
  return (
    <DropdownMenuPrimitive.Portal>
      <DropdownMenuPrimitive.Content
        sideOffset={sideOffset}
        className={`z-50 max-h-[var(--radix-dropdown-menu-content-available-height)] w-[22rem] max-w-[calc(100vw-2rem)] overflow-y-auto rounded-xl border-2 border-border-strong bg-surface-raised p-1.5 shadow-xl ${className}`}
        {...props}
      />
    </DropdownMenuPrimitive.Portal>
  );
}

export function DropdownMenuItem({ className = "", ...props }: ComponentProps<typeof DropdownMenuPrimitive.Item>) {
  return (
    <DropdownMenuPrimitive.Item
      className={`flex w-full cursor-default items-start gap-3 rounded-lg px-3 py-2.5 text-left outline-none select-none hover:bg-surface-sunken focus-visible:bg-surface-sunken data-[highlighted]:bg-surface-sunken ${className}`}
      {...props}
    />
  );
}
