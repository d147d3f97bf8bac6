import type { Page } from "@playwright/test";
import { expect, test } from "@playwright/test";
import { LESSONS } from "../../machines/lessons/catalog";

/**
 * The Content-Security-Policy allows what the app does and nothing more: every page is visited,
 * played, its views, menus, dialogs and exports opened, and the browser reports no
 * `securitypolicyviolation` (nor a "Refused to ..." console line, which workers log). The headers
 * themselves are checked on every route.
 */

interface Violation {
  page: string;
  directive: string;
  blocked: string;
  source: string;
  sample: string;
}

/** Records every violation of the page and its frames, across navigations. */
async function watchPolicy(page: Page): Promise<() => string[]> {
  const found: string[] = [];
  await page.exposeBinding("__reportCspViolation", (_source, v: Violation) => {
    found.push(`${v.page}: ${v.directive} blocked ${v.blocked || "inline"} (${v.source} ${v.sample})`);
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const report = (window as unknown as { __reportCspViolation(v: unknown): void }).__reportCspViolation;
      report({ page: location.pathname, directive: e.effectiveDirective, blocked: e.blockedURI, source: e.sourceFile, sample: e.sample });
    });
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) found.push(`console: ${message.text()}`);
  });
  page.on("worker", (worker) =>
    worker.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) found.push(`worker console: ${message.text()}`);
    }),
  );
  page.on("pageerror", (error) => found.push(`page error: ${error.message}`));
  return () => found;
}

const playing = (page: Page) => page.getByRole("button", { name: "Pause", exact: true });

/** Plays the run on the page until its clock has moved, then pauses it. */
async function playAWhile(page: Page, clock = page.getByTestId("sim-clock")) {
  const before = await clock.textContent();
  await page.getByRole("button", { name: "Play", exact: true }).first().click();
  await expect(playing(page).first()).toBeVisible();
  await expect(clock).not.toHaveText(before ?? "", { timeout: 15_000 });
  await playing(page).first().click();
}

