"use client";

import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { ArrowRight, CircleCheck, CircleDashed, Flag, Lightbulb, RotateCcw, Target } from "lucide-react";
import { Button } from "@/components/ui/Button";
import { formatMeasure } from "@/machines/lessons/goals";
import { formatTime } from "@/machines/sim/calendar";
import type { Prediction } from "@/machines/lessons/types";
import { useLesson } from "./LessonProvider";

function PredictionForm({ prediction, onAnswer }: { prediction: Prediction; onAnswer(guess: number | string | null): void }) {
  const id = useId();
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  const first = useRef<HTMLInputElement>(null);
  // The question is where the learner is asked to act now: take the keyboard there.
  useEffect(() => first.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (prediction.kind === "choice") {
      if (!value) return setError("Choose one of the answers, or skip the question.");
      return onAnswer(value);
    }
    const n = /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : NaN;
    if (!Number.isFinite(n) || n < prediction.min || n > prediction.max) {
      return setError(`Give a number from ${prediction.min} to ${prediction.max}, or skip the question.`);
    }
    onAnswer(n);
  };

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-q`} className="flex flex-col gap-3 rounded-lg border-2 border-status-waiting bg-surface-sunken p-3">
      <p id={`${id}-q`} className="text-lg font-bold text-text">
        <span className="mr-1.5 text-base font-semibold tracking-wide text-status-waiting-ink uppercase">Predict</span>
        {prediction.question}
      </p>
      {prediction.kind === "number" ? (
        <div className="flex items-center gap-2 text-base text-text">
          <input
            aria-label={`Your guess, in ${prediction.unit}`}
            ref={first}
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => setValue(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className="h-11 w-28 rounded-lg border-2 border-border-strong bg-surface-raised px-2 font-mono text-lg tabular-nums aria-invalid:border-status-failed"
          />
          <span aria-hidden="true">{prediction.unit}</span>
        </div>
      ) : (
        <fieldset className="flex flex-col gap-1.5">
          <legend className="sr-only">{prediction.question}</legend>
          {prediction.options.map((option, i) => (
            <label key={option.value} className="flex cursor-pointer items-center gap-2.5 text-base text-text">
              <input
                ref={i === 0 ? first : undefined}
                type="radio"
                name={`${id}-choice`}
                value={option.value}
                checked={value === option.value}
                onChange={() => setValue(option.value)}
                className="size-5 accent-[var(--accent)]"
              />
              {option.label}
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-base font-semibold text-status-failed-ink">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="primary">
          Lock in my guess
        </Button>
        <Button variant="ghost" onClick={() => onAnswer(null)}>
          Skip
        </Button>
      </div>
      <p className="text-base text-text-muted">The run waits for your answer; what happened shows beside it when the moment comes.</p>
    </form>
  );
}

function guessWords(prediction: Prediction, guess: number | string | null): string {
  if (guess === null) return "skipped";
  if (prediction.kind === "choice") return prediction.options.find((o) => o.value === guess)?.label ?? String(guess);
  return `${guess} ${prediction.unit}`;
}

function actualWords(prediction: Prediction, actual: number | string | null): string {
  if (prediction.kind === "choice") {
    const option = prediction.options.find((o) => o.value === actual);
    if (option) return option.label;
  }
  return formatMeasure(prediction.measure, actual);
}

/** The lesson's current step: what to do, the prediction, the goal and its state, hints, the outcome. */
export function StepPanel() {
  const { lesson, session, state, next, retryStep } = useLesson();
  const step = lesson.steps[state.step]!;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const nextRef = useRef<HTMLButtonElement>(null);
  const met = state.phase === "met";
  const reveal = state.reveals[step.id];
  const count = step.goal.count ?? 1;

  // A new step: the keyboard goes to its title, so a screen reader reads the step from the top.
  const shownStep = useRef(state.step);
  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    if (state.phase !== "predict") headingRef.current?.focus();
  }, [state.step, state.phase]);
  // The goal met: the run has stopped at the moment; Next is what to do now.
  useEffect(() => {
    if (met) nextRef.current?.focus();
  }, [met]);

  return (
    <section aria-labelledby="step-title" className="flex flex-col gap-3" data-testid="lesson-step">
      <p className="text-base font-semibold text-text-muted">
        Step {state.step + 1} of {lesson.steps.length}
      </p>
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="text-2xl leading-tight font-bold text-text outline-none">
        {step.title}
      </h2>
      <p className="text-lg leading-snug text-text">{step.instruction}</p>

      {state.phase === "predict" && step.prediction && (
        <PredictionForm key={step.id} prediction={step.prediction} onAnswer={(guess) => session.answer(guess)} />
      )}

      <div
        className={`flex flex-col gap-1 rounded-lg border-2 p-3 ${met ? "border-status-succeeded bg-surface-raised" : "border-border-strong bg-surface-raised"}`}
        data-testid="lesson-goal"
      >
        <p className="flex items-start gap-2 text-lg font-semibold text-text">
          <Target aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-accent" strokeWidth={2.5} />
          <span>
            <span className="sr-only">Goal: </span>
            {step.goal.text}
          </span>
        </p>
        <p className={`flex items-center gap-2 text-base font-semibold ${met ? "text-status-succeeded-ink" : "text-text-muted"}`} aria-live="polite">
          {met ? (
            <>
              <CircleCheck aria-hidden="true" className="size-5" strokeWidth={2.5} />
              Goal met at {formatTime(state.metAt ?? 0)}
            </>
          ) : (
            <>
              <CircleDashed aria-hidden="true" className="size-5" strokeWidth={2.5} />
              Not met yet{count > 1 ? `: ${state.progress} of ${count}` : ""}
            </>
          )}
        </p>
        {!met && state.notYet && <p className="text-base text-status-waiting-ink">{state.notYet}</p>}
      </div>

      {met && (
        <div className="flex flex-col gap-3 rounded-lg bg-surface-sunken p-3" data-testid="lesson-outcome">
          {step.prediction && reveal && (
            <dl className="grid grid-cols-2 gap-2" aria-label="Your prediction and what happened">
              <div>
                <dt className="text-base text-text-muted">You said</dt>
                <dd className="text-xl font-bold text-text">{guessWords(step.prediction, reveal.guess)}</dd>
              </div>
              <div>
                <dt className="text-base text-text-muted">What happened</dt>
                <dd className="text-xl font-bold text-text">{actualWords(step.prediction, reveal.actual)}</dd>
              </div>
            </dl>
          )}
          <p className="text-lg leading-snug text-text">{step.outcome}</p>
          <Button ref={nextRef} variant="primary" onClick={next} className="self-start">
            {session.isLastStep ? (
              <Flag aria-hidden="true" className="size-5" strokeWidth={2.5} />
            ) : (
              <ArrowRight aria-hidden="true" className="size-5" strokeWidth={2.5} />
            )}
            {session.isLastStep ? "See the debrief" : "Next step"}
          </Button>
        </div>
      )}

      {!met && (
        <div className="flex flex-col gap-2">
          {step.hints.slice(0, state.hints).map((hint, i) => (
            <p key={i} className="flex gap-2 text-base leading-snug text-text">
              <Lightbulb aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-status-waiting-ink" strokeWidth={2.5} />
              <span>
                <span className="sr-only">Hint {i + 1}: </span>
                {hint}
              </span>
            </p>
          ))}
          <div className="flex flex-wrap gap-2">
            {state.hints < step.hints.length && (
              <Button size="sm" onClick={() => session.showHint()}>
                <Lightbulb aria-hidden="true" className="size-4" strokeWidth={2.5} />
                {state.hints === 0 ? "Show a hint" : "Another hint"}
              </Button>
            )}
            <Button size="sm" variant="ghost" onClick={retryStep} title="Start this step again from where a learner who did the steps before it would be">
              <RotateCcw aria-hidden="true" className="size-4" strokeWidth={2.5} />
              Try this step again
            </Button>
          </div>
        </div>
      )}
    </section>
  );
}
