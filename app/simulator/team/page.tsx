import type { Metadata } from "next";
import { TeamView } from "@/components/team/TeamView";

export const metadata: Metadata = {
  title: "Team",
  description: "Dev and Ops on the running pipeline: who does what, the ticket queue between the teams, the culture setting and the chat-ops channel.",
};

/** /simulator/team: a view of the workspace's running simulation (app/simulator/layout.tsx). */
export default function TeamPage() {
  return <TeamView />;
}
