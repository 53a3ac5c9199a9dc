import { expect, test, type Locator, type Page } from "@playwright/test";
import { PHONE, PROJECTOR, createLiveGame, joinLiveGame, noHorizontalScroll, openAnyLevel, screenshot, submitAndExpectStars, unlockUpTo } from "./helpers";

// One level of each choice-based kind (concept, training-loop, output-head), played through the
// UI like a player would: radio buttons, drag, ↑/↓ buttons and arrow keys, number fields.

const question = (page: Page, id: string) => page.getByTestId(`question-${id}`);
// A reviewed option's name ends with its mark ("… ○ the right answer"), so match the start.
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const radio = (scope: Locator, name: string) => scope.getByRole("radio", { name: new RegExp(`^${escape(name)}(?: [✓✗○].*)?$`) });

async function sortCards(page: Page, cards: Record<string, string>) {
  for (const [card, group] of Object.entries(cards)) await radio(page.getByTestId(`card-${card}`), group).check();
}

test("concept: Rules or examples? — a wrong answer is reviewed, then fixed for three stars", async ({ page }) => {
  await openAnyLevel(page, "rules-or-examples");
  await expect(page.getByTestId("answered-count")).toHaveText("0 of 3 questions answered");
  // Nothing tells right from wrong before the answer is scored.
  await expect(page.locator("[data-verdict], [data-mark]")).toHaveCount(0);
  await screenshot(page, "choice-concept-before");

  await sortCards(page, {
    spam: "Machine learning",
    tax: "Classical",
    speech: "Machine learning",
    chess: "Classical",
    tags: "Machine learning",
    thermostat: "Classical",
  });
  await radio(question(page, "what-goes-in"), "Rules and data go in; answers come out, only faster").check(); // wrong on purpose
  await radio(question(page, "why-not-rules"), "Nobody could write down explicit rules good enough for such complex tasks").check();
  await expect(page.getByTestId("answered-count")).toHaveText("3 of 3 questions answered");

  const result = await submitAndExpectStars(page, 1);
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveText("✗ Not right");
  await expect(page.getByTestId("verdict-who-wrote-the-rules")).toHaveText("✓ Right");
  await expect(question(page, "what-goes-in").locator('[data-mark="missed"]')).toHaveText("○ the right answer");
  await expect(page.getByTestId("explanation-what-goes-in")).toContainText("turns the classical arrangement around");
  await expect(result).toContainText("2 of 3 questions fully right");
  await screenshot(page, "choice-concept-reviewed-wrong");

  // Changing an answer hides its marks until it is submitted again.
  await radio(question(page, "what-goes-in"), "Data and answers go in; rules come out").check();
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveCount(0);
  await expect(question(page, "what-goes-in")).toContainText("submit again");

  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveText("✓ Right");
  await expect(page.getByTestId("result-summary")).toHaveText("All 3 questions right.");
  await screenshot(page, "choice-concept-reviewed-right");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noHorizontalScroll(page)).toBe(true);
  await screenshot(page, "choice-concept-reviewed-phone");
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("concept: tap through a level, no horizontal scroll, review shown", async ({ page }) => {
    await openAnyLevel(page, "rules-or-examples");
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, "choice-concept-phone-before");
    // Taps on the option's label, as a thumb would.
    for (const [card, group] of Object.entries({
      spam: "Machine learning",
      tax: "Classical",
      speech: "Machine learning",
      chess: "Classical",
      tags: "Machine learning",
      thermostat: "Classical",
    })) {
      await page.getByTestId(`card-${card}`).locator("label", { hasText: group }).tap();
    }
    await question(page, "what-goes-in").locator("label", { hasText: "Data and answers go in; rules come out" }).tap();
    await question(page, "why-not-rules").locator("label", { hasText: "Nobody could write down explicit rules" }).tap();
    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("verdict-why-not-rules")).toHaveText("✓ Right");
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, "choice-concept-phone-after");
  });
});

/** Drags with a finger: Chromium's touch events through CDP (Playwright's touchscreen only taps). */
async function touchDrag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }, steps = 12) {
  const cdp = await page.context().newCDPSession(page);
  const point = (x: number, y: number) => [{ x, y, id: 1 }];
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: point(from.x, from.y) });
  for (let i = 1; i <= steps; i++) {
    const t = i / steps;
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: point(from.x + (to.x - from.x) * t, from.y + (to.y - from.y) * t) });
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

