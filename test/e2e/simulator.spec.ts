import { expect, test } from "./simulator.fixtures";
import { animationFrames } from "./fixtures/animationFrames";

test.describe("the live pipeline page", () => {
  test("shows the whole pipeline and its controls at 1280×720, with one line saying what to do", async ({ sim, page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await sim.goto();
    await expect(page).toHaveTitle("Live pipeline · Pipeline Lab");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.getByTestId("hint")).toContainText("Press Play");
    await expect(sim.pipeline).toContainText("AWS CodePipeline");

    const inView = async (name: string, box: { y: number; height: number; x: number; width: number } | null) => {
      expect(box, `${name} is on screen`).not.toBeNull();
      expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(720);
      expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(1280);
    };
    for (const stage of ["Source", "Build", "Test", "Approval", "Deploy", "Production"]) {
      await inView(stage, await sim.stage(stage).boundingBox());
    }
    for (const [name, locator] of Object.entries({
      Play: sim.play,
      Step: sim.step,
      Speed: sim.speed,
      Mode: sim.mode,
      Seed: sim.seed,
      Reset: page.getByRole("button", { name: "Reset" }),
      Share: page.getByRole("button", { name: "Share" }),
      "Inject failure": page.getByRole("button", { name: /^Inject failure/ }),
      Approve: sim.approve,
      Reject: sim.reject,
    })) {
      await inView(name, await locator.boundingBox());
    }
    // Nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
  });

  test("Play starts the run, Pause stops it: nothing moves while paused", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&speed=240");
    await expect(sim.clock).toHaveText("Mon 00:00, day 1");
    await sim.play.click();
    await expect(sim.pause).toBeVisible();
    await expect(sim.clock).not.toHaveText("Mon 00:00, day 1");
    await sim.pause.click();
    await expect(sim.play).toBeVisible();
    const stopped = await sim.clock.textContent();
    // Playing, 30 frames would move the clock by hours.
    await animationFrames(page, 30);
    await expect(sim.clock).toHaveText(stopped!);
    await expect(page.getByTestId("hint")).toContainText("Paused");
  });

  test("Step runs one event at a time", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1");
    await sim.step.click();
    await expect(sim.activity).toContainText(/pushed [0-9a-f]{7}/);
    await expect(sim.clock).not.toHaveText("Mon 00:00, day 1");
    await expect(sim.play).toBeVisible();
  });

  test("the speed control changes simulated minutes per second", async ({ sim, page }) => {
    await sim.goto();
    await expect(sim.speed).toHaveValue("30");
    await sim.speed.selectOption("240");
    await expect(page).toHaveURL(/speed=240/);
  });

  test("clicking a stage opens its inspector; clicking a commit shows its journey", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1&speed=240");
    await sim.playUntil(async () => {
      await expect(sim.stage("Production")).toHaveAttribute("aria-label", /: Succeeded/, { timeout: 15_000 });
    });
    await sim.stage("Build").click();
    const inspector = page.getByRole("region", { name: /^Build · CodeBuild/ });
    await expect(inspector).toBeVisible();
    await expect(inspector).toContainText("Pass rate");
    await expect(inspector).toContainText("Mean waiting");
    await expect(inspector).toContainText("Recent history");
    await expect(sim.stage("Build")).toHaveAttribute("aria-pressed", "true");

    await sim.pipeline.getByRole("button", { name: /^Revision [0-9a-f]{7} in production/ }).click();
    const journey = page.getByRole("region", { name: /^Commit [0-9a-f]{7}/ });
    await expect(journey).toBeVisible();
    const table = journey.getByRole("table", { name: /Journey of commit/ });
    for (const stage of ["Source", "Build", "Test", "Deploy"]) {
      await expect(table.getByRole("rowheader", { name: new RegExp(`^${stage}`) }).first()).toBeVisible();
    }
    await expect(journey).toContainText("In production");

    await page.keyboard.press("Escape");
    await expect(journey).toHaveCount(0);
    await expect(sim.activity).toBeVisible();
  });

  test("a commit in the activity feed opens its journey", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1");
    await sim.step.click();
    const link = sim.activity.getByRole("button", { name: /^[0-9a-f]{7}$/ }).first();
    const sha = (await link.textContent())!;
    await link.click();
    await expect(page.getByRole("region", { name: `Commit ${sha}` })).toBeVisible();
  });

  test("announces deployments politely to screen readers", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=240");
    await expect(sim.announcer).toHaveAttribute("aria-live", "polite");
    await sim.playUntil(async () => {
      await expect(sim.announcer).toContainText(/live in production|deployments reached production/, { timeout: 15_000 });
    });
  });
});

