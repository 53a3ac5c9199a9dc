import type { Page } from "@playwright/test";
import { activationLabels, type HeadChoice, lossLabels } from "../../core/kinds/output-head/public";
import { headKnowledge } from "../reference/output-head";
import { expect, expectNoHorizontalScroll, optionRadio, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The output-head kind: design the output layer (units, activation, loss) for each task card.
// Cards come shuffled under ids that change with every attempt: a player finds them by their words.

/** A task card on the page, by its prompt. */
const card = (page: Page, prompt: string) => page.locator('section[data-testid^="head-"]', { hasText: prompt });

/** Every task card's prompt, in the order shown. */
const prompts = (page: Page) => page.locator('section[data-testid^="head-"]').evaluateAll((cards) => cards.map((c) => c.querySelector("p")!.textContent!));

async function design(page: Page, prompt: string, head: HeadChoice) {
  const c = card(page, prompt);
  await c.getByRole("spinbutton").fill(String(head.units));
  await optionRadio(c.getByTestId(/^activation-/), activationLabels[head.activation!]).check();
  await optionRadio(c.getByTestId(/^loss-/), lossLabels[head.loss!]).check();
}

test("output-head: a classic mistake is reviewed; the next variant, other cards under new ids, designed right, earns ★ during the cool-down", async ({
  page,
}) => {
  test.slow(); // unlocking submits every earlier level, some of which train networks on the server
  await unlockAndOpen(page, "classification-heads");
  const shown = await prompts(page);
  await expect(page.getByTestId("answered-count")).toHaveText(`0 of ${shown.length} output layers complete`);
  await screenshot(page, "choice-heads-before");
  // Every attempt shows one yes/no task and one multilabel task (the level's groups).
  const yesNo = shown.find((p) => headKnowledge[p].units === 1)!;
  const labels = shown.find((p) => headKnowledge[p].units! > 1 && headKnowledge[p].activation === "sigmoid")!;

  // The yes/no task: the + button from an empty field gives one neuron.
  await card(page, yesNo).getByRole("button", { name: "One output neuron more" }).click();
  await expect(card(page, yesNo).getByRole("spinbutton")).toHaveValue("1");
  await optionRadio(card(page, yesNo).getByTestId(/^activation-/), "Sigmoid (logistic)").check();
  await optionRadio(card(page, yesNo).getByTestId(/^loss-/), "Binary cross-entropy").check();
  for (const prompt of shown) if (prompt !== yesNo && prompt !== labels) await design(page, prompt, headKnowledge[prompt]);
  // The classic mistake: labels that do not exclude each other, given a softmax.
  const units = headKnowledge[labels].units!;
  await design(page, labels, { units, activation: "softmax", loss: "categorical-crossentropy" });
  await expect(card(page, labels).getByRole("img")).toHaveAttribute(
    "aria-label",
    `Your output layer: ${units} output neurons, Softmax, Categorical cross-entropy`,
  );

  await submitAndExpectStars(page, 1); // 10 of 12 choices right
  await expect(card(page, labels).getByTestId(/^verdict-/)).toHaveText("◐ Partly right (1 of 3)");
  await expect(card(page, labels).getByTestId(/^why-/)).toContainText("sigmoid");
  await screenshot(page, "choice-heads-reviewed-wrong");

  // The next variant: cards drawn again, under new ids; right now, it earns ★ until the cool-down ends.
  const before = await page.locator('section[data-testid^="head-"]').evaluateAll((cards) => cards.map((c) => c.getAttribute("data-testid")));
  await page.getByTestId("next-variant").click();
  await expect(page.getByTestId("answered-count")).toHaveText(/^0 of \d+ output layers complete$/);
  for (const id of before) await expect(page.getByTestId(id!)).toHaveCount(0);
  const next = await prompts(page);
  for (const prompt of next) await design(page, prompt, headKnowledge[prompt]);
  await submitAndExpectStars(page, 1);
  await expect(page.getByTestId("capped")).toContainText("Right — but after a miss, this try is capped at ★");
  for (const prompt of next) await expect(card(page, prompt).getByTestId(/^verdict-/)).toHaveText("✓ Right");
  await screenshot(page, "choice-heads-reviewed-right");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "choice-heads-phone");
});
