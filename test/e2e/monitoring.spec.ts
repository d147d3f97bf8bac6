import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures/axe";

/**
 * /simulator/monitoring: one running simulation seen as production telemetry, alarms and
 * incidents. Runs use Continuous Deployment, seed 4 and the top speed: seed 4's first commit is the
 * only one to carry a defect on day 1, so the injected defect is the one that breaks production.
 */
const RUN = "mode=deployment&seed=4&speed=240";

/** The workspace clock ("Tue 14:05, day 8") in virtual minutes since the run began. */
async function clockMinutes(page: Page): Promise<number> {
  const text = (await page.getByTestId("sim-clock").first().textContent()) ?? "";
  const m = /(\d\d):(\d\d), day (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`unreadable clock: ${text}`);
  return (Number(m[3]) - 1) * 1440 + Number(m[1]) * 60 + Number(m[2]);
}

/** "6 min", "5.7 h", "2.1 days" -> minutes. */
function minutesOf(text: string): number {
  const m = /([\d.]+)\s*(min|h|days)/.exec(text);
  if (!m) throw new Error(`not a duration: ${text}`);
  const n = Number(m[1]);
  return m[2] === "min" ? n : m[2] === "h" ? n * 60 : n * 1440;
}

function views(page: Page): Locator {
  return page.getByRole("navigation", { name: "Simulator views" });
}

async function play(page: Page) {
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
}

/**
 * Steps the paused run one event at a time (the → key, as a learner would) until `locator` shows.
 * One event per look, so a button that is only there for a few events is not stepped past.
 */
async function stepUntil(page: Page, locator: Locator, limit = 800) {
  // The keys belong to the workspace, not to whatever control was used last.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < limit && !(await locator.isVisible()); i++) await page.keyboard.press("ArrowRight");
  await expect(locator).toBeVisible();
}

async function slipDefect(page: Page) {
  await page.getByRole("button", { name: /Inject failure/ }).click();
  await page.getByRole("menuitem", { name: /Slip a defect past the tests/ }).click();
}

