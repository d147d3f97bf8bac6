"use client";

import { useEffect, useState, type RefObject } from "react";

/**
 * Whether the element has come within `margin` of the viewport, once (it stays true). For work a
 * page does only for a section someone scrolls to: computing it during the load cost blocking time
 * on a phone for numbers nobody could see yet (issue 13). Until `enabled`, it does not watch.
 */
export function useNearViewport(ref: RefObject<Element | null>, margin = "300px", enabled = true): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (near || !enabled) return;
    const element = ref.current;
    if (!element || typeof IntersectionObserver === "undefined") {
      setNear(true);
      return;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: margin },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref, margin, enabled]);
  return near;
}
