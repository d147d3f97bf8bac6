import { expect, test } from "./simulator.fixtures";

/**
 * axe (WCAG 2.0, 2.1 and 2.2, A and AA) on the live pipeline in each mode, mid-run with tokens in the
 * diagram, in the light theme and in the dark projector theme.
 */
const MODES = ["manual", "ci", "delivery", "deployment"] as const;

for (const mode of MODES) {
  test(`no serious or critical accessibility violations in ${mode} mode`, async ({ sim, axe }) => {
    await sim.goto(`?mode=${mode}&seed=4&speed=30`);
    await sim.stepUntilStage("Build", /: (Working|Succeeded|Failed)/);
    await sim.stepTimes(40);
    await axe.check();
  });
}

test("no serious or critical accessibility violations in the dark theme, with the inspector and a failure", async ({ sim, page, axe }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await sim.goto("?mode=delivery&seed=4&approver=learner");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await sim.inject("Break the next build");
  await sim.stepUntilStage("Build", /: Failed/);
  await sim.stage("Build").click();
  await expect(page.getByRole("region", { name: /^Build · CodeBuild/ })).toBeVisible();
  await axe.check();
});

test("the shortcuts dialog and the failure menu pass axe too", async ({ sim, page, axe }) => {
  await sim.goto("?mode=deployment");
  await page.getByRole("button", { name: /^Inject failure/ }).click();
  await expect(page.getByRole("menu", { name: "Inject failure" })).toBeVisible();
  await axe.check();
  await page.keyboard.press("Escape");
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Keyboard shortcuts" })).toBeVisible();
  await axe.check();
});
