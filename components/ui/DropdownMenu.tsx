"use client";

/**
 * Radix's dropdown menu, composed the shadcn/ui way: the primitives with the product's look. Radix
 * brings the WAI-ARIA menu pattern (focus management, arrow keys, Home/End, typeahead, Escape and
 * outside clicks that close and return focus to the trigger) so no component has to write it.
 */
import { useRef, type ComponentProps, type ReactNode } from "react";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { OpenedBy } from "./deferred";
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

interface OpenedDropdownMenuProps extends ComponentProps<typeof DropdownMenuContent> {
  openedBy: OpenedBy;
  trigger: ReactNode;
  triggerClassName: string;
  triggerTitle?: string;
}

/**
 * A menu that mounts open, in place of the stand-in button that was pressed (deferred.ts), and is a
 * Radix menu from then on. The key that opened it reached the stand-in, before Radix listened for
 * keys, so this first opening moves to the first item itself, as Radix does after a key.
 */
export function OpenedDropdownMenu({ openedBy, trigger, triggerClassName, triggerTitle, children, ...content }: OpenedDropdownMenuProps) {
  const first = useRef(true);
  return (
    <DropdownMenu modal={false} defaultOpen>
      <DropdownMenuTrigger className={triggerClassName} title={triggerTitle}>
        {trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent
        {...content}
        onFocus={(event) => {
          // Radix focuses the menu itself as it opens; the first time, a key goes on to the first item.
          if (!first.current || event.target !== event.currentTarget) return;
          first.current = false;
          if (openedBy === "keyboard") event.currentTarget.querySelector<HTMLElement>("[role^='menuitem']")?.focus();
        }}
      >
        {children}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
