import type { Page } from "@playwright/test";
import { MOMENTS, type MomentKind } from "../../machines/runner/moments";
import { expect, test } from "./fixtures/axe";

const caption = (page: Page) => page.getByTestId("moment-caption");
/** A stage card: its accessible name starts with its visible text ("Build · CodeBuild, 1a2b3c4, …: Working"). */
const stage = (page: Page, name: string) => page.getByRole("region", { name: "Pipeline" }).getByRole("button", { name: new RegExp(`^${name} · `) });

/** Where each moment comes soon, and what makes it come. */
const WHERE: Record<MomentKind, { query: string; inject?: string; stage: string; shows: RegExp }> = {
  approval: { query: "mode=delivery&seed=1&approver=learner", stage: "Approval", shows: /: Waiting\./ },
  deploy: { query: "mode=deployment&seed=1", stage: "Deploy", shows: /: Working/ },
  alarm: { query: "mode=deployment&seed=1", inject: "Slip a defect past the tests", stage: "Production", shows: /: Failed\./ },
  "release-day": { query: "mode=manual&seed=1", stage: "Deploy", shows: /to ship/ },
  restored: { query: "mode=deployment&seed=1", inject: "Slip a defect past the tests", stage: "Production", shows: /: (Succeeded|Rolled back)/ },
};

async function chooseStopAt(page: Page, kind: MomentKind) {
  await page.getByRole("button", { name: "Stop at" }).click();
  await page.getByRole("menuitemcheckbox", { name: MOMENTS[kind].label }).click();
  await page.keyboard.press("Escape");
}

test.describe("moments", () => {
  for (const kind of Object.keys(WHERE) as MomentKind[]) {
    test(`"stop at: ${MOMENTS[kind].label.toLowerCase()}" pauses the run at that event`, async ({ page }) => {
      const where = WHERE[kind];
      await page.goto(`/simulator?${where.query}&speed=240`);
      await chooseStopAt(page, kind);
      if (where.inject) {
        await page.getByRole("button", { name: "Inject failure" }).click();
        await page.getByRole("menuitem", { name: new RegExp(where.inject, "i") }).click();
      }
      // Release day is a quarter away: "Next moment" runs there in virtual time, the same run. The others are played to.
      if (kind === "release-day") await page.getByRole("button", { name: "Next moment" }).click();
      else await page.getByRole("button", { name: "Play" }).click();
      await expect(caption(page)).toHaveText(`Stopped at: ${MOMENTS[kind].label.toLowerCase()}`, { timeout: 25_000 });
      await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
      await expect(stage(page, where.stage)).toHaveAttribute("aria-label", where.shows);
    });
  }

  test("PageDown goes on to the next moment and PageUp back to the one before, the same run", async ({ page }) => {
    await page.goto("/simulator?mode=delivery&seed=1&approver=scheduled");
    await page.locator("body").focus();
    // The first key may come before the page listens for keys: press until it answers.
    await expect(async () => {
      await page.keyboard.press("PageDown");
      await expect(caption(page)).toContainText("Stopped at:", { timeout: 1000 });
    }).toPass();
    const clock = page.getByTestId("sim-clock");
    const first = await clock.textContent();
    await page.keyboard.press("PageDown");
    await expect(clock).not.toHaveText(first!);
    await page.keyboard.press("PageUp");
    await expect(clock).toHaveText(first!);
  });
});

test.describe("presenter mode", () => {
  test("fills the screen, steps with a clicker's keys, blanks, and stays in step with the speaker notes", async ({ page, context }) => {
    test.slow();
    await page.goto("/simulator?mode=manual&seed=1");
    await page.getByRole("button", { name: "Present" }).click();
    await expect(page).toHaveURL(/present=1/);
    const presenter = page.getByRole("region", { name: "Presenter mode" });
    await expect(presenter).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
    await expect(presenter.getByRole("region", { name: "DORA four keys" }).getByText("Lead time for changes")).toBeVisible();

    const notes = await context.newPage();
    await notes.goto("/present/notes");
    await expect(notes.getByTestId("notes-screen")).toContainText("Manual release");

    // The clicker: PageDown runs on to the next moment, here and in the notes.
    await page.keyboard.press("PageDown");
    await expect(caption(page)).toContainText("Stopped at:");
    const said = (await caption(page).textContent())!.replace("Stopped at: ", "");
    await expect(notes.getByTestId("notes-moment")).toHaveText(new RegExp(said, "i"));
    await expect(notes.getByTestId("notes-question")).not.toBeEmpty();

    // The notes drive the projected page.
    await notes.getByRole("button", { name: "Next moment" }).click();
    await expect(caption(page)).not.toHaveText(`Stopped at: ${said}`);
    await notes.getByRole("button", { name: "Blank the screen" }).click();
    await expect(page.getByTestId("blank-screen")).toBeVisible();
    await expect(notes.getByTestId("notes-screen")).toContainText("screen blanked");
    await page.keyboard.press("b");
    await expect(page.getByTestId("blank-screen")).toBeHidden();

    await page.keyboard.press("Escape");
    await expect(presenter).toBeHidden();
    await expect(page).not.toHaveURL(/present=1/);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      test.slow();
      await page.emulateMedia({ colorScheme });
      await page.goto("/simulator?mode=delivery&present=1");
      await page.getByRole("button", { name: "Next moment" }).click();
      await expect(caption(page)).toContainText("Stopped at:");
      await axe.check();
      await page.goto("/present/notes");
      await axe.check();
    });
  }
});

test.describe("demo loop", () => {
  test("?demo=<lesson> plays the lesson by itself with its captions", async ({ page }) => {
    test.slow();
    await page.goto("/simulator?demo=anatomy-of-a-pipeline");
    const caption = page.getByTestId("demo-caption");
    await expect(caption).toContainText("Step 1 of 5: A developer pushes");
    // Nobody touches anything: the run reaches the goal, shows the outcome, and goes on.
    await expect(caption).toContainText("CodePipeline noticed the push", { timeout: 30_000 });
    await expect(caption).toContainText("Step 2 of 5", { timeout: 30_000 });
  });

  test("an unknown lesson is named, and the simulator shows instead", async ({ page }) => {
    await page.goto("/simulator?demo=nope");
    await expect(page.getByRole("status").filter({ hasText: "there is no lesson called “nope”" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  });
});
