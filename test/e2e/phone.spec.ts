import type { Page } from "@playwright/test";
import { expect, test } from "./simulator.fixtures";

/**
 * Pipeline Lab on a phone (390×844, touch): every page fits the width, the pipeline is a strip that
 * reads (no text under 14 px) and keeps the stage where things happen in view, the controls fold into
 * one row with a "More" button, the view tabs fit or scroll, touch targets are at least 44 px, and
 * the main flows (play, approve, inject a failure, switch views, compare) work.
 */
test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });

const PAGES = [
  "/",
  "/simulator",
  "/simulator/monitoring",
  "/simulator/team",
  "/compare",
  "/learn",
  "/learn/anatomy-of-a-pipeline",
  "/learn/facilitator",
  "/present/notes",
  "/simulator/infrastructure",
  "/embed/simulator",
  "/embed/compare",
];

/**
 * How far the page scrolls sideways (0 when it fits the screen). Against the screen's 390 px, not
 * window.innerWidth: a mobile browser widens its layout viewport to content that overflows.
 */
const sidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - 390);

/** The smallest text drawn in the pipeline, in screen pixels: font size times React Flow's zoom. */
async function smallestDiagramText(page: Page): Promise<number> {
  return page.evaluate(() => {
    const region = document.querySelector('[aria-label="Pipeline"]');
    const viewport = region?.querySelector<HTMLElement>(".react-flow__viewport");
    if (!region || !viewport) return NaN;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let smallest = Infinity;
    for (const el of region.querySelectorAll<HTMLElement>(".react-flow__viewport *")) {
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!text || el.closest(".sr-only") || el.getClientRects().length === 0) continue;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(el).fontSize) * zoom);
    }
    return smallest;
  });
}

