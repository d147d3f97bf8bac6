"use client";

import type { ReactNode } from "react";
import { X } from "lucide-react";
import { STATUS, StatusBadge } from "@/components/site/status";
import type { Status } from "@/machines/view/stages";
import { Button } from "@/components/ui/Button";
import { Panel } from "@/components/ui/Panel";
import type { StageName } from "@/machines/events";
import { formatClock, formatDuration } from "@/machines/sim/calendar";
import { commitJourney, type CommitJourney, type JourneyStep } from "@/machines/view/journey";
import { LEARNER, START_RELEASE, plural, reasonWords } from "@/machines/words";
import type { StageView } from "@/machines/view/pipelineView";
import { stageHistory, type StageOutcome } from "@/machines/view/stageHistory";
import { STAGE_INFO, type StageId } from "@/machines/view/stages";
import { STAGE_ICONS } from "./diagram/stageIcons";
import { CommitLink } from "./CommitLink";
import { type Selection, useSelection } from "./SimulationProvider";
import { useLiveMetrics } from "./liveMetrics";
import { diagramViewOf, useRunner } from "./runnerContext";
import { useThrottledSim } from "./slowBeat";

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col">
      <dt className="text-base text-text-muted">{label}</dt>
      <dd className="text-xl font-bold text-text tabular-nums">{children}</dd>
    </div>
  );
}

function CloseButton() {
  const { select } = useSelection();
  return (
    <Button size="sm" variant="ghost" onClick={() => select(null)} aria-label="Close inspector" title="Close (Esc)" className="size-10 px-0">
      <X aria-hidden="true" className="size-5" strokeWidth={2.5} />
    </Button>
  );
}

const OUTCOME_STATUS: Record<StageOutcome["result"], Status> = {
  succeeded: "succeeded",
  failed: "failed",
  superseded: "superseded",
  rejected: "failed",
};

interface StageDetails {
  history: (StageOutcome & { sha: string | null })[];
  deployments: { id: number; revision: number; sha: string; batch: number; at: number }[];
  incidents: { id: number; phase: string; errorRate: number; startedAt: number; canRollBack: boolean }[];
  errorRate: number;
}

/** What the stage inspector shows of the diagram's view: the stage, production's line and how long the stage has worked. */
interface StageShown {
  stageView: StageView | undefined;
  productionSha: string | null;
  deployments: number;
  /** How long the revision in the stage has been there, as shown. */
  forDuration: string | null;
}

const sameShown = (a: StageShown, b: StageShown) => JSON.stringify(a) === JSON.stringify(b);

