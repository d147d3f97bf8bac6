import type { Page } from "@playwright/test";
import { LESSONS } from "../../machines/lessons/catalog";
import { expect, test } from "./fixtures/axe";

const anatomy = LESSONS.find((l) => l.slug === "anatomy-of-a-pipeline")!;
const step = (page: Page) => page.getByTestId("lesson-step");
const goalMet = (page: Page) => page.getByTestId("lesson-goal").getByText(/^Goal met at /);

/** Plays by keyboard (Space, with the focus on no control) until the step's goal is met. */
async function playToGoal(page: Page) {
  await page.keyboard.press("Space");
  await expect(goalMet(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
}

test.describe("a lesson", () => {
  test("can be done from start to debrief with the keyboard alone: a prediction, a hint, a paused moment", async ({ page }) => {
    test.slow();
    await page.goto(`/learn/${anatomy.slug}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`1. ${anatomy.title}`);
    await expect(step(page)).toContainText("Step 1 of 5");

    // Step 1: Space plays; the run stops by itself when the commit arrives; Enter goes on.
    await playToGoal(page);
    await expect(page.getByTestId("lesson-outcome")).toContainText(anatomy.steps[0]!.outcome);
    await expect(page.getByRole("button", { name: "Next step" })).toBeFocused();
    await page.keyboard.press("Enter");

    // Step 2, with a hint asked for by keyboard.
    await expect(page.getByRole("heading", { level: 2, name: anatomy.steps[1]!.title })).toBeFocused();
    await page.keyboard.press("Tab");
    await expect(page.getByRole("button", { name: "Show a hint" })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(step(page)).toContainText(anatomy.steps[1]!.hints[0]!);
    await page.keyboard.press("Escape");
    await page.locator("body").focus();
    await playToGoal(page);
    await page.getByRole("button", { name: "Next step" }).press("Enter");

    // Step 3: the prediction comes first, and the run waits for it.
    const guess = page.getByRole("textbox", { name: "Your guess, in minutes" });
    await expect(guess).toBeFocused();
    await expect(page.getByRole("button", { name: "Play" })).toBeDisabled();
    await expect(page.getByText("Answer the prediction (or skip it) first.")).toBeVisible();
    await page.keyboard.press("Space");
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
    await guess.fill("");
    await page.keyboard.type("1000");
    await page.keyboard.press("Enter");
    await expect(step(page).getByRole("alert")).toHaveText("Give a number from 0 to 120, or skip the question.");
    await guess.fill("");
    await page.keyboard.type("10");
    await page.keyboard.press("Enter");
    await page.locator("body").focus();
    await playToGoal(page);
    const reveal = page.getByRole("definition");
    await expect(reveal.first()).toHaveText("10 minutes");
    await expect(reveal.nth(1)).toHaveText(/^\d+ min$/);
    await page.getByRole("button", { name: "Next step" }).press("Enter");

    // Step 4: the run stopped at the moment the revision passed Test and reached Approval; A approves it.
    await expect(page.getByRole("button", { name: "Approve", exact: true })).toBeEnabled();
    await expect(goalMet(page)).toHaveCount(0);
    await page.locator("body").focus();
    await page.keyboard.press("a");
    await expect(goalMet(page)).toBeVisible();
    await page.getByRole("button", { name: "Next step" }).press("Enter");

    // Step 5: skip the prediction, play to production, open the debrief.
    await expect(page.getByRole("button", { name: "Skip" })).toBeVisible();
    await page.getByRole("button", { name: "Skip" }).press("Enter");
    await page.locator("body").focus();
    await playToGoal(page);
    await expect(page.getByRole("definition").first()).toHaveText("skipped");
    await page.getByRole("button", { name: "See the debrief" }).press("Enter");

    const debrief = page.getByTestId("lesson-debrief");
    await expect(debrief.getByRole("heading", { name: "Debrief" })).toBeFocused();
    await expect(debrief.getByRole("row")).toHaveCount(anatomy.debrief.compare.length + 1);
    await expect(debrief).toContainText(anatomy.debrief.takeaway);
    await expect(debrief.getByRole("link", { name: /Next lesson: Continuous Integration/ })).toBeVisible();
    // The lesson is done: the run is the learner's to play with.
    await expect(page.getByRole("button", { name: "Play" })).toBeEnabled();

    // Progress was kept in the browser.
    const record = await page.evaluate(() => JSON.parse(localStorage.getItem("pipeline-lab:progress") ?? "null"));
    expect(record.lessons[anatomy.slug]).toMatchObject({ met: anatomy.steps.map((s) => s.id), finished: true });
    expect(record.lessons[anatomy.slug].predictions.test.guess).toBe(10);
  });

  test("keeps its progress and its step across a reload", async ({ page }) => {
    await page.goto(`/learn/${anatomy.slug}`);
    await page.getByRole("button", { name: "Play" }).click();
    await expect(goalMet(page)).toBeVisible({ timeout: 20_000 });
    await page.getByRole("button", { name: "Next step" }).click();
    await expect(page).toHaveURL(`/learn/${anatomy.slug}?step=2`);
    await page.reload();
    await expect(step(page)).toContainText("Step 2 of 5");
    await expect(page.getByRole("list", { name: "Steps" })).toContainText("1. A developer pushes: done");
    await page.goto("/learn");
    await expect(page.getByRole("list", { name: "The lessons, in order" }).getByRole("listitem").first().locator("[data-progress]")).toHaveText(
      "Progress: 1 of 5 steps",
    );
  });

  test("a deep link lands on its step, prepared by the reference solution; a bad one says why", async ({ page }) => {
    await page.goto("/learn/continuous-delivery?step=3");
    await expect(step(page)).toContainText("Step 3 of 5");
    await expect(page.getByRole("list", { name: "Steps" })).toContainText("2. Nobody decides: done");
    await page.goto(`/learn/${anatomy.slug}?step=99`);
    await expect(page.getByRole("status").filter({ hasText: "step must be a whole number from 1 to 5" })).toBeVisible();
    await expect(step(page)).toContainText("Step 1 of 5");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      // Two axe passes over a live page with a diagram: longer than the default on a busy machine.
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto(`/learn/${anatomy.slug}?step=3`);
      await expect(page.getByRole("textbox", { name: "Your guess, in minutes" })).toBeVisible();
      await page.getByRole("button", { name: "Show a hint" }).click();
      await axe.check();
      await page.getByRole("button", { name: "Skip" }).click();
      await page.getByRole("button", { name: "Play" }).click();
      await expect(goalMet(page)).toBeVisible({ timeout: 20_000 });
      await axe.check();
    });
  }
});