/** The ids of the order list's items, top to bottom. */
async function currentOrder(list: Locator): Promise<string[]> {
  const ids = await list.locator("> li").evaluateAll((items) => items.map((li) => li.getAttribute("data-testid")!.replace(/^order-item-/, "")));
  return ids;
}

test.describe("on a phone, ordering", () => {
  test.use(PHONE);

  test("concept: AI, ML, DL — drag with a finger, then the buttons, for three stars", async ({ page }) => {
    await unlockUpTo(page, "ai-ml-dl");
    await openAnyLevel(page, "ai-ml-dl");
    const list = page.getByTestId("order-nesting");
    const start = await currentOrder(list);
    expect(start).not.toEqual(["ai", "ml", "dl"]);
    // Drag the last item to the top with a finger on its handle.
    const last = start[start.length - 1];
    await page.getByTestId(`order-item-${start[0]}`).evaluate((el) => el.scrollIntoView({ block: "center" }));
    const handle = (await page
      .getByTestId(`order-item-${last}`)
      .getByRole("button", { name: /^Reorder/ })
      .boundingBox())!;
    const top = (await page.getByTestId(`order-item-${start[0]}`).boundingBox())!;
    await touchDrag(page, { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 }, { x: handle.x + handle.width / 2, y: top.y + 4 });
    await expect.poll(() => currentOrder(list)).toEqual([last, ...start.slice(0, -1)]);
    // Headless Chromium's emulated touch swallows a tap that comes within ~0.5 s of the end of a
    // drag (a tap right after it works once that has passed; rapid taps alone are fine).
    await page.waitForTimeout(800);
    // Then the ↑ buttons, tapped, until the fields nest from the broadest.
    for (const [target, id] of ["ai", "ml", "dl"].entries()) {
      while ((await currentOrder(list)).indexOf(id) > target) {
        const before = (await currentOrder(list)).indexOf(id);
        await page
          .getByTestId(`order-item-${id}`)
          .getByRole("button", { name: /^Move .* up$/ })
          .tap();
        await expect.poll(async () => (await currentOrder(list)).indexOf(id)).toBe(before - 1);
      }
    }
    await radio(question(page, "what-deep-means"), "Many successive layers of representations").check();
    for (const id of ["symbolic-chess", "dl-in-ml", "ai-without-learning"]) {
      await question(page, "true-statements").locator(`input[value="${id}"]`).check();
    }
    await radio(question(page, "layer-by-layer"), "It becomes less like the original image and more informative about which digit it is").check();
    await submitAndExpectStars(page, 3);
    await expect(list.locator('[data-mark="right"]')).toHaveCount(3);
    expect(await noHorizontalScroll(page)).toBe(true);
    await screenshot(page, "choice-order-phone-reviewed");
  });
});

test("training-loop: order the steps by drag, arrow keys and buttons", async ({ page }) => {
  test.slow(); // unlocking submits every earlier level, some of which train networks on the server
  await unlockUpTo(page, "order-the-training-loop");
  await openAnyLevel(page, "order-the-training-loop");
  const list = page.getByTestId("loop-order");
  const correct = ["init", "forward", "loss", "backprop", "update", "repeat"];
  const start = await currentOrder(list);
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
  await expect.poll(() => currentOrder(list)).toEqual([last, ...start.slice(0, -1)]);

  // Keyboard: the handle's arrow keys move the item, and the focus stays with it.
  const firstHandle = page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ });
  await firstHandle.focus();
  await page.keyboard.press("ArrowDown");
  await expect.poll(() => currentOrder(list)).toEqual([start[0], last, ...start.slice(1, -1)]);
  await expect(page.getByTestId(`order-item-${last}`).getByRole("button", { name: /^Reorder/ })).toBeFocused();

  // Buttons: bring each step up to its place, top to bottom.
  for (let target = 0; target < correct.length; target++) {
    const id = correct[target];
    const label = (await page
      .getByTestId(`order-item-${id}`)
      .getByRole("button", { name: /^Move .* up$/ })
      .getAttribute("aria-label"))!;
    let index = (await currentOrder(list)).indexOf(id);
    while (index > target) {
      await page.getByRole("button", { name: label, exact: true }).click();
      await expect.poll(async () => (await currentOrder(list)).indexOf(id)).toBe(index - 1);
      index--;
    }
  }
  await expect.poll(() => currentOrder(list)).toEqual(correct);

  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("loop-verdict")).toHaveText("✓ Right");
  await expect(list.locator('[data-mark="right"]')).toHaveCount(6);
  await expect(page.getByTestId("order-item-backprop")).toContainText("chain rule");
  await screenshot(page, "choice-loop-reviewed");

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noHorizontalScroll(page)).toBe(true);
  await screenshot(page, "choice-loop-phone");
});

