import { loopKnowledge } from "../reference/training-loop";
import { expect, expectNoHorizontalScroll, idsOfLabels, orderOf, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The training-loop kind: put the steps of training in order by drag, arrow keys and buttons. The
// steps are shown under ids that change with every attempt: the player knows them by their words.

test("training-loop: order the steps by drag, arrow keys and buttons", async ({ page }) => {
  test.slow(); // unlocking submits every earlier level, some of which train networks on the server
  await unlockAndOpen(page, "order-the-training-loop");
  const list = page.getByTestId("loop-order");
  const labels = loopKnowledge["order-the-training-loop"];
  const correct = await idsOfLabels(list, labels);
  const start = await orderOf(list);
  expect(start).not.toEqual(correct);
  expect([...start].sort()).toEqual([...correct].sort());
  await expect(page.locator("[data-mark]")).toHaveCount(0);
  await screenshot(page, "choice-loop-before");

  // Drag: take the item at the bottom and drop it on the top item (the whole list in view).
  await page.getByTestId(`order-item-${start[0]}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  const last = start[start.length - 1];
  const handle = page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ });
  const top = await page.getByTestId(`order-item-${start[0]}`).boundingBox();
  const from = await handle.boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, top!.y + 4, { steps: 25 });
  await page.mouse.up();
  await expect.poll(() => orderOf(list)).toEqual([last, ...start.slice(0, -1)]);

  // Keyboard: the handle's arrow keys move the item, and the focus stays with it.
  const firstHandle = page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ });
  await firstHandle.focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => orderOf(list)).toEqual([start[0], last, ...start.slice(1, -1)]);
  await expect(page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ })).toBeFocused();

  // Buttons: bring each step up to its place, top to bottom.
  for (let target = 0; target < correct.length; target++) {
    const id = correct[target];
    const label = (await page
      .getByTestId(`order-item-${id}`)
      .getByRole("button", { name: /^Move .* up$/ })
      .getAttribute("aria-label"))!;
    let index = (await orderOf(list)).indexOf(id);
    while (index > target) {
      await page.getByRole("button", { name: label, exact: true }).click();
      await expect.poll(async () => (await orderOf(list)).indexOf(id)).toBe(index - 1);
      index--;
    }
  }
  await expect.poll(() => orderOf(list)).toEqual(correct);

  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("loop-verdict")).toHaveText("✓ Right");
  await expect(list.locator('[data-mark="right"]')).toHaveCount(6);
  // Each step's review says why it is where it is: backpropagation is the chain rule at work.
  await expect(page.getByTestId(`order-item-${correct[3]}`)).toContainText(labels[3]);
  await expect(page.getByTestId(`order-item-${correct[3]}`)).toContainText("chain rule");
  await screenshot(page, "choice-loop-reviewed");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "choice-loop-phone");
});
