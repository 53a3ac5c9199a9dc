import { expect, test, waitForProfile } from "./helpers";

test("a player renames themself, the name persists, and an empty name is refused", async ({ page }) => {
  await page.goto("/play");
  await waitForProfile(page);
  const name = page.getByTestId("display-name");
  const original = (await name.textContent())!;
  expect(original.length).toBeGreaterThan(0);

  // Rename: the field starts with the current name.
  await page.getByRole("button", { name: "Rename" }).click();
  const input = page.getByLabel("Display name");
  await expect(input).toBeFocused();
  await expect(input).toHaveValue(original);
  await input.fill("  Ada   Lovelace ");
  await page.getByRole("button", { name: "Save" }).click();
  // Whitespace is tidied, as the server stores it.
  await expect(name).toHaveText("Ada Lovelace");
  await expect(page.getByLabel("Display name")).toHaveCount(0);

  await page.reload();
  await expect(name).toHaveText("Ada Lovelace");
  // The name follows the player to a level page too.
  await page.goto("/play/rules-or-examples");
  await expect(name).toHaveText("Ada Lovelace");

  // An empty (or blank) name shows an error and keeps the old name.
  await page.getByRole("button", { name: "Rename" }).click();
  await page.getByLabel("Display name").fill("   ");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("banner").getByRole("alert")).toHaveText("Name must not be empty");
  await expect(page.getByLabel("Display name")).toBeVisible();

  // Angle brackets are refused as well; Enter submits the form.
  await page.getByLabel("Display name").fill("<b>bold</b>");
  await page.getByLabel("Display name").press("Enter");
  await expect(page.getByRole("banner").getByRole("alert")).toContainText("angle brackets");

  // Cancel leaves the name unchanged, also after a reload.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(name).toHaveText("Ada Lovelace");
  await page.reload();
  await expect(name).toHaveText("Ada Lovelace");
});

test("the server refuses an empty name too", async ({ page }) => {
  await page.goto("/play");
  await waitForProfile(page);
  const res = await page.request.patch("/api/profile", { data: { displayName: "" } });
  expect(res.status()).toBe(400);
  await page.reload();
  await expect(page.getByTestId("display-name")).not.toHaveText("");
});
