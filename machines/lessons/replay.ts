import type { Fault, LiveSettingsChange } from '../events';
import type { DriftChange } from '../iac/drift';
import type { StackView } from '../iac/stack';
import type { StackTemplate } from '../iac/types';
import { Simulation } from '../engine/simulation';
import { LEARNER } from '../words';
import { defaultSettings, type Settings } from '../world/settings';
import { LessonSession } from './session';
import type { Lesson, ReferenceAction, StepSetup } from './types';

/** The settings a lesson's run starts with, and with a step's restart applied. */
export function lessonSettings(lesson: Lesson, restart: StepSetup['restart'] = {}): Settings {
  const { startAt: _startAt, ...overrides } = restart;
  const { mode } = { ...lesson.start.settings, ...overrides };
  const base = defaultSettings(mode, lesson.start.settings.seed ?? 1);
  return { ...base, ...lesson.start.settings, ...overrides, mode };
}

/** Where a restart puts the clock: the step's own start, or the lesson's. */
export function restartAt(lesson: Lesson, restart: NonNullable<StepSetup['restart']>): number {
  return restart.startAt ?? lesson.start.startAt;
}

/**
 * What a lesson does to a run: the page drives a live runner through it, the replay a headless
 * simulation. Both follow the same script, so the reference solution proves what the page shows.
 */
export interface RunDriver {
  readonly sim: Simulation;
  /** A new run with these settings, fast-forwarded to `startAt`, followed by the session. */
  restart(settings: Settings, startAt: number): void;
  /** Runs until virtual time `t` or until the session asks to stop, whichever comes first. */
  runUntil(t: number): void;
  approve(): boolean;
  reject(): boolean;
  /** Rolls back the newest incident that someone has noticed. */
  rollback(): boolean;
  inject(fault: Fault): void;
  configure(change: LiveSettingsChange): void;
  /** Executes a template, as Execute change set does; false when the run refused it. */
  executeTemplate(templateText: string, template: StackTemplate): boolean;
  /** Someone changes production by hand; false when that change is already there. */
  injectDrift(change: DriftChange): boolean;
  detectDrift(): void;
}

/**
 * The running template as a learner leaves it after an edit: unchanged (to re-apply it), or with a
 * pipeline stage deleted from the text (its item, its lines and the comment line right above it).
 */
export function editedTemplate(stack: Pick<StackView, 'templateText' | 'template'>, removeStage?: string): { text: string; template: StackTemplate } {
  if (!removeStage) return { text: stack.templateText, template: stack.template };
  const template = structuredClone(stack.template);
  for (const resource of Object.values(template.Resources)) {
    const props = resource.Properties as { Stages?: { Name?: unknown }[] } | undefined;
    if (resource.Type === 'AWS::CodePipeline::Pipeline' && Array.isArray(props?.Stages)) props.Stages = props.Stages.filter((s) => s.Name !== removeStage);
  }
  const lines = stack.templateText.split('\n');
  const at = lines.findIndex((l) => new RegExp(`^\\s*- Name: ${removeStage}\\s*$`).test(l));
  if (at < 0) return { text: JSON.stringify(template, null, 2), template };
  const indent = lines[at]!.indexOf('-');
  let end = at + 1;
  while (end < lines.length && (lines[end]!.trim() === '' || lines[end]!.search(/\S/) > indent)) end++;
  const start = at > 0 && lines[at - 1]!.trim().startsWith('#') && lines[at - 1]!.search(/\S/) === indent ? at - 1 : at;
  return { text: [...lines.slice(0, start), ...lines.slice(end)].join('\n'), template };
}

/** Applies a step's setup through a driver. */
export function applySetup(lesson: Lesson, setup: StepSetup | undefined, driver: RunDriver): void {
  if (!setup) return;
  if (setup.restart) driver.restart(lessonSettings(lesson, setup.restart), restartAt(lesson, setup.restart));
  if (setup.configure) driver.configure(setup.configure);
  for (const fault of setup.inject ?? []) driver.inject(fault);
}

/** Does one action of a script; false when the run could not take it (nothing waiting, no incident). */
export function perform(action: ReferenceAction, driver: RunDriver): boolean {
  switch (action.do) {
    case 'approve':
      return driver.approve();
    case 'reject':
      return driver.reject();
    case 'rollback':
      return driver.rollback();
    case 'inject':
      driver.inject(action.fault);
      return true;
    case 'configure':
      driver.configure(action.change);
      return true;
    case 'template': {
      const { text, template } = editedTemplate(driver.sim.stack, action.removeStage);
      return driver.executeTemplate(text, template);
    }
    case 'drift':
      return driver.injectDrift(action.change);
    case 'detect-drift':
      driver.detectDrift();
      return true;
  }
}

