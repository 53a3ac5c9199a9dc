import type { Page } from "@playwright/test";
import type { NonlinearityAnswer } from "../../core/kinds/nonlinearity/public";
import { solve } from "../reference";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, servedLevel, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// Why a non-linearity, played through the UI: the single layer a stack equals, worked out from the
// formulas on the page; then a stripe of points, first with the identity (stuck on a line), then
// with ReLU (bent around the stripe).

/** "h₁ = 2·x₁ − 1·x₂ + 3" → [2, −1, 3], as a player reads it. */
function numbersOf(line: string, names: [string, string]): [number, number, number] {
  const flat = line.replace(/−/g, "-").replace(/\s+/g, "").split("=")[1];
  const match = flat.match(new RegExp(`^(-?\\d+)·${names[0]}([+-]\\d+)·${names[1]}([+-]\\d+)$`));
  if (!match) throw new Error(`cannot read "${line}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

async function stackFromPage(page: Page) {
  const lines = await page.getByTestId("stack-formulas").locator("div").allTextContents();
  const [h1, h2] = [numbersOf(lines[0], ["x₁", "x₂"]), numbersOf(lines[1], ["x₁", "x₂"])];
  const y = numbersOf(lines[2], ["h₁", "h₂"]);
  return { h1, h2, y };
}

test("stacked lines: read the stack, multiply it out, and type the single layer for three stars", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "stacked-lines");
  await expect(page.getByTestId("learn")).toContainText("linear layer");
  const { h1, h2, y } = await stackFromPage(page);
  // Substitute h₁ and h₂ into y and gather the terms.
  const single = [y[0] * h1[0] + y[1] * h2[0], y[0] * h1[1] + y[1] * h2[1], y[0] * h1[2] + y[1] * h2[2] + y[2]];
  // Nothing is scored live: three exact numbers are the answer.
  for (const [i, v] of single.entries()) await page.getByTestId(`single-${i}`).fill(String(v));
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  await screenshot(page, "nonlinearity-stacked-filled");
  // A look with a ReLU between the layers bends the boundary (the shading changes); it scores nothing.
  const before = await page.locator("svg[role=img]").first().innerHTML();
  await page.getByTestId("peek-relu").check();
  await expect.poll(() => page.locator("svg[role=img]").first().innerHTML()).not.toBe(before);
  await screenshot(page, "nonlinearity-stacked-peek-relu");
  await page.getByTestId("peek-relu").uncheck();
  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("nonlinearity-review");
  await expect(review).toContainText("The stack equals the single layer");
  await expect(review.getByText("right", { exact: true })).toHaveCount(3);
  await screenshot(page, "nonlinearity-stacked-review");
});

test("one bend on a phone: the identity stays a line, ReLU bends around the stripe for three stars", async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "one-bend");
  const served = await servedLevel(page, "one-bend");
  const answer = solve(served) as Extract<NonlinearityAnswer, { mode: "bend" }>;
  for (const [i, v] of answer.weights.entries()) await page.getByTestId(`weight-${i}`).fill(String(v));
  // With the identity, the same nine numbers are one straight line: under the target.
  const accuracy = async () => Number(((await page.getByTestId("live-accuracy").textContent()) ?? "").match(/([\d.]+)%/)?.[1]);
  await expect(page.getByTestId("hidden-identity")).toBeChecked();
  expect(await accuracy()).toBeLessThan(95);
  await screenshot(page, "nonlinearity-bend-phone-identity", { fullPage: false });
  await page.getByTestId("hidden-relu").check();
  await expect.poll(accuracy).toBeGreaterThanOrEqual(95);
  await expect(page.getByText("Right now this would earn")).toBeVisible();
  // The live accuracy, the plane it describes, every control and Submit share the phone's screen.
  await page.getByTestId("live-accuracy").evaluate((el) => el.scrollIntoView({ block: "start" }));
  for (const id of ["live-accuracy", "hidden-relu", "weight-0", "weight-8", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "nonlinearity-bend-phone-relu", { fullPage: false });
  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("nonlinearity-review");
  await expect(review).toContainText("No straight line gets more than");
  await expect(review).toContainText("with the identity put");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "nonlinearity-bend-phone-review");
});

test("one bend on a laptop: the plane and the controls side by side", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "one-bend");
  await page.getByTestId("hidden-relu").check();
  await expect(page.getByTestId("live-accuracy")).toBeVisible();
  await screenshot(page, "nonlinearity-bend-laptop");
});
