import { ArrowRight, Ticket as TicketIcon } from "lucide-react";
import { useId } from "react";
import { Card, Chip } from "@/components/monitoring/ui";
import { formatMinutes, formatTime } from "@/machines/sim/calendar";
import type { Culture } from "@/machines/world/settings";
import type { Ticket } from "@/machines/view/teamView";

const TEAM = { dev: "Dev", ops: "Ops" } as const;

/**
 * The ticket queue between Development and Operations: what waits now, for how long, and what
 * waited before. Empty in DevOps culture, which is the point.
 */
export function TicketQueue({ culture, open, done, total }: { culture: Culture; open: readonly Ticket[]; done: readonly Ticket[]; total: number }) {
  const headingId = useId();
  return (
    <Card
      title={`Ticket queue (${total})`}
      Icon={TicketIcon}
      labelledBy={headingId}
      actions={open.length > 0 ? <Chip status="waiting">{open.length} waiting now</Chip> : null}
    >
      {total === 0 ? (
        <p className="text-base leading-snug text-text-muted">
          {culture === "devops"
            ? "No tickets: one team does the work, so nothing waits in another team's queue. Switch to Silos and watch approvals, deploys and incident fixes queue up."
            : "No tickets yet. Approvals, hand deploys and incident fixes will queue here for the other team."}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          <TicketList title={`Waiting now (${open.length})`} tickets={open} emptyText="Nothing waiting right now." />
          <TicketList title="Recently picked up" tickets={done} emptyText="None picked up yet." />
        </div>
      )}
    </Card>
  );
}

function TicketList({ title, tickets, emptyText }: { title: string; tickets: readonly Ticket[]; emptyText: string }) {
  return (
    <section aria-label={title}>
      <h3 className="mb-1 text-lg font-bold">{title}</h3>
      {tickets.length === 0 ? (
        <p className="text-base text-text-muted">{emptyText}</p>
      ) : (
        <ul className="flex flex-col">
          {tickets.map((t) => (
            <li key={t.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 border-t border-border py-1.5 text-base">
              <span className="inline-flex items-center gap-1 font-semibold">
                {TEAM[t.from]}
                <ArrowRight aria-hidden="true" className="size-4" strokeWidth={2.5} />
                <span className="sr-only">to</span>
                {TEAM[t.to]}
              </span>
              <span className="min-w-0 flex-1">{t.about}</span>
              {t.open ? (
                <Chip status="waiting">waiting {formatMinutes(t.waited)}</Chip>
              ) : (
                <span className="text-text-muted tabular-nums">
                  waited <span className="font-semibold text-text">{formatMinutes(t.waited)}</span>, {formatTime(t.doneAt!)}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
