import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FrameLocator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/axe";

/**
 * The embeds in an iframe, as a slide deck or an LMS page holds them: the README's snippet on a page
 * of the app's own origin (and of another origin, which only the embeds allow), rendering, playing
 * and following the frame's size.
 */

/** A page at `url` whose whole content is `body`, served by the test (never by the app). */
async function hostPage(page: Page, url: string, body: string) {
  await page.route(url, (route) =>
    route.fulfill({
      status: 200,
      contentType: "text/html",
      body: `<!doctype html><html lang="en"><head><title>Host</title></head><body style="margin:0">${body}</body></html>`,
    }),
  );
  await page.goto(url);
}

/** The README's snippet. */
function snippet(src: string, id: string, width = "100%", height = "420") {
  return `<iframe id="${id}" src="${src}" title="Pipeline Lab" width="${width}" height="${height}" style="border:0" loading="lazy" allow="clipboard-write"></iframe>`;
}

/** The embedded run shows its diagram, and Play moves its clock; Pause stops it. */
async function expectPlays(frame: FrameLocator) {
  await expect(frame.getByRole("region", { name: "Pipeline" })).toBeVisible({ timeout: 15_000 });
  const clock = frame.getByTestId("sim-clock");
  await expect(clock).toHaveText(/Mon 00:00/);
  await frame.getByRole("button", { name: "Play", exact: true }).click();
  await expect(clock).not.toHaveText(/Mon 00:00/, { timeout: 15_000 });
  await frame.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(frame.getByRole("button", { name: "Play", exact: true })).toBeVisible();
}

test.describe("embeds", () => {
  test("/embed/simulator in an iframe on the app's origin: the diagram and its controls, no site chrome, plays, fits the frame", async ({ page, baseURL }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await hostPage(page, `${baseURL}/__embed-host`, snippet("/embed/simulator?mode=deployment&seed=42&speed=240", "sim", "960", "420"));
    const frame = page.frameLocator("#sim");
    await expectPlays(frame);
    await expect(frame.getByText(/Continuous Deployment/).first()).toBeVisible();
    // No header, footer or main navigation inside the frame.
    await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    await expect(frame.getByRole("contentinfo")).toHaveCount(0);
    await expect(frame.getByRole("link", { name: "Open in Pipeline Lab (opens in a new tab)" })).toHaveAttribute(
      "href",
      /^\/simulator\?mode=deployment&seed=42/,
    );

    // The diagram fills the frame, and follows it when the frame changes size.
    const diagramBox = async () => frame.getByRole("region", { name: "Pipeline" }).boundingBox();
    const wide = (await diagramBox())!;
    expect(wide.width).toBeGreaterThan(900);
    expect(await frame.locator("html").evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true);
    // Still wider than a phone: a frame under 640 px shows the phone's strip (phone.spec.ts).
    await page.locator("#sim").evaluate((el) => {
      el.setAttribute("width", "700");
      el.setAttribute("height", "360");
    });
    await expect.poll(async () => (await diagramBox())!.width).toBeLessThan(700);
    expect(await frame.locator("html").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  });

  test("/embed/compare in an iframe on the app's origin: the comparison without site chrome", async ({ page, baseURL }) => {
    await hostPage(page, `${baseURL}/__embed-host`, snippet("/embed/compare?modes=delivery,deployment&days=30&seed=42", "cmp", "100%", "700"));
    const frame = page.frameLocator("#cmp");
    await expect(frame.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Continuous Delivery vs Continuous Deployment");
    await expect(frame.getByRole("article", { name: "Continuous Delivery", exact: true })).toBeVisible();
    await expect(frame.getByRole("navigation", { name: "Main" })).toHaveCount(0);
    const live = frame.getByRole("region", { name: "Live side by side" });
    await live.evaluate((el) => el.scrollIntoView());
    const clock = live.getByLabel("Virtual time");
    await live.getByRole("button", { name: "Play" }).click();
    await expect(clock).not.toHaveText("Mon 00:00, day 1");
  });

  test("another site may frame the embeds, but not the app's other pages", async ({ page, baseURL }) => {
    // Another origin: a small server on another port of this machine (Chromium lets only local pages
    // frame local ones; an LMS on the internet framing a public server follows the same rule).
    const body = `<!doctype html><html lang="en"><head><title>Course</title></head><body>${snippet(`${baseURL}/embed/simulator?seed=3`, "ok", "900", "400")}${snippet(`${baseURL}/simulator`, "refused", "900", "400")}</body></html>`;
    const server = createServer((_request, response) => response.writeHead(200, { "Content-Type": "text/html" }).end(body));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/course`);
      await expectPlays(page.frameLocator("#ok"));
      // frame-ancestors 'self': the browser refuses to show /simulator in another site's page.
      await expect.poll(() => page.frames().some((f) => f.url().startsWith("chrome-error:")), { timeout: 10_000 }).toBe(true);
      await expect(page.frameLocator("#refused").getByRole("region", { name: "Pipeline" })).toHaveCount(0);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`the embeds have no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/embed/simulator?mode=delivery&seed=42");
      await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Live pipeline: Continuous Delivery");
      await axe.check();
      await page.goto("/embed/compare?days=30");
      await expect(page.locator('section[data-state="ready"]')).toBeVisible({ timeout: 20_000 });
      await axe.check();
    });
  }
});
