import { expect, test } from "./simulator.fixtures";

/**
 * How revisions reach production in each mode, and what each injected failure does. The run is
 * driven with Step (one event at a time) or at top speed, never by waiting for real time to pass.
 */

/** The revision a card holds: its name reads "Approval · CodePipeline, 1a2b3c4, 5 to ship: Waiting. …". */
const shaIn = (label: string) => /^\w+ · \w+, ([0-9a-f]{7}),/.exec(label)?.[1] ?? null;

test.describe("Continuous Delivery: the learner approves", () => {
  test("a revision waits at Approval, and Approve sends it to Production", async ({ sim }) => {
    await sim.goto("?mode=delivery&seed=1&speed=30&approver=learner");
    await expect(sim.approve).toBeDisabled();
    await sim.stepUntilStage("Approval", /: Waiting\./);
    await expect(sim.approve).toBeEnabled();
    await expect(sim.reject).toBeEnabled();
    await expect(sim.page.getByTestId("hint")).toContainText("waits for your decision");

    const sha = shaIn(await sim.stageLabel("Approval"));
    expect(sha).not.toBeNull();
    const approval = sim.page.getByRole("region", { name: "Approval" });
    await expect(approval).toContainText(`Revision ${sha}`);
    await expect(approval.getByRole("list", { name: "Newest commits in the batch" })).toBeVisible();

    await sim.page.getByRole("textbox", { name: "Comment (optional)" }).fill("release notes checked");
    await sim.approve.click();
    await expect(sim.activity).toContainText(`You approved ${sha}: “release notes checked”`);

    await sim.stepUntilStage("Production", new RegExp(`^Production · CloudWatch, ${sha}, [^:]*: Succeeded`));
    await expect(sim.stage("Production")).toHaveAttribute("aria-label", /1 deployment/);
    await expect(sim.activity).toContainText(`${sha} is live in production`);
  });

  test("Reject stops the revision: nothing reaches Production", async ({ sim }) => {
    await sim.goto("?mode=delivery&seed=2&speed=30&approver=learner");
    await sim.stepUntilStage("Approval", /: Waiting\./);
    const sha = shaIn(await sim.stageLabel("Approval"));
    await sim.reject.click();
    await expect(sim.activity).toContainText(`You rejected ${sha}`);
    // Some more of the run: the rejected revision never deploys.
    await sim.stepTimes(30);
    await expect(sim.stage("Production")).toHaveAttribute("aria-label", /^Production · CloudWatch, [^:]*: Idle/);
    await expect(sim.activity).not.toContainText(`${sha} is live in production`);
  });

  test("while nobody decides, commits pile up behind the gate", async ({ sim }) => {
    await sim.goto("?mode=delivery&seed=1&speed=240&approver=learner");
    await sim.playUntil(async () => {
      await expect(sim.stage("Approval")).toHaveAttribute("aria-label", /\d+ commits? waiting/, { timeout: 15_000 });
    });
    await expect(sim.page.getByRole("region", { name: "Approval" })).toContainText("Piling up behind it");
    const inFlight = Number(await sim.pipeline.getAttribute("data-in-flight"));
    expect(inFlight).toBeGreaterThan(1);
  });

  test("the scheduled approver releases without a click", async ({ sim }) => {
    await sim.goto("?mode=delivery&seed=1&speed=240&approver=scheduled");
    await expect(sim.page.getByRole("checkbox", { name: /scheduled approver/ })).toBeChecked();
    await sim.playUntil(async () => {
      await expect(sim.stage("Production")).toHaveAttribute("aria-label", /: Succeeded/, { timeout: 20_000 });
    });
    await expect(sim.activity.getByText(/^Priya approved /).first()).toBeVisible();
  });
});

test.describe("Continuous Deployment", () => {
  test("reaches Production with nothing clicked, and has no Approval stage", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=240");
    await expect(sim.stage("Approval")).toHaveCount(0);
    await expect(sim.approve).toHaveCount(0);
    await sim.playUntil(async () => {
      await expect(sim.stage("Production")).toHaveAttribute("aria-label", /^Production · CloudWatch, [0-9a-f]{7}, [^:]*: Succeeded/, { timeout: 15_000 });
    });
    await expect(sim.page.getByRole("region", { name: "Automatic deploys" })).toContainText("Nothing to click");
  });
});

test.describe("manual release and CI: releases on a schedule", () => {
  test("CI shows the next hand deploy and revisions waiting for it", async ({ sim }) => {
    await sim.goto("?mode=ci&seed=1&speed=240");
    const panel = sim.page.getByRole("region", { name: "Scheduled deploy" });
    await expect(panel).toContainText("Next hand deploy: Fri 10:00, day 5");
    await sim.stepUntilStage("Deploy", /: Waiting\./);
    await expect(panel).toContainText("Ready to ship: revision");
  });

  test("manual release names the release day, months away", async ({ sim }) => {
    await sim.goto("?mode=manual&seed=1");
    await expect(sim.page.getByRole("region", { name: "Release day" })).toContainText(/Next release day: .*day \d{2}/);
  });
});

test.describe("failure injection", () => {
  test("break the next build: the build fails with a compile error", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=30");
    await sim.inject("Break the next build");
    await expect(sim.page.getByText("Waiting to strike: break the next build")).toBeVisible();
    await sim.stepUntilStage("Build", /: Failed\. compile error|last run failed: compile error/i);
    await expect(sim.activity).toContainText(/Build failed for [0-9a-f]{7}: compile error/);
    await expect(sim.page.getByText("Waiting to strike")).toHaveCount(0);
  });

  test("make a test flaky: the next test run fails for no reason in the code", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=30");
    await sim.inject("Make a test flaky");
    // The Test card says so: failed, or already on the next revision with its last run failed.
    await sim.stepUntilStage("Test", /: Failed\. flaky test|last run failed: flaky test/i);
    await expect(sim.activity).toContainText("a flaky test failed; the code is fine");
  });

  test("slip a defect past the tests: production fails and the change counts as failed", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=30");
    await sim.inject("Slip a defect past the tests");
    await sim.stepUntilStage("Production", /: Failed\. 1 open incident/);
    await expect(sim.activity).toContainText("Production is failing");
    // The failed change shows in the DORA keys.
    await expect(sim.page.getByRole("group", { name: "Change failure rate" })).toContainText(/[1-9]\d* of \d+ deployments? failed/);
    // Continuous Deployment rolls back on the alarm by itself.
    await sim.stepUntilStage("Production", /: Rolled back/);
  });

  test("make the next deploy fail: CodeDeploy fails the rollout", async ({ sim }) => {
    await sim.goto("?mode=deployment&seed=1&speed=30");
    await sim.inject("Make the next deploy fail");
    await sim.stepUntilStage("Deploy", /: Failed\. deploy failed|last run failed: deploy failed/i);
    await expect(sim.activity).toContainText("Deploy failed for");
  });
});
