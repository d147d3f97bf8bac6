"use client";

import Link from "next/link";
import { usePathname, useSearchParams } from "next/navigation";
import { Workflow } from "lucide-react";
import { STAGE_INFO, stagesFor } from "@/machines/view/stages";
import { MODE_INFO, isMode } from "@/machines/world/modes";
import { DEFAULT_CONFIG } from "@/lib/url/simulatorParams";
import { cardServiceOf } from "./diagram/stageCards";
import { STAGE_ICONS } from "./diagram/stageIcons";
import { DIAGRAM_HEIGHT } from "./layoutClasses";
import { VIEW_TAB, VIEW_TABS, WORKSPACE_VIEWS } from "./WorkspaceNav";

/**
 * What the server sends for /simulator and its views, shown until the script that runs the
 * simulation has loaded (seconds on a phone on a slow network): the workspace's frame with what is
 * already known from the address alone: the views, the mode and what it means, and on the pipeline
 * view the pipeline's stages. Nothing about the run itself (it may be restored from this browser).
 *
 * It is at least a screen tall: the workspace below the diagram (the panels, or a whole view)
 * always is, and a shorter fallback let the footer show and then jump away when the script came
 * (CLS 0.305 on a phone). The mode's paragraph is the largest text on the first screen, as the live
 * panels' largest is, so the page's largest paint comes with the server's HTML (issue 13: LCP was
 * the decision panel's text, 6 s into a phone's load).
 */
export function WorkspaceFallback() {
  const params = useSearchParams();
  const pathname = usePathname();
  const asked = params.get("mode");
  const mode = asked && isMode(asked) ? asked : DEFAULT_CONFIG.mode;
  const info = MODE_INFO[mode];
  const view = WORKSPACE_VIEWS.find((v) => v.href === pathname && v.intro);
  return (
    <div aria-busy="true" className="flex min-h-dvh flex-col gap-2">
      <div className="flex min-h-12 items-center">
        <nav aria-label="Simulator views" className={VIEW_TABS}>
          {WORKSPACE_VIEWS.map(({ href, label, Icon }) => (
            <Link key={href} href={href} prefetch={false} aria-current={pathname === href ? "page" : undefined} className={VIEW_TAB}>
              <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
              {label}
            </Link>
          ))}
        </nav>
      </div>
      <div className="h-12 rounded-lg bg-surface-sunken" />
      <p className="flex min-h-11 items-center truncate text-base text-text-muted max-sm:hidden">{info.summary}</p>
      {!view ? (
        <div
          className={`${DIAGRAM_HEIGHT} flex flex-col gap-3 overflow-hidden rounded-2xl border-2 border-dashed border-border bg-surface-sunken/50 p-3 max-sm:h-[291px]`}
        >
          <p className="flex items-center gap-2 truncate text-lg font-bold whitespace-nowrap text-text">
            <Workflow aria-hidden="true" className="size-5 shrink-0 text-accent" strokeWidth={2.5} />
            AWS CodePipeline · shop-web
          </p>
          <ol aria-label="Stages" className="flex min-h-0 flex-1 gap-6 max-sm:gap-4">
            {stagesFor(mode).map((id) => {
              const Icon = STAGE_ICONS[id];
              return (
                <li
                  key={id}
                  className="flex min-w-[10.5rem] flex-1 flex-col overflow-hidden rounded-xl border-2 border-border bg-surface-raised px-2.5 pt-3 pb-2 shadow-sm"
                >
                  <span className="truncate text-[1.375rem] leading-[28px] font-extrabold tracking-tight text-text">{STAGE_INFO[id].name}</span>{" "}
                  <span className="flex items-center gap-1.5 text-base text-text-muted">
                    <Icon aria-hidden="true" className="size-[18px] shrink-0" strokeWidth={2.5} />
                    <span className="truncate">{cardServiceOf(id)}</span>
                  </span>
                  <span aria-hidden="true" className="mt-1.5 h-[44px] shrink-0 rounded-lg bg-surface-sunken" />
                </li>
              );
            })}
          </ol>
        </div>
      ) : (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-1 pt-2">
          <h1 className="text-3xl font-bold tracking-tight">{view.label}</h1>
          <p className="min-w-0 flex-1 text-lg text-text-muted max-sm:basis-full">{view.intro}</p>
          {/* Holds the place of the live header's clock (ViewHeader), so the line wraps as it will. */}
          <span aria-hidden="true" className="invisible flex items-center gap-2 whitespace-nowrap">
            <span className="size-6" />
            <span className="text-xl font-bold tabular-nums">Mon 00:00, day 1</span>
          </span>
        </div>
      )}
      <section aria-label={info.name} className="rounded-xl border border-border bg-surface-raised p-4 sm:max-w-3xl">
        <h2 className="text-lg font-bold text-text">{info.name}</h2>
        <p className="mt-1 text-lg text-text-muted">{info.summary}</p>
        <p role="status" className="mt-3 text-base text-text-muted">
          Loading the live pipeline…
        </p>
        <noscript>
          <p className="mt-3 text-lg text-text">The simulator runs in your browser: please turn on JavaScript.</p>
        </noscript>
      </section>
    </div>
  );
}
