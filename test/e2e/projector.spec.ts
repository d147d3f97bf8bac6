import type { Page } from "@playwright/test";
import { expect, test } from "./simulator.fixtures";

/**
 * What a trainer saw on the projector (issue 11): all four DORA keys on screen at 1280×720, Space
 * still playing after the theme toggle, tokens never covering a revision id, and no card text cut.
 */

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

/** Card text cut off (scrollWidth beyond clientWidth), and tokens (with their stack) over a revision id. */
async function cardProblems(page: Page): Promise<{ truncated: string[]; covered: string[] }> {
  // Tokens glide to their places for 420 ms of real time (TokenLayer.tsx): measure where they rest.
  await page.waitForTimeout(700);
  return page.evaluate(() => {
    const truncated: string[] = [];
    const covered: string[] = [];
    const tokens = [...document.querySelectorAll<HTMLElement>(".pl-token:not([data-leaving])")];
    // How far a stack reaches right of (and up from) its token, in design pixels (diagram.css).
    const REACH: Record<string, [number, number]> = { "1": [0, 0], "2": [4, 3], "3": [8, 6], "4": [12, 9] };
    for (const card of document.querySelectorAll<HTMLElement>("[data-stage-card]")) {
      const stage = card.dataset.stageCard;
      for (const el of card.querySelectorAll<HTMLElement>("span, code")) {
        if (el.children.length > 0 || !el.textContent?.trim() || getComputedStyle(el).display === "inline") continue;
        if (el.scrollWidth > el.clientWidth) truncated.push(`${stage}: "${el.textContent}" needs ${el.scrollWidth} px, has ${el.clientWidth}`);
      }
      for (const code of card.querySelectorAll<HTMLElement>("code")) {
        const range = document.createRange();
        range.selectNodeContents(code);
        const text = range.getBoundingClientRect();
        for (const token of tokens) {
          const box = token.getBoundingClientRect();
          const [right, up] = REACH[token.dataset.stack ?? "1"] ?? [0, 0];
          const k = box.width / 32;
          const overlaps = box.left < text.right && box.right + right * k > text.left && box.top - up * k < text.bottom && box.bottom > text.top;
          if (overlaps) covered.push(`${token.getAttribute("aria-label")} covers "${code.textContent}" on ${stage}`);
        }
      }
    }
    return { truncated, covered };
  });
}

for (const size of SIZES) {
  test(`all four DORA keys are on screen without scrolling at ${size.width}×${size.height}`, async ({ sim, page }) => {
    await page.setViewportSize(size);
    await sim.goto("?mode=delivery&seed=1");
    const tiles = page.getByRole("region", { name: "DORA four keys" }).getByRole("group");
    await expect(tiles).toHaveCount(4);
    for (const name of ["Deployment frequency", "Lead time for changes", "Change failure rate", "Failed deployment recovery time"]) {
      const box = await page.getByRole("group", { name }).boundingBox();
      expect(box, `${name} is drawn`).not.toBeNull();
      expect(box!.y, `${name} top`).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `${name} bottom`).toBeLessThanOrEqual(size.height);
      expect(box!.x + box!.width, `${name} right`).toBeLessThanOrEqual(size.width);
    }
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    // The diagram stays the hero: the whole pipeline is on screen too.
    const production = await sim.stage("Production").boundingBox();
    expect(production!.y + production!.height).toBeLessThanOrEqual(size.height);
  });
}

test("Space plays the run after the theme toggle was clicked; the toggle still works by keyboard", async ({ sim, page }) => {
  await sim.goto("?mode=deployment&seed=1&speed=240");
  const dark = page.getByRole("radio", { name: "Dark" });
  await dark.click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(dark).toBeFocused();
  // The checked radio keeps focus, and Space on it plays the run.
  await page.keyboard.press(" ");
  await expect(sim.pause).toBeVisible();
  await page.keyboard.press(" ");
  await expect(sim.play).toBeVisible();
  const clock = await sim.clock.textContent();

  // Arrows still move through the theme radios (and do not step the run).
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("radio", { name: "System" })).toBeChecked();
  await expect(page.getByRole("radio", { name: "System" })).toBeFocused();
  await expect(sim.clock).toHaveText(clock!);

  // Space on a radio that is not checked yet selects it, and leaves the run alone.
  const light = page.getByRole("radio", { name: "Light" });
  await light.focus();
  await page.keyboard.press(" ");
  await expect(light).toBeChecked();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await expect(sim.play).toBeVisible();
  await expect(sim.clock).toHaveText(clock!);
});

test("Space typed in a field still types (the seed field is left alone)", async ({ sim, page }) => {
  await sim.goto("?mode=deployment&seed=1");
  await sim.seed.focus();
  await page.keyboard.press(" ");
  await expect(sim.play).toBeVisible();
});

for (const size of SIZES) {
  test(`a busy run at ${size.width}×${size.height}: no token covers a revision id, no card text is cut`, async ({ sim, page }) => {
    // Hundreds of steps to a big release candidate: 45 s on a two-core runner, over 60 s under the whole suite.
    test.setTimeout(120_000);
    await page.setViewportSize(size);
    // Continuous Integration at 60 commits a day: the release candidate waiting at Deploy for
    // Friday's hand deploy grows into a stack of dozens of commits; revisions queue before Test.
    await sim.goto("?mode=ci&seed=1&speed=240&commitsPerDay=60");
    await sim.stepUntilStage("Deploy", /, ([2-9]\d|\d{3,}) to ship/);
    const atDeploy = page.locator('.pl-token[data-stage="deploy"]:not([data-leaving])');
    await expect(atDeploy).toHaveAttribute("data-stack", "4");
    expect(await cardProblems(page)).toEqual({ truncated: [], covered: [] });

    // Continuous Deployment at 200 commits a day: stacks everywhere, and production shipping batches.
    await sim.goto("?mode=deployment&seed=1&speed=240&commitsPerDay=200");
    await sim.playUntil(async () => {
      await expect(sim.stage("Production")).toHaveAttribute("aria-label", /\d+ shipped/, { timeout: 20_000 });
      await expect(sim.stage("Build")).toHaveAttribute("aria-label", /\d{2,} superseded/, { timeout: 20_000 });
    });
    expect(await cardProblems(page)).toEqual({ truncated: [], covered: [] });
  });
}

test("a token's number and its card's number agree at the release candidate", async ({ sim, page }) => {
  // The same steps as the busy run above: 26 s alone on a two-core runner, over 30 s under the whole suite.
  test.setTimeout(90_000);
  await sim.goto("?mode=ci&seed=1&speed=240&commitsPerDay=60");
  await sim.stepUntilStage("Deploy", /, ([2-9]\d|\d{3,}) to ship/);
  const label = await sim.stageLabel("Deploy");
  const shipped = /, (\d+) to ship:/.exec(label)?.[1];
  expect(shipped, label).toBeDefined();
  await expect(page.locator('.pl-token[data-stage="deploy"]:not([data-leaving])')).toHaveAttribute(
    "aria-label",
    new RegExp(`, ${shipped} commits to ship, waiting`),
  );
});
