import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { RunTheLoopAnswer, RunTheLoopView } from "../../core/kinds/run-the-loop/public";
import { runLoopByHand } from "../reference/run-the-loop";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// Run the loop by hand: read the problem off the page, choose each step of the training loop and
// type its numbers (as a player with a calculator would), submit, and read the review.

/** No moderate, serious or critical axe finding on the page as it stands. */
async function expectAccessible(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="kind-view"]').analyze();
  const failing = violations.filter((v) => v.impact && v.impact !== "minor").map((v) => `${v.impact} ${v.id}: ${v.help}`);
  expect(failing, `axe on ${where}`).toEqual([]);
}

/** The problem as the page states it. */
async function problemFromPage(page: Page): Promise<RunTheLoopView> {
  const number = async (testId: string) => Number(await page.getByTestId(testId).textContent());
  const points: RunTheLoopView["points"] = [];
  for (const point of await page.locator('[data-testid^="loop-point-"]').all()) {
    const [, x, y] = /\(x (-?[\d.]+), y (-?[\d.]+)\)/.exec((await point.textContent()) ?? "") ?? [];
    points.push({ x: Number(x), y: Number(y) });
  }
  return { learn: "", points, w0: await number("loop-w0"), rate: await number("loop-rate"), target: await number("loop-target") };
}

/** Takes the steps through the page: a click on the step (or the keyboard), its numbers typed, then "Do the step". */
async function takeSteps(page: Page, steps: RunTheLoopAnswer["steps"], { keyboard = false, from = 0 } = {}) {
  for (const [j, s] of steps.entries()) {
    const i = from + j;
    if (keyboard) {
      await page.getByTestId(`choose-${s.step}`).focus();
      await page.keyboard.press("Enter");
    } else await page.getByTestId(`choose-${s.step}`).click();
    for (const [k, v] of s.values.entries()) await page.getByTestId(`loop-value-${k}`).fill(String(v));
    if (keyboard && s.values.length > 0) await page.getByTestId(`loop-value-${s.values.length - 1}`).press("Enter");
    else await page.getByTestId("loop-take").click();
    await expect(page.getByTestId(`loop-step-${i}`)).toBeVisible();
  }
}

test("the loop run by hand, every step and number right: three stars, and the exact loop in the review", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "run-the-loop");
  await expect(page.getByTestId("learn")).toContainText("backward pass: the gradient");
  const view = await problemFromPage(page);
  const { steps } = runLoopByHand(view);
  // Nothing is scored before Submit: a quiz. Undo takes a step back.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  await takeSteps(page, steps.slice(0, 1));
  await page.getByTestId("loop-undo").click();
  await expect(page.getByTestId("loop-step-0")).toHaveCount(0);
  await expect(page.getByTestId("loop-log")).toContainText("No step yet");
  await takeSteps(page, steps.slice(0, 6));
  await page.getByTestId("choose-forward").click();
  await expectAccessible(page, "the loop with a step's numbers to type");
  await screenshot(page, "run-the-loop-playing");
  await takeSteps(page, steps.slice(6), { from: 6 });
  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("loop-exact")).toContainText("The loop done exactly");
  await expectAccessible(page, "the loop's review");
  await screenshot(page, "run-the-loop-review");
});

test("on a phone, with the keyboard: the update's sign flipped is one mistake, shown in the review", async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "run-the-loop");
  const view = await problemFromPage(page);
  // The slip: the first update goes uphill (w + η·g); the loop then goes on honestly from that weight, stopping by its own losses.
  const { steps: slipped } = runLoopByHand(view, undefined, (k, w, g, right) => (k === 0 ? w + view.rate * g : right));
  const last = 3;
  await takeSteps(page, slipped.slice(0, 4), { keyboard: true });
  // The controls, the feedback they drive and Submit share the phone's screen.
  await page.getByTestId("loop-plot").evaluate((el) => el.scrollIntoView({ block: "start" }));
  await page.getByTestId("choose-forward").click();
  // 0.99, not 1: a box scrolled to the screen's top edge can sit a fraction of a pixel above it (a ratio of 0.9998 failed).
  for (const id of ["loop-plot", "choose-forward", "loop-value-0", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 0.99 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "run-the-loop-phone-playing", { fullPage: false });
  await page.getByTestId("loop-value-0").fill(String(slipped[4].values[0]));
  await page.getByTestId("loop-value-1").fill(String(slipped[4].values[1]));
  await page.getByTestId("loop-take").click();
  await takeSteps(page, slipped.slice(5), { keyboard: true, from: 5 });
  await submitAndExpectStars(page, 2);
  await expect(page.getByTestId(`loop-why-${last}`)).toContainText("uphill");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "run-the-loop-phone-review");
});
