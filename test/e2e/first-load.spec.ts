import { expect, test } from "./fixtures/axe";
import { anatomy } from "../../machines/lessons/catalog/anatomy";

const STEP_TWO = anatomy.steps[1]!.title;

/**
 * The first load (issue 13). A phone on a slow network waits seconds for the scripts that run the
 * simulation; until then the server's HTML shows what the address already says, and that text is
 * the page's largest paint.
 */
test.describe("before any script runs", () => {
  test.use({ javaScriptEnabled: false });

  test("the pipeline view shows its views, the mode and the mode's stages", async ({ page }) => {
    await page.goto("/simulator");
    await expect(page.getByRole("navigation", { name: "Simulator views" }).getByRole("link")).toHaveText(["Pipeline", "Monitoring", "Team", "Infrastructure"]);
    const stages = page.getByRole("list", { name: "Stages" }).getByRole("listitem");
    await expect(stages).toHaveText([
      /^Source\s*CodeCommit/,
      /^Build/,
      /^Test/,
      /^Approval\s*CodePipeline/,
      /^Deploy\s*CodeDeploy/,
      /^Production\s*CloudWatch/,
    ]);
    await expect(page.getByRole("region", { name: "Continuous Delivery" })).toContainText("a person approves each release");
    await expect(page.getByRole("status")).toHaveText("Loading the live pipeline…");

    // The address names the mode: Continuous Deployment has no Approval stage.
    await page.goto("/simulator?mode=deployment");
    await expect(page.getByRole("list", { name: "Stages" }).getByRole("listitem")).toHaveCount(5);
    await expect(page.getByRole("list", { name: "Stages" })).not.toContainText("Approval");
    await expect(page.getByRole("region", { name: "Continuous Deployment" })).toBeVisible();
  });

  test("the other views show their title and what they are for, the same line the live view shows", async ({ page }) => {
    await page.goto("/simulator/monitoring?mode=ci");
    await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible();
    await expect(page.getByText("Production as CloudWatch sees it")).toBeVisible();
    await expect(page.getByRole("list", { name: "Stages" })).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Continuous Integration" })).toBeVisible();
    await page.goto("/simulator/team");
    await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible();
    await expect(page.getByText("Dev and Ops on this run")).toBeVisible();
  });
});

test.describe("a lesson before any script runs", () => {
  test.use({ javaScriptEnabled: false });

  test("shows the step the address asks for, as the live lesson will", async ({ page }) => {
    await page.goto("/learn/anatomy-of-a-pipeline?step=2");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("1. Anatomy of a pipeline");
    const step = page.getByRole("complementary", { name: "Lesson" });
    await expect(step).toContainText("Step 2 of 5");
    await expect(step.getByRole("heading", { level: 2 })).toHaveText(STEP_TWO);
    await expect(page.getByRole("status")).toHaveText("Loading the lesson and its live pipeline…");
    // A step the lesson does not have starts at step 1, as the live lesson does.
    await page.goto("/learn/anatomy-of-a-pipeline?step=99");
    await expect(step).toContainText("Step 1 of 5");
  });
});

test("the live lesson opens on the step the server showed", async ({ page }) => {
  await page.goto("/learn/anatomy-of-a-pipeline?step=2");
  await expect(page.getByTestId("lesson-step")).toContainText("Step 2 of 5");
  await expect(page.getByTestId("lesson-step").getByRole("heading", { level: 2 })).toHaveText(STEP_TWO);
  await expect(page.locator("[aria-busy=true]")).toHaveCount(0);
});

test("the live view replaces the server's frame and says the same line", async ({ page }) => {
  await page.goto("/simulator/team");
  await expect(page.getByRole("button", { name: /^(Play|Pause)$/ })).toBeEnabled();
  await expect(page.getByText("Loading the live pipeline…")).toHaveCount(0);
  await expect(page.getByText("Dev and Ops on this run")).toHaveCount(1);
});

test("every script the simulator loads carries V8's compile hint (compiled off the main thread)", async ({ page }) => {
  const scripts: Promise<string>[] = [];
  page.on("response", (response) => {
    // A body the browser has already let go of (rare, under load) is skipped, not a failure.
    if (/\/_next\/static\/chunks\/.*\.js$/.test(new URL(response.url()).pathname)) scripts.push(response.text().catch(() => ""));
  });
  await page.goto("/simulator");
  await expect(page.getByRole("button", { name: /^(Play|Pause)$/ })).toBeEnabled();
  const bodies = (await Promise.all(scripts)).filter((body) => body !== "");
  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) expect(body.startsWith("//# allFunctionsCalledOnLoad\n")).toBe(true);
});

test("the lessons' text loads only for a demo, not with every /simulator", async ({ page }) => {
  // A step's instruction from the catalog (machines/lessons/catalog): lesson content, not outline.
  const marker = "Press Approve in the decision panel, or the A key.";
  const scriptsOf = async (path: string, ready: import("@playwright/test").Locator) => {
    // The addresses only: a response's body is gone from the browser once its page has navigated
    // (the demo page sets its address), and a script's address always serves the same bytes.
    const urls = new Set<string>();
    const collect = (response: import("@playwright/test").Response) => {
      if (new URL(response.url()).pathname.endsWith(".js")) urls.add(response.url());
    };
    page.on("response", collect);
    await page.goto(path);
    await expect(ready).toBeVisible();
    await page.waitForLoadState("networkidle");
    page.off("response", collect);
    expect(urls.size).toBeGreaterThan(5);
    const bodies = await Promise.all([...urls].map(async (url) => (await page.request.get(url)).text()));
    return bodies.join("\n");
  };
  expect(await scriptsOf("/simulator", page.getByRole("button", { name: "Play", exact: true }))).not.toContain(marker);
  expect(await scriptsOf("/simulator?demo=continuous-delivery", page.getByRole("region", { name: "Demo" }))).toContain(marker);
});
