"use client";

import { Moon, Sun } from "lucide-react";
import { useSimSelector } from "@/components/simulator/runnerContext";
import { formatClock, isWorkingTime } from "@/machines/sim/calendar";

/**
 * The title row of a feedback view: its name, one line on what it shows, and the run's simulated
 * time (the pipeline view shows it in the diagram's frame; here it heads the page).
 */
export function ViewHeader({ title, children }: { title: string; children: React.ReactNode }) {
  const minute = useSimSelector((sim) => Math.floor(sim.now));
  const working = useSimSelector((sim) => isWorkingTime(sim.now, sim.settings.workingHours));
  const Icon = working ? Sun : Moon;
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="min-w-0 flex-1 text-lg text-text-muted max-sm:basis-full">{children}</p>
      <p
        className="flex items-center gap-2 whitespace-nowrap"
        title={working ? "Working hours: the team is at work" : "Outside working hours: only production and the pager are awake"}
      >
        <Icon aria-hidden="true" className={`size-6 ${working ? "text-status-waiting-ink" : "text-text-muted"}`} strokeWidth={2.25} />
        <span className="sr-only">Simulated time: </span>
        <time data-testid="sim-clock" className="text-xl font-bold tabular-nums">
          {formatClock(minute)}
        </time>
      </p>
    </div>
  );
}
