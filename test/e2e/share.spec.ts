import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test, SimulatorPage } from "./simulator.fixtures";

/**
 * Share everything (issue 11): one link carries the whole start state (settings, faults waiting to
 * strike, the moment), opens the very same run, names every parameter the page cannot use; the same
 * state saves to and loads from a file; a mode change asks before it throws a run away.
 */
const FULL =
  "v=1&mode=delivery&seed=42&speed=60&approver=scheduled&culture=silos&monitoring=off&threshold=10&coverage=50&defects=20&commits=20&faults=break-build,escape-defect,escape-defect&t=2d10:15";

/**
 * What the page shows of a run: the clock, every stage card, the activity feed and the faults
 * waiting. Two pages that show the same of all this show the same run at the same moment.
 */
async function shown(page: Page) {
  const sim = new SimulatorPage(page);
  const stages = await page.locator("[data-stage-card]").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label")));
  return {
    clock: await sim.clock.innerText(),
    stages,
    activity: await sim.activity.innerText(),
    waiting: await page.getByText(/^Waiting to strike:/).allInnerTexts(),
  };
}

async function dora(page: Page) {
  return page.locator("section[aria-labelledby='dora-title']").innerText();
}

/** Clicks Share and returns the link the panel shows (copied, or to copy by hand). */
async function share(page: Page): Promise<{ url: string; summary: string }> {
  await page.getByRole("button", { name: "Share" }).click();
  const panel = page.getByRole("region", { name: "Share link" });
  await expect(panel).toBeVisible();
  const url = await panel.getByRole("textbox").inputValue();
  const summary = await panel.locator("[data-share-summary]").innerText();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  return { url, summary };
}

test.describe("Share everything", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  });

  test("a link with every parameter opens the same run at the same moment, and shares itself", async ({ sim, page, context }) => {
    await sim.goto(`?${FULL}`);
    await expect(sim.clock).toHaveText(/Wed 10:15, day 3/);
    await expect(page.getByText(/^Waiting to strike:/)).toHaveText("Waiting to strike: break the next build, slip a defect past the tests ×2");
    await expect(page.getByRole("status").filter({ hasText: "not usable" })).toHaveCount(0);

    const { url, summary } = await share(page);
    expect(new URL(url).search).toBe(`?${FULL}`);
    expect(summary).toBe(
      "Opens this run at Wed 10:15, day 3, with break the next build, slip a defect past the tests ×2 waiting to strike: the same settings, commits and events.",
    );

    const other = await context.newPage();
    const again = new SimulatorPage(other);
    await again.goto(new URL(url).search);
    expect(await shown(other)).toEqual(await shown(page));
    await expect.poll(() => dora(other)).toBe(await dora(page));
  });

  test("a run played on shares a link that opens it as it is", async ({ sim, page, context }) => {
    // Plays to Tuesday, opens a second page and visits Team: 25 s on a two-core runner, over 30 s under the whole suite.
    test.setTimeout(90_000);
    await sim.goto("?mode=deployment&seed=5&speed=240&culture=silos");
    await sim.playUntil(async () => {
      await expect(sim.clock).toHaveText(/Tue|Wed/, { timeout: 15_000 });
    });
    await sim.inject("Make a test flaky");
    const { url, summary } = await share(page);
    expect(new URL(url).searchParams.get("faults")).toBe("flaky-test");
    expect(summary).toMatch(/^Opens this run at (Tue|Wed) /);

    const other = await context.newPage();
    await new SimulatorPage(other).goto(new URL(url).search);
    const a = await shown(page);
    const b = await shown(other);
    // The feed tells when the fault was injected: here at its time, there at the link's moment.
    const withoutInjection = (text: string) => text.replace(/\n?Trainer made a test flaky[^\n]*\n[^\n]*/g, "");
    expect({ ...b, activity: withoutInjection(b.activity) }).toEqual({ ...a, activity: withoutInjection(a.activity) });

    // Changing a setting on the way is something the link cannot replay: Share says so.
    await page.getByRole("link", { name: "Team" }).click();
    await page
      .getByRole("group", { name: "Culture" })
      .getByRole("radio", { name: /DevOps/ })
      .check();
    await page.getByRole("link", { name: "Pipeline", exact: true }).click();
    const changed = await share(page);
    expect(new URL(changed.url).searchParams.get("culture")).toBe("devops");
    expect(changed.summary).toMatch(
      /^Starts a run with today's settings from Monday 00:00 and plays it to .*culture changed .*so it may differ from this run\.$/,
    );
  });

  test("a link with bad and unknown parameters names each one, and none of the tracking ones", async ({ sim, page, axe }) => {
    await sim.goto(
      "?v=9&mode=waterfall&seed=0x10&speed=50&approver=boss&culture=silo&monitoring=maybe&threshold=0&coverage=abc&defects=200&commits=-1&faults=break-build,nope&t=soon&cultur=silos&foo=1&utm_source=slides&fbclid=abc&gclid=def",
    );
    const notice = page.getByRole("status").filter({ hasText: "settings in the address were not usable" });
    await expect(notice).toBeVisible();
    const named = await notice.locator("li code").allInnerTexts();
    expect(named).toEqual([
      "v",
      "mode",
      "seed",
      "speed",
      "approver",
      "culture",
      "monitoring",
      "threshold",
      "coverage",
      "defects",
      "commits",
      "faults",
      "t",
      "cultur",
      "foo",
    ]);
    await expect(notice).toContainText('cultur: not a setting of this page (got "silos"); ignored (did you mean culture?).');
    await expect(notice).toContainText("t: t must be a time like 2d09:30");
    await expect(notice).not.toContainText("utm_source");
    await expect(notice).not.toContainText("fbclid");
    // The page still runs, on the defaults.
    await expect(sim.mode).toHaveValue("delivery");
    await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
    await axe.check();
  });

  test("Save to a file and Load from a file; a bad file leaves the run alone", async ({ sim, page }, testInfo) => {
    await sim.goto(`?${FULL}`);
    const before = await shown(page);

    await page.getByRole("button", { name: "File" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Save to a file" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("pipeline-lab-delivery-seed42-2d1015.json");
    const path = testInfo.outputPath("run.json");
    await download.saveAs(path);
    const file = JSON.parse(await readFile(path, "utf8"));
    expect(file).toEqual({
      pipelineLab: "simulator-run",
      v: 2,
      mode: "delivery",
      seed: 42,
      speed: 60,
      approver: "scheduled",
      culture: "silos",
      monitoring: false,
      threshold: 10,
      coverage: 50,
      defects: 20,
      commits: 20,
      // Version 2 holds the run itself: the faults the link armed are actions, injected when it opened.
      faults: [],
      t: "2d10:15",
      actions: ["break-build", "escape-defect", "escape-defect"].map((fault) => ({
        t: 3495,
        fired: expect.any(Number),
        event: { type: "fault.inject", fault },
      })),
      at: 3495,
    });

    // A fresh page loads it: the same run at the same moment.
    await sim.goto("?mode=manual&seed=3");
    await page.getByRole("button", { name: "File" }).click();
    const choosing = page.waitForEvent("filechooser");
    await page.getByRole("menuitem", { name: "Load from a file" }).click();
    await (await choosing).setFiles(path);
    await expect(page.locator("[data-run-status]")).toHaveText("Loaded run.json: Continuous Delivery, seed 42, at Wed 10:15, day 3.");
    await expect(sim.mode).toHaveValue("delivery");
    expect(await shown(page)).toEqual(before);

    // A bad file: the field is named, the run stays as it is.
    await page.getByRole("button", { name: "File" }).click();
    const choosingBad = page.waitForEvent("filechooser");
    await page.getByRole("menuitem", { name: "Load from a file" }).click();
    await (await choosingBad).setFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ ...file, coverage: 140 })) });
    await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toHaveText(
      'Could not load bad.json: coverage: test coverage must be a percentage from 0 to 100 (got "140"). The run is unchanged.',
    );
    expect(await shown(page)).toEqual(before);
  });
});