test.describe("keyboard", () => {
  test("Space plays and pauses, → steps, ? shows the shortcuts", async ({ sim, page }) => {
    await sim.goto("?speed=240");
    await page.keyboard.press("Space");
    await expect(sim.pause).toBeVisible();
    await page.keyboard.press("Space");
    await expect(sim.play).toBeVisible();
    const before = await sim.clock.textContent();

    // One step is one event, and the next event can fall inside the minute the clock shows:
    // a few presses must move it, and the run stays paused.
    await expect(async () => {
      await page.keyboard.press("ArrowRight");
      await expect(sim.clock).not.toHaveText(before!, { timeout: 250 });
    }).toPass({ timeout: 10_000 });
    await expect(sim.play).toBeVisible();

    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(help).toBeVisible();
    for (const does of ["Play or pause the run", "Approve the revision waiting at Approval", "Reject it"]) {
      await expect(help).toContainText(does);
    }
    await page.keyboard.press("Escape");
    await expect(help).toBeHidden();
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(help).toBeVisible();
    await help.getByRole("button", { name: "Close" }).click();
    await expect(help).toBeHidden();
  });

  test("A approves and R rejects the waiting revision, but not while typing", async ({ sim, page }) => {
    await sim.goto("?mode=delivery&seed=1&approver=learner");
    await sim.stepUntilStage("Approval", /: Waiting\./);
    const comment = page.getByRole("textbox", { name: "Comment (optional)" });
    await comment.fill("a");
    await comment.press("a");
    await comment.press("r");
    await expect(comment).toHaveValue("aar");
    await expect(sim.approve).toBeEnabled();

    await comment.blur();
    await page.keyboard.press("a");
    await expect(sim.activity).toContainText(/You approved [0-9a-f]{7}/);

    await sim.stepUntilStage("Approval", /: Waiting\./);
    await page.keyboard.press("r");
    await expect(sim.activity).toContainText(/You rejected [0-9a-f]{7}/);
  });
});

test.describe("the address carries the start state", () => {
  test("good parameters set mode, seed and speed; changes update the address", async ({ sim, page }) => {
    await sim.goto("?mode=ci&seed=42&speed=120");
    await expect(sim.mode).toHaveValue("ci");
    await expect(sim.seed).toHaveValue("42");
    await expect(sim.speed).toHaveValue("120");
    await expect(sim.stage("Approval")).toHaveCount(0);
    await expect(page.getByRole("status").filter({ hasText: "not usable" })).toHaveCount(0);

    await sim.mode.selectOption("deployment");
    await expect(page).toHaveURL(/mode=deployment&seed=42&speed=120/);
    await sim.seed.fill("7");
    await sim.seed.press("Enter");
    await expect(page).toHaveURL(/seed=7/);
  });

  test("Share copies a link that starts the same run", async ({ sim, page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await sim.goto("?mode=delivery&seed=9&speed=60&approver=learner");
    await page.getByRole("button", { name: "Share" }).click();
    await expect(page.getByRole("region", { name: "Share link" }).getByText("Link copied")).toBeVisible();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(new URL(copied).pathname).toBe("/simulator");
    // Every setting written out (share.spec.ts follows a link with all of them to the same run).
    expect(new URL(copied).search).toBe(
      "?v=1&mode=delivery&seed=9&speed=60&approver=learner&culture=devops&monitoring=on&threshold=5&coverage=70&defects=10&commits=12&t=0d00:00",
    );
  });

  test("bad parameters show a notice naming each one and fall back to defaults", async ({ sim, page }) => {
    await sim.goto("?mode=waterfall&seed=abc&speed=7&approver=boss");
    const notice = page.getByRole("status").filter({ hasText: "not usable" });
    await expect(notice).toBeVisible();
    for (const param of ["mode", "seed", "speed", "approver"]) {
      await expect(notice.getByText(param, { exact: true })).toBeVisible();
    }
    await expect(notice).toContainText("waterfall");
    await expect(sim.mode).toHaveValue("delivery");
    await expect(sim.seed).toHaveValue("1");
    await expect(sim.speed).toHaveValue("30");
    // The page still works.
    await sim.step.click();
    await expect(sim.activity).toContainText(/pushed [0-9a-f]{7}/);
    await notice.getByRole("button", { name: "Dismiss notice" }).click();
    await expect(notice).toHaveCount(0);
  });
});

/**
 * Steps until the token in Build moves on to Test; returns its transform right then, on each frame
 * of the next 900 ms (a glide takes 420 ms), and once it has arrived. Frames, not a timer: on a
 * loaded machine a 120 ms timer can fire after the whole glide.
 */
async function followTokenIntoTest(sim: import("./simulator.fixtures").SimulatorPage) {
  await sim.stepUntilStage("Build", /: Working/);
  return sim.page.evaluate(async () => {
    const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const token = document.querySelector<HTMLElement>('.pl-token[data-stage="build"]');
    if (!token) return null;
    const key = token.dataset.key;
    const step = [...document.querySelectorAll("button")].find((b) => b.textContent?.trim() === "Step")!;
    const find = () => document.querySelector<HTMLElement>(`.pl-token[data-key="${key}"]`);
    for (let i = 0; i < 200 && find()?.dataset.stage !== "test"; i++) {
      step.click();
      await wait(0);
    }
    const el = find();
    if (!el || el.dataset.stage !== "test") return null;
    const start = el.style.transform;
    const frames: string[] = [];
    const until = performance.now() + 900;
    while (performance.now() < until) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      frames.push(el.style.transform);
    }
    const end = el.style.transform;
    return { start, end, between: frames.filter((t) => t !== start && t !== end).length };
  });
}

