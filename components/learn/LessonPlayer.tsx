"use client";

import { lazy, Suspense, useState } from "react";
import { useSearchParams } from "next/navigation";
import { useSelector } from "@xstate/react";
import { Activity, CircleCheck, Circle, CircleDot, FileCode2, RotateCcw, Users, Workflow } from "lucide-react";
import { BrowserOnly } from "@/components/ui/BrowserOnly";
import { Button } from "@/components/ui/Button";
import { incidentViews } from "@/machines/view/incidentView";
import type { Lesson } from "@/machines/lessons/types";
import { LEARNER } from "@/machines/words";
import { DecisionPanel } from "@/components/simulator/DecisionPanel";
import { DoraPanel } from "@/components/simulator/DoraPanel";
import { Inspector } from "@/components/simulator/Inspector";
import { KeyboardShortcuts } from "@/components/simulator/KeyboardShortcuts";
import { LiveAnnouncer } from "@/components/simulator/LiveAnnouncer";
import { LiveDiagram } from "@/components/simulator/LiveDiagram";
import { PipelineStrip } from "@/components/simulator/PipelineStrip";
import { PHONE_STRIP } from "@/components/simulator/layoutClasses";
import { ParamNotices } from "@/components/simulator/ParamNotices";
import { FaultMenu, PlayControls } from "@/components/simulator/RunToolbar";
import { useSelection } from "@/components/simulator/RunProviders";
import { useRunner, useSimSelector } from "@/components/simulator/runnerContext";
import { useThrottledSim } from "@/components/simulator/slowBeat";
import { OpenIncidents } from "@/components/monitoring/ProductionStatus";
import { WORKSPACE_CONTAINER } from "@/components/simulator/layoutClasses";
import type { NextLesson } from "./DebriefPanel";
import { LessonProvider, useLesson } from "./LessonProvider";
import { StepControls } from "./StepControls";
import { StepPanel } from "./StepPanel";
import { LessonBreadcrumb } from "./LessonBreadcrumb";

type View = "pipeline" | "monitoring" | "team" | "infrastructure";
const VIEWS: readonly { id: View; label: string; Icon: typeof Workflow }[] = [
  { id: "pipeline", label: "Pipeline", Icon: Workflow },
  { id: "monitoring", label: "Monitoring", Icon: Activity },
  { id: "team", label: "Team", Icon: Users },
  { id: "infrastructure", label: "Infrastructure", Icon: FileCode2 },
];

/**
 * The other views are fetched when the learner opens them (or points at their button), not with the
 * lesson: the monitoring view's charts alone made the lesson's first load half again as heavy and
 * held the main thread at load (issue 13). The infrastructure view is offered only by lessons that use it.
 */
const VIEW_CODE = {
  monitoring: () => import("@/components/monitoring/MonitoringView"),
  team: () => import("@/components/team/TeamView"),
  infrastructure: () => import("@/components/infrastructure/InfrastructureView"),
} satisfies Partial<Record<View, () => Promise<unknown>>>;
const MonitoringView = lazy(() => VIEW_CODE.monitoring().then((m) => ({ default: m.MonitoringView })));
const TeamView = lazy(() => VIEW_CODE.team().then((m) => ({ default: m.TeamView })));
const InfrastructureView = lazy(() => VIEW_CODE.infrastructure().then((m) => ({ default: m.InfrastructureView })));

/** The debrief (the reference run, measured beside the learner's) comes at the end, so it is fetched then. */
const DebriefPanel = lazy(() => import("./DebriefPanel").then((m) => ({ default: m.DebriefPanel })));

function prefetchView(view: View): void {
  if (view !== "pipeline") void VIEW_CODE[view]();
}

function ViewLoading({ label }: { label: string }) {
  return (
    <p role="status" className="py-8 text-lg text-text-muted">
      Loading the {label.toLowerCase()} view…
    </p>
  );
}

