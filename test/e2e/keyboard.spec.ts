import { expect, levelCard, openLevel, tabTo, test, unlockUpTo } from "./helpers";

test("a coordinate-change level can be solved with the keyboard alone", async ({ page }) => {
  await unlockUpTo(page, "turn-the-axes");
  await openLevel(page, "turn-the-axes");

  // Tab onto the plot; its accessible name explains the keys.
  const canvas = page.getByTestId("before-canvas");
  await expect(canvas).toHaveAccessibleName(/←\/→ turn the axes \(Shift: 10°\)/);
  await tabTo(page, canvas);

  // Shift+← turns 10° counter-clockwise, ← turns 1°: 3 × 10 + 5 × 1 = 35°.
  for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+ArrowLeft");
  await expect(page.getByTestId("angle-number")).toHaveValue("30");
  for (let i = 0; i < 5; i++) await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("angle-number")).toHaveValue("35");
  await expect(page.getByLabel("Angle (°)", { exact: true })).toHaveValue("35");
  await expect(page.getByTestId("live-accuracy")).toHaveText("Accuracy 100.0%");

  // Right/down turn back: a quick round trip leaves the angle where it was.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByTestId("angle-number")).toHaveValue("35");
  // "m" does nothing here: the origin is locked in this level.
  await page.keyboard.press("m");
  await page.keyboard.press("ArrowDown");
  await expect(page.getByTestId("angle-number")).toHaveValue("34");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("angle-number")).toHaveValue("35");

  // Submit from the keyboard.
  const submit = page.getByTestId("submit");
  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(page.getByTestId("server-score")).toHaveText("100.0%");

  // The result offers the next level; it is reachable by keyboard too.
  const next = result.getByRole("link", { name: "Next level →" });
  await tabTo(page, next);

  // Progress survives a reload and shows on the map.
  await page.reload();
  await expect(page.getByText("Your best:").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await page.goto("/play");
  await expect(levelCard(page, "turn-the-axes")).toHaveAttribute("data-stars", "3");
  await expect(levelCard(page, "turn-and-shift")).toHaveAttribute("data-locked", "false");
});
