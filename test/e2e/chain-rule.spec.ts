import { chainLinks, forward } from "../../core/kinds/chain-rule/public";
import type { PublicLevel } from "../../core/play/public-level";
import { factorsByHand, gradientByHand } from "../reference/chain-rule";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, servedLevel, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The chain-rule kind: compute a gradient by hand, factor by factor, from the network the page
// shows (the numbers of this attempt's instance), and see the chain reviewed.

const four = (v: number) => String(Number(v.toPrecision(4)));

test("one neuron: type ∂E/∂w₁, submit for three stars, then see the chain of factors", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await unlockAndOpen(page, "chain-rule-one-neuron");
  const { view } = (await servedLevel(page, "chain-rule-one-neuron")) as PublicLevel<"chain-rule">;
  // The page shows the forward pass of this attempt's numbers, to four decimals.
  await expect(page.getByTestId("network-values")).toContainText(forward(view.network).output.toFixed(4));
  // Nothing is revealed before the answer is in.
  await expect(page.getByTestId("chain-explanation")).toHaveCount(0);
  await screenshot(page, "chain-rule-one-neuron-start");

  const gradient = gradientByHand(view.network);
  await page.getByTestId("gradient-number").fill(four(gradient));
  // A quiz shows no stars before submitting: typing numbers until three appear is no way in.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  const result = await submitAndExpectStars(page, 3);
  await expect(result.getByTestId("result-summary")).toContainText("right");
  const chain = page.getByTestId("chain-explanation");
  await expect(chain).toBeVisible();
  expect(Number(await chain.getByTestId("true-gradient").textContent())).toBeCloseTo(gradient, 4);
  await expect(chain).toContainText("y·(1 − y)");
  await screenshot(page, "chain-rule-one-neuron-review");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "chain-rule-one-neuron-phone");
});

test("two layers: a slip in one factor is reviewed; the next variant, worked out right, earns ★ during the cool-down", async ({ page }) => {
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "chain-rule-two-layers");
  const { view } = (await servedLevel(page, "chain-rule-two-layers")) as PublicLevel<"chain-rule">;
  const factors = factorsByHand(view.network);
  // A slip in the hidden unit's slope: one of its two factors forgotten, h or (1 − h) instead of
  // h·(1 − h). The larger one, at least 0.5 against at most 0.25, so the gradient is off at least
  // twofold on every instance (h alone is within 10% when h is small, which still earns ★).
  const links = chainLinks(view.network);
  const slipAt = links.map((l) => l.role).lastIndexOf("slope");
  const h = forward(view.network).values[links[slipAt].numerator];
  const slipped = factors.map((f, i) => (i === slipAt ? Math.max(h, 1 - h) : f));
  await page.getByTestId("factor-helper").locator("summary").click();
  for (const [i, v] of slipped.entries()) await page.getByTestId(`factor-${i}`).fill(four(v));
  await page.getByRole("button", { name: "Use it as my answer" }).click();
  await submitAndExpectStars(page, 0);
  await expect(page.getByTestId("verdict")).toContainText("Not there yet");
  const chain = page.getByTestId("chain-explanation");
  await expect(chain.locator("tbody tr").nth(slipAt)).toContainText("✗ off");
  await expect(chain.locator("tbody tr").nth(slipAt - 1)).toContainText("✓ right");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "chain-rule-two-layers-phone-miss");

  // The next try is another instance, worked out afresh; after the miss it can earn ★ at most for a while.
  await page.getByTestId("next-variant").click();
  await expect(page.getByTestId("attempt-rules")).toContainText("until then a right answer earns ★");
  const next = (await servedLevel(page, "chain-rule-two-layers")) as PublicLevel<"chain-rule">;
  await page.getByTestId("factor-helper").locator("summary").click();
  for (const [i, v] of factorsByHand(next.view.network).entries()) await page.getByTestId(`factor-${i}`).fill(four(v));
  await page.getByRole("button", { name: "Use it as my answer" }).click();
  await submitAndExpectStars(page, 1);
  await expect(page.getByTestId("capped")).toContainText("Right — but after a miss, this try is capped at ★");
  await expect(page.getByTestId("chain-explanation").locator("tbody tr", { hasText: "✗" })).toHaveCount(0);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "chain-rule-two-layers-phone-review");
});
