import type { Fault, LiveSettingsChange } from "@/machines/events";
import type { DriftChange } from "@/machines/iac/drift";
import type { StackTemplate } from "@/machines/iac/types";
import type { Simulation } from "@/machines/engine/simulation";
import { incidentToRollBack, type RunDriver } from "@/machines/lessons/replay";
import { LEARNER } from "@/machines/words";
import type { Settings } from "@/machines/world/settings";
import type { RunnerRef } from "@/components/simulator/runnerContext";

/**
 * A lesson's driver over the live runner: every change goes through the runner's events, as the
 * learner's own clicks do, so a deep link's replay and a step's setup are seen by the same watch.
 */
export class LiveDriver implements RunDriver {
  constructor(private readonly actor: RunnerRef) {}

  get sim(): Simulation {
    return this.actor.getSnapshot().context.sim;
  }

  restart(settings: Settings, startAt: number): void {
    this.actor.send({ type: "run.reset", settings, startAt });
  }

  runUntil(t: number): void {
    this.actor.send({ type: "run.jump", withinMinutes: Math.max(0, t - this.sim.now) });
  }

  approve(): boolean {
    const event = { type: "approval.approve", by: LEARNER } as const;
    if (!this.actor.getSnapshot().can(event)) return false;
    this.actor.send(event);
    return true;
  }

  reject(): boolean {
    const event = { type: "approval.reject", by: LEARNER } as const;
    if (!this.actor.getSnapshot().can(event)) return false;
    this.actor.send(event);
    return true;
  }

  rollback(): boolean {
    const incident = incidentToRollBack(this.sim);
    if (incident === null) return false;
    this.actor.send({ type: "incident.rollback", incident, by: LEARNER });
    return this.sim.incidents.get(incident)?.rollbackAt !== undefined;
  }

  inject(fault: Fault): void {
    this.actor.send({ type: "fault.inject", fault });
  }

  configure(change: LiveSettingsChange): void {
    this.actor.send({ type: "settings.change", change });
  }

  executeTemplate(templateText: string, template: StackTemplate): boolean {
    const before = this.sim.stack.events.length;
    this.actor.send({ type: "stack.execute", templateText, template, by: LEARNER });
    return this.sim.stack.events.length > before || this.sim.stack.pendingChange !== undefined;
  }

  injectDrift(change: DriftChange): boolean {
    const event = { type: "drift.inject", change } as const;
    if (!this.actor.getSnapshot().can(event)) return false;
    this.actor.send(event);
    return true;
  }

  detectDrift(): void {
    this.actor.send({ type: "drift.detect" });
  }
}
