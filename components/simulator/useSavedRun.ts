"use client";

import { useEffect } from "react";
import { del, get, set } from "idb-keyval";
import { namesARun, readSavedRun, SAVED_RUN_KEY, savedRunOf, SET_ASIDE_KEY, type SavedRunResult } from "@/lib/run/savedRun";
import type { RunRecord } from "@/lib/url/runFile";
import type { RunnerRef } from "./runnerContext";

/** At most one save a second while the run plays; at once when the page is hidden or left. */
const SAVE_EVERY_MS = 1000;

/**
 * Keeps the /simulator run in IndexedDB (lib/run/savedRun.ts) and, once, when the page opens,
 * restores the saved run by replay, unless the address names another run (a shared link opens what
 * it says). `restore` answers why a saved run could not be replayed, or null. A damaged or older
 * record is set aside, said with `notify`, and the page starts fresh. Nothing is saved before the
 * saved run has been read, so a fresh page never overwrites it unread.
 */
export function useSavedRun(
  actor: RunnerRef,
  record: () => RunRecord,
  restore: (saved: Extract<SavedRunResult, { ok: true }>) => string | null,
  notify: (text: string) => void,
) {
  useEffect(() => {
    let cancelled = false;
    let ready = false;
    let timer: number | undefined;
    const save = () => {
      timer = undefined;
      if (!ready) return;
      set(SAVED_RUN_KEY, savedRunOf(record(), window.location.search)).catch(() => {
        // No IndexedDB (a private window in some browsers): the run lives as long as the page.
      });
    };
    const saveSoon = () => {
      if (timer === undefined) timer = window.setTimeout(save, SAVE_EVERY_MS);
    };
    const saveNow = () => {
      window.clearTimeout(timer);
      save();
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") saveNow();
    };
    const subscription = actor.subscribe(saveSoon);
    window.addEventListener("pagehide", saveNow);
    document.addEventListener("visibilitychange", onVisibility);

    const setAside = async (value: unknown, why: string) => {
      await set(SET_ASIDE_KEY, value);
      await del(SAVED_RUN_KEY);
      notify(`Your saved run could not be restored (${why}): it was set aside, and this is a fresh run.`);
    };
    get(SAVED_RUN_KEY)
      .then(async (value: unknown) => {
        if (cancelled || value === undefined) return;
        const saved = readSavedRun(value);
        if (!saved.ok) return setAside(value, saved.message);
        const search = window.location.search;
        if (namesARun(search) && search !== saved.search) return;
        const problem = restore(saved);
        if (problem) return setAside(value, problem);
      })
      .catch(() => {})
      .finally(() => {
        if (cancelled) return;
        ready = true;
        save();
      });

    return () => {
      cancelled = true;
      subscription.unsubscribe();
      window.removeEventListener("pagehide", saveNow);
      document.removeEventListener("visibilitychange", onVisibility);
      window.clearTimeout(timer);
    };
  }, [actor, record, restore, notify]);
}

/** Forgets the saved run ("New run"). */
export function clearSavedRun(): Promise<void> {
  return del(SAVED_RUN_KEY).catch(() => {});
}
