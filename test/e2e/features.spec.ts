import type { Page } from "@playwright/test";
import { type FeaturesAnswer, type FeaturesView, featureList } from "../../core/kinds/features/public";
import { levels } from "../../core/levels/catalog";
import { solve } from "../reference";
import {
  expect,
  expectNoHorizontalScroll,
  liveClass,
  openAnyLevel,
  PHONE,
  SCORING_WAIT_MS,
  screenshot,
  servedLevel,
  submitAndExpectStars,
  test,
  TRAINING_WAIT_MS,
  unlockAndOpen,
} from "./helpers";
import { strategies } from "./live-bots";
import { checkPhase } from "./projector-fit";

// Features by hand, then learned: read the shape of the served points, pick the features (or the
// hidden layer and the prediction), commit; the server scores on held-out points, then the browser
// trains the committed model with the server's arithmetic and shades the plane by its boundary.
// The answer comes from the reference solver on the served public view: the shape is drawn per attempt.

async function choose(page: Page, answer: FeaturesAnswer, view: FeaturesView): Promise<void> {
  if (answer.mode === "hand") {
    // The page starts with x₁ and x₂ ticked: untick what the answer does not use, then tick the rest.
    for (const f of ["x1", "x2"]) if (!answer.features.includes(f as never)) await page.getByTestId(`feature-${f}`).uncheck();
    for (const f of answer.features) await page.getByTestId(`feature-${f}`).check();
    // The cap: with two ticked, every other feature is disabled.
    if (view.mode === "hand" && answer.features.length === view.maxFeatures)
      await expect(page.locator('[data-testid^="feature-"]:disabled')).toHaveCount(view.features.length - view.maxFeatures);
    return;
  }
  await page.getByTestId(`choice-hidden-${answer.hidden}`).check();
  await page.getByTestId(`choice-activation-${answer.activation}`).check();
  const option = page.getByTestId("prediction").locator(`input[value="${answer.prediction}"]`);
  await option.check();
  await expect(option).toBeChecked();
}

/** After the commit: the model trains here (epochs counted up), then the held-out verdict shows. */
async function expectTrained(page: Page): Promise<void> {
  const started = Date.now();
  await expect(page.getByTestId("training-done")).toBeVisible({ timeout: TRAINING_WAIT_MS });
  test.info().annotations.push({ type: "browser training and play-back (ms, from the score to the verdict)", description: String(Date.now() - started) });
  await expect(page.getByTestId("training-done")).toContainText("of the held-out points right");
  await expect(page.getByTestId("features-epoch")).toContainText(/Epoch \d+/);
  await expect(page.getByTestId("review")).toContainText("The points were drawn from");
}

