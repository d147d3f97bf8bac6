"use client";

import { useId, useState, type FormEvent } from "react";
import { useSelector } from "@xstate/react";
import { CalendarClock, Check, Rocket, UserCheck, X } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { Panel } from "@/components/ui/Panel";
import { formatClock, formatDuration } from "@/machines/sim/calendar";
import { pendingBatch, type PendingBatch } from "@/machines/view/journey";
import type { ReleaseMoment } from "@/machines/world/releaseCalendar";
import { LEARNER, plural } from "@/machines/words";
import type { ChangeSet } from "@/machines/iac/changeSet";
import type { Simulation } from "@/machines/engine/simulation";
import { CommitLink } from "./CommitLink";
import { diagramViewOf, useRunConfig, useRunner, useThrottledSim } from "./SimulationProvider";
import { useSimSelector } from "./runnerContext";

function whenText(next: ReleaseMoment | null, now: number): string {
  if (!next) return "not scheduled";
  return `${formatClock(next.at)} (in ${formatDuration(next.at - now)})`;
}

interface RevisionBrief {
  revision: number;
  sha: string;
  author: string;
  since: number;
  carries: number;
  batch: number;
}

interface DecisionData {
  now: number;
  /** The revision at Approval (manual release, delivery). */
  pending: RevisionBrief | null;
  /** The newest revision waiting behind it. */
  behind: RevisionBrief | null;
  superseded: number;
  inTicketQueue: boolean;
  /** CI: the release candidate waiting at Deploy. */
  candidate: RevisionBrief | null;
  /** What the pending revision would ship. */
  batch: PendingBatch | null;
  /** Everything not in production yet. */
  inFlight: { count: number; oldestPushedAt: number | null };
  next: ReleaseMoment | null;
  lastDeployment: { revision: number; sha: string; batch: number; at: number } | null;
  deployments: number;
  /** Infrastructure changes (template commits) in the pending revision, for the approver to review. */
  infra: InfraCommit[];
}

interface InfraCommit {
  seq: number;
  sha: string;
  changeSet: ChangeSet;
}

/** The template commits between production and a revision, newest first. */
function infraCommits(sim: Simulation, revision: number): InfraCommit[] {
  const found: InfraCommit[] = [];
  for (let seq = revision; seq > sim.productionRevision; seq--) {
    const c = sim.commit(seq);
    if (c?.infra) found.push({ seq, sha: c.sha, changeSet: c.infra.changeSet });
  }
  return found;
}

function brief(r: { revision: number; sha: string; author: string; since: number; carries: number; batch: number } | null | undefined): RevisionBrief | null {
  return r ? { revision: r.revision, sha: r.sha, author: r.author, since: r.since, carries: r.carries, batch: r.batch } : null;
}

/**
 * Everything the panel shows, read a few times a second while playing (ages and batches change with
 * every simulated minute; re-reading them each frame would only cost frames).
 */
function useDecisionData(): DecisionData {
  return useThrottledSim((sim, context) => {
    const view = diagramViewOf(context);
    const approval = view.stages.find((s) => s.id === "approval");
    const deploy = view.stages.find((s) => s.id === "deploy");
    const pending = brief(approval?.current);
    const head = pendingBatch(sim, sim.headRevision, 0);
    return {
      now: sim.now,
      pending,
      behind: brief(approval?.waiting),
      superseded: approval?.superseded ?? 0,
      inTicketQueue: view.inTicketQueue,
      candidate: brief(deploy?.waiting ?? deploy?.current),
      batch: pending ? pendingBatch(sim, pending.revision, 4) : null,
      inFlight: { count: head.count, oldestPushedAt: head.oldestPushedAt },
      next: sim.nextRelease(),
      lastDeployment: view.lastDeployment
        ? { revision: view.lastDeployment.revision, sha: view.lastDeployment.sha, batch: view.lastDeployment.batch, at: view.lastDeployment.at }
        : null,
      deployments: view.production.deployments,
      infra: pending ? infraCommits(sim, pending.revision) : [],
    };
  }, 300);
}