test("output-head: design four classification heads", async ({ page }) => {
  test.slow();
  await unlockUpTo(page, "classification-heads");
  await openAnyLevel(page, "classification-heads");
  await expect(page.getByTestId("answered-count")).toHaveText("0 of 4 output layers complete");
  await screenshot(page, "choice-heads-before");

  const head = (id: string) => page.getByTestId(`head-${id}`);
  async function design(id: string, units: number, activation: string, loss: string) {
    await page.getByTestId(`units-${id}`).fill(String(units));
    await radio(page.getByTestId(`activation-${id}`), activation).check();
    await radio(page.getByTestId(`loss-${id}`), loss).check();
  }

  // Spam: the + button from an empty field gives one neuron.
  await head("spam").getByRole("button", { name: "One output neuron more" }).click();
  await expect(page.getByTestId("units-spam")).toHaveValue("1");
  await radio(page.getByTestId("activation-spam"), "Sigmoid (logistic)").check();
  await radio(page.getByTestId("loss-spam"), "Binary cross-entropy").check();
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

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await noHorizontalScroll(page)).toBe(true);
  await screenshot(page, "choice-heads-phone");
});

test("live: no marks while the round is on; the projector reveals the best answer read-only, reviewed", async ({ browser }) => {
  const host = await (await browser.newContext(PROJECTOR)).newPage();
  const phone = await (await browser.newContext(PHONE)).newPage();
  const code = await createLiveGame(host, {
    set: "Chapter 1: Rules from data — all 3 levels",
    drop: ["What learning needs", "AI, machine learning, deep learning"],
  });
  await joinLiveGame(phone, code, "Grace Hopper");
  // A second player who does not answer keeps the round open after Grace submits.
  await joinLiveGame(await (await browser.newContext(PHONE)).newPage(), code, "Alan Turing");
  await host.getByTestId("host-next").click(); // start the game
  await host.getByTestId("host-next").click(); // skip the intro
  await expect(phone.getByTestId("kind-view")).toBeVisible();

  await sortCards(phone, {
    spam: "Machine learning",
    tax: "Classical",
    speech: "Machine learning",
    chess: "Classical",
    tags: "Classical",
    thermostat: "Classical",
  }); // the photo tagger is wrong
  await radio(question(phone, "what-goes-in"), "Data and answers go in; rules come out").check();
  await radio(question(phone, "why-not-rules"), "Nobody could write down explicit rules good enough for such complex tasks").check();
  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("live-message")).toContainText("Scored 94.4%");
  // A live player never sees right or wrong before the reveal.
  await expect(phone.locator("[data-verdict], [data-mark]")).toHaveCount(0);

  await host.getByTestId("host-next").click(); // end the round now
  const reveal = host.getByTestId("kind-view");
  await expect(reveal).toBeVisible();
  await expect(reveal.getByRole("radio")).toHaveCount(12 + 4 + 4);
  for (const input of await reveal.getByRole("radio").all()) await expect(input).toBeDisabled();
  await expect(radio(reveal.getByTestId("card-tags"), "Classical")).toBeChecked();
  await expect(reveal.getByTestId("verdict-who-wrote-the-rules")).toHaveText("◐ Partly right (83%)");
  await expect(reveal.getByTestId("card-tags")).toContainText("✗ belongs in B: Machine learning");
  await expect(reveal.getByTestId("verdict-what-goes-in")).toHaveText("✓ Right");
  await expect(reveal.getByTestId("explanation-who-wrote-the-rules")).toBeVisible();
  await screenshot(host, "choice-live-host-reveal");
  await screenshot(phone, "choice-live-phone-reveal");
});