test("features by hand on a desktop, then learned on a phone-sized screen: three stars each, one heatmap per hidden unit", async ({ page }) => {
  // One player plays both levels (the second opens with the first's star): one unlock through the API, not two.
  test.setTimeout(120_000);
  await test.step("by hand (1280×800): the features the shape needs, three stars on held-out points", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await unlockAndOpen(page, "features-by-hand");
    const served = await servedLevel(page, "features-by-hand");
    const view = served.view as FeaturesView;
    const right = solve(served) as FeaturesAnswer;
    await expect(page.getByTestId("commit-first")).toBeVisible();
    // The points, before anything trains: no shading (the model's boundary comes after the commit).
    await expect(page.getByTestId("features-plot").locator("circle")).toHaveCount(view.train.length);
    await expect(page.getByTestId("features-plot").locator("[data-shading]")).toHaveCount(0);
    await choose(page, right, view);
    await screenshot(page, "features-by-hand-desktop");
    await submitAndExpectStars(page, 3);
    await expectTrained(page);
    await expect(page.getByTestId("features-plot").locator("[data-shading]").first()).toBeVisible();
    await screenshot(page, "features-by-hand-desktop-submitted");
  });

  await test.step("learned (390×844): hidden layer and prediction, three stars, one heatmap per unit", async () => {
    await page.setViewportSize(PHONE.viewport);
    await openAnyLevel(page, "features-learned");
    const served = await servedLevel(page, "features-learned");
    const view = served.view as FeaturesView;
    const right = solve(served) as FeaturesAnswer;
    await choose(page, right, view);
    await expectNoHorizontalScroll(page);
    await screenshot(page, "features-learned-phone");
    await submitAndExpectStars(page, 3);
    await expectTrained(page);
    await expect(page.getByTestId("prediction-result")).toContainText("right ✓");
    const units = right.mode === "learned" ? right.hidden : 0;
    await expect(page.getByTestId("unit-heatmaps").locator("figure")).toHaveCount(units);
    await expect(page.getByTestId("layer-follows")).toContainText("Together: the output's sum z follows a straight line in");
    // A unit is named after a feature only when it follows it closely (|r| ≥ 0.8); otherwise no single feature.
    for (const caption of await page.getByTestId("unit-heatmaps").locator("figcaption").allTextContents()) {
      expect(caption).toMatch(/^\d+: (no single feature|off|.+ \(r -?\d\.\d\d\))$/);
      const r = /\(r (-?\d\.\d\d)\)$/.exec(caption);
      if (r) expect(Math.abs(Number(r[1])), caption).toBeGreaterThanOrEqual(0.8);
    }
    await expectNoHorizontalScroll(page);
    await page.getByTestId("unit-heatmaps").scrollIntoViewIfNeeded();
    await screenshot(page, "features-learned-phone-submitted", { fullPage: false });
  });
});

test("features by hand, live: the points on the projector, a phone choosing through its page, the class's choices and the trained model at the reveal", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, two socket students
  const TITLE = "Features by hand";
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: [TITLE],
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", strategies.start],
    ],
  });

  await test.step("the round: the points on the projector, nothing to answer there; the phone ticks its features", async () => {
    await playRound(TITLE);
    const level = await rounds.level(0);
    expect(level.kind).toBe("features");
    const view = level.view as FeaturesView;
    await expect(challenge).toContainText("Pick at most 2 hand-made features");
    await expect(challenge.getByTestId("features-plot").locator("circle")).toHaveCount(view.train.length);
    await expect(challenge.getByRole("checkbox")).toHaveCount(0);
    await expect(host.getByTestId("submitted-count")).toHaveText("2 of 3 submitted", { timeout: SCORING_WAIT_MS });
    await checkPhase(host, "features-live-playing");
    await choose(phone, solve(level) as FeaturesAnswer, view);
    await expectNoHorizontalScroll(phone);
    await phone.getByTestId("live-submit").click();
    await expect(phone.getByTestId("live-message")).toHaveText(/^Scored 100\.0%/, { timeout: SCORING_WAIT_MS });
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 3 submitted");
  });

  await test.step("the reveal: one bar per set of features tried, the best trained on the phone", async () => {
    await next.click(); // an experiment's answers can be bettered until the end: the host ends the round
    await expect(picture).toBeVisible({ timeout: SCORING_WAIT_MS });
    const level = await rounds.level(0);
    const right = solve(level) as Extract<FeaturesAnswer, { mode: "hand" }>;
    const bars = picture.getByRole("list", { name: "Choices tried" }).getByRole("listitem");
    await expect(bars.filter({ hasText: `${featureList(right.features)} (` }).locator(".class-bar-count")).toHaveText("2");
    await expect(bars.filter({ hasText: `${featureList(["x1", "x2"])} (` }).locator(".class-bar-count")).toHaveText("1");
    await checkPhase(host, "features-live-reveal");
    await host.getByTestId("reveal-why").click();
    await expect(host.getByTestId("reveal-explanation")).toHaveText(levels.find((l) => l.id === "features-by-hand")!.explanation);
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "features-live-phone-reveal");
  });

  close();
});
