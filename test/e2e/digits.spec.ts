import { expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, TRAINING_WAIT_MS, trainAndWait, unlockAndOpen } from "./helpers";

// The digits kind: train a small digit classifier in the browser and look at what each layer
// makes of a digit. Unlocking submits every earlier level (the server trains the training levels'
// answers) and the browser trains networks of up to 1,000 digits: on a loaded 2-core machine that
// takes several times its quiet-machine time, hence the budgets.

test.describe("digits", () => {
  test("what the layers see: train, look at each layer, choose by keyboard, submit for three stars", async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 900 });
    await unlockAndOpen(page, "what-the-layers-see");
    await expect(page.getByTestId("fixed-examples")).toContainText("200 digits");
    await expect(page.getByTestId("choice-depth-1")).toBeChecked();
    await expect(page.getByTestId("choice-width-4")).toBeChecked();

    // The starting network: progress shows while it trains, then it falls short of the target.
    await page.getByTestId("train").click();
    await expect(page.getByTestId("training-progress")).toBeVisible();
    await expect(page.getByTestId("training-done")).toBeVisible({ timeout: TRAINING_WAIT_MS });
    await expect(page.getByTestId("training-done")).toContainText("✗ below the 85.0% target");
    await expect(page.getByTestId("stage-layer-1")).toBeVisible(); // four cells carry the whole image
    await screenshot(page, "digits-layers-start");

    // Keyboard: arrow keys move within a radio group, as in any form.
    await page.getByTestId("choice-width-4").focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("choice-width-16")).toBeChecked();
    await expect(page.getByTestId("training-done")).toHaveCount(0); // the result belonged to the old choice
    await expect(page.getByTestId("network-summary")).toContainText("100 pixels → 16 → 10 digits");

    await trainAndWait(page); // its speed is measured for every choice by bench/training-browser.mjs
    await expect(page.getByTestId("test-accuracy")).toHaveText("87.4%");
    await expect(page.getByTestId("training-done")).toContainText("✓ reaches the 85.0% target");
    await expect(page.getByText("Your browser's training earns")).toBeVisible();

    // The layer view for a chosen digit: image → hidden layer → ten probabilities.
    await page.getByTestId("pick-digit-7").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("pick-digit-7")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("layer-verdict")).toContainText("a 7: the network says");
    const first = await page.getByTestId("layer-verdict").textContent();
    await page.getByTestId("another-digit").click();
    await expect(page.getByTestId("layer-verdict")).not.toHaveText(first!);
    await expect(page.getByTestId("stage-input").locator("rect")).toHaveCount(100);
    await expect(page.getByTestId("stage-layer-1").locator("rect")).toHaveCount(16);
    await expect(page.getByTestId("output-bars")).toContainText("← guess");
    await page.getByTestId("layer-view").scrollIntoViewIfNeeded();
    await screenshot(page, "digits-layers-desktop");

    const result = await submitAndExpectStars(page, 3);
    await expect(result.getByTestId("browser-vs-server")).toContainText("scored 87.4%; the server trained the same network with the same seed and got 87.4%");
    await expect(result.getByTestId("result-summary")).toContainText("Test accuracy 87.4% on 500 digits it never saw");
    await expect(page.getByTestId("review")).toContainText("✓ 16 units");
    await screenshot(page, "digits-layers-submitted");
  });

  test("more data or a bigger network, on a phone: the budget, then 1,000 digits at 16 units for three stars", async ({ device }) => {
    test.setTimeout(180_000);
    const page = await device(PHONE);
    await unlockAndOpen(page, "more-data-or-bigger");
    await expect(page.getByTestId("fixed-depth")).toContainText("1 layer");

    // 1,000 examples and 64 units together are over budget: the choice is marked and Train is off.
    await page.getByTestId("choice-examples-1000").check();
    await page.getByTestId("choice-width-64").check();
    await expect(page.getByTestId("budget")).toContainText("✗ over budget");
    await expect(page.getByTestId("train")).toBeDisabled();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "digits-budget-phone");

    await page.getByTestId("choice-width-16").check();
    await expect(page.getByTestId("budget")).not.toContainText("over budget");
    await trainAndWait(page);
    await expect(page.getByTestId("test-accuracy")).toHaveText("91.4%");
    await page.getByTestId("pick-digit-2").click();
    await expect(page.getByTestId("layer-verdict")).toContainText("a 2: the network says");
    await expectNoHorizontalScroll(page);
    await page.getByTestId("layer-view").scrollIntoViewIfNeeded();
    await screenshot(page, "digits-layers-phone", { fullPage: false });

    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("review")).toContainText("✓ 1,000 digits");
    await expectNoHorizontalScroll(page);
    await screenshot(page, "digits-budget-phone-submitted");
  });
});
