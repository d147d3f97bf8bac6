import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test, SimulatorPage } from "./simulator.fixtures";

/**
 * Nothing lost on reload, runs as files (issue 14): the live run is kept in IndexedDB as what makes
 * it and restored by replay, event for event; an address that names a run wins; a damaged record is
 * set aside with a notice; a run file holds the run itself and loads by picker or drop.
 */

// Each test works a run up to a decision at Approval first, step by step.
test.describe.configure({ timeout: 120_000 });

/** What the page shows of a run: the clock, every stage card, the activity feed, faults waiting, the DORA tiles. */
async function shown(page: Page) {
  const sim = new SimulatorPage(page);
  return {
    clock: await sim.clock.innerText(),
    stages: await page.locator("[data-stage-card]").evaluateAll((cards) => cards.map((c) => c.getAttribute("aria-label"))),
    activity: await sim.activity.innerText(),
    waiting: await page.getByText(/^Waiting to strike:/).allInnerTexts(),
    dora: await page.locator("section[aria-labelledby='dora-title']").innerText(),
  };
}

/** A run someone has worked on: played, a failure injected, a decision at Approval, played on. */
async function workedRun(sim: SimulatorPage, page: Page) {
  await sim.goto("?mode=delivery&seed=42&speed=240&approver=learner");
  await sim.inject("Break the next build");
  await sim.stepUntilStage("Approval", /: Waiting\./);
  await sim.approve.click();
  await expect(page.getByRole("region", { name: "Activity" })).toContainText(/approved/i);
  await sim.stepTimes(150);
}

/** Waits past the save throttle (one second). */
const saved = (page: Page) => page.waitForTimeout(1500);

test("a reload brings the run back by replay, event for event; Reset forgets it", async ({ sim, page }) => {
  await workedRun(sim, page);
  await sim.playUntil(async () => {
    await expect(sim.clock).not.toHaveText(/Mon 0/);
  });
  await saved(page);
  const before = await shown(page);
  const address = page.url();

  await page.reload();
  await expect(page.locator("[data-run-status]")).toHaveText(/^Your run is back where you left it: Continuous Delivery, seed 42, at /);
  await expect(sim.clock).toHaveText(before.clock);
  expect(await shown(page)).toEqual(before);
  // The address still names this run (with every setting written out now).
  expect(page.url()).toContain(address);

  // A closed tab too: the bare address of the page.
  await sim.goto();
  await expect(sim.clock).toHaveText(before.clock);
  expect(await shown(page)).toEqual(before);

  await page.getByRole("button", { name: "Reset" }).click();
  await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
  await saved(page);
  await page.reload();
  await expect(sim.stage("Source")).toBeVisible();
  await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
});

test("an address that names a run wins over the saved run", async ({ sim, page }) => {
  await workedRun(sim, page);
  await saved(page);
  await sim.goto("?mode=ci&seed=7");
  await expect(sim.seed).toHaveValue("7");
  await expect(sim.mode).toHaveValue("ci");
  await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
});

test("a damaged saved run is set aside with a notice, and the page starts fresh", async ({ sim, page }) => {
  await page.goto("/");
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open("keyval-store");
        open.onupgradeneeded = () => open.result.createObjectStore("keyval");
        open.onsuccess = () => {
          const tx = open.result.transaction("keyval", "readwrite");
          tx.objectStore("keyval").put(
            { kind: "pipeline-lab-saved-run", search: "", file: '{"pipelineLab":"simulator-run","v":2,"seed":"x"' },
            "pipeline-lab:simulator-run",
          );
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await sim.goto();
  await expect(page.locator("[data-run-status]")).toHaveText(
    "Your saved run could not be restored (The file is not JSON): it was set aside, and this is a fresh run.",
  );
  await expect(sim.clock).toHaveText(/Mon 00:00, day 1/);
});

test("a run saved to a file loads back (picker and drop) at the same moment with the same events; a bad file names the field", async ({
  sim,
  page,
}, testInfo) => {
  await workedRun(sim, page);
  const before = await shown(page);

  await page.getByRole("button", { name: "File" }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: "Save to a file" }).click();
  const path = testInfo.outputPath("run.json");
  await (await downloading).saveAs(path);
  const text = await readFile(path, "utf8");
  const file = JSON.parse(text);
  expect(file).toMatchObject({ pipelineLab: "simulator-run", v: 2, mode: "delivery", seed: 42 });
  expect(file.actions.map((a: { event: { type: string } }) => a.event.type)).toEqual(["fault.inject", "approval.approve"]);

  // Another run, then the file by the picker.
  await sim.goto("?mode=manual&seed=3");
  await page.getByRole("button", { name: "File" }).click();
  const choosing = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Load from a file" }).click();
  await (await choosing).setFiles(path);
  await expect(page.locator("[data-run-status]")).toHaveText(/^Loaded run\.json: Continuous Delivery, seed 42, at /);
  expect(await shown(page)).toEqual(before);

  // And by dropping it on the page.
  await sim.goto("?mode=deployment&seed=5");
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], "dropped.json", { type: "application/json" }));
    window.dispatchEvent(new DragEvent("drop", { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(page.locator("[data-run-status]")).toHaveText(/^Loaded dropped\.json: Continuous Delivery, seed 42, at /);
  expect(await shown(page)).toEqual(before);

  // A bad action: named, and the run stays as it is.
  file.actions[0].event.fault = "unplug-the-server";
  await page.getByRole("button", { name: "File" }).click();
  const choosingBad = page.waitForEvent("filechooser");
  await page.getByRole("menuitem", { name: "Load from a file" }).click();
  await (await choosingBad).setFiles({ name: "bad.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(file)) });
  await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toHaveText(
    "Could not load bad.json: actions.0.event.fault must be one of break-build, flaky-test, escape-defect, fail-deploy. The run is unchanged.",
  );
  expect(await shown(page)).toEqual(before);
});
