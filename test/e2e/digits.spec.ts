import type { Page } from "@playwright/test";
import type { DigitsAnswer } from "../../core/kinds/digits/public";
import { solve } from "../reference";
import {
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

// The digits kind: predict, then run. Choose a small digit classifier and commit it; the server
// trains and scores it, then the browser trains the same seeded network, and the player looks at
// what each layer makes of a digit; other choices can be trained afterwards, for nothing.
// Unlocking submits every earlier level (the server trains the training levels' answers) and the
// browser trains networks of up to 1,000 digits: on a loaded 2-core machine that takes several
// times its quiet-machine time, hence the budgets.

/** Commits a prediction as a player does, by its radio button (the solver chose the option by its label; ids change with every attempt). */
async function predict(page: Page, id: string): Promise<void> {
  const option = page.getByTestId("prediction").locator(`input[value="${id}"]`);
  await option.check();
  await expect(option).toBeChecked();
}

test.describe("digits", () => {
  test("what the layers see: choose by keyboard, commit, the browser trains the committed network; look at each layer; compare with the start", async ({
    page,
  }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: 1280, height: 800 });
    await unlockAndOpen(page, "what-the-layers-see");
    const right = solve(await servedLevel(page, "what-the-layers-see")) as DigitsAnswer;
    await expect(page.getByTestId("fixed-examples")).toContainText("200 digits");
    await expect(page.getByTestId("choice-depth-1")).toBeChecked();
    await expect(page.getByTestId("choice-width-4")).toBeChecked();
    // Predict, then run: nothing trains before the commit, and no stars are promised.
    await expect(page.getByTestId("commit-first")).toBeVisible();
    await expect(page.getByTestId("train")).toHaveCount(0);
    await expect(page.getByTestId("live-stars")).toHaveCount(0);

    // Keyboard: arrow keys move within a radio group, as in any form.
    await page.getByTestId("choice-width-4").focus();
    while (!(await page.getByTestId(`choice-width-${right.width}`).isChecked())) await page.keyboard.press("ArrowRight");
    await expect(page.getByTestId("network-summary")).toContainText(`100 pixels → ${right.width} → 10 digits`);
    await predict(page, right.prediction);
    await screenshot(page, "digits-layers-start");

    const result = await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("review")).toContainText(`✓ ${right.width} units`);
    // The committed network trains in the browser with the run the server scored: the same accuracy.
    await expect(page.getByTestId("training-progress").or(page.getByTestId("training-done"))).toBeVisible();
    await expect(page.getByTestId("training-done")).toBeVisible({ timeout: TRAINING_WAIT_MS });
    await expect(page.getByTestId("training-done")).toContainText("✓ reaches the 77.0% target");
    const accuracy = (await page.getByTestId("test-accuracy").textContent())!;
    await expect(result.getByTestId("result-summary")).toContainText(`Test accuracy ${accuracy} on 500 digits it never saw`);

    // The layer view for a chosen digit: image → hidden layer → ten probabilities.
    await page.getByTestId("pick-digit-7").focus();
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("pick-digit-7")).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByTestId("layer-verdict")).toContainText("a 7: the network says");
    const first = await page.getByTestId("layer-verdict").textContent();
    await page.getByTestId("another-digit").click();
    await expect(page.getByTestId("layer-verdict")).not.toHaveText(first!);
    await expect(page.getByTestId("stage-input").locator("rect")).toHaveCount(100);
    // A hidden layer is a list of its units (no spatial layout): each first-layer unit shown by its
    // weight template (one cell per pixel), each with its output on the chosen digit.
    await expect(page.getByTestId("stage-layer-1").getByTestId("unit")).toHaveCount(right.width);
    await expect(page.getByTestId("stage-layer-1").getByTestId("unit").first().locator("rect")).toHaveCount(100);
    await expect(page.getByTestId("stage-layer-1").getByRole("list")).toHaveAccessibleName(
      new RegExp(`^Hidden layer 1: ${right.width} units, \\d+ active on this digit; each shown by its weight template$`),
    );
    await expect(page.getByTestId("output-bars")).toContainText("← guess");
    await page.getByTestId("layer-view").scrollIntoViewIfNeeded();
    await screenshot(page, "digits-layers-desktop");

    // The starting network, afterwards, to compare (it earns nothing): four cells carry the whole image.
    await page.getByTestId("choice-width-4").check();
    await expect(page.getByTestId("training-done")).toHaveCount(0); // the result belonged to the other choice
    const start = await trainAndWait(page); // a comparison run in the page (bench/commit-and-run.mjs times committed runs only)
    expect(start.text).toContain("✗ below the 77.0% target");
    await expect(page.getByTestId("stage-layer-1")).toBeVisible();
    await screenshot(page, "digits-layers-submitted");

    // Two layers of 16, for nothing: a deeper unit is shown by the test digit that activates it most.
    await page.getByTestId("choice-depth-2").check();
    await page.getByTestId("choice-width-16").check();
    await trainAndWait(page);
    await expect(page.getByTestId("stage-layer-2").getByTestId("unit")).toHaveCount(16);
    await expect(page.getByTestId("stage-layer-2").getByRole("list")).toHaveAccessibleName(
      /^Hidden layer 2: 16 units, \d+ active on this digit; each shown by the test digit that activates it most$/,
    );
    await expect(page.getByText("Your best:").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
    await page.getByTestId("layer-view").scrollIntoViewIfNeeded();
    await screenshot(page, "digits-layers-deeper", { fullPage: false });
    await page.setViewportSize(PHONE.viewport);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "digits-layers-submitted-phone");
  });

  test("more data or a bigger network, on a phone: the budget, then 1,000 digits at 16 units for three stars", async ({ device }) => {
    test.setTimeout(180_000);
    const page = await device(PHONE);
    await unlockAndOpen(page, "more-data-or-bigger");
    const right = solve(await servedLevel(page, "more-data-or-bigger")) as DigitsAnswer;
    await expect(page.getByTestId("fixed-depth")).toContainText("1 layer");

    // 1,000 examples and 64 units together are over budget: the choice is marked and refused before it is sent.
    await page.getByTestId("choice-examples-1000").check();
    await page.getByTestId("choice-width-64").check();
    await expect(page.getByTestId("budget")).toContainText("✗ over budget");
    await expect(page.getByText("Over budget: choose fewer examples or fewer units.")).toBeVisible();
    await expectNoHorizontalScroll(page);
    await screenshot(page, "digits-budget-phone");

    await page.getByTestId(`choice-examples-${right.examples}`).check();
    await page.getByTestId(`choice-width-${right.width}`).check();
    await expect(page.getByTestId("budget")).not.toContainText("over budget");
    await predict(page, right.prediction);
    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("review")).toContainText(`✓ ${right.examples.toLocaleString("en")} digits`);
    await expect(page.getByTestId("training-done")).toBeVisible({ timeout: TRAINING_WAIT_MS });
    await expect(page.getByTestId("training-done")).toContainText("✓ reaches the");
    await page.getByTestId("pick-digit-2").click();
    await expect(page.getByTestId("layer-verdict")).toContainText("a 2: the network says");
    await expectNoHorizontalScroll(page);
    await page.getByTestId("layer-view").scrollIntoViewIfNeeded();
    await screenshot(page, "digits-layers-phone", { fullPage: false });
    await expectNoHorizontalScroll(page);
    await screenshot(page, "digits-budget-phone-submitted");
  });
});
