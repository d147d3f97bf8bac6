import { appendFile, readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import offline from "../../lib/offline/offlineRoutes.json" with { type: "json" };
import { expect, test, SimulatorPage } from "./simulator.fixtures";

/**
 * Offline (issue 14): after one visit, with the network gone, every page, every lesson and the
 * simulation work, served by the service worker (app/sw.ts, built by `serwist build`).
 */
test.use({ serviceWorkers: "allow" });
// The update test changes the served public/sw.js for a moment: nothing else may load it meanwhile.
test.describe.configure({ mode: "serial" });

const SW_FILE = fileURLToPath(new URL("../../public/sw.js", import.meta.url));

test("the worker is installed once the page has settled, not while it loads", async ({ page }) => {
  await page.goto("/simulator");
  // At the load event nothing is registered yet: precaching the app would compete with the page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined)).toBe(true);
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
});

test("after one visit every page and the simulation work offline", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.goto("/");
  // The worker installs (precaching every page and asset), activates and takes this page.
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  await context.setOffline(true);
  // Truly offline: a page that is not the app's fails.
  expect(
    await page.evaluate(() =>
      fetch("/no-such-thing-offline").then(
        (r) => r.status,
        () => "failed",
      ),
    ),
  ).toBe("failed");

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  for (const route of offline.routes) {
    const response = await page.goto(route);
    expect(response?.status(), route).toBe(200);
    expect(response?.fromServiceWorker(), route).toBe(true);
    await expect(page.getByRole("heading", { level: 1 }).first(), route).toBeVisible();
    await expect(page.getByRole("heading", { name: /can.t be reached|no internet/i })).toHaveCount(0);
  }

  // A page's address with parameters is served too, and the simulation plays.
  const sim = new SimulatorPage(page);
  await sim.goto("?mode=delivery&seed=7");
  await expect(sim.seed).toHaveValue("7");
  const before = await sim.clock.innerText();
  await sim.play.click();
  await expect(sim.clock).not.toHaveText(before);
  await sim.pause.click();
  await sim.step.click();
  expect(errors).toEqual([]);
});

test("the app is installable: a manifest with icons", async ({ request }) => {
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ name: "Pipeline Lab", start_url: "/", display: "standalone" });
  const sizes = manifest.icons.map((icon: { sizes: string }) => icon.sizes);
  expect(sizes).toEqual(expect.arrayContaining(["192x192", "512x512"]));
  for (const icon of manifest.icons as { src: string; type: string }[]) {
    const response = await request.get(icon.src);
    expect(response.status(), icon.src).toBe(200);
    expect(response.headers()["content-type"], icon.src).toContain(icon.type.split("+")[0]);
  }
});

test("a new version is announced and waits for the learner's Reload", async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto("/simulator?mode=delivery&seed=3");
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
  const sim = new SimulatorPage(page);
  await sim.stepTimes(5);
  const clock = await sim.clock.innerText();

  // A new build: the served service worker differs (put back afterwards).
  const original = await readFile(SW_FILE, "utf8");
  try {
    await appendFile(SW_FILE, "\n// another version\n");
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const notice = page.getByRole("status").filter({ hasText: "A new version is ready" });
    await expect(notice).toBeVisible({ timeout: 30_000 });
    // Never forced: the page stays as it is until asked.
    await page.waitForTimeout(2000);
    await expect(sim.clock).toHaveText(clock);

    const reloaded = page.waitForEvent("load");
    await notice.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await expect(notice).toBeHidden();
    // The reload keeps the run (it was saved).
    await expect(sim.clock).toHaveText(clock);
  } finally {
    await writeFile(SW_FILE, original);
  }
});
