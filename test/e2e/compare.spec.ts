import { readFile } from "node:fs/promises";
import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/axe";
import { animationFrames } from "./fixtures/animationFrames";
import { parseCsv } from "../support/parseCsv";

/** The comparison page: computed in the browser, so wait until the result on screen is current. */
async function ready(page: Page) {
  await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
}

const card = (page: Page, mode: string) => page.getByRole("article", { name: mode, exact: true });
const tile = (page: Page, mode: string, metric: string) => card(page, mode).getByRole("group", { name: metric });

async function canvasImage(chart: Locator): Promise<string> {
  return chart
    .locator("canvas")
    .first()
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

test.describe("compare page", () => {
  test("compares Continuous Delivery with Continuous Deployment by default", async ({ page }) => {
    await page.goto("/compare");
    await expect(page).toHaveTitle("Compare modes · Pipeline Lab");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continuous Delivery vs Continuous Deployment");
    await ready(page);
    for (const mode of ["Continuous Delivery", "Continuous Deployment"]) {
      for (const metric of ["Deployment frequency", "Lead time for changes", "Change failure rate", "Failed deployment recovery time"]) {
        await expect(tile(page, mode, metric)).toContainText("DORA 2024");
      }
    }
    await expect(card(page, "Manual release")).toHaveCount(0);
    await expect(page.getByRole("img", { name: /Lead time distribution/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Deployments over time/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Batch sizes/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /Cumulative flow for Continuous Delivery/ })).toBeVisible();
  });

  test("shows its work: the formula with the run's numbers, and the deployments it counted", async ({ page }) => {
    await page.goto("/compare");
    await ready(page);
    const delivery = card(page, "Continuous Delivery");
    await delivery.getByText("Show your work").click();
    await expect(delivery.locator('[data-formula="deploymentFrequency"]')).toHaveText(/^\d+ deployments ÷ 90 days = \d+\.\d\d per day$/);
    await expect(delivery.locator('[data-formula="changeFailureRate"]')).toHaveText(/failed changes? ÷ \d+ deployments = /);
    await delivery.getByText(/^Deployments counted \(\d+\)$/).click();
    const list = delivery.getByRole("region", { name: "Deployments of Continuous Delivery" });
    await expect(list.getByRole("row")).not.toHaveCount(0);
    await delivery.getByText(/^Incidents counted \(\d+\)$/).click();
    await expect(delivery.getByRole("region", { name: "Incidents of Continuous Delivery" })).toBeVisible();
  });

  test("a setting change recomputes the numbers and redraws the charts", async ({ page }) => {
    await page.goto("/compare");
    await ready(page);
    const frequency = tile(page, "Continuous Delivery", "Deployment frequency");
    const batch = card(page, "Continuous Delivery").locator("[data-batch-mean]");
    const lead = page.getByRole("img", { name: /Lead time distribution/ });
    const beforeFrequency = await frequency.textContent();
    const beforeBatch = Number(await batch.textContent());
    const beforeImage = await canvasImage(lead);
    const beforeLabel = await lead.getAttribute("aria-label");

    // One release a week instead of three a day: bigger batches, fewer deployments.
    const cadence = page.getByRole("slider", { name: "Release cadence" });
    await cadence.fill("3");
    await expect(cadence).toHaveAttribute("aria-valuetext", "One release a week");
    await ready(page);
    await expect(frequency).not.toHaveText(beforeFrequency!);
    await expect(frequency).toContainText("per week");
    expect(Number(await batch.textContent())).toBeGreaterThan(beforeBatch);
    await expect(lead).not.toHaveAttribute("aria-label", beforeLabel!);
    // A chart out of sight draws its new data when it comes near the screen.
    await lead.scrollIntoViewIfNeeded();
    await expect.poll(() => canvasImage(lead)).not.toBe(beforeImage);
    await expect(card(page, "Continuous Delivery")).toContainText("One release a week");

    // Keyboard: the test coverage slider moves with the arrow keys and the numbers follow.
    const cfr = tile(page, "Continuous Deployment", "Change failure rate");
    const beforeCfr = await cfr.textContent();
    const coverage = page.getByRole("slider", { name: "Test coverage" });
    await coverage.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
    await expect(coverage).toHaveAttribute("aria-valuetext", "20%");
    await ready(page);
    await expect(cfr).not.toHaveText(beforeCfr!);
  });

  test("adds and removes modes, two to four", async ({ page }) => {
    await page.goto("/compare");
    await ready(page);
    const modes = page.getByRole("group", { name: /Modes/ });
    await modes.getByRole("checkbox", { name: "Manual release" }).check();
    await modes.getByRole("checkbox", { name: "Continuous Integration (CI)" }).check();
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Manual vs CI vs Delivery vs Deployment");
    await expect(page.getByRole("article")).toHaveCount(4);
    // With four picked nothing more can be added; with two, neither can be removed.
    await modes.getByRole("checkbox", { name: "Continuous Delivery" }).uncheck();
    await modes.getByRole("checkbox", { name: "Manual release" }).uncheck();
    await expect(modes.getByRole("checkbox", { name: "Continuous Integration (CI)" })).toBeDisabled();
    await ready(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continuous Integration vs Continuous Deployment");
  });

  test("exports the runs as CSV: one row per commit and per deployment, with a mode column", async ({ page }) => {
    await page.goto("/compare?days=30");
    await ready(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("pipeline-lab-delivery-vs-deployment-seed42-30d.csv");
    const rows = parseCsv(await readFile((await download.path())!, "utf8"));
    const [header, ...body] = rows;
    expect(header!.slice(0, 5)).toEqual(["record", "mode", "mode_name", "seed", "id"]);
    const col = (name: string) => header!.indexOf(name);
    for (const row of body) expect(row).toHaveLength(header!.length);
    const deployments = body.filter((r) => r[col("mode")] === "delivery" && r[col("record")] === "deployment");
    const commits = body.filter((r) => r[col("mode")] === "deployment" && r[col("record")] === "commit");
    expect(commits.length).toBeGreaterThan(100);
    // The deployments listed are the ones the frequency counts.
    const delivery = card(page, "Continuous Delivery");
    await delivery.getByText("Show your work").click();
    await expect(delivery.locator('[data-formula="deploymentFrequency"]')).toContainText(`${deployments.length} deployments ÷ 30 days`);
  });

  test("exports a chart as PNG", async ({ page }) => {
    await page.goto("/compare");
    await ready(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download PNG of “Lead time distribution”" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^pipeline-lab-lead-time-delivery-vs-deployment-seed42-90d\.png$/);
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    expect(bytes.length).toBeGreaterThan(5_000);
  });

  test("a chart out of sight is made and drawn only when it comes near, and its PNG has the new data at once", async ({ page }) => {
    // Short enough that the charts' figures start well over half a screen below the fold.
    await page.setViewportSize({ width: 1280, height: 500 });
    await page.goto("/compare");
    await ready(page);
    const lead = page.getByRole("img", { name: /Lead time distribution/ });
    const canvas = lead.locator("canvas").first();
    // Not made while far out of sight; made once it comes near.
    await animationFrames(page, 10);
    await expect(canvas).not.toBeAttached();
    await lead.scrollIntoViewIfNeeded();
    await expect(canvas).toBeAttached();
    const drawn = await canvasImage(lead);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect(lead).not.toBeInViewport();
    await animationFrames(page, 5);

    await page.getByRole("spinbutton", { name: "Seed" }).fill("7");
    await ready(page);
    // The cards on screen have the new numbers; the chart below them keeps its data for later.
    expect(await canvasImage(lead)).toBe(drawn);

    // Clicked where it is (a real click would first scroll the chart into sight).
    const exportPng = async () => {
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: "Download PNG of “Lead time distribution”" }).dispatchEvent("click");
      return readFile((await (await downloading).path())!);
    };
    // A PNG made now shows the new data: the same picture as once the chart is on screen.
    const early = await exportPng();
    await expect(lead).not.toBeInViewport();
    await lead.scrollIntoViewIfNeeded();
    await expect.poll(() => canvasImage(lead)).not.toBe(drawn);
    const late = await exportPng();
    expect(early.equals(late)).toBe(true);
  });

  test("shows the largest seed whole, beside the cards and on a phone", async ({ page }) => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto("/compare?seed=4294967295");
      const seed = page.getByRole("spinbutton", { name: "Seed" });
      await expect(seed).toHaveValue("4294967295");
      const cut = await seed.evaluate((input) => input.scrollWidth - input.clientWidth);
      expect(cut, `the seed field at ${viewport.width} px`).toBeLessThanOrEqual(0);
    }
  });

  test("Share puts the whole comparison in a link that replays it", async ({ page, context }) => {
    await page.goto("/compare");
    await ready(page);
    await page.getByRole("group", { name: /Modes/ }).getByRole("checkbox", { name: "Manual release" }).check();
    await page.getByRole("spinbutton", { name: "Seed" }).fill("7");
    await page.getByRole("group", { name: "Culture" }).getByRole("radio", { name: "Silos" }).check();
    await page.getByRole("switch", { name: "Monitoring" }).click();
    await page.getByRole("slider", { name: "Commits per day" }).fill("20");
    await ready(page);
    const numbers = await page.locator("[data-metric]").allTextContents();

    await page.getByRole("button", { name: "Share" }).click();
    const url = await page.getByRole("textbox", { name: /link/i }).inputValue();
    expect(url).toContain("/compare?");
    expect(url).toContain("modes=manual,delivery,deployment");
    expect(url).toContain("seed=7");

    const other = await context.newPage();
    await other.goto(url);
    await ready(other);
    await expect(other.getByRole("spinbutton", { name: "Seed" })).toHaveValue("7");
    await expect(other.getByRole("group", { name: "Culture" }).getByRole("radio", { name: "Silos" })).toBeChecked();
    await expect(other.getByRole("switch", { name: "Monitoring" })).toHaveAttribute("aria-checked", "false");
    await expect(other.getByRole("slider", { name: "Commits per day" })).toHaveValue("20");
    expect(await other.locator("[data-metric]").allTextContents()).toEqual(numbers);
    // The address bar follows the settings too, so a reload keeps them.
    await expect(page).toHaveURL(/seed=7/);
  });

  test("a control character in a parameter is named, written out, and the page still hydrates", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto("/compare?monitoring=%00&culture=on%0A");
    const notice = page.getByRole("alert").filter({ hasText: "Part of this link" });
    await expect(notice).toContainText("monitoring=\\u0000");
    await expect(notice).toContainText('monitoring must be on or off (got "\\u0000")');
    await expect(notice).toContainText("culture=on\\u000a");
    await ready(page);
    // The same text on the server and in the browser: no hydration error (React's #418).
    expect(errors).toEqual([]);
  });

  test("a bad link falls back to the defaults with a notice naming each parameter", async ({ page }) => {
    await page.goto("/compare?seed=banana&modes=delivery,warp&coverage=70");
    const notice = page.getByRole("alert").filter({ hasText: "Part of this link" });
    await expect(notice).toContainText("seed=banana");
    await expect(notice).toContainText("seed must be a whole number");
    await expect(notice).toContainText("modes=delivery,warp");
    await expect(notice).not.toContainText("coverage=");
    await ready(page);
    await expect(page.getByRole("spinbutton", { name: "Seed" })).toHaveValue("42");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Continuous Delivery vs Continuous Deployment");
    await notice.getByRole("button", { name: "Dismiss the notice" }).click();
    await expect(notice).toHaveCount(0);
  });

  test("plays Continuous Delivery and Continuous Deployment side by side on one clock", async ({ page }) => {
    await page.goto("/compare");
    await ready(page);
    const live = page.getByRole("region", { name: "Live side by side" });
    // Scrolled there in one step: the placeholder gives way to the live runs as it comes near.
    await live.evaluate((el) => el.scrollIntoView());
    await expect(live.getByRole("region", { name: "Continuous Delivery pipeline" })).toBeVisible();
    await expect(live.getByRole("region", { name: "Continuous Deployment pipeline" })).toBeVisible();
    const clock = live.getByLabel("Virtual time");
    await expect(clock).toHaveText("Mon 00:00, day 1");
    await live.getByRole("combobox", { name: "Speed" }).selectOption({ label: "4 h/s" });
    await live.getByRole("button", { name: "Play" }).click();
    await expect(clock).not.toHaveText("Mon 00:00, day 1");
    await live.getByRole("button", { name: "Pause" }).click();
    const paused = await clock.textContent();
    // Playing, 30 frames would move the clock by hours.
    await animationFrames(page, 30);
    await expect(clock).toHaveText(paused!);
    await live.getByRole("button", { name: "Restart" }).click();
    await expect(clock).toHaveText("Mon 00:00, day 1");
  });

  test("loads the live side by side only once it comes near the screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/compare");
    await ready(page);
    const live = page.getByRole("region", { name: "Live side by side" });
    // Far below on a phone: the placeholder stands in, and no live run (React Flow, runners) is made.
    await animationFrames(page, 30);
    await expect(live).toContainText("Loading the live pipelines");
    await expect(page.getByRole("toolbar", { name: "Live run" })).toHaveCount(0);
    await expect(page.locator('[aria-roledescription="pipeline diagram"]')).toHaveCount(0);
    await live.evaluate((el) => el.scrollIntoView());
    await expect(live.getByRole("region", { name: "Continuous Delivery pipeline" })).toBeVisible();
    await expect(live.getByLabel("Virtual time")).toHaveText("Mon 00:00, day 1");
  });

  test("plays the modes chosen on the page, not always Delivery and Deployment", async ({ page }) => {
    await page.goto("/compare?modes=manual,delivery");
    await ready(page);
    const live = page.getByRole("region", { name: "Live side by side" });
    await live.evaluate((el) => el.scrollIntoView());
    await expect(live.getByRole("region", { name: "Manual release pipeline" })).toBeVisible();
    await expect(live.getByRole("region", { name: "Continuous Delivery pipeline" })).toBeVisible();
    await expect(live.getByRole("region", { name: "Continuous Deployment pipeline" })).toHaveCount(0);
    // A mode added on the page joins the live run.
    await page.getByRole("group", { name: /Modes/ }).getByRole("checkbox", { name: "Continuous Integration (CI)" }).check();
    await ready(page);
    await live.scrollIntoViewIfNeeded();
    await expect(live.getByRole("region", { name: "Continuous Integration pipeline" })).toBeVisible();
    await expect(live.getByRole("region", { name: /pipeline$/ })).toHaveCount(3);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      // Four modes mean four live pipelines as well as four cards: axe needs longer than the default.
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto("/compare?modes=manual,ci,delivery,deployment&seed=abc");
      await ready(page);
      await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      // Open what is closed by default, so it is checked too.
      const delivery = card(page, "Continuous Delivery");
      await delivery.getByText("Show your work").click();
      await delivery.getByText(/^Deployments counted/).click();
      await delivery.getByText(/^Incidents counted/).click();
      await page.getByText("Show as a table").first().click();
      await page.getByText("What is in the CSV file").click();
      await axe.check();
    });
  }
});
