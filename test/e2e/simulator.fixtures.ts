import type { Locator, Page } from "@playwright/test";
import { expect, test as base } from "./fixtures/axe";

/**
 * Steps taken between two tasks when a helper steps the run from inside the page. A frame after
 * every step made the long walks (hundreds of steps) three times slower, and no test looks at the
 * frames in between.
 */
const STEPS_PER_TASK = 16;

/**
 * A page object for /simulator: every control by its role and accessible name (DOMAIN.md), plus
 * helpers that drive the run with Step instead of waiting on real time.
 */
export class SimulatorPage {
  constructor(readonly page: Page) {}

  async goto(query = "") {
    await this.page.goto(`/simulator${query}`);
    await expect(this.pipeline).toBeVisible();
    await expect(this.playOrPause).toBeEnabled();
    // The diagram draws its cards once React Flow has measured the container.
    await expect(this.stage("Source")).toBeVisible();
  }

  get pipeline(): Locator {
    return this.page.getByRole("region", { name: "Pipeline" });
  }
  get play(): Locator {
    return this.page.getByRole("button", { name: "Play", exact: true });
  }
  get pause(): Locator {
    return this.page.getByRole("button", { name: "Pause", exact: true });
  }
  get playOrPause(): Locator {
    return this.page.getByRole("button", { name: /^(Play|Pause)$/ });
  }
  get step(): Locator {
    return this.page.getByRole("button", { name: "Step", exact: true });
  }
  get approve(): Locator {
    return this.page.getByRole("button", { name: "Approve", exact: true });
  }
  get reject(): Locator {
    return this.page.getByRole("button", { name: "Reject", exact: true });
  }
  get speed(): Locator {
    return this.page.getByRole("combobox", { name: "Speed" });
  }
  get mode(): Locator {
    return this.page.getByRole("combobox", { name: "Mode" });
  }
  get seed(): Locator {
    return this.page.getByRole("textbox", { name: "Seed" });
  }
  get clock(): Locator {
    return this.page.getByTestId("sim-clock");
  }
  get activity(): Locator {
    return this.page.getByRole("region", { name: "Activity" });
  }
  get announcer(): Locator {
    return this.page.getByTestId("announcer");
  }
  /**
   * A stage card of the diagram. Its accessible name starts with the card's visible text, e.g.
   * "Build · CodeBuild, 1a2b3c4, 2 commits: Working", then adds details.
   */
  stage(name: string): Locator {
    return this.pipeline.getByRole("button", { name: new RegExp(`^${name} · `) });
  }
  async stageLabel(name: string): Promise<string> {
    return (await this.stage(name).getAttribute("aria-label")) ?? "";
  }

  async inject(fault: string) {
    await this.page.getByRole("button", { name: /^Inject failure/ }).click();
    await this.page.getByRole("menuitem", { name: fault }).click();
  }

  /**
   * Steps the run one event at a time (the Step button) until a stage's accessible name matches,
   * and returns how many steps it took. Runs inside the page so hundreds of steps take a moment.
   */
  async stepUntilStage(stage: string, pattern: RegExp, maxSteps = 1500): Promise<number> {
    const steps = await this.page.evaluate(
      async ({ stage, source, flags, maxSteps, every }) => {
        const re = new RegExp(source, flags);
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Step");
        const card = () => document.querySelector(`[data-stage-card="${stage}"]`)?.getAttribute("aria-label") ?? "";
        for (let i = 0; i <= maxSteps; i++) {
          if (re.test(card())) return i;
          button?.click();
          // A click's render is committed within its microtasks; a task now and then lets the
          // page draw and its workers answer without paying for a frame on every step.
          if (i % every === every - 1) await new Promise((resolve) => setTimeout(resolve, 0));
          else for (let k = 0; k < 3; k++) await Promise.resolve();
        }
        return -1;
      },
      { stage: stage.toLowerCase(), source: pattern.source, flags: pattern.flags, maxSteps, every: STEPS_PER_TASK },
    );
    expect(steps, `${stage} never matched ${pattern} within ${maxSteps} steps`).toBeGreaterThanOrEqual(0);
    return steps;
  }

  /** Presses Step `n` times, from inside the page (quick, even with tracing on). */
  async stepTimes(n: number) {
    await this.page.evaluate(
      async ({ n, every }) => {
        const button = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Step");
        for (let i = 0; i < n; i++) {
          button?.click();
          if (i % every === every - 1 || i === n - 1) await new Promise((resolve) => setTimeout(resolve, 0));
          else for (let k = 0; k < 3; k++) await Promise.resolve();
        }
      },
      { n, every: STEPS_PER_TASK },
    );
  }

  /** Plays at the current speed until `locator` shows, then pauses. */
  async playUntil(assertion: () => Promise<void>) {
    await this.play.click();
    await assertion();
    await this.pause.click();
  }
}

export const test = base.extend<{ sim: SimulatorPage }>({
  sim: async ({ page }, use) => {
    await use(new SimulatorPage(page));
  },
});

export { expect };
