import { ChevronRight, FlaskConical, GitCommitHorizontal, Hammer, Rocket, Server, UserCheck, type LucideIcon } from "lucide-react";
import type { Status } from "@/machines/view/stages";
import { STATUS, StatusBadge } from "./status";

interface StageExample {
  name: string;
  /** AWS service or what the stage is, shown under the name. */
  detail: string;
  Icon: LucideIcon;
  status: Status;
  revision: string | null;
}

/** A still picture of one moment in a run, for the home page. Not live. */
const STAGES: readonly StageExample[] = [
  { name: "Source", detail: "CodeCommit", Icon: GitCommitHorizontal, status: "succeeded", revision: "3f2a1c" },
  { name: "Build", detail: "CodeBuild", Icon: Hammer, status: "succeeded", revision: "3f2a1c" },
  { name: "Test", detail: "Test suites", Icon: FlaskConical, status: "working", revision: "3f2a1c" },
  { name: "Approval", detail: "Manual gate", Icon: UserCheck, status: "waiting", revision: "9b7e04" },
  { name: "Deploy", detail: "CodeDeploy", Icon: Rocket, status: "idle", revision: null },
  { name: "Production", detail: "Live service", Icon: Server, status: "succeeded", revision: "5c01d9" },
];

export function PipelineStrip() {
  return (
    <figure className="rounded-2xl border border-border bg-surface-raised p-4 shadow-sm sm:p-5">
      <figcaption className="mb-4 flex flex-wrap items-baseline justify-between gap-x-6 gap-y-1">
        <span className="text-lg font-semibold text-text">One moment in a run, orchestrated by AWS CodePipeline</span>
        <span className="text-base text-text-muted">
          Revision <code className="font-semibold text-text">3f2a1c</code> is in Test while <code className="font-semibold text-text">9b7e04</code> waits for
          approval.
        </span>
      </figcaption>
      <ol aria-label="Example pipeline" className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6 lg:gap-6">
        {STAGES.map((stage, index) => {
          const { Icon } = stage;
          const last = index === STAGES.length - 1;
          return (
            <li key={stage.name} className="relative flex flex-col overflow-visible rounded-xl border border-border bg-surface">
              <span aria-hidden="true" className={`h-1.5 rounded-t-xl ${STATUS[stage.status].bar}`} />
              <div className="flex flex-1 flex-col gap-3 p-3 xl:p-4">
                <div>
                  <span className="block text-xl leading-tight font-bold text-text">{stage.name}</span>
                  <span className="mt-1 flex items-center gap-1.5 text-base leading-snug text-text-muted">
                    <Icon aria-hidden="true" className={`size-5 shrink-0 ${STATUS[stage.status].ink}`} strokeWidth={2.25} />
                    {stage.detail}
                  </span>
                </div>
                <div className="mt-auto flex flex-col items-start gap-2">
                  <StatusBadge status={stage.status} />
                  <span className="text-base text-text-muted">
                    {stage.revision ? (
                      <>
                        Rev. <code className="text-text">{stage.revision}</code>
                      </>
                    ) : (
                      "No revision"
                    )}
                  </span>
                </div>
              </div>
              {!last && (
                <ChevronRight
                  aria-hidden="true"
                  strokeWidth={3}
                  className="absolute top-1/2 left-full hidden size-6 -translate-y-1/2 text-border-strong lg:block"
                />
              )}
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
