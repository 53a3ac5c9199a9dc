import { collectPageErrors, expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, trainAndWait, unlockAndOpen } from "./helpers";

// The learning-rate kind: train the same network at several learning rates, in the browser.

// The browser trains a real network (tfjs, CPU backend) for each choice, and the server trains
// the same seeded network again when the answer is submitted: on a loaded 2-core machine a run
// can take many times its quiet-machine time, hence the budget.
test.describe.configure({ timeout: 240_000 });

test("learning rate: too small crawls, too big diverges, 0.3 reaches the target first (3 stars)", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "pick-a-learning-rate");
  await expect(page.getByRole("radio", { name: "0.001", exact: true })).toBeChecked();

  const times: string[] = [];
  const crawl = await trainAndWait(page);
  expect(crawl.text).toContain("✗ Target not reached");
  expect(crawl.text).toContain("after all 300 epochs");
  times.push(`0.001: ${crawl.ms} ms`);

  await page.getByRole("radio", { name: "3", exact: true }).check();
  const blowUp = await trainAndWait(page);
  expect(blowUp.text).toContain("✗ Diverged");
  times.push(`3: ${blowUp.ms} ms`);

  await page.getByRole("radio", { name: "0.3", exact: true }).check();
  const best = await trainAndWait(page);
  expect(best.text).toMatch(/✓ Target reached.*reached at epoch \d+ of 300/);
  times.push(`0.3: ${best.ms} ms`);
  console.log(`browser training time: ${times.join(", ")}`);

  await expect(page.getByTestId("loss-chart").getByRole("listitem")).toHaveCount(3);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "training-learning-rate-phone");
  await page.getByTestId("loss-chart").scrollIntoViewIfNeeded();
  await screenshot(page, "training-learning-rate-phone-chart", { fullPage: false });

  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toContainText(
    /Learning rate 0\.3 reached the target loss 0\.02 at epoch \d+ of 300, leaving \d+% of the budget/,
  );
  await expect(page.getByTestId("review")).toContainText("every step still went downhill");

  await page.setViewportSize({ width: 1280, height: 900 });
  await page.getByTestId("kind-view").scrollIntoViewIfNeeded();
  await screenshot(page, "training-learning-rate-desktop");
  expect(errors).toEqual([]);
});
