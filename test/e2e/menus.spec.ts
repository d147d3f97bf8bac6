import { expect, test } from "./simulator.fixtures";

/**
 * Menus and dialogs arrive when first wanted, not with the page (components/ui/deferred.ts): the
 * button the page shows first must open them as the Radix trigger it stands in for would.
 */
test.describe("menus and dialogs loaded on first use", () => {
  test("a key on the menu button opens the menu on its first item, before and after the menu has loaded", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1");
    const button = page.getByRole("button", { name: /^Inject failure/ });
    const menu = page.getByRole("menu", { name: "Inject failure" });
    const items = menu.getByRole("menuitem");
    await expect(button).toHaveAttribute("aria-haspopup", "menu");
    await expect(button).toHaveAttribute("aria-expanded", "false");

    for (const key of ["Enter", "ArrowDown"]) {
      await button.focus();
      await page.keyboard.press(key);
      await expect(menu).toBeVisible();
      await expect(button).toHaveAttribute("aria-expanded", "true");
      await expect(items.first()).toBeFocused();
      await page.keyboard.press("ArrowDown");
      await expect(items.nth(1)).toBeFocused();
      await page.keyboard.press("Escape");
      await expect(menu).toBeHidden();
      await expect(button).toBeFocused();
    }
    // And an item chosen by key does what it says.
    await page.keyboard.press(" ");
    await expect(items.first()).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(menu).toBeHidden();
    await expect(button).toContainText("1");
  });

  test("a click opens the menu even while it is still on its way, and a second click closes it", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1");
    // The menu's script arrives late: the click waits for it instead of being lost.
    await page.route("**/_next/static/chunks/**", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      await route.continue();
    });
    const file = page.getByRole("button", { name: "File" });
    await file.click();
    const menu = page.getByRole("menu", { name: "File" });
    await expect(menu).toBeVisible();
    await expect(menu.getByRole("menuitem")).toHaveText([/^Save to a file/, /^Load/]);
    await file.click();
    await expect(menu).toBeHidden();
  });

  test("Stop at keeps its choices, and the shortcuts dialog gives focus back to its button", async ({ sim, page }) => {
    await sim.goto("?mode=deployment&seed=1");
    const stopAt = page.getByRole("button", { name: /^Stop at/ });
    await stopAt.click();
    const moments = page.getByRole("menu", { name: "Stop at" });
    await moments.getByRole("menuitemcheckbox").first().click();
    await expect(moments.getByRole("menuitemcheckbox").first()).toHaveAttribute("aria-checked", "true");
    await moments.getByRole("menuitemcheckbox").nth(1).click();
    await page.keyboard.press("Escape");
    await expect(stopAt).toContainText("2");

    const help = page.getByRole("button", { name: "Keyboard shortcuts" });
    await expect(help).toHaveAttribute("aria-haspopup", "dialog");
    await expect(help).toHaveAttribute("aria-expanded", "false");
    await help.click();
    const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(dialog).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(help).toBeFocused();
    // The rest of the page is hidden from assistive technology while the dialog is open, so its state is read after.
    await expect(help).toHaveAttribute("aria-expanded", "false");
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible();
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect(help).toBeFocused();
  });
});
