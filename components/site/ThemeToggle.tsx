"use client";

import { useCallback, useSyncExternalStore } from "react";
import { Monitor, Moon, Sun, type LucideIcon } from "lucide-react";
import { THEME_CHANGE_EVENT, THEME_STORAGE_KEY, isThemePreference, type ThemePreference } from "@/lib/theme";

const OPTIONS: ReadonlyArray<{ value: ThemePreference; label: string; Icon: LucideIcon }> = [
  { value: "light", label: "Light", Icon: Sun },
  { value: "dark", label: "Dark", Icon: Moon },
  { value: "system", label: "System", Icon: Monitor },
];

function readPreference(): ThemePreference {
  try {
    const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
    return isThemePreference(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === THEME_STORAGE_KEY) onChange();
  };
  window.addEventListener(THEME_CHANGE_EVENT, onChange);
  window.addEventListener("storage", onStorage);
  return () => {
    window.removeEventListener(THEME_CHANGE_EVENT, onChange);
    window.removeEventListener("storage", onStorage);
  };
}

/** Unknown on the server: nothing is checked until the client has read localStorage. */
const getServerSnapshot = (): ThemePreference | null => null;

/**
 * Light / Dark / System switch. The inline script from lib/theme.ts listens for
 * THEME_CHANGE_EVENT and updates <html data-theme>, so this component only
 * stores the preference and announces the change.
 */
export function ThemeToggle() {
  const preference = useSyncExternalStore<ThemePreference | null>(subscribe, readPreference, getServerSnapshot);

  const choose = useCallback((value: ThemePreference) => {
    try {
      window.localStorage.setItem(THEME_STORAGE_KEY, value);
    } catch {
      // Storage can be unavailable (private mode, policies): the choice lasts for this page only.
      document.documentElement.dataset.theme = value === "system" ? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light") : value;
    }
    window.dispatchEvent(new Event(THEME_CHANGE_EVENT));
  }, []);

  return (
    <div role="radiogroup" aria-label="Theme" className="inline-flex items-center gap-0.5 rounded-full border border-border-strong bg-surface-raised p-0.5">
      {OPTIONS.map(({ value, label, Icon }) => (
        <label
          key={value}
          title={`${label} theme`}
          className="relative inline-flex size-9 cursor-pointer max-sm:size-11 items-center justify-center rounded-full text-text-muted transition-colors hover:text-text has-checked:bg-accent has-checked:text-on-accent has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
        >
          <input
            type="radio"
            name="theme"
            value={value}
            checked={preference === value}
            onChange={() => choose(value)}
            // Covers the whole button, so a click anywhere lands on the radio itself.
            className="absolute inset-0 z-10 m-0 cursor-pointer appearance-none rounded-full opacity-0"
          />
          <Icon aria-hidden="true" className="size-5" strokeWidth={2.25} />
          <span className="sr-only">{label}</span>
        </label>
      ))}
    </div>
  );
}
