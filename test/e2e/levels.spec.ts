import { expect, test, type Page } from "@playwright/test";
import { LEVELS, levelCard, openLevel, screenshot, setNumber, submitAndExpectStars, unlockUpTo, waitForLevelReady, waitForProfile } from "./helpers";
import { levels } from "../../core/levels/catalog";

const radio = (page: Page, name: string) => page.getByRole("radio", { name, exact: true });

async function expectPerfectLive(page: Page) {
  await expect(page.getByTestId("live-accuracy")).toHaveText("Accuracy 100.0%");
}

// Levels open in order, so one player (one browser context) plays the whole chapter, after
// chapter 1 (played through the API here; choice-kinds.spec.ts plays it through the UI).
test("chapter 2 can be played through the controls, in order", async ({ page }) => {
  test.slow(); // six levels, each with a round trip to the server
  await unlockUpTo(page, "turn-the-axes");

  await test.step("1 Turn the axes: type the angle", async () => {
    await openLevel(page, "turn-the-axes");
    await setNumber(page, "angle", 35);
    await expectPerfectLive(page);
    await submitAndExpectStars(page, 3);
  });

  await test.step("2 Turn and shift: angle and both origin coordinates", async () => {
    await page.getByTestId("result").getByRole("link", { name: "Next level →" }).click();
    await expect(page).toHaveURL(/\/play\/turn-and-shift$/);
    await expect(page.getByRole("heading", { level: 1, name: "Turn and shift" })).toBeVisible();
    await waitForLevelReady(page);
    // A fresh level: nothing carried over from the previous one.
    await expect(page.getByTestId("result")).toHaveCount(0);
    await expect(page.getByTestId("angle-number")).toHaveValue("0");
    await expect(page.getByTestId("live-accuracy")).not.toHaveText("Accuracy 100.0%");
    // Both drag modes exist here; the toggle reflects the choice.
    const turn = page.getByRole("button", { name: "Turn", exact: true });
    const move = page.getByRole("button", { name: "Move origin" });
    await expect(turn).toHaveAttribute("aria-pressed", "true");
    await move.click();
    await expect(move).toHaveAttribute("aria-pressed", "true");
    await expect(turn).toHaveAttribute("aria-pressed", "false");
    await setNumber(page, "angle", -120);
    await setNumber(page, "shift-x", 0.35);
    await setNumber(page, "shift-y", -0.45);
    await expectPerfectLive(page);
    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("server-score")).toHaveText("100.0%");
    await screenshot(page, "04-level-turn-and-shift-solved");
  });

  await test.step("3 Admissions: choose the two-threshold rule, move the origin", async () => {
    await openLevel(page, "admissions");
    // Rotation is locked: no angle control at all.
    await expect(page.getByTestId("angle-number")).toHaveCount(0);
    await expect(radio(page, "black iff x′ > 0")).toBeChecked();
    await radio(page, "black iff x′ > 0 and y′ > 0").check();
    await expect(page.getByTestId("live-accuracy").locator("..")).toContainText("with the rule “black iff x′ > 0 and y′ > 0”");
    await setNumber(page, "shift-x", 50);
    await setNumber(page, "shift-y", 800);
    await expectPerfectLive(page);
    await submitAndExpectStars(page, 3);
    await expect(page.getByTestId("result")).toContainText("grade above 50 and test score above 800");
    await screenshot(page, "05-level-admissions-solved");
  });

  await test.step("4 Circles: polar coordinates, origin at r = 0.55", async () => {
    await openLevel(page, "circles");
    await radio(page, "Polar (r, φ)").check();
    await expect(page.getByRole("heading", { name: /Before: Polar \(r, φ\)/ })).toBeVisible();
    await expect(page.getByLabel("Origin r", { exact: true })).toBeVisible();
    await setNumber(page, "shift-x", 0.55);
    await expectPerfectLive(page);
    await submitAndExpectStars(page, 3);
    await screenshot(page, "06-level-circles-solved");
  });

  await test.step("5 XOR: the product feature", async () => {
    await openLevel(page, "xor");
    await radio(page, "Product (x·y, y)").check();
    await expectPerfectLive(page);
    await submitAndExpectStars(page, 3);
    await screenshot(page, "07-level-xor-solved");
  });

  await test.step("6 Let the machine search: run the search and use its best angle", async () => {
    await openLevel(page, "let-the-machine-search");
    await page.getByRole("button", { name: "Let the machine search" }).click();
    const progress = page.getByTestId("search-progress");
    await expect(progress).toHaveText(/Best rotation found: -?\d+° with \d+\.\d% accuracy\./, { timeout: 20_000 });
    const found = Number(/found: (-?\d+)°/.exec((await progress.textContent())!)![1]);
    await page.getByRole("button", { name: "Use the machine's best angle" }).click();
    await expect(page.getByTestId("angle-number")).toHaveValue(String(found));
    await expect(page.getByRole("button", { name: "Search again" })).toBeEnabled();
    const result = await submitAndExpectStars(page, 3);
    await expect(result).toContainText("against the machine's best");
    // The chapter's last level leads on to chapter 3.
    await expect(result.getByRole("link", { name: "Next level →" })).toHaveAttribute("href", "/play/fit-a-line");
    await screenshot(page, "08-level-let-the-machine-search-solved");
  });

  await test.step("the map shows the whole chapter done", async () => {
    await page.goto("/play");
    for (const id of LEVELS) {
      await expect(levelCard(page, id)).toHaveAttribute("data-locked", "false");
      await expect(levelCard(page, id)).toHaveAttribute("data-stars", "3");
    }
    // Chapter 1's three levels (3★ each from the reference answers) plus the six of chapter 2.
    await expect(page.getByTestId("total-stars")).toContainText(`27 of ${levels.length * 3} stars earned`);
    await screenshot(page, "09-map-chapter-done");
  });
});

