import { campaign, levels } from "../../core/levels/catalog";
import { answerConcept, expect, levelCard, screenshot, test, waitForProfile } from "./helpers";

// The required journey: landing → campaign map → level 1 solved → progress kept.
test("a newcomer plays the first level and keeps the progress", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Gradient Arena" })).toBeVisible();
  await expect(page.getByRole("img", { name: /A preview of the first challenge/ })).toBeVisible();
  // The preview's axes turn; under reduced motion they stand still, already turned (the solved picture).
  const axes = page.locator(".turn-preview-axes");
  await expect(axes).toHaveCSS("animation-name", "turn-axes");
  await page.emulateMedia({ reducedMotion: "reduce" });
  await expect(axes).toHaveCSS("animation-name", "none");
  await expect(axes).not.toHaveCSS("transform", "none");
  await page.emulateMedia({ reducedMotion: null });
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
  // The journey: the first chapter is where the player is, with none of its stars yet.
  const firstStop = page.getByTestId("journey").getByRole("listitem").first();
  await expect(firstStop).toHaveAttribute("data-stage", "here");
  const chapterStars = campaign()[0].levels.length * 3;
  await expect(firstStop).toContainText(`0 of ${chapterStars} ★ · you are here`);
  await screenshot(page, "02-map-new-player");

  await first.getByRole("link", { name: /Rules or examples\?/ }).click();
  await expect(page).toHaveURL(/\/play\/rules-or-examples$/);
  await expect(page.getByTestId("kind-view")).toBeVisible();
  await expect(page.getByTestId("attempt-rules")).toHaveText("A ★★★ try is available now.");
  await answerConcept(page, "rules-or-examples");
  await page.getByTestId("submit").click();
  const result = page.getByTestId("result");
  await expect(result.getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(result.getByRole("heading", { name: /Perfect!/ })).toBeVisible();
  // The stars just earned pop in, one after another, except under reduced motion.
  const earned = result.locator(".stars.celebrate > span");
  await expect(earned).toHaveCount(3);
  for (const star of await earned.all()) await expect(star).toHaveCSS("animation-name", "star-pop");
  await page.emulateMedia({ reducedMotion: "reduce" });
  for (const star of await earned.all()) await expect(star).toHaveCSS("animation-name", "none");
  await page.emulateMedia({ reducedMotion: null });
  await expect(page.getByTestId("server-score")).toHaveText("100.0%");
  await expect(result.getByRole("link", { name: "Next level →" })).toHaveAttribute("href", "/play/what-learning-needs");
  await expect(page.getByTestId("my-rank")).toContainText(/You are #\d+ of \d+/);
  await screenshot(page, "03a-level-1-solved");

  // Reload: the level remembers the best, and the map shows the stars and the next level open.
  await page.reload();
  await expect(page.getByText("Your best:").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  // The level's explanation comes with a scored answer only: a fresh page (the next variant) has none.
  await expect(page.getByTestId("explanation")).toHaveCount(0);
  await page.getByRole("main").getByRole("link", { name: "Campaign" }).click();
  await expect(page).toHaveURL(/\/play$/);
  await page.reload();
  await expect(levelCard(page, "rules-or-examples")).toHaveAttribute("data-stars", "3");
  await expect(page.getByTestId("journey").getByRole("listitem").first()).toContainText(`3 of ${chapterStars} ★ · you are here`);
  await expect(levelCard(page, "rules-or-examples").getByRole("img", { name: "3 of 3 stars" })).toBeVisible();
  await expect(levelCard(page, "what-learning-needs")).toHaveAttribute("data-locked", "false");
  await expect(levelCard(page, "what-learning-needs").getByRole("link")).toBeVisible();
  await expect(levelCard(page, "ai-ml-dl")).toHaveAttribute("data-locked", "true");
  await expect(page.getByTestId("total-stars")).toContainText(`3 of ${levels.length * 3} stars earned`);
});