test.describe("Mode changes", () => {
  test("with no progress, a new mode starts at once and says so", async ({ sim, page }) => {
    await sim.goto("?mode=delivery&seed=42");
    await sim.mode.selectOption("deployment");
    await expect(page.getByRole("dialog")).toHaveCount(0);
    await expect(page.locator("[data-run-status]")).toHaveText("Started a new Continuous Deployment run from Monday 00:00 with seed 42.");
  });

  test("with progress, it asks first, by keyboard: keep, start afresh, or start at the same moment", async ({ sim, page, axe }) => {
    await sim.goto("?mode=deployment&seed=3&speed=240");
    await sim.playUntil(async () => {
      await expect(sim.clock).toHaveText(/Mon 1[0-9]:/, { timeout: 15_000 });
    });
    const clock = await sim.clock.innerText();
    const dialog = page.getByRole("dialog", { name: "Change to Continuous Integration?" });

    // Typing a mode's first letter on the focused Mode control picks it, as any select does.
    // Keep the current run: nothing changes, focus returns to Mode.
    await sim.mode.focus();
    await page.keyboard.press("c");
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`This run is at ${clock} on seed 3.`);
    await expect(dialog.getByRole("button", { name: /^Start a new run in Continuous Integration/ })).toBeFocused();
    await axe.check();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: "Keep the current run" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(sim.mode).toHaveValue("deployment");
    await expect(sim.mode).toBeFocused();
    await expect(sim.clock).toHaveText(clock);

    // Escape keeps it too.
    await sim.mode.focus();
    await page.keyboard.press("c");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(sim.mode).toHaveValue("deployment");

    // The same moment: a new run in the new mode, played to the same time.
    await sim.mode.focus();
    await page.keyboard.press("c");
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Tab");
    await expect(dialog.getByRole("button", { name: /^Start Continuous Integration at / })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(dialog).toBeHidden();
    await expect(sim.mode).toHaveValue("ci");
    await expect(sim.clock).toHaveText(clock);
    await expect(page.locator("[data-run-status]")).toHaveText(
      `Started Continuous Integration at ${clock} with seed 3: the same commits, played in the new mode up to this moment.`,
    );

    // Afresh: from Monday 00:00.
    await sim.mode.focus();
    await page.keyboard.press("m");
    const toDelivery = page.getByRole("dialog", { name: "Change to Manual release?" });
    await expect(toDelivery).toBeVisible();
    await page.keyboard.press("Enter");
    await expect(toDelivery).toBeHidden();
    await expect(sim.mode).toHaveValue("manual");
    await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
    await expect(page.locator("[data-run-status]")).toHaveText("Started a new Manual release run from Monday 00:00 with seed 3.");
  });
});
