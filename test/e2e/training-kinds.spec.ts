import { expect, test, type Page } from "@playwright/test";
import { noHorizontalScroll, openAnyLevel, screenshot, submitAndExpectStars, unlockUpTo } from "./helpers";

// The training kinds: the browser trains a real network (tfjs, CPU backend) for each choice, the
// server trains the same seeded network again when the answer is submitted.

/** Clicks Train and waits for the finished marker; returns the time it took in the browser. */
async function train(page: Page): Promise<{ ms: number; text: string }> {
  const button = page.getByTestId("train");
  await expect(button).toBeEnabled();
  const started = Date.now();
  await button.click();
  const done = page.getByTestId("training-done");
  await expect(done).toBeVisible({ timeout: 15_000 });
  const ms = Date.now() - started;
  return { ms, text: (await done.textContent()) ?? "" };
}

test.describe("training kinds", () => {
  test.describe.configure({ timeout: 240_000 });

  test("vanishing gradients: sigmoid fails, ReLU reaches the target, the server agrees (3 stars)", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: 1280, height: 900 });
    await unlockUpTo(page, "vanishing-gradients");
    await openAnyLevel(page, "vanishing-gradients");

    const sigmoid = page.getByRole("radio", { name: "Sigmoid", exact: true });
    const relu = page.getByRole("radio", { name: "ReLU", exact: true });
    await expect(sigmoid).toBeChecked();

    // Sigmoid first: the progress shows while it trains, and it misses the target.
    const button = page.getByTestId("train");
    const started = Date.now();
    await button.click();
    await expect(page.getByTestId("training-progress").or(page.getByTestId("training-done"))).toBeVisible();
    const done = page.getByTestId("training-done");
    await expect(done).toContainText("✗ Target not reached", { timeout: 15_000 });
    const sigmoidMs = Date.now() - started;
    await expect(done).toContainText("after all 100 epochs");
    await expect(page.getByTestId("gradient-bars")).toContainText(/first layer's feedback is .* weaker/);
    await expect(page.getByText("Your browser's training earns")).toBeVisible();

    // ReLU: reaches the target; both curves stay on the chart, each with its label.
    await relu.check();
    await expect(done).toBeHidden();
    const reluRun = await train(page);
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
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
    await screenshot(page, "training-vanishing-gradients-phone");
    await page.getByTestId("loss-chart").scrollIntoViewIfNeeded();
    await screenshot(page, "training-vanishing-gradients-phone-charts", { fullPage: false });
    expect(errors).toEqual([]);
  });

  test("learning rate: too small crawls, too big diverges, 0.3 reaches the target first (3 stars)", async ({ page }) => {
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: 390, height: 844 });
    await unlockUpTo(page, "pick-a-learning-rate");
    await openAnyLevel(page, "pick-a-learning-rate");
    await expect(page.getByRole("radio", { name: "0.001", exact: true })).toBeChecked();

    const times: string[] = [];
    const crawl = await train(page);
    expect(crawl.text).toContain("✗ Target not reached");
    expect(crawl.text).toContain("after all 300 epochs");
    times.push(`0.001: ${crawl.ms} ms`);

    await page.getByRole("radio", { name: "3", exact: true }).check();
    const blowUp = await train(page);
    expect(blowUp.text).toContain("✗ Diverged");
    times.push(`3: ${blowUp.ms} ms`);

    await page.getByRole("radio", { name: "0.3", exact: true }).check();
    const best = await train(page);
    expect(best.text).toMatch(/✓ Target reached.*reached at epoch \d+ of 300/);
    times.push(`0.3: ${best.ms} ms`);
    console.log(`browser training time: ${times.join(", ")}`);

    await expect(page.getByTestId("loss-chart").getByRole("listitem")).toHaveCount(3);
    await expect.poll(() => noHorizontalScroll(page)).toBe(true);
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
});
