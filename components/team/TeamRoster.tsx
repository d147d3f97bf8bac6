import { BellRing, Code, Eye, Hourglass, Moon, Rocket, Server, Siren, Stamp, Ticket, Users, Wrench, type LucideIcon } from "lucide-react";
import { useId } from "react";
import { Card, Chip } from "@/components/monitoring/ui";
import { formatMinutes } from "@/machines/sim/calendar";
import type { Activity } from "@/machines/team/teamActivity";
import type { PersonView, TeamGroup } from "@/machines/view/teamView";

export const ACTIVITY_ICONS: Record<Activity, LucideIcon> = {
  coding: Code,
  reviewing: Eye,
  approving: Stamp,
  deploying: Rocket,
  fixing: Wrench,
  operating: Server,
  "on-call": Siren,
  waiting: Hourglass,
  ticket: Ticket,
  off: Moon,
};

/**
 * The team by name and role, grouped as the culture groups them (one product team, or Development
 * and Operations apart), each person showing what they do now.
 */
export function TeamRoster({ groups, now }: { groups: readonly TeamGroup[]; now: number }) {
  const headingId = useId();
  return (
    <Card title="The team" Icon={Users} labelledBy={headingId}>
      <div className="flex flex-col gap-4">
        {groups.map((group) => (
          <section key={group.id} aria-label={group.name} className="flex flex-col gap-2">
            <div className="flex flex-wrap items-baseline gap-x-3">
              <h3 className="text-lg font-bold">{group.name}</h3>
              <p className="text-base text-text-muted">{group.note}</p>
            </div>
            <ul className="grid gap-2 sm:grid-cols-2">
              {group.people.map((person) => (
                <PersonCard key={person.id} person={person} now={now} />
              ))}
            </ul>
          </section>
        ))}
      </div>
    </Card>
  );
}

function PersonCard({ person, now }: { person: PersonView; now: number }) {
  const Icon = ACTIVITY_ICONS[person.activity];
  const since = person.since !== undefined ? now - person.since : null;
  return (
    <li
      aria-label={`${person.name}, ${person.title}: ${person.activityWords}`}
      className="flex min-w-0 gap-3 rounded-xl border border-border bg-surface px-3 py-2"
    >
      <span
        aria-hidden="true"
        className={`flex size-11 shrink-0 items-center justify-center rounded-full text-lg font-bold ${
          person.team === "dev"
            ? "bg-status-working text-on-status-working"
            : person.team === "ops"
              ? "bg-surface-sunken text-text ring-2 ring-border-strong"
              : "bg-surface-sunken text-text-muted ring-1 ring-border"
        }`}
      >
        {person.name.slice(0, 1)}
      </span>
      <span className="flex min-w-0 flex-1 flex-col gap-1">
        <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
          <span className="text-lg font-bold">{person.name}</span>
          <span className="text-base text-text-muted">{person.title}</span>
          {person.onCall ? (
            <span className="inline-flex items-center gap-1 text-base font-semibold text-status-failed-ink">
              <BellRing aria-hidden="true" className="size-4" strokeWidth={2.5} />
              Has the pager
            </span>
          ) : null}
        </span>
        <span className="flex flex-wrap items-center gap-2">
          <Chip status={person.tone} Icon={Icon} wrap>
            {person.activityWords}
          </Chip>
          {since !== null && since > 0 ? <span className="text-base text-text-muted tabular-nums">for {formatMinutes(since)}</span> : null}
        </span>
        {person.detail !== person.activityWords ? <span className="text-base leading-snug text-text-muted">{person.detail}</span> : null}
      </span>
    </li>
  );
}
