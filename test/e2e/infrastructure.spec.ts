import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/axe";

/**
 * /simulator/infrastructure: the run's stack as a CloudFormation template. The template is the run:
 * removing the Approval stage and executing the change set turns Continuous Delivery into Continuous
 * Deployment; a hand change to production shows up as drift and goes when the template is applied.
 */
const RUN = "mode=delivery&seed=1&approver=learner";

async function openView(page: Page, query = RUN) {
  await page.goto(`/simulator/infrastructure?${query}`);
  await expect(page.getByRole("heading", { name: "Infrastructure", level: 1 })).toBeVisible();
  // The editor arrives by a dynamic import; its text box is named.
  await expect(page.getByRole("textbox", { name: /^Template of stack shop-web/ })).toBeVisible();
}

/** The template as the learner would get it: through Export .yaml. */
async function exportedTemplate(page: Page): Promise<string> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export .yaml" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe("shop-web.yaml");
  return readFile((await file.path())!, "utf8");
}

/** Replaces the editor's whole text, as a paste would. */
async function replaceTemplate(page: Page, text: string) {
  const editor = page.getByRole("textbox", { name: /^Template of stack shop-web/ });
  await editor.click();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.insertText(text);
}

/** The Approval stage of the pipeline resource, with the comment above it. */
function withoutApproval(text: string): string {
  const next = text.replace(/\n( +)# [^\n]*\n\1- Name: Approval\n(?:\1 {2,}[^\n]*\n)*/, "\n");
  expect(next).not.toContain("Name: Approval");
  return next;
}

async function play(page: Page) {
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
}

async function pause(page: Page) {
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
}

test.describe("infrastructure view", () => {
  test("removing Approval from the template: change set, stack update, and a commit reaches production unapproved", async ({ page }) => {
    test.slow();
    await openView(page, `${RUN}&speed=240`);
    await expect(page.getByRole("link", { name: "Infrastructure", exact: true })).toHaveAttribute("aria-current", "page");
    const status = page.getByTestId("stack-status");
    await expect(status).toContainText("CREATE_COMPLETE");

    await replaceTemplate(page, withoutApproval(await exportedTemplate(page)));
    await expect(page.getByText("Edited, not applied yet.")).toBeVisible();
    await page.getByRole("button", { name: "Create change set" }).click();

    const changeSet = page.getByRole("region", { name: "Change set" });
    await expect(changeSet.getByRole("heading", { name: "Change set" })).toBeFocused();
    const row = changeSet.getByRole("row", { name: /Pipeline/ });
    await expect(row).toContainText("Modify");
    await expect(row).toContainText("AWS::CodePipeline::Pipeline");
    await expect(row).toContainText("Stages");
    // Nothing is applied yet: the stack still runs the old template.
    await expect(status).toContainText("CREATE_COMPLETE");

    await changeSet.getByRole("button", { name: "Execute change set" }).click();
    // In Continuous Delivery the template change is a commit: it goes through the pipeline and Approval.
    await expect(page.getByTestId("pending-change")).toContainText(/travels through the pipeline as commit [0-9a-f]{7}/);
    await expect(status).toContainText("CREATE_COMPLETE");

    // On the pipeline view, approve what reaches Approval; the revision with the template commit shows its change set.
    await page.getByRole("link", { name: "Pipeline", exact: true }).click();
    const pipeline = page.getByRole("region", { name: "Pipeline" });
    const approvalStage = pipeline.getByRole("button", { name: /^Approval · / });
    await expect(approvalStage).toBeVisible();
    const approve = page.getByRole("button", { name: "Approve", exact: true });
    await play(page);
    let reviewed = false;
    for (let i = 0; i < 10 && !reviewed; i++) {
      await expect(approve).toBeEnabled({ timeout: 20_000 });
      // Pause to read the panel, as an approver would: it shows the waiting revision's commits at once.
      await pause(page);
      const review = page.getByTestId("approval-change-set");
      await expect(page.getByRole("region", { name: "Approval" })).toContainText(/waits for your decision/);
      if (await review.isVisible()) {
        await expect(review).toContainText(/Modify Pipeline \(AWS::CodePipeline::Pipeline\), replacement False: Stages/);
        reviewed = true;
      }
      await approve.click();
      await play(page);
    }
    expect(reviewed).toBe(true);

    // The run obeys the template: the stack updates, the diagram loses Approval, commits deploy on their own.
    await expect(approvalStage).toHaveCount(0, { timeout: 20_000 });
    await expect(pipeline.getByRole("button", { name: /^Deploy · / })).toBeVisible();
    await expect(page.getByRole("combobox", { name: "Mode" })).toHaveValue("deployment");
    const decision = page.getByRole("region", { name: "Automatic deploys" });
    const deployments = async () => Number(/\((\d+) deployments? so far\)/.exec((await decision.textContent()) ?? "")?.[1] ?? 0);
    const before = await deployments();
    await expect.poll(deployments, { timeout: 30_000 }).toBeGreaterThan(before);
    await expect(approve).toHaveCount(0);

    await page.getByRole("link", { name: "Infrastructure", exact: true }).click();
    await expect(page.getByTestId("stack-status")).toContainText("UPDATE_COMPLETE");
    const events = page.getByTestId("stack-events");
    await expect(events).toContainText("UPDATE_IN_PROGRESS");
    await expect(events).toContainText("UPDATE_COMPLETE");
    await expect(page.locator("[data-resource=Pipeline]")).toContainText("UPDATE_COMPLETE");
  });

  test("drift: a hand change in production is detected with its expected and actual values, and applying the template fixes it", async ({ page }) => {
    await openView(page);
    await page.getByRole("button", { name: /^Inject failure/ }).click();
    await page.getByRole("menuitem", { name: /Someone changes production by hand: alarm switched off/ }).click();

    await page.getByRole("button", { name: "Detect drift" }).click();
    const drift = page.getByTestId("drift-results");
    await expect(drift).toContainText("ErrorAlarm");
    await expect(drift).toContainText("Modified");
    await expect(drift).toContainText(/ActionsEnabled\s*expected\s*true\s*actual\s*false/);
    await expect(page.locator("[data-resource=ErrorAlarm]")).toContainText("Modified");

    // Re-apply the template over the hand change.
    await page.getByRole("button", { name: "Create change set" }).click();
    const changeSet = page.getByRole("region", { name: "Change set" });
    await changeSet.getByRole("button", { name: "Re-apply the template" }).click();
    await play(page);
    await expect(page.getByTestId("stack-status")).toContainText("UPDATE_COMPLETE", { timeout: 20_000 });
    await pause(page);
    await page.getByRole("button", { name: "Detect drift" }).click();
    await expect(page.getByRole("region", { name: "Drift" })).toContainText("Every resource matches the template.");
    await expect(page.locator("[data-resource=ErrorAlarm]")).toContainText("In sync");
  });

  test("a broken template shows its error at its line, and the run carries on with the running stack", async ({ page }) => {
    await openView(page, `${RUN}&speed=60`);
    const text = await exportedTemplate(page);
    const broken = text.replace("Threshold: 0.05", 'Threshold: "high"');
    const line = broken.split("\n").findIndex((l) => l.includes('Threshold: "high"')) + 1;
    expect(line).toBeGreaterThan(1);
    await play(page);
    await replaceTemplate(page, broken);

    const problems = page.getByTestId("template-problems");
    await expect(problems).toContainText(new RegExp(`Line ${line}, column \\d+:\\s*Resources\\.ErrorAlarm\\.Properties\\.Threshold: expected a number`));
    // In the editor: the problem's line button takes the editor there; the underline sits on that line.
    await problems.getByRole("button", { name: new RegExp(`^Line ${line}, column`) }).click();
    await expect(page.getByRole("textbox", { name: /^Template of stack shop-web/ })).toBeFocused();
    const marked = page.locator(".cm-line", { has: page.locator(".cm-lintRange-error") });
    await expect(marked).toHaveCount(1);
    await expect(marked).toContainText('Threshold: "high"');
    await expect(page.getByRole("button", { name: "Create change set" })).toBeDisabled();

    // The run goes on, on the running stack.
    const clock = page.getByTestId("sim-clock");
    const before = await clock.textContent();
    await expect(clock).not.toHaveText(before ?? "", { timeout: 10_000 });
    await expect(page.getByTestId("stack-status")).toContainText("CREATE_COMPLETE");

    // Reset template brings back the running one.
    await page.getByRole("button", { name: "Reset template" }).click();
    await expect(problems).toHaveCount(0);
  });

  test("importing a bad file names the problem and changes nothing; a good one replaces the draft", async ({ page }) => {
    await openView(page);
    const input = page.getByTestId("template-file");
    await input.setInputFiles({ name: "broken.yaml", mimeType: "application/yaml", buffer: Buffer.from("Resources:\n  Web:\n    Type: [unclosed\n") });
    const problems = page.locator("#import-problems");
    await expect(problems).toContainText("broken.yaml was not imported");
    await expect(problems).toContainText(/Line \d+/);
    await expect(page.getByText("The running template.")).toBeVisible();

    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++)
      laughs.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    await input.setInputFiles({ name: "laughs.yaml", mimeType: "application/yaml", buffer: Buffer.from(laughs.join("\n")) });
    await expect(problems).toContainText("laughs.yaml was not imported");
    await expect(page.getByText("The running template.")).toBeVisible();

    const good = (await exportedTemplate(page)).replace("Threshold: 0.05", "Threshold: 0.1");
    await input.setInputFiles({ name: "good.yaml", mimeType: "application/yaml", buffer: Buffer.from(good) });
    await expect(problems).toHaveCount(0);
    await expect(page.getByText("Edited, not applied yet.")).toBeVisible();
    await page.getByRole("button", { name: "Create change set" }).click();
    await expect(page.getByRole("region", { name: "Change set" }).getByRole("row", { name: /ErrorAlarm/ })).toContainText("Threshold");
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      // Two edits and two full axe passes: 28-32 s with the whole suite on two cores.
      test.setTimeout(60_000);
      await page.emulateMedia({ colorScheme });
      await openView(page);
      await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      const text = await exportedTemplate(page);
      await replaceTemplate(page, text.replace("Threshold: 0.05", "Threshold: 0.1").replace("EvaluationPeriods: 3", "EvaluationPeriods: x"));
      await expect(page.getByTestId("template-problems")).toBeVisible();
      await axe.check();
      await replaceTemplate(page, withoutApproval(text));
      await page.getByRole("button", { name: "Create change set" }).click();
      await expect(page.getByRole("region", { name: "Change set" })).toBeVisible();
      await page.getByRole("button", { name: "Detect drift" }).click();
      await axe.check();
    });
  }
});

