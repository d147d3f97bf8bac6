import type { LiveSettingsChange, LoggedEvent } from "@/machines/events";
import type { Simulation } from "@/machines/engine/simulation";
import { formatTime } from "@/machines/sim/calendar";
import { LEARNER } from "@/machines/words";

/**
 * What people did to a live run that its start state cannot replay: settings changed on the way, a
 * decision or a rollback by you, an injected fault that struck. A share link or a saved file starts a
 * run from settings and a moment; if nothing of this happened, the run it opens is this run, event for
 * event. If something did, Share says so rather than pretend.
 *
 * Read from the run's own events as they happen (the log keeps only recent days of a long run).
 */
export class RunHistory {
  private sim: Simulation | null = null;
  private unsubscribe: (() => void) | null = null;
  /** The live value of each setting changed during the run (test coverage is not in `settings`). */
  changed: LiveSettingsChange = {};
  /** Short phrases, in order: "culture changed Tue 10:00". */
  private actions: string[] = [];

  follow(sim: Simulation): void {
    if (sim === this.sim) return;
    this.unsubscribe?.();
    this.sim = sim;
    this.changed = {};
    this.actions = [];
    this.unsubscribe = sim.subscribe((event) => this.note(event));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.sim = null;
  }

  private note(event: LoggedEvent): void {
    const when = formatTime(event.t);
    switch (event.type) {
      case "settings.changed":
        Object.assign(this.changed, event.change);
        this.actions.push(`${Object.keys(event.change).map(settingWord).join(" and ")} changed ${when}`);
        break;
      case "approval.granted":
      case "approval.rejected":
        if (event.by === LEARNER) this.actions.push(`${event.type === "approval.granted" ? "you approved" : "you rejected"} a revision ${when}`);
        break;
      case "rollback.started":
        if (!event.automatic && event.by === LEARNER) this.actions.push(`you rolled back ${when}`);
        break;
      case "fault.applied":
        this.actions.push(`an injected fault struck ${when}`);
        break;
      default:
        break;
    }
  }

  /** What a start state cannot replay, in words; empty when it replays this run exactly. */
  notReplayable(): string[] {
    if (this.actions.length <= 4) return [...this.actions];
    return [...this.actions.slice(0, 3), `${this.actions.length - 3} more`];
  }
}

function settingWord(key: string): string {
  const words: Record<string, string> = {
    monitoring: "monitoring",
    alarmThreshold: "alarm threshold",
    approver: "approver",
    approvalsPerDay: "approvals per day",
    testCoverage: "test coverage",
    culture: "culture",
    learning: "learning",
  };
  return words[key] ?? key;
}