function StageInspector({ stage }: { stage: StageId }) {
  const actor = useRunner();
  // Read on the slow beat like the rest of the inspector, and only re-rendered when what it shows
  // changed: the diagram's view itself changes every frame while playing.
  const { stageView, productionSha, deployments, forDuration } = useThrottledSim<StageShown>(
    (_, context) => {
      const view = diagramViewOf(context);
      const stageView = view.stages.find((s) => s.id === stage);
      const current = stageView?.current;
      return {
        stageView,
        productionSha: view.production.sha,
        deployments: view.production.deployments,
        forDuration: current ? formatDuration(view.now - current.since) : null,
      };
    },
    300,
    [stage],
    sameShown,
  );
  const metrics = useLiveMetrics();
  const times = stage === "production" ? null : metrics.stages[stage as StageName];
  const details = useThrottledSim<StageDetails>(
    (sim) => {
      const sha = (r: number | undefined) => (r === undefined ? null : (sim.commit(r)?.sha ?? `r${r}`));
      return {
        history:
          stage === "production"
            ? []
            : stageHistory(sim.log, stage as StageName, 6, (x) => sim.executions.get(x)?.revision).map((h) => ({ ...h, sha: sha(h.revision) })),
        deployments:
          stage === "production"
            ? sim.deployments
                .slice(-6)
                .reverse()
                .map((d) => ({ id: d.id, revision: d.revision, sha: sha(d.revision) ?? "", batch: d.batch, at: d.at }))
            : [],
        incidents:
          stage === "production"
            ? sim.openIncidents().map((i) => ({
                id: i.id,
                phase: i.phase,
                errorRate: i.errorRate,
                startedAt: i.startedAt,
                canRollBack: sim.incidentActors.get(i.id)?.can({ type: "rollback.start", by: LEARNER }) ?? false,
              }))
            : [],
        errorRate: sim.errorRate(),
      };
    },
    300,
    [stage],
  );
  if (!stageView) {
    return (
      <Panel titleId="inspector-title" title={STAGE_INFO[stage].name} actions={<CloseButton />}>
        <p className="px-4 py-3 text-lg text-text-muted">This mode has no {STAGE_INFO[stage].name} stage.</p>
      </Panel>
    );
  }
  const Icon = STAGE_ICONS[stage];
  const current = stageView.current;
  const waiting = stageView.waiting;
  return (
    <Panel
      titleId="inspector-title"
      title={
        <span className="flex items-center gap-2">
          <Icon aria-hidden="true" className={`size-5 ${STATUS[stageView.status].ink}`} strokeWidth={2.5} />
          {stageView.name} · {stageView.service}
        </span>
      }
      actions={<CloseButton />}
    >
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto px-4 py-3">
        <div className="flex flex-wrap items-center gap-3">
          <StatusBadge status={stageView.status} />
          {stageView.detail !== STATUS[stageView.status].label && <span className="text-base text-text">{stageView.detail}</span>}
        </div>
        <p className="text-base text-text-muted">{STAGE_INFO[stage].explain}</p>
        {stage === "production" ? (
          <>
            <dl className="grid grid-cols-3 gap-3">
              <Fact label="Running">{productionSha ?? START_RELEASE.short}</Fact>
              <Fact label="Error rate">{(details.errorRate * 100).toFixed(1)}%</Fact>
              <Fact label="Deployments">{deployments}</Fact>
            </dl>
            {details.incidents.map((incident) => (
              <div key={incident.id} className="flex flex-wrap items-center gap-3 rounded-lg border-2 border-status-failed px-3 py-2">
                <span className="text-base font-semibold text-status-failed-ink">
                  Incident #{incident.id}: {Math.round(incident.errorRate * 100)}% errors since {formatClock(incident.startedAt)} ({incident.phase})
                </span>
                {incident.canRollBack && (
                  <Button size="sm" onClick={() => actor.send({ type: "incident.rollback", incident: incident.id, by: LEARNER })}>
                    Roll back now
                  </Button>
                )}
              </div>
            ))}
            <Recent id="deployments-title" title="Recent deployments" empty="None yet." listClassName="flex flex-col text-base">
              {details.deployments.map((d) => (
                <RecentItem key={d.id} at={d.at}>
                  <CommitLink seq={d.revision} sha={d.sha} />
                  <span className="text-text">{plural(d.batch, "commit")}</span>
                </RecentItem>
              ))}
            </Recent>
          </>
        ) : (
          <>
            <dl className="grid grid-cols-2 gap-x-4 gap-y-2">
              <Fact label="Pass rate">{times?.passRate == null ? "—" : `${Math.round(times.passRate * 100)}%`}</Fact>
              <Fact label="Mean waiting">{times?.meanWaitingMinutes == null ? "—" : formatDuration(times.meanWaitingMinutes)}</Fact>
              <Fact label="Mean working">{times?.meanWorkingMinutes == null ? "—" : formatDuration(times.meanWorkingMinutes)}</Fact>
              <Fact label="Executions">{times?.entered ?? 0}</Fact>
            </dl>
            <div className="flex flex-col gap-1 text-base text-text">
              <p>
                <span className="font-semibold">Now: </span>
                {current ? (
                  <>
                    <CommitLink seq={current.revision} sha={current.sha} /> by {current.author}, {plural(current.carries, "commit")}, for {forDuration}
                  </>
                ) : (
                  <span className="text-text-muted">nothing</span>
                )}
              </p>
              <p>
                <span className="font-semibold">Queue: </span>
                {waiting ? (
                  <>
                    <CommitLink seq={waiting.revision} sha={waiting.sha} /> waits with {plural(waiting.carries, "commit")}
                  </>
                ) : (
                  <span className="text-text-muted">empty</span>
                )}
                {stageView.superseded > 0 && <span className="text-text-muted"> · {stageView.superseded} superseded so far</span>}
              </p>
            </div>
            <Recent id="history-title" title="Recent history" empty="Nothing has finished here yet." listClassName="flex flex-col gap-0.5 text-base">
              {details.history.map((h) => {
                const status = STATUS[OUTCOME_STATUS[h.result]];
                const StatusIcon = status.Icon;
                return (
                  <RecentItem key={h.seq} at={h.t}>
                    {h.sha && h.revision !== undefined ? <CommitLink seq={h.revision} sha={h.sha} /> : <span>—</span>}
                    <span className={`inline-flex items-center gap-1 font-semibold ${status.ink}`}>
                      <StatusIcon aria-hidden="true" className="size-4 self-center" strokeWidth={2.5} />
                      {h.result === "rejected" ? "Rejected" : status.label}
                    </span>
                    <span className="truncate text-text-muted">{h.reason ? reasonWords(h.reason) : h.by ? `by ${h.by}` : ""}</span>
                  </RecentItem>
                );
              })}
            </Recent>
          </>
        )}
      </div>
    </Panel>
  );
}

/** A titled list of what happened lately, or a line that says nothing has yet. */
function Recent({ id, title, empty, listClassName, children }: { id: string; title: string; empty: string; listClassName: string; children: ReactNode[] }) {
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-base font-bold text-text">
        {title}
      </h3>
      {children.length === 0 ? <p className="text-base text-text-muted">{empty}</p> : <ul className={listClassName}>{children}</ul>}
    </section>
  );
}