test.describe("motion", () => {
  test("tokens glide from stage to stage by default", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1");
    const seen = await followTokenIntoTest(sim);
    expect(seen).not.toBeNull();
    // Drawn on its way between where it was and where it settled (within the 900 ms watched).
    expect(seen!.start).not.toBe(seen!.end);
    expect(seen!.between).toBeGreaterThan(0);
  });

  test("with reduced motion, tokens jump and nothing animates on its own", async ({ sim, page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    await sim.goto("?mode=deployment&seed=1&speed=240");
    const seen = await followTokenIntoTest(sim);
    expect(seen).not.toBeNull();
    expect(seen!.start).toBe(seen!.end);
    expect(seen!.between).toBe(0);

    await sim.inject("Break the next build");
    await sim.play.click();
    // The failure is in the feed for good; at 240 min/s the Build card shows it for a fraction of a
    // second, which a loaded test machine can miss between two polls.
    await expect(sim.activity).toContainText(/Build failed for [0-9a-f]{7}: compile error/, { timeout: 10_000 });
    const running = await page.evaluate(() =>
      document
        .getAnimations()
        .filter((a) => a.playState === "running")
        .map((a) => (a as CSSAnimation).animationName ?? "animation"),
    );
    await sim.pause.click();
    expect(running).toEqual([]);
  });
});

test.describe("top speed", () => {
  test("the diagram's clock and words are redrawn a few times a second, not on every frame, and never freeze", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1&speed=240&commitsPerDay=200");
    await sim.play.click();
    await expect(sim.clock).toContainText("day 2", { timeout: 20_000 });
    // For two seconds: when the clock's text changed, and on how many frames the cards' or the
    // title row's words changed at all (token moves are not words).
    const seen = await page.evaluate(
      () =>
        new Promise<{ clockAt: number[]; frames: number; wordFrames: number }>((resolve) => {
          const diagram = document.querySelector('[aria-roledescription="pipeline diagram"]')!;
          const clockAt: number[] = [];
          let changed = false;
          const words = (node: Node) => {
            const element = node instanceof Element ? node : node.parentElement;
            return !!element && !element.closest(".pl-tokens") && !element.closest(".sr-only");
          };
          const observer = new MutationObserver((records) => {
            if (!records.some((r) => words(r.target))) return;
            changed = true;
            if (records.some((r) => (r.target instanceof Element ? r.target : r.target.parentElement)?.closest("time"))) clockAt.push(performance.now());
          });
          observer.observe(diagram, { subtree: true, childList: true, characterData: true });
          let frames = 0;
          let wordFrames = 0;
          const start = performance.now();
          const frame = () => {
            frames++;
            if (changed) wordFrames++;
            changed = false;
            if (performance.now() - start < 2000) requestAnimationFrame(frame);
            else {
              observer.disconnect();
              resolve({ clockAt, frames, wordFrames });
            }
          };
          requestAnimationFrame(frame);
        }),
    );
    await sim.pause.click();
    const gaps = seen.clockAt.slice(1).map((t, i) => t - seen.clockAt[i]!);
    // The title row is one of three parts each redrawn at most every 160 ms
    // (components/simulator/diagram/pace.ts), where it used to change on every third frame (50 ms).
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(140);
    // ...but it keeps moving: never a second without a new time.
    expect(seen.clockAt.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000);
    expect(seen.wordFrames).toBeLessThan(seen.frames);
  });
});
