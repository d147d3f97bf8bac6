"use client";

import { memo, useId, useState, type ReactNode } from "react";
import { numberRule, numberText, readText } from "@/machines/world/settingsSchema";
import { Dices } from "lucide-react";
import { CADENCES, cadenceById, hasCadence, releasePlan, type CadenceChoice } from "@/machines/compare/cadence";
import { COMPARE_LIMITS, MAX_MODES, MIN_MODES, orderModes, type CompareSettings } from "@/machines/compare/compareSettings";
import { MODES, MODE_INFO, type Mode } from "@/machines/world/modes";
import { CULTURE_NAMES, CULTURES, type Culture } from "@/machines/world/settings";
import { MODE_STYLE } from "./modeStyle";
import { grouped } from "@/machines/words";

export interface SettingsPanelProps {
  settings: CompareSettings;
  onChange: (change: Partial<CompareSettings>) => void;
}

const LEGEND = "text-base font-semibold text-text";
/** The real control of a chip: covers it (so the whole chip is its target) but is not painted. */
const CHIP_INPUT = "absolute inset-0 m-0 size-full cursor-pointer appearance-none opacity-0 disabled:cursor-not-allowed";
const CHIP =
  "relative inline-flex cursor-pointer items-center gap-1.5 rounded-lg pointer-coarse:min-h-11 border border-border-strong bg-surface px-2 py-1.5 text-base font-semibold text-text select-none hover:bg-surface-sunken has-[:checked]:border-accent has-[:checked]:bg-accent has-[:checked]:text-on-accent has-[:focus-visible]:outline-3 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-focus has-[:disabled]:cursor-not-allowed";

/** Trainer's settings: every change recomputes the comparison at once. Laid out as a narrow column. */
export const SettingsPanel = memo(function SettingsPanel({ settings, onChange }: SettingsPanelProps) {
  return (
    <section aria-labelledby="settings-title" className="flex flex-col gap-3.5 rounded-2xl border border-border bg-surface-raised p-3.5 shadow-sm">
      <h2 id="settings-title" className="sr-only">
        Settings
      </h2>
      <ModePicker modes={settings.modes} onChange={(modes) => onChange({ modes })} />
      {/* On a phone and in the narrow column beside the cards (xl), New seed goes under the seed:
          beside it, the field was too narrow to show a long seed whole. */}
      <div className="grid grid-cols-[4.5rem_minmax(0,1fr)] items-end gap-2 sm:grid-cols-[4.5rem_minmax(0,1fr)_auto] xl:grid-cols-[4.5rem_minmax(0,1fr)]">
        <NumberField label="Days" setting="days" value={settings.days} onChange={(days) => onChange({ days })} />
        <NumberField label="Seed" setting="seed" value={settings.seed} onChange={(seed) => onChange({ seed })} />
        <button
          type="button"
          onClick={() => onChange({ seed: randomSeed() })}
          className="inline-flex h-10 shrink-0 items-center gap-1.5 rounded-lg border border-border-strong bg-surface px-2.5 pointer-coarse:h-11 text-base font-semibold whitespace-nowrap text-text hover:bg-surface-sunken col-start-2 justify-self-start sm:col-start-auto xl:col-start-2"
        >
          <Dices aria-hidden="true" className="size-5" />
          New seed
        </button>
      </div>
      <Slider
        label="Commits per day"
        value={settings.commitsPerDay}
        min={1}
        max={COMPARE_LIMITS.commitsPerDay.max}
        step={1}
        format={(v) => `${v}`}
        onChange={(commitsPerDay) => onChange({ commitsPerDay })}
      />
      <Slider
        label="Test coverage"
        value={Math.round(settings.testCoverage * 100)}
        min={0}
        max={100}
        step={5}
        format={(v) => `${v}%`}
        onChange={(v) => onChange({ testCoverage: v / 100 })}
      />
      <Slider
        label="Defect rate"
        value={Math.round(settings.defectRate * 100)}
        min={0}
        max={COMPARE_LIMITS.defectRate.max * 100}
        step={1}
        format={(v) => `${v}%`}
        onChange={(v) => onChange({ defectRate: v / 100 })}
      />
      <div className="flex flex-wrap items-start gap-x-5 gap-y-3">
        <Switch label="Monitoring" detail="CloudWatch alarms" checked={settings.monitoring} onChange={(monitoring) => onChange({ monitoring })} />
        <Switch label="Learning" detail="postmortems add tests" checked={settings.learning} onChange={(learning) => onChange({ learning })} />
        <Switch
          label="Infrastructure as Code"
          detail={settings.iac ? "environments from a template" : "environments by hand: they drift"}
          checked={settings.iac}
          onChange={(iac) => onChange({ iac })}
        />
        <Choice<Culture>
          legend="Culture"
          name="culture"
          value={settings.culture}
          options={CULTURES.map((c) => ({ value: c, label: CULTURE_NAMES[c] }))}
          onChange={(culture) => onChange({ culture })}
        />
      </div>
      <p className="text-base text-text-muted" data-learning-note>
        {settings.learning
          ? "Learning is on: each blameless postmortem adds tests for the part that broke, so modes with more incidents end with better tests."
          : "Learning is off, so every mode runs on the same tests. Switch it on to let blameless postmortems add tests as the run goes."}
      </p>
      <CadenceSlider settings={settings} onChange={(cadence) => onChange({ cadence })} />
    </section>
  );
});

