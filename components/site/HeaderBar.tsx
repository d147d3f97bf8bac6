"use client";

import type { ReactNode } from "react";
import { usePathname } from "next/navigation";

const BASE = "page-container flex h-16 items-center gap-2 max-sm:h-auto! max-sm:flex-wrap max-sm:gap-y-0 max-sm:py-1 sm:gap-6";
/** The simulator workspace needs the height for the pipeline, and is wider than the reading width. */
const WORKSPACE = "h-12! max-w-[120rem]! px-4!";

/**
 * The header's row, slimmer on the simulator workspace. Decided from the route, on the server as in
 * the browser, rather than by a `body:has([data-workspace])` rule: that selector made the browser
 * re-check the whole body's style on every change to the page, every frame of a running simulation
 * (issue 13).
 */
export function HeaderBar({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const workspace = pathname === "/simulator" || pathname.startsWith("/simulator/");
  return <div className={workspace ? `${BASE} ${WORKSPACE}` : BASE}>{children}</div>;
}
