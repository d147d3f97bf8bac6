import { buildFacilitatorPlan, classClock, CLASS_MINUTES } from "../../components/learn/facilitator/plan";
import { expect, test } from "./fixtures/axe";

// The same function the page calls at build time: the numbers on the page must be these.
const plan = buildFacilitatorPlan();
const segments = () => plan.segments;

test.describe("/learn/facilitator", () => {
  test("is linked from /learn's Teaching a class", async ({ page }) => {
    await page.goto("/learn");
    await page.getByRole("link", { name: "A 45-minute class plan" }).click();
    await expect(page).toHaveURL("/learn/facilitator");
    await expect(page).toHaveTitle("Facilitator guide · Pipeline Lab");
  });

  test("renders each segment with its time, its question and the engine's numbers", async ({ page }) => {
    await page.goto("/learn/facilitator");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Facilitator guide: a ${CLASS_MINUTES}-minute class`);

    const table = page.getByRole("table", { name: /The 45-minute plan/ });
    const rows = table.locator("tbody tr");
    await expect(rows).toHaveCount(segments().length);
    for (const [index, segment] of segments().entries()) {
      const row = rows.nth(index);
      await expect(row.getByRole("cell").first()).toHaveText(`${classClock(segment.start)}–${classClock(segment.end)}`);
      await expect(row).toContainText(segment.ask);
      if (segment.pointAt) await expect(row).toContainText(segment.pointAt.value);
    }
    await expect(table.locator("tfoot")).toContainText(`Total: ${plan.total} min of ${CLASS_MINUTES}`);

    const cards = page.getByRole("list", { name: "Segment by segment" }).locator(":scope > li");
    await expect(cards).toHaveCount(segments().length);
    for (const [index, segment] of segments().entries()) {
      const card = cards.nth(index).getByRole("region");
      await expect(card.getByRole("heading", { level: 3 })).toContainText(segment.title);
      await expect(card.locator("[data-clock]")).toHaveText(`${classClock(segment.start)}–${classClock(segment.end)}`);
      if (segment.pointAt) await expect(card.locator("[data-number]")).toHaveText(segment.pointAt.value);
      if (segment.kind === "lesson") {
        await expect(card.getByRole("link", { name: `Open the lesson: ${segment.title}` })).toHaveAttribute("href", `/learn/${segment.id}`);
        const moments = card.getByRole("table", { name: "Where the lesson pauses, and what the room will see" }).locator("tbody tr");
        await expect(moments).toHaveCount(segment.moments.length);
        for (const [i, moment] of segment.moments.entries()) {
          await expect(moments.nth(i)).toContainText(moment.metAt);
          if (moment.answer) await expect(moments.nth(i)).toContainText(moment.answer);
        }
        for (const row of segment.debrief.rows) await expect(card).toContainText(row.value);
      }
      if (segment.kind === "close") {
        await expect(card.getByRole("link", { name: /Compare all four modes/ })).toHaveAttribute("href", segment.projector!.href);
        for (const row of segment.rows) {
          const line = card.getByRole("row", { name: new RegExp(`^${row.name}`) });
          for (const key of Object.values(row.keys)) await expect(line).toContainText(key.value);
        }
      }
    }

    const extensions = page.getByRole("region", { name: "Optional extensions" }).getByRole("listitem");
    await expect(extensions).toHaveCount(plan.extensions.length);
    for (const [index, extension] of plan.extensions.entries()) {
      await expect(extensions.nth(index).getByRole("link", { name: extension.title })).toHaveAttribute("href", extension.href);
      await expect(extensions.nth(index)).toContainText(`${extension.minutes} min`);
    }
  });

  test("prints without the site's chrome and buttons, black on white, with link addresses", async ({ page }) => {
    await page.emulateMedia({ colorScheme: "dark" });
    await page.goto("/learn/facilitator");
    await expect(page.locator("body > header")).toBeVisible();
    await expect(page.getByRole("button", { name: "Print this guide" })).toBeVisible();

    await page.emulateMedia({ media: "print", colorScheme: "dark" });
    await expect(page.locator("body > header")).toBeHidden();
    await expect(page.locator("body > footer")).toBeHidden();
    await expect(page.getByRole("button")).toHaveCount(0);
    await expect(page.getByRole("link", { name: "All lessons" })).toBeHidden();
    const colours = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const card = getComputedStyle(document.querySelector("[data-segment]")!);
      return { text: body.color, background: body.backgroundColor, card: card.backgroundColor };
    });
    expect(colours).toEqual({ text: "rgb(0, 0, 0)", background: "rgb(255, 255, 255)", card: "rgb(255, 255, 255)" });
    const segment = await page
      .locator("[data-segment]")
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside);
    expect(segment).toBe("avoid");
    const lessonLink = page.getByRole("link", { name: /Open the lesson/ }).first();
    const after = await lessonLink.evaluate((el) => getComputedStyle(el, "::after").content);
    expect(after).toMatch(/attr\(href\)|\/learn\//);
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto("/learn/facilitator");
      await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      await axe.check();
    });
  }
});
