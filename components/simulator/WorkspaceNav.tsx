"use client";

import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, FileCode2, Users, Workflow, type LucideIcon } from "lucide-react";
import { afterLayout } from "@/components/ui/afterLayout";
import { simulatorSearch } from "@/lib/url/simulatorParams";
import { useRunConfig } from "./RunProviders";

export interface WorkspaceView {
  href: string;
  label: string;
  Icon: LucideIcon;
  /** Fetch the view's code only when it is opened (or hovered), not as soon as the tab shows. */
  lazy?: boolean;
  /** The line under the view's title; the server's HTML shows it before the run loads (WorkspaceFallback). */
  intro?: string;
}

/**
 * The views of the one running simulation. Add an entry when a view exists (Monitoring at
 * /simulator/monitoring, Team at /simulator/team); the run lives in the layout, so switching views
 * never resets or pauses it.
 */
export const WORKSPACE_VIEWS: readonly WorkspaceView[] = [
  { href: "/simulator", label: "Pipeline", Icon: Workflow },
  {
    href: "/simulator/monitoring",
    label: "Monitoring",
    Icon: Activity,
    intro: "Production as CloudWatch sees it: traffic, errors, latency, the alarm, and every incident from start to restore.",
  },
  {
    href: "/simulator/team",
    label: "Team",
    Icon: Users,
    intro: "Dev and Ops on this run: who does what now, where work waits for the other team, and what they say in chat.",
  },
  // The template parser is the infrastructure view's own: /simulator does not fetch it up front.
  {
    href: "/simulator/infrastructure",
    label: "Infrastructure",
    Icon: FileCode2,
    lazy: true,
    intro: "The pipeline as code: edit the template, review the change set, apply it.",
  },
];

/** A view's line under its title. */
export function viewIntro(href: string): string {
  return WORKSPACE_VIEWS.find((view) => view.href === href)?.intro ?? "";
}

/** The tabs' row: on a phone it scrolls sideways, its far edge faded. Shared with WorkspaceFallback. */
export const VIEW_TABS =
  "flex items-center gap-1 max-sm:w-full max-sm:overflow-x-auto max-sm:pr-8 max-sm:[mask-image:linear-gradient(to_right,#000_calc(100%-2.5rem),transparent)] max-sm:[scrollbar-width:none]";
export const VIEW_TAB =
  "inline-flex h-10 shrink-0 items-center gap-2 rounded-lg px-3 text-lg max-sm:h-11 max-sm:gap-1.5 max-sm:px-2.5 font-bold text-text-muted hover:bg-surface-sunken hover:text-text aria-[current=page]:bg-surface-raised aria-[current=page]:text-text aria-[current=page]:shadow-[inset_0_-3px_0_var(--accent)]";

/**
 * Each view's address carries the run's start state, as the address bar does: a reload there is the
 * same run. On a phone the tabs scroll sideways when they do not fit, with the far edge faded as the
 * cue that there is more, and the current tab scrolled into view.
 */
export function WorkspaceNav() {
  const pathname = usePathname();
  const search = simulatorSearch(useRunConfig().config);
  const navRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const nav = navRef.current;
    if (!nav) return;
    return afterLayout(nav, () => {
      const current = nav.querySelector<HTMLElement>('[aria-current="page"]');
      if (!current || nav.scrollWidth <= nav.clientWidth) return;
      nav.scrollLeft = Math.max(0, current.offsetLeft - nav.clientWidth / 2 + current.offsetWidth / 2);
    });
  }, [pathname]);
  return (
    <nav ref={navRef} aria-label="Simulator views" className={VIEW_TABS}>
      {WORKSPACE_VIEWS.map(({ href, label, Icon, lazy }) => {
        const current = pathname === href;
        return (
          <Link key={href} href={`${href}${search}`} prefetch={lazy ? false : undefined} aria-current={current ? "page" : undefined} className={VIEW_TAB}>
            <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
