import { expect, levelCard, openLevel, tabTo, test, typedAnswer, unlockUpTo, wrapDeg } from "./helpers";

test("a coordinate-change level can be solved with the keyboard alone", async ({ page }) => {
  await unlockUpTo(page, "turn-the-axes");
  await openLevel(page, "turn-the-axes");

  // Tab onto the plot; its accessible name explains the keys.
  const canvas = page.getByTestId("before-canvas");
  await expect(canvas).toHaveAccessibleName(/←\/→ turn the axes \(Shift: 10°\)/);
  await tabTo(page, canvas);

  // The angle this attempt's boundary needs, worked out from its points (every attempt draws its own).
  const target = (await typedAnswer(page, "turn-the-axes")).angleDeg;
  const tens = Math.trunc(target / 10);
  const ones = target - tens * 10;
  // Shift+← turns 10° counter-clockwise, ← turns 1°; → turns back (clockwise, towards negative angles).
  for (let i = 0; i < Math.abs(tens); i++) await page.keyboard.press(tens > 0 ? "Shift+ArrowLeft" : "Shift+ArrowRight");
  await expect(page.getByTestId("angle-number")).toHaveValue(String(tens * 10));
  for (let i = 0; i < Math.abs(ones); i++) await page.keyboard.press(ones > 0 ? "ArrowLeft" : "ArrowRight");
  await expect(page.getByTestId("angle-number")).toHaveValue(String(target));
  await expect(page.getByLabel("Angle (°)", { exact: true })).toHaveValue(String(target));
  await expect(page.getByTestId("live-accuracy")).toHaveText("Accuracy 100.0%");

  // Right/down turn back: a quick round trip leaves the angle where it was.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByTestId("angle-number")).toHaveValue(String(target));
  // "m" does nothing here: the origin is locked in this level.
  await page.keyboard.press("m");
  await page.keyboard.press("ArrowDown");
  // The angle wraps into [−180°, 180°): from −180° (16 of 5,000 draws need it) one degree back is 179°.
  await expect(page.getByTestId("angle-number")).toHaveValue(String(wrapDeg(target - 1)));
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByTestId("angle-number")).toHaveValue(String(target));

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
