"use client";

import { useId, type ReactNode } from "react";
import { SlidersHorizontal } from "lucide-react";
import type { LiveSettingsChange } from "@/machines/events";
import { CULTURE_NAMES, CULTURES, type Culture } from "@/machines/world/settings";
import { percent } from "@/machines/words";
import { ALARM_THRESHOLDS } from "@/machines/view/telemetrySeries";
import { useRunner, useSimSelector, shallowEqual } from "@/components/simulator/runnerContext";
import { useLesson } from "./LessonProvider";

type Key = keyof LiveSettingsChange;

const selectClass = "h-11 rounded-lg border-2 border-border-strong bg-surface-raised px-2 text-base font-semibold text-text hover:border-text";
const COVERAGES = [0.3, 0.5, 0.7, 0.8, 0.9, 0.95];

function Row({ label, children }: { label: string; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="flex items-center justify-between gap-3">
      <label htmlFor={id} className="text-base font-semibold text-text">
        {label}
      </label>
      {children(id)}
    </div>
  );
}

/**
 * The live settings the current step asks the learner to change, right beside its instruction:
 * which ones comes from the step's reference solution, so the control is there when the step needs it.
 */
export function StepControls() {
  const { lesson, state } = useLesson();
  const actor = useRunner();
  const step = lesson.steps[state.step]!;
  const keys = new Set<Key>();
  for (const action of lesson.solution)
    if (action.step === step.id && action.do === "configure") for (const k of Object.keys(action.change)) keys.add(k as Key);
  const live = useSimSelector(
    (sim) => ({
      monitoring: sim.settings.monitoring,
      alarmThreshold: sim.settings.alarmThreshold,
      testCoverage: sim.testCoverage,
      culture: sim.settings.culture,
      approvalsPerDay: sim.settings.approvalsPerDay,
      approver: sim.settings.approver,
    }),
    shallowEqual,
  );
  if (keys.size === 0 || state.phase === "met") return null;
  const change = (c: LiveSettingsChange) => actor.send({ type: "settings.change", change: c });

  return (
    <section
      aria-labelledby="step-controls-title"
      className="flex flex-col gap-2.5 rounded-lg border border-border bg-surface-raised p-3"
      data-testid="step-controls"
    >
      <h3 id="step-controls-title" className="flex items-center gap-2 text-lg font-bold text-text">
        <SlidersHorizontal aria-hidden="true" className="size-5 text-text-muted" strokeWidth={2.5} />
        Live settings for this step
      </h3>
      {keys.has("monitoring") && (
        <Row label="Monitoring and alarms (CloudWatch)">
          {(id) => (
            <select id={id} className={selectClass} value={live.monitoring ? "on" : "off"} onChange={(e) => change({ monitoring: e.target.value === "on" })}>
              <option value="on">On</option>
              <option value="off">Off</option>
            </select>
          )}
        </Row>
      )}
      {keys.has("alarmThreshold") && (
        <Row label="Alarm threshold (error rate)">
          {(id) => (
            <select id={id} className={selectClass} value={live.alarmThreshold} onChange={(e) => change({ alarmThreshold: Number(e.target.value) })}>
              {[...new Set([...ALARM_THRESHOLDS, live.alarmThreshold])]
                .sort((a, b) => a - b)
                .map((t) => (
                  <option key={t} value={t}>
                    {percent(t)}
                  </option>
                ))}
            </select>
          )}
        </Row>
      )}
      {keys.has("testCoverage") && (
        <Row label="Test coverage">
          {(id) => (
            <select id={id} className={selectClass} value={live.testCoverage} onChange={(e) => change({ testCoverage: Number(e.target.value) })}>
              {[...new Set([...COVERAGES, live.testCoverage])]
                .sort((a, b) => a - b)
                .map((c) => (
                  <option key={c} value={c}>
                    {percent(c)}
                  </option>
                ))}
            </select>
          )}
        </Row>
      )}
      {keys.has("culture") && (
        <Row label="Culture">
          {(id) => (
            <select id={id} className={selectClass} value={live.culture} onChange={(e) => change({ culture: e.target.value as Culture })}>
              {CULTURES.map((c) => (
                <option key={c} value={c}>
                  {CULTURE_NAMES[c]}
                </option>
              ))}
            </select>
          )}
        </Row>
      )}
      {keys.has("approvalsPerDay") && (
        <Row label="Scheduled approvals per working day">
          {(id) => (
            <select id={id} className={selectClass} value={live.approvalsPerDay} onChange={(e) => change({ approvalsPerDay: Number(e.target.value) })}>
              {[1, 2, 3, 4, 5, 6, 7, 8].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          )}
        </Row>
      )}
      {keys.has("approver") && (
        <Row label="Who approves">
          {(id) => (
            <select id={id} className={selectClass} value={live.approver} onChange={(e) => change({ approver: e.target.value as "learner" | "scheduled" })}>
              <option value="learner">You</option>
              <option value="scheduled">The scheduled approver</option>
            </select>
          )}
        </Row>
      )}
    </section>
  );
}