/** The newest incident that has been noticed and is not yet put right: the one a person would roll back. */
export function incidentToRollBack(sim: Simulation): number | null {
  const open = sim.openIncidents().filter((i) => i.detectedAt !== undefined);
  return open.length === 0 ? null : open[open.length - 1]!.id;
}

/** A driver over a headless simulation (direct stages: the same events, faster). */
export class HeadlessDriver implements RunDriver {
  sim: Simulation;

  constructor(
    private readonly session: LessonSession,
    settings: Settings,
    startAt: number,
  ) {
    this.sim = this.start(settings, startAt);
  }

  private start(settings: Settings, startAt: number): Simulation {
    const sim = new Simulation(settings, { stages: 'direct' });
    sim.advanceTo(startAt);
    this.session.attach(sim);
    return sim;
  }

  restart(settings: Settings, startAt: number): void {
    this.sim.stop();
    this.sim = this.start(settings, startAt);
  }

  runUntil(t: number): void {
    this.sim.advanceUntil(t, () => this.session.takeStop());
  }

  approve(): boolean {
    return this.sim.approve(LEARNER);
  }
  reject(): boolean {
    return this.sim.reject(LEARNER);
  }
  rollback(): boolean {
    const incident = incidentToRollBack(this.sim);
    return incident !== null && this.sim.rollback(incident, LEARNER);
  }
  inject(fault: Fault): void {
    this.sim.inject(fault);
  }
  configure(change: LiveSettingsChange): void {
    this.sim.configure(change);
  }
  executeTemplate(templateText: string, template: StackTemplate): boolean {
    return this.sim.executeStack(templateText, template, LEARNER).ok;
  }
  injectDrift(change: DriftChange): boolean {
    return this.sim.injectDrift(change);
  }
  detectDrift(): void {
    this.sim.detectDrift();
  }
}

export interface StepRecord {
  id: string;
  /** When its goal was met (virtual minutes of the run it was met in). */
  metAt: number;
  /** How long the step took from its start, in virtual minutes. */
  took: number;
}

export type PlayResult = { ok: true; steps: StepRecord[] } | { ok: false; steps: StepRecord[]; step: string; problem: string };

/**
 * Plays a lesson's steps from the session's current one up to (not including) `untilStep`, doing
 * `actions` at their virtual times: the reference solution in a test, the steps before a deep link
 * on the page. Predictions are skipped. Each step must meet its goal within its `within` minutes.
 */
export function playSteps(session: LessonSession, driver: RunDriver, actions: readonly ReferenceAction[], untilStep = session.lesson.steps.length): PlayResult {
  const { lesson } = session;
  const steps: StepRecord[] = [];
  while (session.getState().step < untilStep && !session.getState().finished) {
    const index = session.getState().step;
    const step = lesson.steps[index]!;
    applySetup(lesson, step.setup, driver);
    session.answer(null);
    const started = driver.sim.now;
    const deadline = started + step.goal.within;
    const queue = actions.filter((a) => a.step === step.id).sort((a, b) => a.at - b.at);
    while (session.getState().phase !== 'met') {
      const next = queue[0];
      if (next && driver.sim.now >= next.at) {
        queue.shift();
        if (!perform(next, driver)) {
          return { ok: false, steps, step: step.id, problem: `the action "${next.do}" at minute ${next.at} could not be done` };
        }
        driver.runUntil(driver.sim.now);
        continue;
      }
      if (driver.sim.now >= deadline) {
        const notYet = session.getState().notYet;
        return { ok: false, steps, step: step.id, problem: `its goal was not met within ${step.goal.within} minutes${notYet ? ` (${notYet})` : ''}` };
      }
      driver.runUntil(Math.min(next?.at ?? Infinity, deadline));
    }
    const metAt = session.getState().metAt!;
    steps.push({ id: step.id, metAt, took: metAt - started });
    if (index === lesson.steps.length - 1) break;
    session.next();
  }
  return { ok: true, steps };
}

/** The reference run of a lesson: its solution played headless from the lesson's start. */
export function referenceRun(lesson: Lesson, actions: readonly ReferenceAction[] = lesson.solution) {
  const session = new LessonSession(lesson);
  const driver = new HeadlessDriver(session, lessonSettings(lesson), lesson.start.startAt);
  const result = playSteps(session, driver, actions);
  return { result, session, sim: driver.sim };
}