/** Visible controls under `selector` smaller than 44 px either way, as "name: w×h". */
async function smallTargets(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const out: string[] = [];
    for (const root of document.querySelectorAll(selector)) {
      const targets = "button, a[href], select, summary, input:not([type=hidden]), [role=radio], label:has(input[type=radio]), label:has(input[type=checkbox])";
      for (const el of root.querySelectorAll<HTMLElement>(targets)) {
        // A radio or checkbox inside its label: the label is what a finger presses.
        if (el.matches("input[type=radio], input[type=checkbox]") && el.closest("label")) continue;
        // A link in a sentence (its parent has words of its own) is as tall as its line (WCAG 2.5.8's
        // inline exception); a link stretched over its card (::after, inset 0) is as big as the card.
        // A link alone on its line, even inside a <p>, is a target like any other.
        const inSentence = [...(el.parentElement?.childNodes ?? [])].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (el.matches("a") && (inSentence || getComputedStyle(el, "::after").position === "absolute")) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest(".sr-only")) continue;
        if (r.height < 43.5 || r.width < 43.5)
          out.push(`${el.getAttribute("aria-label") ?? el.textContent?.trim()}: ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return out;
  }, selector);
}

test.describe("every page on a phone", () => {
  for (const path of PAGES) {
    test(`${path} has no sideways scroll, and its controls are 44 px targets`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      expect(await sidewaysScroll(page)).toBe(0);
      expect(await smallTargets(page, "body")).toEqual([]);
    });
  }
});

test.describe("the simulator on a phone", () => {
  test("the pipeline is a readable strip, and the controls are one row with More", async ({ sim, page, axe }) => {
    await sim.goto("?mode=delivery&seed=1&speed=30&approver=learner");
    expect(await smallestDiagramText(page)).toBeGreaterThanOrEqual(14);
    // The strip scrolls sideways inside itself; the page does not.
    const strip = page.getByTestId("pipeline-strip");
    expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    expect(await sidewaysScroll(page)).toBe(0);

    // One row: Play, Step and More side by side; Mode and Reset folded away until More opens.
    const row = await Promise.all([sim.play, sim.step, page.getByRole("button", { name: "More" })].map((b) => b.boundingBox()));
    expect(new Set(row.map((b) => Math.round(b!.y + b!.height / 2))).size).toBe(1);
    await expect(sim.mode).toBeHidden();
    await expect(page.getByRole("button", { name: "Reset" })).toBeHidden();
    const more = page.getByRole("button", { name: "More" });
    await expect(more).toHaveAttribute("aria-expanded", "false");
    await more.click();
    await expect(more).toHaveAttribute("aria-expanded", "true");
    await expect(sim.mode).toBeVisible();
    await expect(page.getByRole("button", { name: "Reset" })).toBeVisible();
    expect(await sidewaysScroll(page)).toBe(0);

    expect(await smallTargets(page, 'header, nav[aria-label="Simulator views"], [role=group][aria-label="Run controls"]')).toEqual([]);
    await axe.check();
  });

  test("play, approve, and the strip shows the stage that waits", async ({ sim, page }) => {
    await sim.goto("?mode=delivery&seed=1&speed=30&approver=learner");
    const clock = await sim.clock.textContent();
    await sim.play.tap();
    await expect(sim.clock).not.toHaveText(clock ?? "");
    await sim.pause.tap();

    await sim.stepUntilStage("Approval", /: Waiting\./);
    // The strip brings the waiting Approval card into view on its own.
    const strip = page.getByTestId("pipeline-strip");
    await expect
      .poll(async () => {
        const s = await strip.boundingBox();
        const c = await sim.stage("Approval").boundingBox();
        return !!s && !!c && c.x >= s.x - 1 && c.x + c.width <= s.x + s.width + 1;
      })
      .toBe(true);
    await sim.approve.tap();
    await expect(sim.activity).toContainText(/You approved [0-9a-f]{7}/);
  });

  test("inject a failure from the More menu", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1&speed=30");
    await page.getByRole("button", { name: "More" }).tap();
    await sim.inject("Break the next build");
    await expect(page.getByText("Waiting to strike: break the next build")).toBeVisible();
    await sim.stepUntilStage("Build", /: Failed\. compile error|last run failed: compile error/i);
    await expect(sim.activity).toContainText(/Build failed for [0-9a-f]{7}: compile error/);
  });

  test("switch views with the tabs, which fit or scroll", async ({ sim, page }) => {
    await sim.goto("?seed=1");
    const tabs = page.getByRole("navigation", { name: "Simulator views" });
    const box = await tabs.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await tabs.getByRole("link", { name: "Monitoring" }).tap();
    await expect(page).toHaveURL(/\/simulator\/monitoring/);
    await tabs.getByRole("link", { name: "Team" }).tap();
    await expect(page).toHaveURL(/\/simulator\/team/);
    await expect(tabs.getByRole("link", { name: "Team" })).toHaveAttribute("aria-current", "page");
    // The tab row scrolls the current tab fully into view (once the page is laid out).
    await expect(tabs.getByRole("link", { name: "Team" })).toBeInViewport({ ratio: 1 });
    expect(await sidewaysScroll(page)).toBe(0);
  });

  test("a view opened by its address shows its tab, scrolled into view", async ({ page }) => {
    await page.goto("/simulator/infrastructure?seed=1");
    const tabs = page.getByRole("navigation", { name: "Simulator views" });
    await expect(tabs.getByRole("link", { name: "Infrastructure" })).toHaveAttribute("aria-current", "page");
    await expect(tabs.getByRole("link", { name: "Infrastructure" })).toBeInViewport({ ratio: 1 });
  });
});

test("the embedded pipeline in a phone-wide frame is the same readable strip, and its credit reads", async ({ page }) => {
  await page.goto("/embed/simulator?mode=delivery&seed=42");
  await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
  await expect(page.locator("[data-stage-card]").first()).toBeVisible();
  expect(await smallestDiagramText(page)).toBeGreaterThanOrEqual(14);
  const strip = page.getByTestId("pipeline-strip");
  expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
  expect(await sidewaysScroll(page)).toBe(0);
  const credit = page.locator(".react-flow__attribution a");
  expect(await credit.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(14);
  expect((await credit.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  expect(await smallTargets(page, '[role=group][aria-label="Run controls"]')).toEqual([]);
});

test("compare works on a phone: no sideways scroll, and every control is a 44 px target", async ({ page }) => {
  await page.goto("/compare?modes=manual,ci,delivery,deployment&days=90&seed=7");
  await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
  expect(await sidewaysScroll(page)).toBe(0);
  // Down to the live side by side, so it loads and its controls count too.
  const live = page.getByRole("toolbar", { name: "Live run" });
  await page.getByRole("region", { name: "Live side by side" }).evaluate((el) => el.scrollIntoView());
  await expect(live.getByRole("button", { name: "Play" })).toBeVisible({ timeout: 20_000 });
  expect(await smallTargets(page, "main")).toEqual([]);
});
