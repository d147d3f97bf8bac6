import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";

/**
 * Addresses and requests as a school's IT department tries them: bad, long and strange parameters,
 * methods a page does not take, addresses too long to read. Each gets an answer that says what
 * happened, never a broken page.
 */

/** Page errors and console errors (React's hydration error #418 among them). */
function watchErrors(page: Page): () => string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()}`);
  });
  return () => errors;
}

async function compareReady(page: Page) {
  await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
}

const ROUTES = [
  "/",
  "/simulator",
  "/simulator/monitoring",
  "/simulator/team",
  "/compare",
  "/learn",
  "/learn/facilitator",
  "/present/notes",
  "/embed/simulator",
  "/embed/compare",
];

test.describe("hostile requests", () => {
  test("one rule for every route: GET and HEAD only, anything else 405 with Allow", async ({ request }) => {
    for (const path of ROUTES) {
      expect((await request.head(path)).status(), `HEAD ${path}`).toBe(200);
      for (const method of ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"]) {
        const response = await request.fetch(path, { method, data: method === "TRACE" ? undefined : "x=1" });
        expect(response.status(), `${method} ${path}`).toBe(405);
        expect(response.headers()["allow"], `${method} ${path}`).toBe("GET, HEAD");
        expect(response.headers()["x-content-type-options"], `${method} ${path}`).toBe("nosniff");
      }
    }
  });

  test("a too-long address gets a short page that says so (414), not a dead tab", async ({ page }) => {
    for (const path of ["/compare", "/simulator", "/embed/simulator"]) {
      const response = await page.goto(`${path}?seed=${"9".repeat(13_000)}`);
      expect(response?.status(), path).toBe(414);
      await expect(page.getByRole("heading", { level: 1, name: "This address is too long" })).toBeVisible();
      await expect(page.getByText(/Pipeline Lab reads addresses up to 12,288/)).toBeVisible();
      const open = page.getByRole("link", { name: "Open the simulator" });
      await expect(open).toHaveAttribute("href", "/simulator");
      await open.click();
      // The bare address: a run saved on the way (the loop's earlier visits) may write its settings after it.
      await expect(page).toHaveURL(/\/simulator(\?|$)/);
    }
  });
  test("a link deep in a run costs the server nothing: the run is built in the browser, not in the HTML", async ({ request }) => {
    for (const path of ["/simulator", "/simulator/monitoring", "/simulator/team", "/embed/simulator"]) {
      const html = await (await request.get(`${path}?t=365d00:00&commits=2000`)).text();
      expect(html, path).toContain("Loading the live pipeline");
      expect(html, path).not.toContain('aria-label="Run controls"');
    }
  });
});

test.describe("hostile parameters on /compare", () => {
  for (const length of [1_000, 12_000]) {
    test(`a bad value of ${length.toLocaleString("en-US")} characters is shortened in the notice; the page keeps its width`, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 720 });
      const errors = watchErrors(page);
      const response = await page.goto(`/compare?culture=${"x".repeat(length)}`);
      expect(response?.status()).toBe(200);
      await compareReady(page);
      const notice = page.getByRole("alert").filter({ hasText: "could not be used" });
      await expect(notice).toContainText(`culture=${"x".repeat(40)}…`);
      await expect(notice).toContainText(`culture must be devops or silos (got "${"x".repeat(40)}…"); using devops.`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      expect(errors()).toEqual([]);
    });
  }

  test("NUL, a lone surrogate and an emoji cut at the notice's length: the page hydrates, no error", async ({ page }) => {
    test.slow(); // four comparisons
    const errors = watchErrors(page);
    for (const query of ["monitoring=%00", "seed=%ED%A0%80", `culture=${"a".repeat(39)}%F0%9F%98%80%F0%9F%98%80`, "seed=7&seed=8&days=%00&days=30"]) {
      await page.goto(`/compare?${query}`);
      await compareReady(page);
      await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toBeVisible();
      // Hydrated: the page answers a click.
      await page.getByRole("button", { name: "Dismiss the notice" }).click();
      await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toHaveCount(0);
    }
    expect(errors()).toEqual([]);
  });

  test("seed=0x2A, seed=1e1 and days=0x5A are refused as /simulator and the CLI refuse them", async ({ page }) => {
    test.slow(); // three comparisons
    for (const [query, said] of [
      ["seed=0x2A", 'seed must be a whole number from 0 to 4294967295 (got "0x2A"); using 42.'],
      ["seed=1e1", 'seed must be a whole number from 0 to 4294967295 (got "1e1"); using 42.'],
      ["days=0x5A", 'days must be a whole number from 7 to 365 (got "0x5A"); using 90.'],
    ] as const) {
      await page.goto(`/compare?${query}`);
      await compareReady(page);
      await expect(page.getByRole("alert").filter({ hasText: "could not be used" })).toContainText(said);
    }
    // The same text on /simulator is refused the same way.
    await page.goto("/simulator?seed=0x2A");
    await expect(page.getByRole("status").filter({ hasText: "not usable" })).toContainText(
      'seed must be a whole number from 0 to 4294967295 (got "0x2A"); using seed 1.',
    );
  });
});

test.describe("the workspace's views keep the run in their address", () => {
  test("each view's link carries the run's state; a reload there is the same run", async ({ page }) => {
    await page.goto("/simulator?mode=ci&seed=7&speed=120&culture=silos");
    await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
    const views = page.getByRole("navigation", { name: "Simulator views" });
    for (const name of ["Pipeline", "Monitoring", "Team"]) {
      const href = await views.getByRole("link", { name }).getAttribute("href");
      expect(href, name).toMatch(/\?mode=ci&seed=7&speed=120&culture=silos$/);
    }
    // A change on the page follows into the links.
    await page.getByRole("textbox", { name: "Seed" }).fill("9");
    await page.getByRole("textbox", { name: "Seed" }).press("Enter");
    await expect(views.getByRole("link", { name: "Team" })).toHaveAttribute("href", /seed=9/);

    await views.getByRole("link", { name: "Monitoring" }).click();
    await expect(page).toHaveURL(/\/simulator\/monitoring\?mode=ci&seed=9/);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Mode" })).toHaveValue("ci");
    await expect(page.getByRole("textbox", { name: "Seed" })).toHaveValue("9");
    await expect(page.getByRole("status").filter({ hasText: "not usable" })).toHaveCount(0);

    await views.getByRole("link", { name: "Team" }).click();
    await expect(page).toHaveURL(/\/simulator\/team\?mode=ci&seed=9/);
    await page.reload();
    await expect(page.getByRole("combobox", { name: "Mode" })).toHaveValue("ci");
    await expect(page.getByRole("textbox", { name: "Seed" })).toHaveValue("9");
  });
});
