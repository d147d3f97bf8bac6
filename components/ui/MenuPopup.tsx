"use client";

import { useId, type ReactNode } from "react";
import type { OpenedBy } from "./deferred";
import { DropdownMenuItem, OpenedDropdownMenu } from "./DropdownMenu";
import type { MenuItem } from "./Menu";

interface MenuPopupProps {
  label: string;
  items: readonly MenuItem[];
  onSelect(id: string): void;
  align: "left" | "right";
  openedBy: OpenedBy;
  trigger: ReactNode;
  triggerClassName: string;
}

/** Menu's Radix part, loaded the first time the menu is opened. */
export function MenuPopup({ label, items, onSelect, align, openedBy, trigger, triggerClassName }: MenuPopupProps) {
  const descriptionId = useId();
  return (
    // Named by the label alone, not by the whole trigger (its badge).
    <OpenedDropdownMenu
      openedBy={openedBy}
      trigger={trigger}
      triggerClassName={triggerClassName}
      align={align === "right" ? "end" : "start"}
      aria-labelledby={undefined}
      aria-label={label}
    >
      {items.map((item) => (
        <DropdownMenuItem
          key={item.id}
          textValue={item.label}
          aria-describedby={item.description ? `${descriptionId}-${item.id}` : undefined}
          onSelect={() => onSelect(item.id)}
        >
          {item.icon && <span className="mt-0.5 shrink-0">{item.icon}</span>}
          <span className="flex flex-col">
            <span className="text-base font-semibold text-text">{item.label}</span>
            {item.description && (
              <span id={`${descriptionId}-${item.id}`} className="text-base leading-snug text-text-muted">
                {item.description}
              </span>
            )}
          </span>
        </DropdownMenuItem>
      ))}
    </OpenedDropdownMenu>
  );
}
