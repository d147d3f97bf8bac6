import { FlaskConical, GitCommitHorizontal, Hammer, Rocket, Server, UserCheck, type LucideIcon } from "lucide-react";
import type { StageId } from "@/machines/view/stages";

/** One icon per stage (LOOK.md), the same everywhere a stage is named. */
export const STAGE_ICONS: Record<StageId, LucideIcon> = {
  source: GitCommitHorizontal,
  build: Hammer,
  test: FlaskConical,
  approval: UserCheck,
  deploy: Rocket,
  production: Server,
};
