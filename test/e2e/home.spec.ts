import { expect, test } from "./fixtures/axe";

const THEME_KEY = "pipeline-lab:theme";
const MODES = ["Manual release", "Continuous Integration", "Continuous Delivery", "Continuous Deployment"];

test.describe("home page", () => {
  test("explains Pipeline Lab and lists the four modes", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Pipeline Lab");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("commit");
    await expect(page.getByText("CodeCommit").first()).toBeVisible();

    const modes = page.getByRole("region", { name: "Four ways to ship" });
    for (const mode of MODES) {
      await expect(modes.getByRole("heading", { name: mode, exact: true })).toBeVisible();
    }

    const pipeline = page.getByRole("list", { name: "Example pipeline" });
    for (const stage of ["Source", "Build", "Test", "Approval", "Deploy", "Production"]) {
      await expect(pipeline.getByText(stage, { exact: true })).toBeVisible();
    }
  });

  test("links to the simulator and the comparison", async ({ page }) => {
    await page.goto("/");
    // The target routes are built separately; check where the links point.
    await expect(page.getByRole("link", { name: "Open the live pipeline" })).toHaveAttribute("href", "/simulator");
    await expect(page.getByRole("link", { name: "Compare the four modes" })).toHaveAttribute("href", "/compare");

    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav.getByRole("link", { name: "Simulator" })).toHaveAttribute("href", "/simulator");
    await expect(nav.getByRole("link", { name: "Compare" })).toHaveAttribute("href", "/compare");

    const views = page.getByRole("region", { name: "Views of the same run" });
    for (const [name, href] of [
      ["Live pipeline", "/simulator"],
      ["Monitoring", "/simulator/monitoring"],
      ["Team", "/simulator/team"],
      ["Compare", "/compare"],
    ] as const) {
      await expect(views.getByRole("link", { name })).toHaveAttribute("href", href);
    }

    await page.getByRole("link", { name: "Pipeline Lab" }).click();
    await expect(page).toHaveURL("/");
  });

  test("theme toggle switches data-theme and remembers the choice", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/");
    const html = page.locator("html");
    await expect(html).toHaveAttribute("data-theme", "light");

    const theme = page.getByRole("radiogroup", { name: "Theme" });
    await expect(theme.getByRole("radio", { name: "System" })).toBeChecked();

    await theme.getByRole("radio", { name: "Dark" }).check();
    await expect(html).toHaveAttribute("data-theme", "dark");
    expect(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY)).toBe("dark");

    await page.reload();
    await expect(html).toHaveAttribute("data-theme", "dark");
    await expect(theme.getByRole("radio", { name: "Dark" })).toBeChecked();

    await theme.getByRole("radio", { name: "Light" }).check();
    await expect(html).toHaveAttribute("data-theme", "light");

    // "System" follows the operating system, also when it changes.
    await theme.getByRole("radio", { name: "System" }).check();
    await page.emulateMedia({ colorScheme: "dark" });
    await expect(html).toHaveAttribute("data-theme", "dark");
    await page.emulateMedia({ colorScheme: "light" });
    await expect(html).toHaveAttribute("data-theme", "light");
  });

  test("applies the dark theme before the page paints", async ({ page }) => {
    await page.addInitScript((key) => localStorage.setItem(key, "dark"), THEME_KEY);
    // Record data-theme at the moment <body> is created: after the inline <head>
    // script, before any content can paint and before React runs.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        if (document.body) {
          (window as unknown as { __firstTheme?: string }).__firstTheme = document.documentElement.dataset.theme;
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await page.goto("/");
    const first = await page.evaluate(() => (window as unknown as { __firstTheme?: string }).__firstTheme);
    expect(first).toBe("dark");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/");
      await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      await axe.check();
    });
  }

  test("unknown addresses get a helpful not-found page", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Page not found" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Home/ })).toHaveAttribute("href", "/");
  });
});

test("the header is slimmer on the simulator workspace, and only there, from the server's HTML on", async ({ browser }) => {
  // JavaScript off: the height comes with the HTML (a change after hydration would shift the page).
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const headerHeight = async (path: string) => {
    await page.goto(path);
    return (await page.getByRole("banner").boundingBox())!.height;
  };
  for (const path of ["/simulator", "/simulator/team"]) expect(await headerHeight(path), path).toBeLessThan(50);
  for (const path of ["/", "/compare", "/learn/anatomy-of-a-pipeline"]) expect(await headerHeight(path), path).toBeGreaterThanOrEqual(64);
  await context.close();
});
