import type { Metadata } from "next";
import { FacilitatorGuide } from "@/components/learn/facilitator/FacilitatorGuide";
import { buildFacilitatorPlan } from "@/components/learn/facilitator/plan";

export const metadata: Metadata = {
  title: "Facilitator guide",
  description: "A 45-minute class built from the lessons: times, questions for the room, and the numbers the simulator will show, computed from its own runs.",
};

/** The plan comes from the engine's reference runs (about a second): computed once per server, on first use. */
let plan: ReturnType<typeof buildFacilitatorPlan> | undefined;
function facilitatorPlan() {
  plan ??= buildFacilitatorPlan();
  return plan;
}

/**
 * /learn/facilitator: rendered per request like every page, for the CSP nonce on its scripts
 * (proxy.ts); the plan itself is computed once.
 */
export default function Page() {
  return <FacilitatorGuide plan={facilitatorPlan()} />;
}
