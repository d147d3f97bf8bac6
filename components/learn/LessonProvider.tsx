"use client";

/**
 * A lesson in progress: its session (steps, goals, predictions) and the live run it watches. The run
 * is an ordinary runner actor, so the lesson page shows it with the simulator's own components; the
 * session is the runner's watch, so the run stops at each goal's moment whatever the speed.
 *
 *   useLesson()   the lesson, its state, and what the learner can do to it
 *
 * A deep link (`?step=3`) plays the reference solution up to that step first, through the same
 * runner, so the learner lands where a learner who had done steps 1 and 2 would be.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from "react";
import { useActorRef, useSelector } from "@xstate/react";
import { runnerMachine } from "@/machines/runner/runnerMachine";
import { isSpeed, type Speed } from "@/machines/runner/speeds";
import { applySetup, lessonSettings, playSteps } from "@/machines/lessons/replay";
import { LessonSession, type LessonState } from "@/machines/lessons/session";
import type { Lesson } from "@/machines/lessons/types";
import type { ParamNotice } from "@/lib/url/simulatorParams";
import { RunProviders, type RunControl } from "@/components/simulator/RunProviders";
import { finishLesson, recordPrediction, recordStep } from "@/lib/learn/progress";
import { LiveDriver } from "./liveDriver";
import { readStepParam } from "@/machines/lessons/stepParam";

export interface LessonControl {
  lesson: Lesson;
  session: LessonSession;
  state: LessonState;
  driver: LiveDriver;
  /** On to the next step (or the debrief), with the next step's setup. */
  next(): void;
  /** Start the lesson again from its first step. */
  restart(): void;
  /** Start the current step again, from where a learner who did the steps before it would be. */
  retryStep(): void;
  /** A problem with the address (a step that does not exist), shown once. */
  notice: string | null;
  dismissNotice(): void;
}

const LessonContext = createContext<LessonControl | null>(null);

export function useLesson(): LessonControl {
  const value = useContext(LessonContext);
  if (!value) throw new Error("useLesson must be used inside <LessonProvider>.");
  return value;
}

function stepSearch(step: number): string {
  return step === 0 ? "" : `?step=${step + 1}`;
}

interface RunProps {
  lesson: Lesson;
  firstStep: number;
  notice: string | null;
  onRestart(step: number): void;
  children: ReactNode;
}

function LessonRun({ lesson, firstStep, notice: initialNotice, onRestart, children }: RunProps) {
  const [session] = useState(() => new LessonSession(lesson));
  const actor = useActorRef(runnerMachine, {
    input: { settings: lessonSettings(lesson), speed: lesson.start.speed, watch: session, startAt: lesson.start.startAt, retainDays: Infinity },
  });
  const [driver] = useState(() => new LiveDriver(actor));
  const state = useSyncExternalStore(session.subscribe, session.getState, session.getState);
  // The steps before a deep link, as the reference solution does them, through this runner; then
  // the setup of the step the learner starts at. It runs once the runner has started (useActorRef
  // starts it in an effect), so its outcome is known only here.
  const [prepared, setPrepared] = useState<{ notice: string | null } | null>(null);
  useEffect(() => {
    if (prepared || session.getState().step > firstStep) return;
    const result = firstStep > 0 ? playSteps(session, driver, lesson.solution, firstStep) : null;
    if (session.getState().step === firstStep) applySetup(lesson, lesson.steps[firstStep]?.setup, driver);
    const problem = result && !result.ok ? `Step ${firstStep + 1} could not be prepared (${result.problem}); carry on from here.` : null;
    // The runner's outcome, known only after it ran: React state for the notice and the page.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setPrepared({ notice: problem });
  }, [prepared, session, driver, lesson, firstStep]);
  // Progress kept in the browser: the steps this learner met here (not those a deep link prepared,
  // which the effect above did before this one subscribes), their predictions, the finish.
  useEffect(() => {
    const recorded = new Set<string>();
    return session.subscribe(() => {
      const { phase, step, reveals, finished } = session.getState();
      const id = lesson.steps[step]?.id;
      if (phase === "met" && id && !recorded.has(id)) {
        recorded.add(id);
        recordStep(lesson.slug, id);
        const reveal = reveals[id];
        if (reveal) recordPrediction(lesson.slug, id, reveal);
      }
      if (finished && !recorded.has("")) {
        recorded.add("");
        finishLesson(lesson.slug);
      }
    });
  }, [session, lesson]);
  const [dismissed, setDismissed] = useState(false);
  const notice = dismissed ? null : (initialNotice ?? prepared?.notice ?? null);

  /** On to the next step, and its setup (a restart with other settings, a fault) as it begins. */
  const next = useCallback(() => {
    const before = session.getState().step;
    session.next();
    const { step } = session.getState();
    if (step !== before) applySetup(lesson, lesson.steps[step]?.setup, driver);
  }, [session, lesson, driver]);

  // The address follows the step, so a reload or a copied link comes back to it.
  useEffect(() => {
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${stepSearch(state.step)}`);
  }, [state.step]);

  const mode = useSelector(actor, (s) => s.context.sim.settings.mode);
  const seed = useSelector(actor, (s) => s.context.sim.settings.seed);
  const approver = useSelector(actor, (s) => s.context.sim.settings.approver);
  const speed = useSelector(actor, (s) => s.context.speed);
  const notices = useMemo<ParamNotice[]>(() => (notice ? [{ param: "step", message: notice }] : []), [notice]);
  const control = useMemo<RunControl>(
    () => ({
      config: { mode, seed, speed, approver },
      notices,
      dismissNotices: () => setDismissed(true),
      // A lesson sets its own run; only the speed is the learner's to choose.
      applyConfig: (change) => {
        if (change.speed !== undefined && isSpeed(change.speed)) actor.send({ type: "run.speed", speed: change.speed as Speed });
      },
      reset: () => onRestart(0),
      fixed: true,
      shareUrl: () => `${window.location.origin}/learn/${lesson.slug}${stepSearch(session.getState().step)}`,
    }),
    [mode, seed, speed, approver, notices, actor, onRestart, lesson.slug, session],
  );

  const value = useMemo<LessonControl>(
    () => ({
      lesson,
      session,
      state,
      driver,
      next,
      restart: () => onRestart(0),
      retryStep: () => onRestart(session.getState().step),
      notice,
      dismissNotice: () => setDismissed(true),
    }),
    [lesson, session, state, driver, next, onRestart, notice],
  );

  return (
    <RunProviders actor={actor} control={control}>
      <LessonContext.Provider value={value}>
        {prepared ? (
          children
        ) : (
          // A screen tall, as the lesson will be: the footer must not show and then jump away.
          <p className="min-h-dvh px-4 pt-3 text-lg text-text-muted" aria-busy="true">
            Preparing step {firstStep + 1}…
          </p>
        )}
      </LessonContext.Provider>
    </RunProviders>
  );
}

/**
 * Holds one attempt at a lesson. Starting again (the lesson, or one step when the run went a way the
 * step cannot come back from) begins a new attempt, prepared by the reference solution.
 */
export function LessonProvider({ lesson, stepParam, children }: { lesson: Lesson; stepParam: string | null; children: ReactNode }) {
  const [attempt, setAttempt] = useState(() => {
    const { step, notice } = readStepParam(stepParam, lesson);
    return { n: 0, step, notice };
  });
  const restart = useCallback((step: number) => setAttempt((a) => ({ n: a.n + 1, step, notice: null })), []);
  return (
    <LessonRun key={attempt.n} lesson={lesson} firstStep={attempt.step} notice={attempt.notice} onRestart={restart}>
      {children}
    </LessonRun>
  );
}
