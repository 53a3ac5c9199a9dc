import { expect, expectNoHorizontalScroll, optionRadio, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The output-head kind: design the output layer (units, activation, loss) for four classification tasks.

test("output-head: design four classification heads", async ({ page }) => {
  test.slow(); // unlocking submits every earlier level, some of which train networks on the server
  await unlockAndOpen(page, "classification-heads");
  await expect(page.getByTestId("answered-count")).toHaveText("0 of 4 output layers complete");
  await screenshot(page, "choice-heads-before");

  const head = (id: string) => page.getByTestId(`head-${id}`);
  async function design(id: string, units: number, activation: string, loss: string) {
    await page.getByTestId(`units-${id}`).fill(String(units));
    await optionRadio(page.getByTestId(`activation-${id}`), activation).check();
    await optionRadio(page.getByTestId(`loss-${id}`), loss).check();
  }

  // Spam: the + button from an empty field gives one neuron.
  await head("spam").getByRole("button", { name: "One output neuron more" }).click();
  await expect(page.getByTestId("units-spam")).toHaveValue("1");
  await optionRadio(page.getByTestId("activation-spam"), "Sigmoid (logistic)").check();
  await optionRadio(page.getByTestId("loss-spam"), "Binary cross-entropy").check();
  await design("photo-tags", 12, "Softmax", "Categorical cross-entropy"); // the classic mistake, fixed below
  await design("digits", 10, "Softmax", "Categorical cross-entropy");
  await design("news-topics", 46, "Softmax", "Categorical cross-entropy");
  await expect(head("photo-tags").getByRole("img")).toHaveAttribute("aria-label", "Your output layer: 12 output neurons, Softmax, Categorical cross-entropy");

  await submitAndExpectStars(page, 1); // 10 of 12 choices right
  await expect(page.getByTestId("verdict-photo-tags")).toHaveText("◐ Partly right (1 of 3)");
  await expect(page.getByTestId("why-photo-tags")).toContainText("Softmax would make the labels compete");
  await screenshot(page, "choice-heads-reviewed-wrong");

  await design("photo-tags", 12, "Sigmoid (logistic)", "Binary cross-entropy");
  await submitAndExpectStars(page, 3);
  for (const id of ["spam", "photo-tags", "digits", "news-topics"]) await expect(page.getByTestId(`verdict-${id}`)).toHaveText("✓ Right");
  await screenshot(page, "choice-heads-reviewed-right");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "choice-heads-phone");
});
