"use client";

import { useId, type ReactNode } from "react";
import { ChevronDown } from "lucide-react";
import { buttonClasses, type ButtonVariant } from "./Button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "./DropdownMenu";

export interface MenuItem {
  id: string;
  label: string;
  description?: string;
  icon?: ReactNode;
}

interface MenuProps {
  /** Visible text and accessible name of the button that opens the menu (and of the menu). */
  label: string;
  icon?: ReactNode;
  items: readonly MenuItem[];
  onSelect(id: string): void;
  variant?: ButtonVariant;
  /** Extra content after the label (a count badge). */
  badge?: ReactNode;
  align?: "left" | "right";
}

/**
 * A menu button (WAI-ARIA menu pattern, from Radix): Enter, Space or ↓ opens it on the first item,
 * arrows move, Home/End jump, typing jumps to an item, Escape closes and returns focus to the
 * button, a click outside closes it.
 */
export function Menu({ label, icon, items, onSelect, variant = "secondary", badge, align = "right" }: MenuProps) {
  const descriptionId = useId();
  // Not modal: a click outside closes the menu and still reaches what it was aimed at.
  return (
    <DropdownMenu modal={false}>
      <DropdownMenuTrigger className={`group ${buttonClasses(variant, "md", "px-3 text-base")}`}>
        {icon}
        {label}
        {badge}
        <ChevronDown aria-hidden="true" className="size-4 transition-transform group-data-[state=open]:rotate-180" strokeWidth={2.5} />
      </DropdownMenuTrigger>
      {/* Named by the label alone, not by the whole trigger (its badge). */}
      <DropdownMenuContent align={align === "right" ? "end" : "start"} aria-labelledby={undefined} aria-label={label}>
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
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
