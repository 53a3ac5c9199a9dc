import type { Page } from "@playwright/test";
import {
  expect,
  expectNoHorizontalScroll,
  PHONE,
  screenshot,
  submitAndExpectStars,
  test,
  TRAINING_WAIT_MS,
  unlockAndOpen,
  waitForCanvasSized,
} from "./helpers";

// The tune-weights kind: set a network's weights by hand (sliders and exact numbers) until the
// loss is under the target, then watch gradient descent race from the same start.

/** Drags a range input's thumb with the mouse to roughly `value`, as a player would. */
async function dragSlider(page: Page, testId: string, value: number) {
  const slider = page.getByTestId(testId);
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const [min, max, current] = await slider.evaluate((el: HTMLInputElement) => [Number(el.min), Number(el.max), Number(el.value)]);
  // Chromium's thumb travels between half a thumb-width from each end; 16 px is close enough here.
  const xAt = (v: number) => box.x + 8 + ((v - min) / (max - min)) * (box.width - 16);
  const y = box.y + box.height / 2;
  await page.mouse.move(xAt(current), y);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(xAt(current + ((value - current) * i) / 12), y);
  await page.mouse.up();
}

test("fit a line: drag and type the weights under the target, submit for three stars, race the optimizer", async ({ page }) => {
  const consoleErrors: string[] = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockAndOpen(page, "fit-a-line");
  await waitForCanvasSized(page.getByTestId("tune-canvas"));
  const loss = page.getByTestId("live-loss");
  await expect(loss).toHaveText("MSE 3.30");
  await screenshot(page, "tune-weights-line-start");

  // Drag the slope by mouse: the loss drops as the line tilts.
  await dragSlider(page, "weight-0-range", 1.6);
  const dragged = Number(await page.getByTestId("weight-0-range").inputValue());
  expect(dragged).toBeGreaterThan(1.2);
  expect(dragged).toBeLessThan(2);
  await expect(page.getByTestId("weight-0-number")).toHaveValue(String(dragged));
  await expect(loss).not.toHaveText("MSE 3.30");
  await expect(page.getByText("Right now this would earn")).toBeVisible();

  // Then type the exact values.
  await page.getByTestId("weight-0-number").fill("1.6");
  await page.getByTestId("weight-1-number").fill("-0.7");
  await expect(page.getByTestId("weight-1-range")).toHaveValue("-0.7");
  await expect(loss).toHaveText("MSE 0.215");
  await expect(page.getByTestId("loss-vs-target")).toContainText("✓ under 0.250");

  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toHaveText("Your mean squared error is 0.215, under the target of 0.250.");
  // After the verdict: gradient descent races from the same zeros to below the player's loss.
  // (On failure the poll's last value shows the page's console errors instead of the verdict.)
  const verdict = page.getByTestId("race-verdict");
  await expect
    .poll(async () => ((await verdict.count()) ? await verdict.textContent() : consoleErrors.join(" | ") || "still running"), { timeout: TRAINING_WAIT_MS })
    .toMatch(/needed \d+ steps/);
  await expect(page.getByTestId("race").locator("svg")).toBeVisible();
  await screenshot(page, "tune-weights-line-race");

  await page.setViewportSize(PHONE.viewport);
  await waitForCanvasSized(page.getByTestId("tune-canvas"));
  await expectNoHorizontalScroll(page);
  await screenshot(page, "tune-weights-line-phone");
});

test("XOR by hand: the hint's weights draw the decision boundary and beat the target (desktop and phone)", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockAndOpen(page, "xor-by-hand");
  await waitForCanvasSized(page.getByTestId("tune-canvas"));
  await expect(page.getByTestId("live-loss")).toHaveText("Cross-entropy 0.702");
  await screenshot(page, "tune-weights-xor-start");
  const weights = [4, 4, -2, 4, 4, -6, 5, -5, -5];
  for (const [i, w] of weights.entries()) await page.getByTestId(`weight-${i}-number`).fill(String(w));
  await expect(page.getByTestId("live-loss")).toHaveText("Cross-entropy 0.0126");
  await expect(page.getByTestId("loss-vs-target")).toContainText("80 of 80 points on the right side");
  // The heatmap really changed: the canvas centre (the middle of the four corners) is painted "black" (blue).
  await screenshot(page, "tune-weights-xor-solved");

  await page.setViewportSize(PHONE.viewport);
  await waitForCanvasSized(page.getByTestId("tune-canvas"));
  await expectNoHorizontalScroll(page);
  await screenshot(page, "tune-weights-xor-phone");
});