test("the toolbar's mode change proposes the template's change set when the run is code", async ({ page }) => {
  await openView(page, `${RUN}&speed=240`);
  await play(page);
  // Any progress will do (a run that has moved is changed by a change set, not restarted); at
  // 4 simulated hours a second the exact hour it pauses at depends on the machine.
  await expect(page.getByTestId("sim-clock")).not.toHaveText(/^Mon 00:00/, { timeout: 15_000 });
  await pause(page);
  await page.getByRole("combobox", { name: "Mode" }).selectOption("deployment");
  const dialog = page.getByRole("dialog", { name: "Change to Continuous Deployment: the change set" });
  await expect(dialog).toBeVisible();
  const changeSet = dialog.getByRole("list", { name: "Change set" });
  await expect(changeSet.getByRole("listitem")).toHaveCount(1);
  await expect(changeSet).toContainText(/Modify\s*Pipeline/);
  await expect(changeSet).toContainText("Stages");
  await dialog.getByRole("button", { name: "Execute change set" }).click();
  await expect(dialog).toBeHidden();
  // The same act as editing the template: in Continuous Delivery it travels as a commit.
  await expect(page.getByTestId("pending-change")).toContainText(/travels through the pipeline as commit [0-9a-f]{7}/);
  await expect(page.getByRole("combobox", { name: "Mode" })).toHaveValue("delivery");
});

test("a run with hand-configured environments (iac=off) says so on the view, and one from code does not", async ({ page }) => {
  await openView(page, "mode=ci&seed=3&iac=off");
  await expect(page.getByTestId("iac-off")).toContainText("Configured by hand");
  await openView(page, "mode=ci&seed=3");
  await expect(page.getByTestId("iac-off")).toHaveCount(0);
});