test.describe("monitoring view", () => {
  test("every telemetry chart is drawn, though its script (uPlot) comes after the page's own", async ({ page }) => {
    await page.goto(`/simulator/monitoring?${RUN}`);
    const charts = page.locator(".pl-chart");
    await expect(charts.first()).toBeVisible({ timeout: 15_000 });
    // Each chart's box holds one canvas once uPlot has arrived and drawn it.
    await expect
      .poll(async () => {
        const boxes = await charts.count();
        return boxes > 1 && (await page.locator(".pl-chart canvas").count()) === boxes;
      })
      .toBe(true);
  });

  test("switching between the views keeps the run going", async ({ page }) => {
    test.setTimeout(60_000);
    // Real speed: a class switches views while the run plays at its usual pace.
    await page.goto("/simulator?mode=deployment&seed=4&speed=60");
    await play(page);
    await expect.poll(() => clockMinutes(page), { timeout: 15_000 }).toBeGreaterThan(60);

    await views(page).getByRole("link", { name: "Monitoring" }).click();
    await expect(page).toHaveURL(/\/simulator\/monitoring/);
    await expect(page.getByRole("heading", { level: 1, name: "Monitoring" })).toBeVisible({ timeout: 15_000 });
    const onMonitoring = await clockMinutes(page);
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
    await expect.poll(() => clockMinutes(page)).toBeGreaterThan(onMonitoring);

    await views(page).getByRole("link", { name: "Team" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Team" })).toBeVisible({ timeout: 15_000 });
    const onTeam = await clockMinutes(page);
    expect(onTeam).toBeGreaterThanOrEqual(onMonitoring);
    await expect.poll(() => clockMinutes(page)).toBeGreaterThan(onTeam);

    await views(page).getByRole("link", { name: "Pipeline" }).click();
    await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible({ timeout: 15_000 });
    const back = await clockMinutes(page);
    expect(back).toBeGreaterThanOrEqual(onTeam);
    await expect.poll(() => clockMinutes(page)).toBeGreaterThan(back);
    await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
  });

  test("an injected defect produces an incident that links to its commit", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/simulator/monitoring?${RUN}`);
    await expect(page.getByText("No incidents yet.", { exact: false }).first()).toBeVisible();
    await slipDefect(page);

    // Event by event: the defect reaches production, the alarm finds it, and Continuous Deployment
    // rolls back on its own.
    const incident = page.getByRole("article", { name: "Incident #1" });
    // While production fails, the chart's "now" and the tile read the same error rate.
    await stepUntil(page, page.getByRole("list", { name: "Open incidents" }));
    await expect(page.locator("[data-chart-value=errors]")).toHaveText((await page.locator("[data-tile-value=errors]").textContent()) ?? "");
    await stepUntil(page, incident.getByText("Automatic rollback").first());
    await expect(incident.getByText("by the CloudWatch alarm")).toBeVisible();
    await expect(page.locator("[data-chart-value=errors]")).toHaveText((await page.locator("[data-tile-value=errors]").textContent()) ?? "");

    await expect(incident.getByRole("region", { name: "Deployment" })).toContainText(/Deployment \d+ shipped [0-9a-f]{7} with \d+ commits?/);
    const culprit = incident.getByRole("button", { name: /^Show commit [0-9a-f]{7} in the pipeline$/ });
    await expect(culprit).toHaveCount(1);
    const sha = /([0-9a-f]{7})/.exec((await culprit.getAttribute("aria-label")) ?? "")![1]!;

    // The chart's table alternative lists the deployment and the rollback.
    await page.getByRole("button", { name: "Table", exact: true }).click();
    await page.getByRole("combobox", { name: "Time window" }).selectOption({ label: "Whole run" });
    const table = page.getByRole("table", { name: /Production telemetry, whole run/ });
    await expect(table).toContainText("Incident #1 started");
    await expect(table).toContainText(/Rolled back to/);

    // The link opens the culprit commit in the pipeline view, in the same run.
    const before = await clockMinutes(page);
    await culprit.click();
    await expect(page).toHaveURL(/\/simulator(\?|$)/);
    await expect(page.getByRole("region", { name: "Pipeline" })).toBeVisible();
    await expect(page.getByText(sha).first()).toBeVisible();
    expect(await clockMinutes(page)).toBeGreaterThanOrEqual(before);
  });

  test("turning monitoring off lengthens detection; a person rolls back", async ({ page, browser }) => {
    test.setTimeout(90_000);
    // With monitoring: the alarm.
    await page.goto(`/simulator/monitoring?${RUN}`);
    await slipDefect(page);
    const alarmed = page.getByRole("article", { name: "Incident #1" });
    await stepUntil(page, alarmed.getByText("by the CloudWatch alarm"));
    const withAlarm = minutesOf((await alarmed.locator('dt:text-is("Time to detect") + dd').textContent()) ?? "");

    // Without: the same run, but customers have to notice.
    const other = await browser.newPage();
    await other.goto(`/simulator/monitoring?${RUN}`);
    const monitoring = other.getByRole("switch", { name: "Monitoring" });
    await expect(monitoring).toHaveAttribute("aria-checked", "true");
    await monitoring.click();
    await expect(monitoring).toHaveAttribute("aria-checked", "false");
    await expect(other.getByRole("combobox", { name: "Alarm threshold" })).toBeDisabled();
    await slipDefect(other);
    const unnoticed = other.getByRole("article", { name: "Incident #1" });
    await stepUntil(other, unnoticed);
    await expect(unnoticed.getByText("Customers affected, not detected yet")).toBeVisible();

    // Step on until support opens the incident and the rollback is up to a person.
    const rollback = other.getByRole("button", { name: "Roll back now" });
    await stepUntil(other, rollback);
    await expect(unnoticed.getByText("by customers calling support")).toBeVisible();
    const withoutAlarm = minutesOf((await unnoticed.locator('dt:text-is("Time to detect") + dd').textContent()) ?? "");
    expect(withoutAlarm).toBeGreaterThan(withAlarm * 5);

    await rollback.click();
    await play(other);
    await expect(unnoticed.getByText("Manual rollback by You").first()).toBeVisible({ timeout: 15_000 });
    const summary = other.getByRole("table", { name: /by who found the incident/ });
    await expect(summary.getByRole("row", { name: /Found by customers/ })).toContainText("1");
    await other.close();
  });

  test("has no serious accessibility violations mid-run with an incident", async ({ page, axe }) => {
    test.setTimeout(60_000);
    await page.goto(`/simulator/monitoring?${RUN}`);
    await slipDefect(page);
    await stepUntil(page, page.getByRole("article", { name: "Incident #1" }));
    await axe.check();

    await page.getByRole("button", { name: "Table", exact: true }).click();
    await page.evaluate(() => {
      document.documentElement.dataset.theme = "dark";
    });
    await axe.check();
  });
});
