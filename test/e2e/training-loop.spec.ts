import type { Locator } from "@playwright/test";
import { loopKnowledge } from "../reference/training-loop";
import { expect, expectNoHorizontalScroll, orderOf, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// The training-loop kind: build the loop out of cards. The steps are shown in one of their
// phrasings, mixed with cards that are not steps of the loop, under ids that change with every
// attempt: the player knows the steps by their words, sets the other cards aside, and puts the
// steps in order by drag, arrow keys and buttons.

/** Each card on the page: its id and its words. */
async function cardsOf(list: Locator): Promise<{ id: string; label: string }[]> {
  return list.locator("> li").evaluateAll((items) =>
    items.map((li) => ({
      id: li.getAttribute("data-testid")!.replace(/^order-item-/, ""),
      label: li
        .querySelector("button[aria-label^='Move']")!
        .getAttribute("aria-label")!
        .replace(/^Move “(.*)” (up|down)$/, "$1"),
    })),
  );
}

test("training-loop: set aside the cards that are not steps, order the steps by drag, arrow keys and buttons", async ({ page }) => {
  test.slow(); // unlocking submits every earlier level, some of which train networks on the server
  await unlockAndOpen(page, "order-the-training-loop");
  const list = page.getByTestId("loop-order");
  const steps = loopKnowledge["order-the-training-loop"];
  const cards = await cardsOf(list);
  const stepOf = (label: string) => steps.findIndex((phrasings) => phrasings.includes(label));
  const correct = steps.map((phrasings) => cards.find((c) => phrasings.includes(c.label))!.id);
  const others = cards.filter((c) => stepOf(c.label) < 0);
  expect(others.length).toBeGreaterThanOrEqual(1);
  expect(others.length).toBeLessThanOrEqual(2);
  const start = await orderOf(list);
  expect(start.filter((id) => correct.includes(id))).not.toEqual(correct);
  await expect(page.locator("[data-mark]")).toHaveCount(0);
  await screenshot(page, "choice-loop-before");

  // On a phone the loop is a compact list of cards, each one button (44 px or taller): tap a card,
  // then the card whose place it takes; the picked card's ↑, ↓ and "Set aside" move it too, and so
  // do a focused card's arrow keys. Then back to the desktop's list for the rest of the journey.
  const desk = page.viewportSize()!;
  await page.setViewportSize(PHONE.viewport);
  const card = (id: string) => list.getByTestId(`order-item-${id}`).getByRole("button").first();
  await expect(list.getByRole("button", { name: /^Reorder/ })).toHaveCount(0);
  for (const id of start) expect((await card(id).boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await screenshot(page, "choice-loop-phone-start", { fullPage: false });
  await card(start[1]).click();
  await expect(card(start[1])).toHaveAttribute("aria-pressed", "true");
  await card(start[0]).click();
  await expect.poll(() => orderOf(list)).toEqual([start[1], start[0], ...start.slice(2)]);
  await expect(list.locator('[aria-pressed="true"]')).toHaveCount(0);
  await card(start[1]).focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => orderOf(list)).toEqual(start);
  await expect(card(start[1])).toBeFocused();
  await card(start[2]).click();
  await list.getByRole("button", { name: /^Move .* up$/ }).click();
  await expect.poll(() => orderOf(list)).toEqual([start[0], start[2], start[1], ...start.slice(3)]);
  await list.getByRole("button", { name: /^Set aside .*: not a step of the loop$/ }).click();
  await expect.poll(() => orderOf(list)).toEqual([start[0], start[1], ...start.slice(3)]);
  await expect(page.getByTestId("loop-aside").locator("> li")).toHaveCount(1);
  await page.getByRole("button", { name: /^Put “.*” back in the loop$/ }).click();
  await expect.poll(() => orderOf(list)).toEqual([start[0], start[1], ...start.slice(3), start[2]]);
  await page.setViewportSize(desk);

  // Set aside each card that is not a step: it leaves the loop for the pile below, and can come back.
  for (const card of others) await page.getByRole("button", { name: `Set aside “${card.label}”: not a step of the loop` }).click();
  await expect(page.getByTestId("loop-aside").locator("> li")).toHaveCount(others.length);
  await page.getByRole("button", { name: `Put “${others[0].label}” back in the loop` }).click();
  await expect.poll(async () => (await orderOf(list)).at(-1)).toBe(others[0].id);
  await page.getByRole("button", { name: `Set aside “${others[0].label}”: not a step of the loop` }).click();
  const loop = await orderOf(list);
  expect([...loop].sort()).toEqual([...correct].sort());

  // Drag: take the item at the bottom and drop it on the top item (the whole list in view).
  await page.getByTestId(`order-item-${loop[0]}`).evaluate((el) => el.scrollIntoView({ block: "start" }));
  const last = loop[loop.length - 1];
  const handle = page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ });
  const top = await page.getByTestId(`order-item-${loop[0]}`).boundingBox();
  const from = await handle.boundingBox();
  await page.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await page.mouse.down();
  await page.mouse.move(from!.x + from!.width / 2, top!.y + 4, { steps: 25 });
  await page.mouse.up();
  await expect.poll(() => orderOf(list)).toEqual([last, ...loop.slice(0, -1)]);

  // Keyboard: the handle's arrow keys move the item, and the focus stays with it.
  await page
    .getByTestId(`order-item-${last}`)
    .getByRole("button", { name: /^Reorder/ })
    .focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => orderOf(list)).toEqual([loop[0], last, ...loop.slice(1, -1)]);
  await expect(page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ })).toBeFocused();

  // Buttons: bring each step up to its place, top to bottom.
  for (let target = 0; target < correct.length; target++) {
    const id = correct[target];
    const up = page.getByTestId(`order-item-${id}`).getByRole("button", { name: /^Move .* up$/ });
    let index = (await orderOf(list)).indexOf(id);
    while (index > target) {
      await up.click();
      await expect.poll(async () => (await orderOf(list)).indexOf(id)).toBe(index - 1);
      index--;
    }
  }
  await expect.poll(() => orderOf(list)).toEqual(correct);

  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("loop-verdict")).toHaveText("✓ Right");
  await expect(list.locator('[data-mark="right"]')).toHaveCount(6);
  await expect(page.getByTestId("loop-aside").locator('[data-mark="right"]')).toHaveCount(others.length);
  // Each card's review says why: backpropagation is the chain rule at work; a card set aside says why it is not a step.
  await expect(page.getByTestId(`order-item-${correct[3]}`)).toContainText("chain rule");
  await expect(page.getByTestId(`aside-item-${others[0].id}`)).toContainText("Not a step");
  await screenshot(page, "choice-loop-reviewed");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "choice-loop-phone");
});
