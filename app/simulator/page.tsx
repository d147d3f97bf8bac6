import type { Metadata } from "next";
import { PipelineWorkspace } from "@/components/simulator/PipelineWorkspace";

export const metadata: Metadata = {
  title: "Live pipeline",
  description:
    "Commits flowing through an AWS-style pipeline (CodeCommit, CodeBuild, CodeDeploy, CodePipeline) in your browser: play, step, approve, reject, inject failures and watch the DORA four keys.",
};

export default function SimulatorPage() {
  return <PipelineWorkspace />;
}