/** Lessons that change the stack's template or production by hand show the infrastructure view. */
function usesInfrastructure(lesson: Lesson): boolean {
  return lesson.solution.some((a) => a.do === "template" || a.do === "drift" || a.do === "detect-drift");
}

/** The lesson's steps as a row of marks: done, current, to come (an icon and the title, never colour alone). */
function StepMarks() {
  const { lesson, state } = useLesson();
  return (
    <ol aria-label="Steps" className="flex flex-wrap items-center gap-1.5">
      {lesson.steps.map((step, i) => {
        const done = state.met.includes(step.id);
        const current = i === state.step && !state.finished;
        const Icon = done ? CircleCheck : current ? CircleDot : Circle;
        return (
          <li key={step.id} title={step.title} className="flex items-center">
            <Icon
              aria-hidden="true"
              className={`size-5 ${done ? "text-status-succeeded-ink" : current ? "text-accent" : "text-text-muted"}`}
              strokeWidth={2.5}
            />
            <span className="sr-only">
              {i + 1}. {step.title}: {done ? "done" : current ? "current step" : "to come"}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function ViewSwitch({ view, onView }: { view: View; onView(view: View): void }) {
  const { lesson } = useLesson();
  const views = usesInfrastructure(lesson) ? VIEWS : VIEWS.filter((v) => v.id !== "infrastructure");
  return (
    <div role="group" aria-label="View" className="flex items-center gap-1 max-sm:w-full">
      {views.map(({ id, label, Icon }) => (
        <button
          key={id}
          type="button"
          aria-pressed={view === id}
          onClick={() => onView(id)}
          onPointerEnter={() => prefetchView(id)}
          onFocus={() => prefetchView(id)}
          className="inline-flex h-11 items-center gap-2 rounded-lg px-3 text-lg font-bold max-sm:gap-1.5 max-sm:px-2 max-sm:text-base text-text-muted hover:bg-surface-sunken hover:text-text aria-pressed:bg-surface-raised aria-pressed:text-text aria-pressed:shadow-[inset_0_-3px_0_var(--accent)]"
        >
          <Icon aria-hidden="true" className="size-5" strokeWidth={2.5} />
          {label}
        </button>
      ))}
    </div>
  );
}

function LessonHeader({ number, view, onView }: { number: number; view: View; onView(view: View): void }) {
  const { lesson, restart } = useLesson();
  return (
    <div className="flex min-h-12 flex-wrap items-center gap-x-4 gap-y-1">
      <LessonBreadcrumb number={number} title={lesson.title} />
      <StepMarks />
      <div className="ml-auto flex items-center gap-2 max-sm:ml-0 max-sm:flex-wrap">
        <ViewSwitch view={view} onView={onView} />
        <Button size="sm" onClick={restart} title="Start the lesson again from step 1">
          <RotateCcw aria-hidden="true" className="size-4" strokeWidth={2.5} />
          Start again
        </Button>
        <KeyboardShortcuts />
      </div>
    </div>
  );
}

/** Play, Step, Speed and the failures to inject, with why the run waits when it does. */
function LessonToolbar() {
  const actor = useRunner();
  const { session } = useLesson();
  const held = useSelector(actor, () => session.holds());
  return (
    <div className="flex flex-wrap items-center gap-x-1.5 gap-y-2">
      <div role="group" aria-label="Run controls" className="flex flex-wrap items-center gap-1.5">
        <PlayControls held={held} heldId="lesson-hold" />
        <FaultMenu />
      </div>
      {held && (
        <p id="lesson-hold" className="text-base font-semibold text-status-waiting-ink">
          {held}
        </p>
      )}
    </div>
  );
}

/** Open incidents with their Roll back button, under the diagram, so a lesson never sends the learner elsewhere to act. */
function LessonIncidents() {
  const actor = useRunner();
  const view = useThrottledSim((sim) => ({ open: incidentViews(sim).filter((i) => i.state !== "restored"), monitoring: sim.settings.monitoring }), 250, []);
  return (
    <OpenIncidents open={view.open} monitoring={view.monitoring} onRollback={(incident) => actor.send({ type: "incident.rollback", incident, by: LEARNER })} />
  );
}

const LESSON_DIAGRAM_HEIGHT = "h-[clamp(15rem,calc(100dvh-31rem),24rem)]";

function PipelineView() {
  const { selection } = useSelection();
  return (
    <>
      {/* As in /simulator's pipeline view: the diagram and the panels each mount in a commit of
          their own, shorter tasks on a slow phone than one long one (issue 13). */}
      <PipelineStrip selectedStage={null}>
        <BrowserOnly fallback={<div className={`${LESSON_DIAGRAM_HEIGHT} ${PHONE_STRIP}`} />}>
          <LiveDiagram className={`${LESSON_DIAGRAM_HEIGHT} ${PHONE_STRIP}`} />
        </BrowserOnly>
      </PipelineStrip>
      <LessonIncidents />
      <BrowserOnly fallback={<div className="min-h-[22rem]" />}>
        <div className="grid gap-3 pb-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,0.9fr)]">
          {selection ? <Inspector selection={selection} /> : <DecisionPanel />}
          <DoraPanel />
        </div>
      </BrowserOnly>
    </>
  );
}

function LessonWorkspace({ number, next }: LessonPlace) {
  const { state } = useLesson();
  const [view, setView] = useState<View>("pipeline");
  const { select } = useSelection();
  const mode = useSimSelector((sim) => sim.settings.mode);
  return (
    <div className={`${WORKSPACE_CONTAINER} flex flex-1 flex-col gap-2 pt-1`} data-mode={mode}>
      <LessonHeader number={number} view={view} onView={setView} />
      <ParamNotices />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(21rem,25rem)_minmax(0,1fr)]">
        <aside
          aria-label="Lesson"
          className="flex flex-col gap-3 rounded-xl border border-border bg-surface-raised p-4 shadow-sm lg:sticky lg:top-2 lg:max-h-[calc(100dvh-6rem)] lg:overflow-y-auto"
        >
          {state.finished ? (
            <Suspense fallback={<p className="text-lg text-text-muted">Measuring your run beside the reference run…</p>}>
              <DebriefPanel next={next} />
            </Suspense>
          ) : (
            <>
              <StepPanel />
              <StepControls />
            </>
          )}
        </aside>
        <div className="flex min-w-0 flex-col gap-2">
          <LessonToolbar />
          {view === "pipeline" && <PipelineView />}
          {view === "monitoring" && (
            <Suspense fallback={<ViewLoading label="Monitoring" />}>
              <MonitoringView
                teamHref={null}
                onShowCommit={(seq) => {
                  select({ kind: "commit", seq });
                  setView("pipeline");
                }}
              />
            </Suspense>
          )}
          {view === "team" && (
            <Suspense fallback={<ViewLoading label="Team" />}>
              <TeamView />
            </Suspense>
          )}
          {view === "infrastructure" && (
            <Suspense fallback={<ViewLoading label="Infrastructure" />}>
              <InfrastructureView />
            </Suspense>
          )}
        </div>
      </div>
      <LiveAnnouncer />
    </div>
  );
}

/** Where a lesson stands among the others, told by the page: the catalog stays on the server. */
interface LessonPlace {
  /** 1 for the first lesson. */
  number: number;
  next: NextLesson | null;
}

/** A lesson: its steps beside the live run they drive. Reads `?step=` once. */
export function LessonPlayer({ lesson, number, next }: { lesson: Lesson } & LessonPlace) {
  const params = useSearchParams();
  return (
    <LessonProvider lesson={lesson} stepParam={params.get("step")}>
      <LessonWorkspace number={number} next={next} />
    </LessonProvider>
  );
}
