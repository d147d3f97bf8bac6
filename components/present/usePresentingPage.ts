"use client";

import { useEffect } from "react";

/**
 * While a full-screen presentation (presenter mode, the demo loop) is on, the site's header and
 * footer fold away behind it (globals.css, `body[data-presenting]`), out of sight and out of the tab
 * order. An attribute on body rather than a `body:has([data-presenting])` rule: that selector made
 * the browser re-check the page's style on every change to it, every frame of a running simulation.
 */
export function usePresentingPage() {
  useEffect(() => {
    document.body.dataset.presenting = "";
    return () => {
      delete document.body.dataset.presenting;
    };
  }, []);
}
