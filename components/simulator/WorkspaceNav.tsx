"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Activity, FileCode2, Users, Workflow, type LucideIcon } from "lucide-react";

export interface WorkspaceView {
  href: string;
  label: string;
  Icon: LucideIcon;
  /** Fetch the view's code only when it is opened (or hovered), not as soon as the tab shows. */
  lazy?: boolean;
}

/**
 * The views of the one running simulation. Add an entry when a view exists (Monitoring at
 * /simulator/monitoring, Team at /simulator/team); the run lives in the layout, so switching views
 * never resets or pauses it.
 */
export const WORKSPACE_VIEWS: readonly WorkspaceView[] = [
  { href: "/simulator", label: "Pipeline", Icon: Workflow },
  { href: "/simulator/monitoring", label: "Monitoring", Icon: Activity },
  { href: "/simulator/team", label: "Team", Icon: Users },
  // The template parser is the infrastructure view's own: /simulator does not fetch it up front.
  { href: "/simulator/infrastructure", label: "Infrastructure", Icon: FileCode2, lazy: true },
];

export function WorkspaceNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Simulator views" className="flex items-center gap-1">
      {WORKSPACE_VIEWS.map(({ href, label, Icon, lazy }) => {
        const current = pathname === href;
        return (
          <Link
            key={href}
            href={href}
            prefetch={lazy ? false : undefined}
            aria-current={current ? "page" : undefined}
            className="inline-flex h-10 items-center gap-2 rounded-lg px-3 text-lg font-bold text-text-muted hover:bg-surface-sunken hover:text-text aria-[current=page]:bg-surface-raised aria-[current=page]:text-text aria-[current=page]:shadow-[inset_0_-3px_0_var(--accent)]"
          >
            <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
