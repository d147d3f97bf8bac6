"use client";

import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { ChevronDown } from "lucide-react";
import { buttonClasses, type ButtonVariant } from "./Button";

export interface MenuItem {
  id: string;
  label: string;
  description?: string;
  icon?: ReactNode;
}

interface MenuProps {
  /** Visible text and accessible name of the button that opens the menu. */
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
 * A menu button (WAI-ARIA menu pattern): Enter, Space or ↓ opens it on the first item, arrows move,
 * Home/End jump, Escape closes and returns focus to the button, a click outside closes it.
 */
export function Menu({ label, icon, items, onSelect, variant = "secondary", badge, align = "right" }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const menuId = useId();

  useEffect(() => {
    if (!open) return;
    itemRefs.current[0]?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const elements = itemRefs.current.filter((el): el is HTMLButtonElement => el !== null);
    const index = elements.indexOf(document.activeElement as HTMLButtonElement);
    const focusAt = (i: number) => elements[(i + elements.length) % elements.length]?.focus();
    switch (event.key) {
      case "ArrowDown":
        focusAt(index + 1);
        break;
      case "ArrowUp":
        focusAt(index - 1);
        break;
      case "Home":
        focusAt(0);
        break;
      case "End":
        focusAt(elements.length - 1);
        break;
      case "Escape":
        close();
        break;
      case "Tab":
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div className="relative">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        className={buttonClasses(variant, "md", "px-3 text-base")}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown") {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        {icon}
        {label}
        {badge}
        <ChevronDown aria-hidden="true" className={`size-4 transition-transform ${open ? "rotate-180" : ""}`} strokeWidth={2.5} />
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          onKeyDown={onMenuKeyDown}
          className={`absolute top-full z-50 mt-2 w-[22rem] max-w-[calc(100vw-2rem)] rounded-xl border-2 border-border-strong bg-surface-raised p-1.5 shadow-xl ${
            align === "right" ? "right-0" : "left-0"
          }`}
        >
          {items.map((item, i) => (
            <button
              key={item.id}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-label={item.label}
              aria-describedby={item.description ? `${menuId}-${item.id}` : undefined}
              className="flex w-full items-start gap-3 rounded-lg px-3 py-2.5 text-left hover:bg-surface-sunken focus-visible:bg-surface-sunken"
              onClick={() => {
                close();
                onSelect(item.id);
              }}
            >
              {item.icon && <span className="mt-0.5 shrink-0">{item.icon}</span>}
              <span className="flex flex-col">
                <span className="text-base font-semibold text-text">{item.label}</span>
                {item.description && (
                  <span id={`${menuId}-${item.id}`} className="text-base leading-snug text-text-muted">
                    {item.description}
                  </span>
                )}
              </span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
