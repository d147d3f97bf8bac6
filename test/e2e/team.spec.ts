import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/axe";

/**
 * /simulator/team: the team, the culture setting, the ticket queue and the chat-ops channel of the
 * one running simulation. Continuous Delivery, because there the culture decides whether an approval
 * is a ticket in Operations' queue.
 */
const RUN = "mode=delivery&seed=4&speed=240";

async function clockMinutes(page: Page): Promise<number> {
  const text = (await page.getByTestId("sim-clock").first().textContent()) ?? "";
  const m = /(\d\d):(\d\d), day (\d+)$/.exec(text.trim());
  if (!m) throw new Error(`unreadable clock: ${text}`);
  return (Number(m[3]) - 1) * 1440 + Number(m[1]) * 60 + Number(m[2]);
}

async function play(page: Page) {
  await page.getByRole("button", { name: "Play", exact: true }).click();
  await expect(page.getByRole("button", { name: "Pause", exact: true })).toBeVisible();
}

async function pause(page: Page) {
  await page.getByRole("button", { name: "Pause", exact: true }).click();
  await expect(page.getByRole("button", { name: "Play", exact: true })).toBeVisible();
}

/** The big number under a metric label ("Handoffs"). */
function metric(page: Page, label: string) {
  return page.locator(`dt:text-is("${label}") + dd`).first();
}

test.describe("team view", () => {
  test("shows the team by name and role, each with what they do now", async ({ page }) => {
    // The usual speed (30 simulated minutes a second), so the pause lands inside the working day.
    await page.goto("/simulator/team?mode=delivery&seed=4&speed=30&approver=scheduled");
    const roster = page.getByRole("region", { name: "The team" });
    await expect(roster.getByRole("heading", { name: "One product team" })).toBeVisible();
    for (const name of ["Priya", "Olga", "Helen"]) await expect(roster.getByRole("listitem", { name: new RegExp(`^${name}, `) })).toBeVisible();
    await expect(roster.getByRole("listitem", { name: /^Priya, Tech lead: / })).toBeVisible();
    // Monday 00:00: everyone is off work until the run reaches working hours.
    await expect(roster.getByText("Off work").first()).toBeVisible();
    await play(page);
    await expect.poll(() => clockMinutes(page), { timeout: 20_000 }).toBeGreaterThan(9 * 60 + 20);
    await pause(page);
    expect(await clockMinutes(page)).toBeLessThan(17 * 60);
    await expect(roster.getByText("Coding").first()).toBeVisible();
  });

  test("the culture switch changes handoffs, the pager and the teams", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/simulator/team?${RUN}&approver=scheduled`);
    const culture = page.getByRole("group", { name: "Culture" });
    await expect(culture.getByRole("radio", { name: /DevOps/ })).toBeChecked();
    await expect(page.getByText("developers and operators share the pager")).toBeVisible();

    // DevOps: a morning of approvals and deploys, no tickets.
    await play(page);
    await expect.poll(() => clockMinutes(page), { timeout: 20_000 }).toBeGreaterThan(11 * 60);
    await pause(page);
    await expect(metric(page, "Handoffs")).toHaveText("0");
    await expect(page.getByRole("region", { name: /Ticket queue/ })).toContainText("No tickets");

    // Silos: approvals become tickets in Operations' queue.
    await culture.getByRole("radio", { name: /Silos/ }).check();
    await expect(page.getByText("Operations only carries the pager")).toBeVisible();
    await expect(page.getByRole("region", { name: "The team" }).getByRole("heading", { name: "Operations" })).toBeVisible();
    await expect(page.getByRole("region", { name: "The team" }).getByRole("heading", { name: "Development" })).toBeVisible();
    await play(page);
    await expect.poll(async () => Number(await metric(page, "Handoffs").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    await pause(page);
    const queue = page.getByRole("region", { name: /Ticket queue/ });
    await expect(queue).toContainText(/Dev\s*to\s*Ops/);
    await expect(queue).toContainText("approve revision");
    await expect(metric(page, "Hours lost waiting")).not.toHaveText("0.0 h", { timeout: 20_000 });

    // The same seed run in both cultures, side by side.
    const both = page.getByRole("table", { name: /DevOps and Silos culture on the same seed/ });
    // Its two runs wait until the table comes near the screen: nothing computed during the load.
    await expect(both).toContainText("computing");
    await both.scrollIntoViewIfNeeded();
    await expect(both).not.toContainText("computing", { timeout: 20_000 });
    const handoffs = both.getByRole("row", { name: /^Handoffs/ });
    await expect(handoffs.getByRole("cell").first()).toHaveText("0");
    expect(Number(await handoffs.getByRole("cell").nth(1).textContent())).toBeGreaterThan(0);
  });

  test("the chat-ops channel takes the learner's approval with a comment", async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/simulator/team?${RUN}&approver=learner`);
    const chat = page.getByRole("region", { name: /Chat-ops/ });
    await play(page);
    const comment = chat.getByRole("textbox", { name: "Comment" });
    await expect(comment).toBeVisible({ timeout: 30_000 });
    await pause(page);
    const messages = chat.getByRole("region", { name: /Messages in/ });
    await expect(messages).toContainText(/pushed [0-9a-f]{7}/);
    await expect(messages).toContainText(/Approval needed: [0-9a-f]{7}/);

    await comment.fill("Small batch, tests green: ship it");
    await chat.getByRole("button", { name: "Approve", exact: true }).click();
    await expect(messages.getByRole("listitem").filter({ hasText: "Small batch, tests green: ship it" })).toContainText("You");
    await expect(messages).toContainText("approved");
  });

  test("has no serious accessibility violations, light and dark", async ({ page, axe }) => {
    test.setTimeout(60_000);
    await page.goto(`/simulator/team?${RUN}&approver=scheduled`);
    await page.getByRole("group", { name: "Culture" }).getByRole("radio", { name: /Silos/ }).check();
    await play(page);
    await expect.poll(async () => Number(await metric(page, "Handoffs").textContent()), { timeout: 30_000 }).toBeGreaterThan(0);
    await pause(page);
    const both = page.getByRole("table", { name: /same seed/ });
    await both.scrollIntoViewIfNeeded();
    await expect(both).not.toContainText("computing", { timeout: 20_000 });
    await axe.check();
    await page.evaluate(() => {
      document.documentElement.dataset.theme = "dark";
    });
    await axe.check();
  });
});
