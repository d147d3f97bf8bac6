import { expect, test, type Page } from "@playwright/test";
import { animationFrames } from "./fixtures/animationFrames";

/**
 * Screenshots of the feedback views for a human to look at: 1280×720 (projector) and 1920×1080,
 * light and dark, mid-run with an incident. Not a regression test: it only runs with SCREENSHOTS=1
 * and writes PNGs to SCREENSHOTS_DIR (default test-results/screens/).
 *
 *   SCREENSHOTS=1 npx playwright test test/e2e/monitoring-screens.spec.ts
 */
test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 to take the screenshots");

const DIR = process.env.SCREENSHOTS_DIR ?? "test-results/screens";

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;
const THEMES = ["light", "dark"] as const;

async function setTheme(page: Page, theme: (typeof THEMES)[number]) {
  await page.addInitScript((t) => localStorage.setItem("pipeline-lab:theme", t), theme);
}

async function stepUntilVisible(page: Page, locator: ReturnType<Page["getByRole"]>, limit = 800) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit && !(await locator.isVisible()); i++) await page.keyboard.press("ArrowRight");
  await expect(locator).toBeVisible();
}

for (const size of SIZES) {
  for (const theme of THEMES) {
    const name = `${size.width}x${size.height}-${theme}`;

    test(`monitoring ${name}`, async ({ page }) => {
      test.setTimeout(90_000);
      await setTheme(page, theme);
      await page.setViewportSize(size);
      await page.goto("/simulator/monitoring?mode=deployment&seed=4&speed=240");
      // Monitoring off: customers find the incident hours later, and a person must roll back.
      const monitoring = page.getByRole("switch", { name: "Monitoring" });
      await monitoring.click();
      await expect(monitoring).toHaveAttribute("aria-checked", "false");
      await page.getByRole("button", { name: /Inject failure/ }).click();
      await page.getByRole("menuitem", { name: /Slip a defect past the tests/ }).click();
      await stepUntilVisible(page, page.getByRole("button", { name: "Roll back now" }));
      await expect(page.getByRole("article", { name: "Incident #1" })).toBeVisible();
      await animationFrames(page, 2);
      await page.screenshot({ path: `${DIR}/monitoring-${name}.png` });
      await page.screenshot({ path: `${DIR}/monitoring-${name}-full.png`, fullPage: true });
    });

    test(`team ${name}`, async ({ page }) => {
      test.setTimeout(90_000);
      await setTheme(page, theme);
      await page.setViewportSize(size);
      await page.goto("/simulator/team?mode=delivery&seed=4&speed=240&approver=learner");
      await page.getByRole("group", { name: "Culture" }).getByRole("radio", { name: /Silos/ }).check();
      await page.getByRole("button", { name: /Inject failure/ }).click();
      await page.getByRole("menuitem", { name: /Slip a defect past the tests/ }).click();
      await page.getByRole("button", { name: "Play", exact: true }).click();
      const comment = page.getByRole("textbox", { name: "Comment" });
      await expect(comment).toBeVisible({ timeout: 30_000 });
      await page.getByRole("button", { name: "Pause", exact: true }).click();
      await comment.fill("Looks fine, ship it");
      await page.getByRole("button", { name: "Approve", exact: true }).click();
      await page.getByRole("button", { name: "Play", exact: true }).click();
      // Enough of the run for a full screen: a few handoffs between Dev and Ops.
      const handoffs = page.locator('dt:text-is("Handoffs") + dd').first();
      await expect.poll(async () => Number(await handoffs.textContent()), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
      await page.getByRole("button", { name: "Pause", exact: true }).click();
      await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
      // The culture comparison computes once it comes near the screen.
      const both = page.getByRole("table", { name: /same seed/ });
      await both.scrollIntoViewIfNeeded();
      await expect(both).not.toContainText("computing", { timeout: 20_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await animationFrames(page, 2);
      await page.screenshot({ path: `${DIR}/team-${name}.png` });
      await page.screenshot({ path: `${DIR}/team-${name}-full.png`, fullPage: true });
    });
  }
}