/** One line of a `Recent` list, after the time it happened. */
function RecentItem({ at, children }: { at: number; children: ReactNode }) {
  return (
    <li className="flex items-baseline gap-2">
      <span className="w-36 shrink-0 text-text-muted tabular-nums">{formatClock(at)}</span>
      {children}
    </li>
  );
}

const STEP_STATUS: Record<JourneyStep["result"], Status> = {
  succeeded: "succeeded",
  failed: "failed",
  superseded: "superseded",
  held: "waiting",
  rejected: "failed",
  working: "working",
  waiting: "waiting",
};

const STATE_WORDS: Record<CommitJourney["state"], string> = {
  "in-pipeline": "On its way",
  stopped: "Stopped: a later revision will carry it",
  "in-production": "In production",
  "rolled-back": "Deployed, then rolled back",
};

const JOURNEY_COLUMNS = ["Stage", "Entered", "Waited", "Worked", "Result"];

function CommitInspector({ seq }: { seq: number }) {
  const journey = useThrottledSim((sim) => ({ journey: commitJourney(sim, seq), now: sim.now }), 300, [seq]);
  const j = journey.journey;
  if (!j) {
    return (
      <Panel titleId="inspector-title" title="Commit" actions={<CloseButton />}>
        <p className="px-4 py-3 text-lg text-text-muted">This commit is older than the history the live run keeps.</p>
      </Panel>
    );
  }
  return (
    <Panel
      titleId="inspector-title"
      title={
        <span>
          Commit <code>{j.sha}</code>
        </span>
      }
      actions={<CloseButton />}
    >
      <div className="flex min-h-0 flex-col gap-3 overflow-y-auto px-4 py-3">
        <p className="text-lg text-text">
          <strong>{j.author}</strong> pushed “{j.message}” at {formatClock(j.pushedAt)}
          {j.kind !== "feature" && (
            <span className="text-text-muted">
              {" "}
              ({j.kind}
              {j.fixes.length > 0 ? ` of ${j.fixes.join(", ")}` : ""})
            </span>
          )}
          .
        </p>
        <dl className="grid grid-cols-2 gap-3">
          <Fact label="Where it is">{STATE_WORDS[j.state]}</Fact>
          <Fact label={j.deployedAt !== null ? "Lead time" : "Age so far"}>{formatDuration(j.leadMinutes)}</Fact>
        </dl>
        <table className="w-full text-left text-base">
          <caption className="sr-only">Journey of commit {j.sha}, stage by stage</caption>
          <thead className="text-text-muted">
            <tr>
              {JOURNEY_COLUMNS.map((name, i) => (
                <th key={name} scope="col" className={i < JOURNEY_COLUMNS.length - 1 ? "py-1 pr-2 font-semibold" : "py-1 font-semibold"}>
                  {name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {j.steps.map((step, i) => {
              const status = STATUS[STEP_STATUS[step.result]];
              const StatusIcon = status.Icon;
              return (
                <tr key={`${step.execution}-${step.stage}-${i}`} className="border-t border-border">
                  <th scope="row" className="py-1 pr-2 font-semibold text-text">
                    {STAGE_INFO[step.stage].name}
                    {step.carried && (
                      <span className="block text-base font-normal text-text-muted">
                        inside <code>{step.sha}</code>
                      </span>
                    )}
                  </th>
                  <td className="py-1 pr-2 tabular-nums">{formatClock(step.enteredAt).replace(/, day \d+$/, "")}</td>
                  <td className="py-1 pr-2 tabular-nums">{formatDuration(step.waitingMinutes)}</td>
                  <td className="py-1 pr-2 tabular-nums">{step.workingMinutes === null ? "—" : formatDuration(step.workingMinutes)}</td>
                  <td className={`py-1 font-semibold ${status.ink}`}>
                    <span className="inline-flex items-center gap-1">
                      <StatusIcon aria-hidden="true" className="size-4" strokeWidth={2.5} />
                      {step.result === "held" ? "Held" : step.result === "rejected" ? "Rejected" : status.label}
                    </span>
                    {step.reason && step.result !== "rejected" && <span className="block font-normal text-text-muted">{reasonWords(step.reason)}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {j.deployedAt !== null && (
          <p className="text-base text-text">
            Reached production at {formatClock(j.deployedAt)} in deployment #{j.deployment}.
          </p>
        )}
      </div>
    </Panel>
  );
}

/** The stage inspector or a commit's journey, for the current selection. */
export function Inspector({ selection }: { selection: NonNullable<Selection> }) {
  return selection.kind === "stage" ? <StageInspector stage={selection.stage} /> : <CommitInspector seq={selection.seq} />;
}
