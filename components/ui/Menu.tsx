"use client";

import type { ReactNode } from "react";
import { ChevronDown } from "lucide-react";
import { buttonClasses, type ButtonVariant } from "./Button";
import { deferred, useDeferredMenu } from "./deferred";

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

const popup = deferred(() => import("./MenuPopup"));

/**
 * A menu button (WAI-ARIA menu pattern, from Radix): Enter, Space or ↓ opens it on the first item,
 * arrows move, Home/End jump, typing jumps to an item, Escape closes and returns focus to the
 * button, a click outside closes it. Not modal: a click outside still reaches what it was aimed at.
 * The Radix part arrives when the menu is first wanted (deferred.ts).
 */
export function Menu({ label, icon, items, onSelect, variant = "secondary", badge, align = "right" }: MenuProps) {
  const { opened, standIn } = useDeferredMenu(popup);
  const triggerClassName = `group ${buttonClasses(variant, "md", "px-3 text-base")}`;
  const trigger = (
    <>
      {icon}
      {label}
      {badge}
      <ChevronDown aria-hidden="true" className="size-4 transition-transform group-data-[state=open]:rotate-180" strokeWidth={2.5} />
    </>
  );
  if (!opened)
    return (
      <button className={triggerClassName} {...standIn}>
        {trigger}
      </button>
    );
  const { MenuPopup } = opened.module;
  return <MenuPopup label={label} items={items} onSelect={onSelect} align={align} openedBy={opened.by} trigger={trigger} triggerClassName={triggerClassName} />;
}
