import type { Page } from "@playwright/test";
import {
  answerRulesOrExamples,
  expect,
  liveLobby,
  expectNoHorizontalScroll,
  openAnyLevel,
  optionRadio,
  orderOf,
  PHONE,
  RULES_OR_EXAMPLES,
  screenshot,
  submitAndExpectStars,
  test,
  touchDrag,
  unlockAndOpen,
} from "./helpers";

// The concept kind, played through the UI like a player would: radio buttons, checkboxes, an
// order list dragged with a finger and its ↑ buttons; and in a live round, reviewed on the projector.

const question = (page: Page, id: string) => page.getByTestId(`question-${id}`);

test("concept: Rules or examples? — a wrong answer is reviewed, then fixed for three stars", async ({ page }) => {
  await openAnyLevel(page, "rules-or-examples");
  await expect(page.getByTestId("answered-count")).toHaveText("0 of 3 questions answered");
  // Nothing tells right from wrong before the answer is scored.
  await expect(page.locator("[data-verdict], [data-mark]")).toHaveCount(0);
  await screenshot(page, "choice-concept-before");

  await answerRulesOrExamples(page, { whatGoesIn: "Rules and data go in; answers come out, only faster" }); // wrong on purpose
  await expect(page.getByTestId("answered-count")).toHaveText("3 of 3 questions answered");

  const result = await submitAndExpectStars(page, 1);
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveText("✗ Not right");
  await expect(page.getByTestId("verdict-who-wrote-the-rules")).toHaveText("✓ Right");
  await expect(question(page, "what-goes-in").locator('[data-mark="missed"]')).toHaveText("○ the right answer");
  await expect(page.getByTestId("explanation-what-goes-in")).toContainText("turns the classical arrangement around");
  await expect(result).toContainText("2 of 3 questions fully right");
  await screenshot(page, "choice-concept-reviewed-wrong");

  // Changing an answer hides its marks until it is submitted again.
  await optionRadio(question(page, "what-goes-in"), "Data and answers go in; rules come out").check();
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveCount(0);
  await expect(question(page, "what-goes-in")).toContainText("submit again");

  await submitAndExpectStars(page, 3);
  await expect(page.getByTestId("verdict-what-goes-in")).toHaveText("✓ Right");
  await expect(page.getByTestId("result-summary")).toHaveText("All 3 questions right.");
  await screenshot(page, "choice-concept-reviewed-right");

  await page.setViewportSize(PHONE.viewport);
  await expectNoHorizontalScroll(page);
  await screenshot(page, "choice-concept-reviewed-phone");
});

test.describe("on a phone", () => {
  test.use(PHONE);

  test("concept: tap through a level, no horizontal scroll, review shown", async ({ page }) => {
    await openAnyLevel(page, "rules-or-examples");
    await expectNoHorizontalScroll(page);
    await screenshot(page, "choice-concept-phone-before");
    // Taps on the option's label, as a thumb would.
    for (const [card, group] of Object.entries(RULES_OR_EXAMPLES.cards)) {
      await page.getByTestId(`card-${card}`).locator("label", { hasText: group }).tap();
    }
    await question(page, "what-goes-in").locator("label", { hasText: RULES_OR_EXAMPLES.whatGoesIn }).tap();
    await question(page, "why-not-rules").locator("label", { hasText: RULES_OR_EXAMPLES.whyNotRules }).tap();
    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("verdict-why-not-rules")).toHaveText("✓ Right");
    await expectNoHorizontalScroll(page);
    await screenshot(page, "choice-concept-phone-after");
  });

  test("concept: AI, ML, DL — drag with a finger, then the buttons, for three stars", async ({ page }) => {
    await unlockAndOpen(page, "ai-ml-dl");
    const list = page.getByTestId("order-nesting");
    const start = await orderOf(list);
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
    await expect.poll(() => orderOf(list)).toEqual([last, ...start.slice(0, -1)]);
    // Then the ↑ buttons, tapped, until the fields nest from the broadest.
    for (const [target, id] of ["ai", "ml", "dl"].entries()) {
      while ((await orderOf(list)).indexOf(id) > target) {
        const before = (await orderOf(list)).indexOf(id);
        await page
          .getByTestId(`order-item-${id}`)
          .getByRole("button", { name: /^Move .* up$/ })
          .tap();
        await expect.poll(async () => (await orderOf(list)).indexOf(id)).toBe(before - 1);
      }
    }
    await optionRadio(question(page, "what-deep-means"), "Many successive layers of representations").check();
    for (const id of ["symbolic-chess", "dl-in-ml", "ai-without-learning"]) {
      await question(page, "true-statements").locator(`input[value="${id}"]`).check();
    }
    await optionRadio(question(page, "layer-by-layer"), "It becomes less like the original image and more informative about which digit it is").check();
    await submitAndExpectStars(page, 3);
    await expect(list.locator('[data-mark="right"]')).toHaveCount(3);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "choice-order-phone-reviewed");
  });
});

test("live: no marks while the round is on; the projector reveals the best answer read-only, reviewed", async ({ device }) => {
  test.slow(); // a projector and two phones share the machine's two cores with the server
  // A second player who does not answer keeps the round open after Grace submits.
  const {
    host,
    phones: [phone],
  } = await liveLobby(device, ["Grace Hopper", "Alan Turing"], {
    set: "Chapter 1: Rules from data — all 3 levels",
    drop: ["What learning needs", "AI, machine learning, deep learning"],
  });
  await host.getByTestId("host-next").click(); // start the game
  await host.getByTestId("host-next").click(); // skip the intro
  await expect(phone.getByTestId("kind-view")).toBeVisible();

  await answerRulesOrExamples(phone, { cards: { tags: "Classical" } }); // the photo tagger is wrong
  await phone.getByTestId("live-submit").click();
  await expect(phone.getByTestId("live-message")).toContainText("Scored 94.4%");
  // A live player never sees right or wrong before the reveal.
  await expect(phone.locator("[data-verdict], [data-mark]")).toHaveCount(0);

  await host.getByTestId("host-next").click(); // end the round now
  const reveal = host.getByTestId("kind-view");
  await expect(reveal).toBeVisible();
  await expect(reveal.getByRole("radio")).toHaveCount(12 + 4 + 4);
  for (const input of await reveal.getByRole("radio").all()) await expect(input).toBeDisabled();
  await expect(optionRadio(reveal.getByTestId("card-tags"), "Classical")).toBeChecked();
  await expect(reveal.getByTestId("verdict-who-wrote-the-rules")).toHaveText("◐ Partly right (83%)");
  await expect(reveal.getByTestId("card-tags")).toContainText("✗ belongs in B: Machine learning");
  await expect(reveal.getByTestId("verdict-what-goes-in")).toHaveText("✓ Right");
  await expect(reveal.getByTestId("explanation-who-wrote-the-rules")).toBeVisible();
  await screenshot(host, "choice-live-host-reveal");
  await screenshot(phone, "choice-live-phone-reveal");
});