function randomSeed(): number {
  const buffer = new Uint32Array(1);
  crypto.getRandomValues(buffer);
  return buffer[0]! % 100000;
}

// ------------------------------------------------------------------ controls

function ModePicker({ modes, onChange }: { modes: Mode[]; onChange: (modes: Mode[]) => void }) {
  const hintId = useId();
  return (
    <fieldset aria-describedby={hintId}>
      <legend className={LEGEND}>
        Modes{" "}
        <span id={hintId} className="font-normal text-text-muted">
          (two to four)
        </span>
      </legend>
      <div className="mt-1 grid grid-cols-2 gap-2">
        {MODES.map((mode) => {
          const checked = modes.includes(mode);
          const locked = (checked && modes.length <= MIN_MODES) || (!checked && modes.length >= MAX_MODES);
          const { Icon } = MODE_STYLE[mode];
          const info = MODE_INFO[mode];
          return (
            <label key={mode} className={CHIP}>
              <input
                type="checkbox"
                className={CHIP_INPUT}
                checked={checked}
                disabled={locked}
                onChange={(e) => onChange(orderModes(e.target.checked ? [...modes, mode] : modes.filter((m) => m !== mode)))}
              />
              <Icon aria-hidden="true" className="size-[1.125rem] shrink-0" />
              <span aria-hidden="true">{info.short}</span>
              <span className="sr-only">{mode === "ci" ? "Continuous Integration (CI)" : info.name}</span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

function NumberField({
  label,
  setting,
  value,
  onChange,
}: {
  label: string;
  /** The setting it edits: its limits, rule and message come from the shared settings schema. */
  setting: "days" | "seed";
  value: number;
  onChange: (value: number) => void;
}) {
  const { min, max } = COMPARE_LIMITS[setting];
  const id = useId();
  const [text, setText] = useState(String(value));
  const [shownValue, setShownValue] = useState(value);
  // Outside changes (New seed, Reset, a link) replace what is typed, unless it already says the same.
  if (value !== shownValue) {
    setShownValue(value);
    if (!(text.trim() !== "" && Number(text) === value)) setText(String(value));
  }
  const read = readText(numberText(numberRule(setting, { min, max })), text);
  return (
    <div className="flex min-w-0 flex-col">
      <label htmlFor={id} className={LEGEND}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={text}
        aria-invalid={!read.ok}
        aria-describedby={read.ok ? undefined : `${id}-error`}
        onChange={(e) => {
          setText(e.target.value);
          const next = readText(numberText(numberRule(setting, { min, max })), e.target.value);
          if (next.ok) {
            setShownValue(next.value);
            onChange(next.value);
          }
        }}
        className={`mt-1 h-10 w-full rounded-lg pointer-coarse:h-11 border border-border-strong bg-surface px-3 text-lg text-text tabular-nums aria-[invalid=true]:border-status-failed aria-[invalid=true]:border-2`}
      />
      {!read.ok && (
        <span id={`${id}-error`} className="mt-1 text-base text-status-failed-ink">
          Whole number, {min} to {grouped(max)}
        </span>
      )}
    </div>
  );
}

function Slider({
  label,
  value,
  min,
  max,
  step,
  format,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
}) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <div className="flex items-baseline justify-between gap-2">
        <label htmlFor={id} className={LEGEND}>
          {label}
        </label>
        <output htmlFor={id} className="text-lg font-bold text-text tabular-nums">
          {format(value)}
        </output>
      </div>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        aria-valuetext={format(value)}
        onChange={(e) => onChange(Number(e.target.value))}
        className="h-7 w-full cursor-pointer accent-accent pointer-coarse:h-11"
      />
    </div>
  );
}

function Switch({ label, detail, checked, onChange }: { label: string; detail: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex flex-col">
      <span id={`${id}-label`} className={LEGEND}>
        {label}
      </span>
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-detail`}
        onClick={() => onChange(!checked)}
        className="mt-1 inline-flex h-10 items-center gap-2.5 rounded-lg pointer-coarse:h-11 border border-border-strong bg-surface px-2.5 text-base font-semibold text-text hover:bg-surface-sunken"
      >
        <span
          aria-hidden="true"
          className={`flex h-6 w-11 shrink-0 items-center rounded-full p-0.5 transition-colors ${checked ? "justify-end bg-accent" : "justify-start bg-border-strong"}`}
        >
          <span className="block size-5 rounded-full bg-surface-raised shadow" />
        </span>
        <span aria-hidden="true" className="w-7 text-left">
          {checked ? "On" : "Off"}
        </span>
      </button>
      <span id={`${id}-detail`} className="sr-only">
        {detail}
      </span>
    </div>
  );
}

function Choice<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  children,
}: {
  legend: ReactNode;
  name: string;
  value: T;
  options: { value: T; label: string; title?: string }[];
  onChange: (value: T) => void;
  children?: ReactNode;
}) {
  const groupName = `${name}-${useId()}`;
  return (
    <fieldset className="min-w-0">
      <legend className={LEGEND}>{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {options.map((o) => (
          <label key={o.value} className={CHIP} title={o.title}>
            <input type="radio" className={CHIP_INPUT} name={groupName} value={o.value} checked={o.value === value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/**
 * One scale for every mode with a cadence, slowest to fastest. "Mode defaults" keeps each mode at its
 * own (manual every 90 days, CI weekly, delivery three a day); moving the slider applies one cadence
 * to all of them.
 */
function CadenceSlider({ settings, onChange }: { settings: CompareSettings; onChange: (cadence: CadenceChoice) => void }) {
  const id = useId();
  const shown = orderModes(settings.modes).filter(hasCadence);
  const plans = shown.map((m) => ({ mode: m, plan: releasePlan(m, settings.cadence) }));
  const isDefault = settings.cadence === "default";
  const index = isDefault ? CADENCES.findIndex((c) => c.id === "3/day") : CADENCES.findIndex((c) => c.id === settings.cadence);
  const valueText = isDefault ? "Mode defaults" : cadenceById(settings.cadence as Exclude<CadenceChoice, "default">).label;
  const describe =
    shown.length === 0
      ? "Continuous Deployment has no cadence: every passing change ships."
      : isDefault
        ? plans.map(({ mode, plan }) => `${MODE_INFO[mode].short}: ${plan.words.replace(/^One release/, "one release").replace(/^Three/, "three")}`).join("; ")
        : `For ${plans.map(({ mode }) => MODE_INFO[mode].short).join(", ")}.${plans.some((p) => p.plan.clamped) ? " Hand releases go at most once a day." : ""}`;
  return (
    <div className="flex flex-col">
      <label htmlFor={id} className={LEGEND}>
        Release cadence
      </label>
      <input
        id={id}
        type="range"
        min={0}
        max={CADENCES.length - 1}
        step={1}
        value={index}
        aria-valuetext={valueText}
        aria-describedby={`${id}-describe`}
        onChange={(e) => onChange(CADENCES[Number(e.target.value)]!.id)}
        className={`h-7 w-full cursor-pointer accent-accent pointer-coarse:h-11 ${isDefault ? "opacity-60" : ""}`}
      />
      <div aria-hidden="true" className="flex justify-between text-base text-text-muted">
        <span>every 3 months</span>
        <span>6 a day</span>
      </div>
      <output htmlFor={id} className="mt-0.5 text-lg leading-snug font-bold text-text">
        {valueText}
      </output>
      <p id={`${id}-describe`} className="text-base leading-snug text-text-muted">
        {describe}
      </p>
      <label className="mt-1.5 inline-flex cursor-pointer items-center gap-2 text-base text-text pointer-coarse:min-h-11">
        <input
          type="checkbox"
          checked={isDefault}
          onChange={(e) => onChange(e.target.checked ? "default" : CADENCES[index]!.id)}
          className="size-5 accent-accent"
        />
        Mode defaults
      </label>
    </div>
  );
}
