import { Simulation } from "@/machines/engine/simulation";
import { MINUTES_PER_DAY } from "@/machines/sim/calendar";
import { defaultSettings, type Settings } from "@/machines/world/settings";

/** A run with no accidental problems: only injected faults cause trouble. */
export const quiet = (mode: Settings["mode"], change: Partial<Settings> = {}): Settings => ({
  ...defaultSettings(mode, 21),
  defectRate: 0,
  compileErrorRate: 0,
  flakyRate: 0,
  ...change,
});

/** An escaped defect in production, run until the incident is long restored. */
export function withIncident(settings: Settings, days = 6): Simulation {
  const sim = new Simulation(settings);
  sim.inject("escape-defect");
  sim.advanceTo(days * MINUTES_PER_DAY);
  return sim;
}
