import { expect, test, type Locator, type Page } from "@playwright/test";
import { levels } from "../../core/levels/catalog";
import { levelCard, openLevel, screenshot, unlockUpTo, waitForLevelReady, waitForProfile } from "./helpers";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const radio = (scope: Locator, name: string) => scope.getByRole("radio", { name: new RegExp(`^${escape(name)}(?: [✓✗○].*)?$`) });

/** Answers level 1.1 ("Rules or examples?") through its radio buttons, as a player would. */
async function answerRulesOrExamples(page: Page) {
  const cards = {
    spam: "Machine learning",
    tax: "Classical",
    speech: "Machine learning",
    chess: "Classical",
    tags: "Machine learning",
    thermostat: "Classical",
  };
  for (const [card, group] of Object.entries(cards)) await radio(page.getByTestId(`card-${card}`), group).check();
  await radio(page.getByTestId("question-what-goes-in"), "Data and answers go in; rules come out").check();
  await radio(page.getByTestId("question-why-not-rules"), "Nobody could write down explicit rules good enough for such complex tasks").check();
}

// The required journey: landing → campaign map → level 1 solved → progress kept.
test("a newcomer plays the first level and keeps the progress", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Gradient Arena" })).toBeVisible();
  await screenshot(page, "01-landing");
  await page.getByRole("link", { name: "Play solo" }).click();

  // The map: the first level open with no stars, the second locked.
  await expect(page).toHaveURL(/\/play$/);
  await expect(page.getByRole("heading", { level: 1, name: "Campaign" })).toBeVisible();
  await waitForProfile(page);
  const first = levelCard(page, "rules-or-examples");
  const second = levelCard(page, "what-learning-needs");
  await expect(first).toContainText("Level 1.1");
  await expect(first).toHaveAttribute("data-locked", "false");
  await expect(first).toHaveAttribute("data-stars", "0");
  await expect(second).toContainText("Level 1.2");
  await expect(second).toHaveAttribute("data-locked", "true");
  await expect(second).toContainText("Locked");
  await expect(second.getByRole("link")).toHaveCount(0);
  await expect(page.getByTestId("total-stars")).toContainText(`0 of ${levels.length * 3} stars earned`);
  await screenshot(page, "02-map-new-player");

  await first.getByRole("link", { name: /Rules or examples\?/ }).click();
  await expect(page).toHaveURL(/\/play\/rules-or-examples$/);
  await expect(page.getByTestId("kind-view")).toBeVisible();
  await answerRulesOrExamples(page);
  await page.getByTestId("submit").click();
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(result.getByRole("heading", { name: /Perfect!/ })).toBeVisible();
  await expect(page.getByTestId("server-score")).toHaveText("100.0%");
  await expect(result.getByRole("link", { name: "Next level →" })).toHaveAttribute("href", "/play/what-learning-needs");
  await expect(page.getByTestId("my-rank")).toContainText(/You are #\d+ of \d+/);
  await screenshot(page, "03a-level-1-solved");

  // Reload: the level remembers the best, and the map shows the stars and the next level open.
  await page.reload();
  await expect(page.getByText("Your best:").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(page.getByText("What this level teaches")).toBeVisible();
  await page.getByRole("main").getByRole("link", { name: "Campaign" }).click();
  await expect(page).toHaveURL(/\/play$/);
  await page.reload();
  await expect(levelCard(page, "rules-or-examples")).toHaveAttribute("data-stars", "3");
  await expect(levelCard(page, "rules-or-examples").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(levelCard(page, "what-learning-needs")).toHaveAttribute("data-locked", "false");
  await expect(levelCard(page, "what-learning-needs").getByRole("link")).toBeVisible();
  await expect(levelCard(page, "ai-ml-dl")).toHaveAttribute("data-locked", "true");
  await expect(page.getByTestId("total-stars")).toContainText(`3 of ${levels.length * 3} stars earned`);
});

// Chapter 2's first level with a real mouse drag, for a player who has finished chapter 1.
test("turn the axes with the mouse", async ({ page }) => {
  await unlockUpTo(page, "turn-the-axes");
  await openLevel(page, "turn-the-axes");
  const accuracy = page.getByTestId("live-accuracy");
  await expect(accuracy).not.toHaveText("Accuracy 100.0%");
  await expect(page.getByTestId("angle-number")).toHaveValue("0");

  // A real drag: the data bounds are symmetric, so the origin handle is the canvas's centre.
  // Grab a point at 0° from it and sweep an arc to 35° (counter-clockwise: screen y goes up).
  const canvas = page.getByTestId("before-canvas");
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const radius = box.width * 0.35;
  const at = (deg: number) => [cx + radius * Math.cos((deg * Math.PI) / 180), cy - radius * Math.sin((deg * Math.PI) / 180)] as const;
  await page.mouse.move(...at(0));
  await page.mouse.down();
  for (let deg = 5; deg <= 35; deg += 5) await page.mouse.move(...at(deg), { steps: 3 });
  await page.mouse.up();

  const angle = Number(await page.getByTestId("angle-number").inputValue());
  expect(angle).toBeGreaterThan(32);
  expect(angle).toBeLessThan(38);
  await expect(accuracy).toHaveText("Accuracy 100.0%");
  await expect(page.getByText("Right now this would earn").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();

  await page.getByTestId("submit").click();
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(result.getByRole("heading", { name: /Perfect!/ })).toBeVisible();
  await expect(page.getByTestId("server-score")).toHaveText("100.0%");
  await expect(result).toContainText("That is what a representation is");
  await expect(result.getByRole("link", { name: "Next level →" })).toHaveAttribute("href", "/play/turn-and-shift");
  await expect(page.getByTestId("my-rank")).toContainText(/You are #\d+ of \d+/);
  await screenshot(page, "03-level-turn-the-axes-solved");

  // The map shows the stars and the next level open.
  await page.goto("/play");
  await expect(levelCard(page, "turn-the-axes")).toHaveAttribute("data-stars", "3");
  await expect(levelCard(page, "turn-and-shift")).toHaveAttribute("data-locked", "false");
  await expect(levelCard(page, "admissions")).toHaveAttribute("data-locked", "true");
});