/** What an infrastructure commit would change, as its change set says: the approver reviews this. */
function InfraChanges({ commits }: { commits: InfraCommit[] }) {
  return (
    <div className="flex flex-col gap-1 rounded-lg border-2 border-status-waiting bg-surface px-3 py-2" data-testid="approval-change-set">
      {commits.map((c) => (
        <div key={c.seq}>
          <p className="text-base font-semibold text-text">
            Infrastructure change <CommitLink seq={c.seq} sha={c.sha} />: {c.changeSet.summary}
          </p>
          <ul className="text-base" aria-label={`Change set of ${c.sha}`}>
            {c.changeSet.rows.map((row) => (
              <li key={row.logicalId}>
                <strong>{row.action}</strong> {row.logicalId} <span className="text-text-muted">({row.type})</span>
                {row.replacement ? `, replacement ${row.replacement}` : ""}
                {row.properties.length > 0 ? `: ${row.properties.map((p) => p.name).join(", ")}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

function BatchList({ batch, now }: { batch: PendingBatch; now: number }) {
  return (
    <>
      <p className="text-base text-text">
        <strong>{plural(batch.count, "commit")}</strong> by{" "}
        {batch.authors
          .slice(0, 4)
          .map((a) => `${a.name} (${a.commits})`)
          .join(", ")}
        {batch.authors.length > 4 ? ` and ${batch.authors.length - 4} more` : ""}
        {batch.oldestPushedAt !== null && <>; the oldest waits {formatDuration(now - batch.oldestPushedAt)}</>}.
      </p>
      <ul className="flex flex-col gap-0.5 text-base" aria-label="Newest commits in the batch">
        {batch.newest.map((c) => (
          <li key={c.seq} className="flex min-w-0 items-baseline gap-2">
            <CommitLink seq={c.seq} sha={c.sha} />
            <span className="shrink-0 font-semibold">{c.author}</span>
            <span className="truncate text-text-muted">{c.message}</span>
            <span className="ml-auto shrink-0 text-text-muted tabular-nums">{formatDuration(now - c.pushedAt)}</span>
          </li>
        ))}
        {batch.count > batch.newest.length && <li className="text-text-muted">and {plural(batch.count - batch.newest.length, "older commit")}</li>}
      </ul>
    </>
  );
}

/** Who decides at Approval: the learner, or the scheduled approver ("3 releases a day"). */
function ApproverChoice() {
  const { config, applyConfig } = useRunConfig();
  return (
    <label className="inline-flex cursor-pointer items-center gap-2.5 text-base text-text">
      <input
        type="checkbox"
        checked={config.approver === "scheduled"}
        onChange={(event) => applyConfig({ approver: event.target.checked ? "scheduled" : "learner" })}
        className="size-5 shrink-0 accent-[var(--accent)]"
      />
      <span>
        Hand the decision to the <strong>scheduled approver</strong>: 3 releases a day
      </span>
    </label>
  );
}

function ApprovalDecision() {
  const actor = useRunner();
  const { config, fixed } = useRunConfig();
  const [comment, setComment] = useState("");
  const commentId = useId();
  const data = useDecisionData();
  // Read every change, so Approve is enabled the moment the runner would take a decision.
  const canDecide = useSelector(actor, (snapshot) => snapshot.can({ type: "approval.approve", by: LEARNER }));
  const { pending, behind, batch, next } = data;
  const view = { now: data.now, inTicketQueue: data.inTicketQueue };

  const decide = (approve: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    actor.send({ type: approve ? "approval.approve" : "approval.reject", by: LEARNER, comment: comment.trim() || undefined });
    setComment("");
  };

  let headline: string;
  if (pending && canDecide) headline = config.approver === "learner" ? "waits for your decision" : "waits for the scheduled approver";
  else if (pending && view.inTicketQueue) headline = "sits in Ops' ticket queue before anyone looks at it";
  else headline = "";

  return (
    <div className="flex min-h-0 flex-col gap-2 px-4 py-3">
      {pending ? (
        <p className="text-lg text-text">
          Revision <CommitLink seq={pending.revision} sha={pending.sha} /> by {pending.author}{" "}
          <strong className={canDecide ? "text-status-waiting-ink" : ""}>{headline}</strong>
          {` (${formatDuration(view.now - pending.since)}).`}
        </p>
      ) : (
        <p className="text-lg text-text-muted">
          Nothing waits for approval. Revisions that pass Test stop here
          {config.approver === "learner" ? " for your decision." : ` until the next scheduled approval: ${whenText(next, view.now)}.`}
        </p>
      )}
      <form onSubmit={decide(true)} className="flex flex-wrap items-center gap-2">
        <Button type="submit" variant="approve" size="lg" disabled={!canDecide} title="Approve (A)">
          <Check aria-hidden="true" className="size-5" strokeWidth={3} />
          Approve
        </Button>
        <Button variant="reject" size="lg" disabled={!canDecide} onClick={() => decide(false)()} title="Reject (R)">
          <X aria-hidden="true" className="size-5" strokeWidth={3} />
          Reject
        </Button>
        <label htmlFor={commentId} className="sr-only">
          Comment (optional)
        </label>
        <input
          id={commentId}
          value={comment}
          onChange={(event) => setComment(event.target.value)}
          maxLength={200}
          placeholder="Comment (optional)"
          className="h-12 min-w-40 flex-1 rounded-lg border-2 border-border-strong bg-surface-raised px-3 text-base text-text placeholder:text-text-muted"
        />
      </form>
      {pending && config.approver === "scheduled" && <p className="text-base text-text-muted">Next scheduled approval: {whenText(next, view.now)}.</p>}
      {pending && data.infra.length > 0 && <InfraChanges commits={data.infra} />}
      {pending && batch && batch.count > 0 && <BatchList batch={batch} now={view.now} />}
      {behind && (
        <p className="text-base font-semibold text-status-waiting-ink">
          Piling up behind it: <CommitLink seq={behind.revision} sha={behind.sha} /> with {plural(behind.carries, "newer commit")}
          {data.superseded > 0 ? `; ${plural(data.superseded, "revision")} superseded here so far` : ""}.
        </p>
      )}
      {!fixed && (
        <div className="border-t border-border pt-2">
          <ApproverChoice />
        </div>
      )}
    </div>
  );
}

function InFlight({ data }: { data: DecisionData }) {
  const { count, oldestPushedAt } = data.inFlight;
  if (count === 0) return <p className="text-lg text-text-muted">Production runs every commit pushed so far.</p>;
  return (
    <p className="text-lg text-text">
      <strong className="text-2xl font-extrabold tabular-nums">{count}</strong> {count === 1 ? "commit is" : "commits are"} not in production yet
      {oldestPushedAt !== null && <>; the oldest was pushed {formatDuration(data.now - oldestPushedAt)} ago</>}.
    </p>
  );
}

function ScheduledRelease({ manual }: { manual: boolean }) {
  const data = useDecisionData();
  const candidate = manual ? data.pending : data.candidate;
  return (
    <div className="flex flex-col gap-2 px-4 py-3">
      <p className="flex items-center gap-2 text-lg text-text">
        <CalendarClock aria-hidden="true" className="size-6 shrink-0 text-status-waiting-ink" strokeWidth={2.25} />
        <span>
          {manual ? "Next release day" : "Next hand deploy"}: <strong>{whenText(data.next, data.now)}</strong>
        </span>
      </p>
      <InFlight data={data} />
      {candidate && (
        <p className="text-base text-text">
          Ready to ship: revision <CommitLink seq={candidate.revision} sha={candidate.sha} /> with {plural(candidate.batch, "commit")}.
        </p>
      )}
      <p className="text-base text-text-muted">
        {manual
          ? "On release day Helen, the release manager, approves the newest tested revision and the team deploys it by hand (90 to 180 minutes). A manual step can go wrong."
          : "Once a week someone deploys the newest tested revision by hand (30 to 60 minutes). Every revision tested in between waits."}
      </p>
    </div>
  );
}

function AutomaticDeploys() {
  const data = useDecisionData();
  const last = data.lastDeployment;
  return (
    <div className="flex flex-col gap-2 px-4 py-3">
      <p className="flex items-center gap-2 text-lg font-semibold text-text">
        <Rocket aria-hidden="true" className="size-6 shrink-0 text-status-succeeded-ink" strokeWidth={2.25} />
        Nothing to click: every revision that passes Test deploys on its own.
      </p>
      <InFlight data={data} />
      <p className="text-base text-text">
        {last ? (
          <>
            Last deployment: <CommitLink seq={last.revision} sha={last.sha} /> with {plural(last.batch, "commit")}, {formatDuration(data.now - last.at)} ago (
            {plural(data.deployments, "deployment")} so far).
          </>
        ) : (
          "No deployment yet."
        )}
      </p>
      <p className="text-base text-text-muted">When a CloudWatch alarm fires, CodeDeploy rolls back to the last good revision by itself.</p>
    </div>
  );
}

/**
 * How revisions get to production in the current mode: the learner's Approve / Reject in Continuous
 * Delivery, the release calendar in manual release and CI, nothing to do in Continuous Deployment.
 */
export function DecisionPanel({ className = "" }: { className?: string }) {
  // The live run's mode: with IaC on, an applied template can change it (no Approval stage: deployment).
  const mode = useSimSelector((sim) => sim.settings.mode);
  const title = {
    delivery: "Approval",
    manual: "Release day",
    ci: "Scheduled deploy",
    deployment: "Automatic deploys",
  }[mode];
  const Icon = mode === "delivery" ? UserCheck : mode === "deployment" ? Rocket : CalendarClock;
  return (
    <Panel
      titleId="decision-title"
      title={
        <span className="flex items-center gap-2">
          <Icon aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.5} />
          {title}
        </span>
      }
      className={className}
    >
      {mode === "delivery" ? <ApprovalDecision /> : mode === "deployment" ? <AutomaticDeploys /> : <ScheduledRelease manual={mode === "manual"} />}
    </Panel>
  );
}