test("a locked level's URL shows the locked message, not the level", async ({ page }) => {
  await page.goto("/play/xor");
  await expect(page.getByRole("heading", { level: 1, name: "XOR is locked" })).toBeVisible();
  await expect(page.getByText("Earn at least one star on the previous level to open it.")).toBeVisible();
  await expect(page.getByTestId("before-canvas")).toHaveCount(0);
  await expect(page.getByTestId("submit")).toHaveCount(0);
  await page.getByRole("link", { name: "Back to the campaign" }).click();
  await expect(page).toHaveURL(/\/play$/);
  await expect(levelCard(page, "xor")).toHaveAttribute("data-locked", "true");
});

test("a score sent by the browser is ignored: the server scores the answer itself", async ({ page }) => {
  await unlockUpTo(page, "turn-the-axes");
  await page.goto("/play");
  await waitForProfile(page);
  // page.request shares the page's cookies, so this is the same anonymous player.
  const res = await page.request.post("/api/submissions", {
    data: {
      levelId: "turn-the-axes",
      answer: { representation: "raw", rule: "x>0", angleDeg: 180, shift: [0, 0], scale: [1, 1] },
      score: 1,
      stars: 3,
    },
  });
  expect(res.status()).toBe(201);
  const body = await res.json();
  expect(body.stars).toBe(0);
  expect(body.score).toBeLessThan(0.5);

  // Submitting the locked next level's answer is refused.
  const locked = await page.request.post("/api/submissions", {
    data: { levelId: "turn-and-shift", answer: { representation: "raw", rule: "x>0", angleDeg: -120, shift: [0.35, -0.45], scale: [1, 1] } },
  });
  expect(locked.status()).toBe(403);

  await page.reload();
  await expect(levelCard(page, "turn-the-axes")).toHaveAttribute("data-stars", "0");
  await expect(levelCard(page, "turn-and-shift")).toHaveAttribute("data-locked", "true");
});
