import type { Metadata } from "next";
import { InfrastructureView } from "@/components/infrastructure/InfrastructureView";

export const metadata: Metadata = {
  title: "Infrastructure",
  description: "The pipeline and its environments as a CloudFormation template: edit it, review the change set, apply it, and detect drift.",
};

/** /simulator/infrastructure: a view of the workspace's running simulation (app/simulator/layout.tsx). */
export default function InfrastructurePage() {
  return <InfrastructureView />;
}
