import type { Page } from "@playwright/test";
import type { LearningRateAnswer } from "../../core/kinds/learning-rate/public";
import { solve } from "../reference";
import {
  collectPageErrors,
  expect,
  expectNoHorizontalScroll,
  PHONE,
  screenshot,
  servedLevel,
  submitAndExpectStars,
  test,
  TRAINING_WAIT_MS,
  trainAndWait,
  unlockAndOpen,
} from "./helpers";

// The learning-rate kind: predict, then run. Commit one learning rate; the server trains and
// scores it, the browser replays that run, and the other rates can be trained afterwards to
// compare (too small crawls, too big diverges), which earns nothing.

// The browser trains a real network (tfjs, CPU backend) for each rate, and the server trains the
// committed one when the answer is submitted: on a loaded 2-core machine a run can take many
// times its quiet-machine time, hence the budget.
test.describe.configure({ timeout: 240_000 });

/** Commits a prediction as a player does, by its radio button (the solver chose the option by its label; ids change with every attempt). */
async function predict(page: Page, id: string): Promise<void> {
  const option = page.getByTestId("prediction").locator(`input[value="${id}"]`);
  await option.check();
  await expect(option).toBeChecked();
}

test("learning rate: commit 0.3 for three stars; then too small crawls and too big diverges, for comparison only", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "pick-a-learning-rate");
  const { learningRate, prediction } = solve(await servedLevel(page, "pick-a-learning-rate")) as LearningRateAnswer;
  await expect(page.getByRole("radio", { name: "0.001", exact: true })).toBeChecked();
  // Predict, then run: nothing trains before the commit, and no stars are promised.
  await expect(page.getByTestId("commit-first")).toBeVisible();
  await expect(page.getByTestId("train")).toHaveCount(0);
  await expect(page.getByTestId("live-stars")).toHaveCount(0);
  await screenshot(page, "training-learning-rate-phone-before");
  await page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(page, "training-learning-rate-desktop-before");
  await page.setViewportSize(PHONE.viewport);

  await page.getByRole("radio", { name: String(learningRate), exact: true }).check();
  await predict(page, prediction);
  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toContainText(
    new RegExp(`Learning rate ${learningRate} reached the target loss 0\\.02 in \\d+ epochs, within 105: 100%\\.`),
  );
  await expect(page.getByTestId("review")).toContainText("every step still went downhill");
  // The committed rate trains in the browser with the run the server scored.
  const done = page.getByTestId("training-done");
  await expect(done).toHaveText(
    new RegExp(
      `✓ Target reached\\.Learning rate ${learningRate}: \\d+ epochs to reach loss 0\\.02, within the 105 that earn full marks\\. The run scores 100%\\.`,
    ),
    {
      timeout: TRAINING_WAIT_MS,
    },
  );

  // Then the others, to compare: they earn nothing.
  const times: string[] = [];
  await page.getByRole("radio", { name: "0.001", exact: true }).check();
  const crawl = await trainAndWait(page);
  expect(crawl.text).toContain("✗ Target not reached");
  expect(crawl.text).toContain("after all 300 epochs");
  times.push(`0.001: ${crawl.ms} ms`);

  await page.getByRole("radio", { name: "3", exact: true }).check();
  const blowUp = await trainAndWait(page);
  expect(blowUp.text).toContain("✗ Diverged");
  times.push(`3: ${blowUp.ms} ms`);
  console.log(`browser training time: ${times.join(", ")}`);

  await expect(page.getByTestId("loss-chart").getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText("Your best:").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expectNoHorizontalScroll(page);
  await screenshot(page, "training-learning-rate-phone");
  await page.getByTestId("loss-chart").scrollIntoViewIfNeeded();
  await screenshot(page, "training-learning-rate-phone-chart", { fullPage: false });

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId("kind-view").scrollIntoViewIfNeeded();
  await screenshot(page, "training-learning-rate-desktop");
  expect(errors).toEqual([]);
});
