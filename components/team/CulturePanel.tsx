"use client";

import { Handshake, Hourglass, Network, Users, Building2, type LucideIcon } from "lucide-react";
import { useId } from "react";
import { Card, Chip } from "@/components/monitoring/ui";
import { CULTURE_NAMES, CULTURES, type Culture } from "@/machines/world/settings";
import type { CultureFact } from "@/machines/view/teamView";

const CULTURE_INFO: Record<Culture, { Icon: LucideIcon; line: string }> = {
  devops: {
    Icon: Handshake,
    line: "One team owns the service: a shared pager, chat-ops, blameless postmortems.",
  },
  silos: {
    Icon: Building2,
    line: "Dev and Ops apart: ticket queues between them, Ops alone on call, blame.",
  },
};

/** The culture setting: a radio group named "Culture". Switching applies from now on. */
export function CultureSwitch({ culture, onChange }: { culture: Culture; onChange: (culture: Culture) => void }) {
  const headingId = useId();
  const name = useId();
  return (
    <Card title="Culture" Icon={Network} labelledBy={headingId}>
      <fieldset className="min-w-0">
        <legend className="sr-only">Culture</legend>
        <div className="flex flex-col gap-2">
          {CULTURES.map((c) => {
            const { Icon, line } = CULTURE_INFO[c];
            return (
              <label
                key={c}
                className="flex cursor-pointer gap-3 rounded-xl border-2 border-border bg-surface px-3 py-2 hover:border-border-strong has-checked:border-accent has-checked:bg-surface-sunken has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
              >
                <input
                  type="radio"
                  name={name}
                  value={c}
                  checked={culture === c}
                  onChange={() => onChange(c)}
                  className="mt-1.5 size-5 shrink-0 accent-[var(--accent)] outline-none"
                />
                <span className="flex flex-col">
                  <span className="flex items-center gap-2 text-xl font-bold">
                    <Icon aria-hidden="true" className="size-6 text-text-muted" strokeWidth={2.25} />
                    {CULTURE_NAMES[c]}
                  </span>
                  <span className="text-base leading-snug text-text-muted">{line}</span>
                </span>
              </label>
            );
          })}
        </div>
      </fieldset>
    </Card>
  );
}

/** What the culture changes right now: who gets paged, who approves and deploys, where work waits. */
export function WorkFlowFacts({ facts }: { facts: readonly CultureFact[] }) {
  const headingId = useId();
  return (
    <Card title="How work flows now" Icon={Users} labelledBy={headingId}>
      <dl className="flex flex-col gap-2">
        {facts.map((fact) => (
          <div key={fact.id} className="grid gap-x-3 border-t border-border pt-2 first:border-t-0 first:pt-0 sm:grid-cols-[11rem_1fr]">
            <dt className="text-base font-semibold text-text-muted">{fact.label}</dt>
            <dd className="flex flex-wrap items-center gap-2 text-base">
              <span>{fact.value}</span>
              {fact.waitsForOtherTeam ? (
                <Chip status="waiting" Icon={Hourglass}>
                  Waits for the other team
                </Chip>
              ) : null}
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}
