import { expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The chain-rule kind: compute a gradient by hand, factor by factor, and see the chain reviewed.

test("one neuron: type ∂E/∂w₁, submit for three stars, then see the chain of factors", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockAndOpen(page, "chain-rule-one-neuron");
  await expect(page.getByTestId("network-values")).toContainText("0.69");
  // Nothing is revealed before the answer is in.
  await expect(page.getByTestId("chain-explanation")).toHaveCount(0);
  await screenshot(page, "chain-rule-one-neuron-start");

  await page.getByTestId("gradient-number").fill("-0.1326");
  // A quiz shows no stars before submitting: typing numbers until three appear is no way in.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toContainText("right");
  const chain = page.getByTestId("chain-explanation");
  await expect(chain).toBeVisible();
  await expect(chain.getByTestId("true-gradient")).toHaveText("-0.1326");
  await expect(chain).toContainText("y·(1 − y)");
  await screenshot(page, "chain-rule-one-neuron-review");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "chain-rule-one-neuron-phone");
});

test("two layers: fill the factors, use their product, and see which factors were right", async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "chain-rule-two-layers");
  await page.getByTestId("factor-helper").locator("summary").click();
  // A slip in one factor (h instead of h·(1 − h)) shows up in the review.
  for (const [i, v] of ["0.5833", "0.2431", "2", "0.6682", "1.5"].entries()) await page.getByTestId(`factor-${i}`).fill(v);
  await expect(page.getByTestId("factor-product")).toContainText("0.2843");
  await page.getByRole("button", { name: "Use it as my answer" }).click();
  await expect(page.getByTestId("gradient-number")).toHaveValue(/^0\.2842\d*$/);
  await submitAndExpectStars(page, 0);
  const chain = page.getByTestId("chain-explanation");
  await expect(chain.locator("tbody tr").nth(3)).toContainText("✗ off");
  await expect(chain.locator("tbody tr").nth(2)).toContainText("✓ right");

  // Fix that factor and submit again.
  await page.getByTestId("factor-3").fill("0.2217");
  await page.getByRole("button", { name: "Use it as my answer" }).click();
  await submitAndExpectStars(page, 3);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "chain-rule-two-layers-phone-review");
});
