"use client";

import type { ReactNode } from "react";
import * as DropdownMenuPrimitive from "@radix-ui/react-dropdown-menu";
import type { OpenedBy } from "@/components/ui/deferred";
import { OpenedDropdownMenu } from "@/components/ui/DropdownMenu";
import { MOMENT_KINDS, MOMENTS, type MomentKind } from "@/machines/runner/moments";

interface MomentMenuProps {
  kinds: ReadonlySet<MomentKind>;
  toggle(kind: MomentKind, on: boolean): void;
  openedBy: OpenedBy;
  trigger: ReactNode;
  triggerClassName: string;
  triggerTitle: string;
}

/** "Stop at"'s menu of moments, loaded the first time it is opened (MomentControls). */
export function MomentMenu({ kinds, toggle, ...opened }: MomentMenuProps) {
  return (
    <OpenedDropdownMenu {...opened} align="end" aria-label="Stop at">
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
    </OpenedDropdownMenu>
  );
}
