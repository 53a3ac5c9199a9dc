import {
  collectPageErrors,
  expect,
  expectNoHorizontalScroll,
  PHONE,
  screenshot,
  submitAndExpectStars,
  test,
  TRAINING_WAIT_MS,
  trainAndWait,
  unlockAndOpen,
} from "./helpers";

// The deep-training kind: pick what lets a deep network learn, train it in the browser, and
// compare with the server's own training of the same network.

// The browser trains a real network (tfjs, CPU backend) for each choice, and the server trains
// the same seeded network again when the answer is submitted: on a loaded 2-core machine a run
// can take many times its quiet-machine time, hence the budget.
test.describe.configure({ timeout: 240_000 });

test("vanishing gradients: sigmoid fails, ReLU reaches the target, the server agrees (3 stars)", async ({ page }) => {
  const errors = collectPageErrors(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockAndOpen(page, "vanishing-gradients");

  const sigmoid = page.getByRole("radio", { name: "Sigmoid", exact: true });
  const relu = page.getByRole("radio", { name: "ReLU", exact: true });
  await expect(sigmoid).toBeChecked();

  // Sigmoid first: the progress shows while it trains, and it misses the target.
  const button = page.getByTestId("train");
  const started = Date.now();
  await button.click();
  await expect(page.getByTestId("training-progress").or(page.getByTestId("training-done"))).toBeVisible();
  const done = page.getByTestId("training-done");
  await expect(done).toContainText("✗ Target not reached", { timeout: TRAINING_WAIT_MS });
  const sigmoidMs = Date.now() - started;
  await expect(done).toContainText("after all 100 epochs");
  await expect(page.getByTestId("gradient-bars")).toContainText(/first layer's feedback is .* weaker/);
  await expect(page.getByText("Your browser's training earns")).toBeVisible();

  // ReLU: reaches the target; both curves stay on the chart, each with its label.
  await relu.check();
  await expect(done).toBeHidden();
  const reluRun = await trainAndWait(page);
  expect(reluRun.text).toContain("✓ Target reached");
  const chart = page.getByTestId("loss-chart");
  await expect(chart.getByRole("listitem")).toHaveCount(2);
  await expect(chart).toContainText("Sigmoid — loss");
  await expect(chart).toContainText(/ReLU — reached 0\.1 at epoch \d+/);
  await expect(button).toBeDisabled(); // the same seed gives the same run: nothing to retrain
  console.log(`browser training time: sigmoid ${sigmoidMs} ms, relu ${reluRun.ms} ms`);
  await screenshot(page, "training-vanishing-gradients-desktop");

  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toContainText(/Reached the target loss 0\.1 at epoch \d+ of 100 \(loss 0\.0\d+\): 100%/);
  // The server trained the same network with the same seed: the same score as the browser's.
  await expect(result.getByTestId("browser-vs-server")).toContainText(
    "Your browser's training scored 100.0%; the server trained the same network with the same seed and got 100.0%",
  );
  await expect(page.getByTestId("review")).toContainText("ReLU's slope is exactly 1");
  await screenshot(page, "training-vanishing-gradients-result");

  // A phone: no sideways scrolling, the charts fit.
  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "training-vanishing-gradients-phone");
  await page.getByTestId("loss-chart").scrollIntoViewIfNeeded();
  await screenshot(page, "training-vanishing-gradients-phone-charts", { fullPage: false });
  expect(errors).toEqual([]);
});