async function darkTheme(page: Page) {
  await page.getByRole("radiogroup", { name: "Theme" }).getByRole("radio", { name: /dark/i }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
}

test.describe("content security policy", () => {
  test("the site's pages, in both themes: no violation", async ({ page }) => {
    const violations = await watchPolicy(page);
    for (const path of ["/", "/learn", "/learn/facilitator", "/present/notes"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    }
    await darkTheme(page);
    // The theme script ran before the first paint of the next page (it carries the nonce).
    await page.goto("/learn");
    await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
    await expect(page.locator("html")).toHaveAttribute("data-theme-preference", "dark");
    expect(violations()).toEqual([]);
  });

  test("the simulator: played, every view, menus, dialogs and the file export: no violation", async ({ page }) => {
    test.slow();
    const violations = await watchPolicy(page);
    await page.goto("/simulator?mode=deployment&seed=7&speed=240");
    await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
    await playAWhile(page);

    await page.getByRole("button", { name: "Inject failure" }).click();
    await page.getByRole("menuitem", { name: /Slip a defect past the tests/i }).click();
    await page.getByRole("button", { name: "Share" }).click();
    await expect(page.getByRole("dialog", { name: "Share link" }).or(page.getByLabel("Share link"))).toBeVisible();
    await page.keyboard.press("Escape");

    await page.getByRole("button", { name: "File" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("menuitem", { name: "Save to a file" }).click();
    expect((await downloading).suggestedFilename()).toMatch(/\.json$/);

    const views = page.getByRole("navigation", { name: "Simulator views" });
    await views.getByRole("link", { name: "Monitoring" }).click();
    await expect(page).toHaveURL(/\/simulator\/monitoring\?/);
    await playAWhile(page);
    await views.getByRole("link", { name: "Team" }).click();
    await expect(page).toHaveURL(/\/simulator\/team\?/);
    await playAWhile(page);
    await views.getByRole("link", { name: "Pipeline" }).click();
    await expect(page).toHaveURL(/\/simulator\?/);

    // A mode change asks in a dialog (Radix: focus trap and scroll lock).
    await page.getByRole("combobox", { name: "Mode" }).selectOption("ci");
    const dialog = page.getByRole("dialog");
    if (await dialog.isVisible()) await page.keyboard.press("Escape");

    // Reloaded straight onto a view.
    await page.goto("/simulator/monitoring?mode=delivery&seed=3");
    await playAWhile(page);
    await page.goto("/simulator/team?mode=ci&seed=3");
    await playAWhile(page);
    await darkTheme(page);
    expect(violations()).toEqual([]);
  });

  test("the comparison: computed in workers, played side by side, CSV and PNG exports: no violation", async ({ page }) => {
    test.slow();
    const violations = await watchPolicy(page);
    await page.goto("/compare?days=30&seed=42");
    await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
    await page.getByText("Show your work").first().click();

    let downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download CSV" }).click();
    expect((await downloading).suggestedFilename()).toMatch(/\.csv$/);
    downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download PNG of “Lead time distribution”" }).click();
    expect((await downloading).suggestedFilename()).toMatch(/\.png$/);

    const live = page.getByRole("region", { name: "Live side by side" });
    await live.scrollIntoViewIfNeeded();
    await live.getByRole("combobox", { name: "Speed" }).selectOption({ label: "4 h/s" });
    await playAWhile(page, live.getByLabel("Virtual time"));

    // A changed setting recomputes in the workers.
    await page.getByRole("group", { name: /Modes/ }).getByRole("checkbox", { name: "Continuous Integration (CI)" }).check();
    await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
    expect(violations()).toEqual([]);
  });

  test("a lesson, played: no violation", async ({ page }) => {
    const violations = await watchPolicy(page);
    await page.goto(`/learn/${LESSONS[0]!.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(LESSONS[0]!.title);
    await page.getByRole("button", { name: "Play", exact: true }).click();
    await expect(page.getByTestId("lesson-goal").getByText(/^Goal met at /)).toBeVisible({ timeout: 20_000 });
    expect(violations()).toEqual([]);
  });

  test("the infrastructure view: the template editor (CodeMirror's styles), a change set, drift and an export: no violation", async ({ page }) => {
    const violations = await watchPolicy(page);
    await page.goto("/simulator/infrastructure?mode=delivery&seed=3");
    const editor = page.getByRole("textbox", { name: /^Template of stack shop-web/ });
    // The editor (CodeMirror) is fetched after the view mounts: on a busy two-core runner that takes more than 5 s.
    await expect(editor).toBeVisible({ timeout: 15_000 });
    // The editor's own stylesheet applied: its gutter sits beside the text, not above it.
    await expect(page.locator(".cm-gutters")).toHaveCSS("display", "flex");
    await page.getByRole("button", { name: "Create change set" }).click();
    await page.getByRole("button", { name: "Detect drift" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export .yaml" }).click();
    expect((await downloading).suggestedFilename()).toBe("shop-web.yaml");
    await playAWhile(page);
    expect(violations()).toEqual([]);
  });

  test("the embeds, alone and framed by a page of the app: no violation", async ({ page }) => {
    const violations = await watchPolicy(page);
    await page.goto("/embed/simulator?mode=deployment&seed=5&speed=240");
    await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
    await playAWhile(page);
    await page.goto("/embed/compare?days=30");
    await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
    expect(violations()).toEqual([]);
  });
});

const ROUTES = [
  "/",
  "/simulator",
  "/simulator/monitoring",
  "/simulator/team",
  "/simulator/infrastructure",
  "/compare",
  "/learn",
  `/learn/${LESSONS[0]!.slug}`,
  "/learn/facilitator",
  "/present/notes",
  "/embed/simulator",
  "/embed/compare",
  "/no-such-page",
];

/** The directives of a policy, by name. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

test.describe("security headers", () => {
  test("every route: a nonce policy without unsafe-eval, nosniff, a referrer and a permissions policy; framing by the app only, except the embeds", async ({
    request,
  }) => {
    for (const path of ROUTES) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(path === "/no-such-page" ? 404 : 200);
      const headers = response.headers();
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"], path).toMatch(/camera=\(\)/);
      const policy = directives(headers["content-security-policy"] ?? "");
      const scripts = policy.get("script-src") ?? [];
      const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
      expect(nonce, path).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(scripts, path).not.toContain("'unsafe-eval'");
      expect(scripts, path).not.toContain("'unsafe-inline'");
      expect(policy.get("default-src"), path).toEqual(["'self'"]);
      expect(policy.get("object-src"), path).toEqual(["'none'"]);
      expect(policy.get("worker-src"), path).toEqual(["'self'"]);
      expect(policy.get("frame-ancestors"), path).toEqual(path.startsWith("/embed/") ? ["*"] : ["'self'"]);
      // Every script of the page carries this response's nonce; none is written inline without one.
      const html = await response.text();
      const scriptTags = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scriptTags.length, path).toBeGreaterThan(0);
      for (const tag of scriptTags) expect(tag, path).toContain(`nonce="${nonce}"`);
    }
  });

  test("a fresh nonce for every response", async ({ request }) => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const policy = (await request.get("/simulator")).headers()["content-security-policy"] ?? "";
      nonces.add(/'nonce-([^']+)'/.exec(policy)?.[1] ?? "");
    }
    expect(nonces.size).toBe(5);
  });

  test("the app's files carry the headers too", async ({ request, page }) => {
    await page.goto("/simulator");
    const script = await page.locator("script[src]").first().getAttribute("src");
    const response = await request.get(script!);
    expect(response.status()).toBe(200);
    expect(response.headers()["x-content-type-options"]).toBe("nosniff");
    expect(response.headers()["content-security-policy"]).toContain("default-src 'self'");
  });
});
