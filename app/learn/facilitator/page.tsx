import type { Metadata } from "next";
import { FacilitatorGuide } from "@/components/learn/facilitator/FacilitatorGuide";
import { buildFacilitatorPlan } from "@/components/learn/facilitator/plan";

export const dynamic = "force-static";

export const metadata: Metadata = {
  title: "Facilitator guide",
  description: "A 45-minute class built from the lessons: times, questions for the room, and the numbers the simulator will show, computed from its own runs.",
};

/** /learn/facilitator: the plan is computed once, when the page is built (the engine's reference runs). */
export default function Page() {
  return <FacilitatorGuide plan={buildFacilitatorPlan()} />;
}
