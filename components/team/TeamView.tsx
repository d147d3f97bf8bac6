"use client";

import { useMemo } from "react";
import { LEARNER } from "@/machines/words";
import { useLiveMetrics } from "@/components/simulator/liveMetrics";
import { useRunner } from "@/components/simulator/runnerContext";
import { useThrottledSim } from "@/components/simulator/slowBeat";
import { chatMessages, pendingApproval } from "@/machines/view/chatops";
import { teamView } from "@/machines/view/teamView";
import type { Settings } from "@/machines/world/settings";
import { ViewHeader } from "@/components/monitoring/ViewHeader";
import { BrowserOnly } from "@/components/ui/BrowserOnly";
import { viewIntro } from "@/components/simulator/WorkspaceNav";
import { ChatChannel } from "./ChatChannel";
import { CultureComparison } from "./CultureComparison";
import { CultureSwitch, WorkFlowFacts } from "./CulturePanel";
import { HandoffNumbers } from "./HandoffNumbers";
import { TeamRoster } from "./TeamRoster";
import { TicketQueue } from "./TicketQueue";

/** How often the team view re-reads the run while it plays. */
const REFRESH_MS = 400;
/** Messages the channel keeps on screen. */
const CHANNEL_LENGTH = 60;

/**
 * /simulator/team: Dev and Ops working together (or not). The team and what each person does now,
 * the culture and what it changes, the ticket queue, the numbers it moves, and the chat-ops channel.
 * A view of the workspace's one running simulation.
 */
export function TeamView() {
  const actor = useRunner();
  const metrics = useLiveMetrics(1000);
  const view = useThrottledSim((sim, _context, snapshot) => {
    const learnerApproves = sim.settings.mode === "delivery" && sim.settings.approver === "learner";
    return {
      now: sim.now,
      team: teamView(sim),
      messages: chatMessages(sim, CHANNEL_LENGTH, learnerApproves),
      approval: pendingApproval(sim),
      canDecide: snapshot.can({ type: "approval.approve", by: LEARNER }),
      hasApproval: sim.approval !== null,
      culture: sim.settings.culture,
      // A snapshot: the live settings object changes under our feet.
      settings: { ...sim.settings, workingHours: { ...sim.settings.workingHours } } as Settings,
    };
  }, REFRESH_MS);
  const { team } = view;
  const settings = useMemo(() => view.settings, [view.settings]);

  return (
    <div className="flex flex-col gap-4 pt-2 pb-6">
      <ViewHeader title="Team">{viewIntro("/simulator/team")}</ViewHeader>

      <div className="grid gap-4 xl:grid-cols-[22rem_minmax(0,1fr)]">
        <CultureSwitch culture={view.culture} onChange={(culture) => actor.send({ type: "settings.change", change: { culture } })} />
        <HandoffNumbers metrics={metrics} />
      </div>

      {/* Below the first screen on a laptop: mounted in a commit of its own after the numbers (issue 13). */}
      <BrowserOnly fallback={<div className="min-h-[40rem]" />}>
        <div className="grid gap-4 xl:grid-cols-[minmax(0,7fr)_minmax(0,6fr)]">
          <div className="flex min-w-0 flex-col gap-4">
            <WorkFlowFacts facts={team.facts} />
            <TeamRoster groups={team.groups} now={view.now} />
          </div>
          <div className="flex min-w-0 flex-col gap-4">
            <ChatChannel
              messages={view.messages}
              approval={view.approval}
              canDecide={view.canDecide}
              hasApproval={view.hasApproval}
              onDecide={(approve, comment) =>
                actor.send({ type: approve ? "approval.approve" : "approval.reject", by: LEARNER, comment: comment || undefined })
              }
            />
            <TicketQueue culture={view.culture} open={team.openTickets} done={team.doneTickets} total={team.ticketsTotal} />
          </div>
        </div>

        <CultureComparison settings={settings} current={view.culture} />
      </BrowserOnly>
    </div>
  );
}
