import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { LESSONS } from "../../machines/lessons/catalog";
import { expect, test } from "./fixtures/axe";

const KEY = "pipeline-lab:progress";
const first = LESSONS[0]!;
const lessonItem = (page: Page, index: number) => page.getByRole("list", { name: "The lessons, in order" }).getByRole("listitem").nth(index);

/** Puts a record in localStorage the way an earlier visit would have, then loads /learn afresh. */
async function seed(page: Page, record: unknown) {
  await page.goto("/learn");
  // Once this page has read its (empty) record, so that it cannot read and set aside the seed itself.
  await expect(page.locator('[data-progress]:not([data-progress="loading"])').first()).toBeVisible();
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, typeof record === "string" ? record : JSON.stringify(record)] as const);
  await page.reload();
}

const started = { version: 1, lessons: { [first.slug]: { met: [first.steps[0]!.id, first.steps[1]!.id], finished: false, predictions: {} } } };

test.describe("/learn", () => {
  test("lists the lessons in order with their times, and is in the site's navigation", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Learn" }).click();
    await expect(page).toHaveURL("/learn");
    await expect(page).toHaveTitle("Lessons · Pipeline Lab");
    await expect(page.getByRole("heading", { level: 1, name: "Lessons" })).toBeVisible();

    const items = page.getByRole("list", { name: "The lessons, in order" }).getByRole("listitem");
    await expect(items).toHaveCount(LESSONS.length);
    for (const [index, lesson] of LESSONS.entries()) {
      const item = items.nth(index);
      await expect(item.getByRole("heading", { level: 3 })).toHaveText(`Lesson ${index + 1}: ${lesson.title}`);
      await expect(item).toContainText(`${lesson.minutes} min`);
      await expect(item).toContainText(lesson.summary);
      await expect(item.locator("[data-progress]")).toHaveText("Progress: Not started");
      await expect(item.getByRole("link", { name: `Start lesson ${index + 1}: ${lesson.title}` })).toHaveAttribute("href", `/learn/${lesson.slug}`);
    }
    await expect(page.getByRole("link", { name: `Start lesson 1: ${first.title}` }).first()).toBeVisible();

    // The way in for a trainer: objectives and questions of every lesson.
    const teaching = page.getByRole("region", { name: "Teaching a class" }).last();
    for (const lesson of LESSONS) {
      const part = teaching.getByRole("region", { name: new RegExp(lesson.title) });
      await expect(part.getByRole("listitem")).toHaveCount(lesson.objectives.length + lesson.questions.length);
    }
  });

  test("a record from an earlier visit shows its mark after a reload, and where to continue", async ({ page }) => {
    await seed(page, started);
    const item = lessonItem(page, 0);
    await expect(item.locator('[data-progress="started"]')).toHaveText(`Progress: 2 of ${first.steps.length} steps`);
    await expect(item.getByRole("link", { name: `Continue lesson 1: ${first.title}` })).toHaveAttribute("href", `/learn/${first.slug}?step=3`);

    await seed(page, { version: 1, lessons: { [first.slug]: { met: first.steps.map((s) => s.id), finished: true, predictions: {} } } });
    await expect(item.locator('[data-progress="done"]')).toHaveText("Progress: Done");
    await expect(item.getByRole("link", { name: `Review lesson 1: ${first.title}` })).toHaveAttribute("href", `/learn/${first.slug}`);
  });

  test("follows progress written in another tab", async ({ page, context }) => {
    await page.goto("/learn");
    const item = lessonItem(page, 0);
    await expect(item.locator('[data-progress="not-started"]')).toBeVisible();
    const other = await context.newPage();
    await other.goto("/learn");
    await other.evaluate(([key, value]) => localStorage.setItem(key, value), [KEY, JSON.stringify(started)] as const);
    await expect(item.locator('[data-progress="started"]')).toHaveText(`Progress: 2 of ${first.steps.length} steps`);
  });

  test("a damaged record is set aside with a notice, and the page still works", async ({ page }) => {
    await seed(page, '{"version":1,"lessons":');
    await expect(page.getByRole("status").filter({ hasText: "damaged" })).toBeVisible();
    await expect(lessonItem(page, 0).locator("[data-progress]")).toHaveText("Progress: Not started");
    expect(await page.evaluate(() => localStorage.getItem("pipeline-lab:progress:set-aside"))).toBe('{"version":1,"lessons":');
    await page.getByRole("button", { name: "Dismiss the notice" }).click();
    await expect(page.getByRole("status").filter({ hasText: "damaged" })).toHaveCount(0);
  });

  test("importing a bad file names the wrong field and leaves progress as it was; a good file replaces it", async ({ page }) => {
    await seed(page, started);
    const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
    const bad = { version: 1, lessons: { [first.slug]: { met: [first.steps[0]!.id, "no-such-step"], finished: false, predictions: {} } } };

    const importFile = async (name: string, content: string) => {
      const chooser = page.waitForEvent("filechooser");
      await page.getByRole("button", { name: "Import progress…" }).click();
      await (await chooser).setFiles({ name, mimeType: "application/json", buffer: Buffer.from(content) });
    };

    await importFile("bad.json", JSON.stringify(bad));
    await expect(page.getByRole("status").filter({ hasText: "not imported" })).toContainText(`lessons.${first.slug}.met.1: must be a step id`);
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);
    await expect(lessonItem(page, 0).locator("[data-progress]")).toHaveText(`Progress: 2 of ${first.steps.length} steps`);

    await importFile("other.json", JSON.stringify({ version: 1, lessons: { "no-such-lesson": { met: [], finished: false, predictions: {} } } }));
    await expect(page.getByRole("status").filter({ hasText: "not imported" })).toContainText("lessons.no-such-lesson: is not a lesson of Pipeline Lab");
    expect(await page.evaluate((key) => localStorage.getItem(key), KEY)).toBe(before);

    await importFile("done.json", JSON.stringify({ version: 1, lessons: { [first.slug]: { met: [first.steps[0]!.id], finished: true, predictions: {} } } }));
    await expect(page.getByRole("status").filter({ hasText: "Imported progress for 1 lesson" })).toBeVisible();
    await expect(lessonItem(page, 0).locator("[data-progress]")).toHaveText("Progress: Done");
  });

  test("export downloads the record as pipeline-lab-progress.json", async ({ page }) => {
    await seed(page, started);
    await expect(lessonItem(page, 0).locator('[data-progress="started"]')).toBeVisible();
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "Export progress" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("pipeline-lab-progress.json");
    const path = await file.path();
    expect(JSON.parse(await readFile(path, "utf8"))).toEqual(started);
    await expect(page.getByRole("status").filter({ hasText: "Downloaded pipeline-lab-progress.json with 1 lesson" })).toBeVisible();
  });

  for (const colorScheme of ["light", "dark"] as const) {
    test(`has no serious accessibility violations (${colorScheme} theme)`, async ({ page, axe }) => {
      await page.emulateMedia({ colorScheme });
      await seed(page, started);
      await expect(page.locator("html")).toHaveAttribute("data-theme", colorScheme);
      await expect(lessonItem(page, 0).locator('[data-progress="started"]')).toBeVisible();
      await axe.check();
    });
  }
});
