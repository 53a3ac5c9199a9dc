import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { initialAnswer, type NonlinearityAnswer, type NonlinearityView } from "../../core/kinds/nonlinearity/public";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import { expect, expectNoHorizontalScroll, liveClass, PHONE, screenshot, servedLevel, submitAndExpectStars, test, unlockAndOpen } from "./helpers";
import { strategies } from "./live-bots";
import { checkPhase } from "./projector-fit";

// Why a non-linearity, played through the UI: the single layer a stack equals, worked out from the
// formulas on the page; then a stripe of points, first with the identity (stuck on a line), then
// with ReLU (bent around the stripe).

/** "h₁ = 2·x₁ − 1·x₂ + 3" → [2, −1, 3], as a player reads it. */
function numbersOf(line: string, names: [string, string]): [number, number, number] {
  const flat = line.replace(/−/g, "-").replace(/\s+/g, "").split("=")[1];
  const match = flat.match(new RegExp(`^(-?\\d+)·${names[0]}([+-]\\d+)·${names[1]}([+-]\\d+)$`));
  if (!match) throw new Error(`cannot read "${line}"`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

async function stackFromPage(page: Page) {
  const lines = await page.getByTestId("stack-formulas").locator("div").allTextContents();
  const [h1, h2] = [numbersOf(lines[0], ["x₁", "x₂"]), numbersOf(lines[1], ["x₁", "x₂"])];
  const y = numbersOf(lines[2], ["h₁", "h₂"]);
  return { h1, h2, y };
}

/** No serious or critical axe-core violation on the page as it is now (as test/e2e/a11y.spec.ts checks its pages). */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

const LIVE_ROUNDS = ["Stacked lines", "One bend"] as const;

/** A student who slips: b off by one (Stacked lines); the right numbers with the identity (One bend). */
function slip(level: PublicLevel): unknown {
  const right = solve(level) as NonlinearityAnswer;
  return right.mode === "collapse" ? { ...right, b: right.b + 1 } : { ...right, hidden: "identity" };
}

test("stacked lines: read the stack, multiply it out, and type the single layer for three stars", async ({ page }) => {
  test.slow(); // axe-core's analysis of this page took 12–14 s a run on a loaded 2-core machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "stacked-lines");
  await expect(page.getByTestId("learn")).toContainText("linear layer");
  const { h1, h2, y } = await stackFromPage(page);
  // Substitute h₁ and h₂ into y and gather the terms.
  const single = [y[0] * h1[0] + y[1] * h2[0], y[0] * h1[1] + y[1] * h2[1], y[0] * h1[2] + y[1] * h2[2] + y[2]];
  // Nothing is scored live: three exact numbers are the answer.
  for (const [i, v] of single.entries()) await page.getByTestId(`single-${i}`).fill(String(v));
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  await screenshot(page, "nonlinearity-stacked-filled");
  await expectAccessible(page, "Stacked lines, filled in");
  // A look with a ReLU between the layers bends the boundary (the shading changes); it scores nothing.
  const before = await page.locator("svg[role=img]").first().innerHTML();
  await page.getByTestId("peek-relu").check();
  await expect.poll(() => page.locator("svg[role=img]").first().innerHTML()).not.toBe(before);
  await screenshot(page, "nonlinearity-stacked-peek-relu");
  await page.getByTestId("peek-relu").uncheck();
  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("nonlinearity-review");
  await expect(review).toContainText("The stack equals the single layer");
  await expect(review.getByText("✓ right", { exact: true })).toHaveCount(3);
  await screenshot(page, "nonlinearity-stacked-review");
  await expectAccessible(page, "Stacked lines, reviewed");
});

test("one bend on a phone: the identity stays a line, ReLU bends around the stripe for three stars", async ({ page }) => {
  test.slow(); // axe-core's analysis of this page took 12–14 s a run on a loaded 2-core machine
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "one-bend");
  const served = await servedLevel(page, "one-bend");
  const answer = solve(served) as Extract<NonlinearityAnswer, { mode: "bend" }>;
  for (const [i, v] of answer.weights.entries()) await page.getByTestId(`weight-${i}`).fill(String(v));
  // With the identity, the same nine numbers are one straight line: under the target.
  const accuracy = async () => Number(((await page.getByTestId("live-accuracy").textContent()) ?? "").match(/([\d.]+)%/)?.[1]);
  await expect(page.getByTestId("hidden-identity")).toBeChecked();
  expect(await accuracy()).toBeLessThan(95);
  await screenshot(page, "nonlinearity-bend-phone-identity", { fullPage: false });
  await page.getByTestId("hidden-relu").check();
  await expect.poll(accuracy).toBeGreaterThanOrEqual(95);
  await expect(page.getByText("Right now this would earn")).toBeVisible();
  // The live accuracy, the plane it describes, every control and Submit share the phone's screen.
  // Scrolled to just above the accuracy line: an inline line box aligned exactly at the top can
  // lose a fraction of a pixel to rounding (ratio 0.989 with the phone's compact header).
  await page.getByTestId("live-accuracy").evaluate((el) => {
    el.scrollIntoView({ block: "start" });
    window.scrollBy(0, -8);
  });
  for (const id of ["live-accuracy", "hidden-relu", "weight-0", "weight-8", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "nonlinearity-bend-phone-relu", { fullPage: false });
  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("nonlinearity-review");
  await expect(review).toContainText("No straight line gets more than");
  await expect(review).toContainText("with the identity put");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "nonlinearity-bend-phone-review");
  await expectAccessible(page, "One bend on a phone, reviewed");
});

test("one bend on a laptop: the plane and the controls side by side", async ({ page }) => {
  test.slow(); // axe-core's analysis of this page took 12–14 s a run on a loaded 2-core machine
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "one-bend");
  await page.getByTestId("hidden-relu").check();
  await expect(page.getByTestId("live-accuracy")).toBeVisible();
  await screenshot(page, "nonlinearity-bend-laptop");
  await expectAccessible(page, "One bend");
});

test("live: the stack and the stripe on the projector during the rounds, the spread of scores at the reveal, a phone playing each", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, three socket students
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: LIVE_ROUNDS,
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", (level) => initialAnswer(level.view as NonlinearityView)],
      ["Dana Scully", slip],
    ],
  });

  await test.step("round 1, Stacked lines: the stack's formulas and its boundary on the projector; the phone types the single layer", async () => {
    await playRound(LIVE_ROUNDS[0]);
    await expect(challenge).toContainText("Which single layer y = w₁·x₁ + w₂·x₂ + b equals this stack?");
    await expect(challenge.getByRole("img", { name: "The plane shaded by the sign of the stack's output y" })).toBeVisible();
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "nonlinearity-live-stacked-playing");
    const level = await rounds.level(0);
    expect(level.kind).toBe("nonlinearity");
    const { h1, h2, y } = await stackFromPage(phone);
    const single = [y[0] * h1[0] + y[1] * h2[0], y[0] * h1[1] + y[1] * h2[1], y[0] * h1[2] + y[1] * h2[2] + y[2]];
    for (const [i, v] of single.entries()) await phone.getByTestId(`single-${i}`).fill(String(v));
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "nonlinearity-live-stacked-phone");
    await phone.getByTestId("live-submit").click();
    await expect(phone.getByTestId("live-message")).toHaveText(/^Scored 100\.0%: \d+ points\. That is your best so far\.$/);
    await expect(host.getByTestId("submitted-count")).toHaveText("4 of 4 submitted");
  });

  await test.step("round 1's reveal: the spread of the class's scores", async () => {
    await next.click(); // the host ends the round
    await expect(picture).toBeVisible({ timeout: 30_000 });
    const bars = picture.getByRole("list", { name: "Score of the answers" });
    // Ada and Bao got all three numbers; Chidi left (0, 0, 0); Dana slipped on b.
    await expect(bars.locator(".class-bar.right .class-bar-count")).toHaveText("2");
    await checkPhase(host, "nonlinearity-live-stacked-reveal");
    await next.click(); // leaderboard
    await expect(host.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
  });

  await test.step("round 2, One bend: the stripe of points on the projector; the phone bends the boundary with ReLU", async () => {
    await playRound(LIVE_ROUNDS[1]);
    await expect(challenge).toContainText("Try the identity first, then ReLU.");
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "nonlinearity-live-bend-playing");
    const level = await rounds.level(1);
    const answer = solve(level) as Extract<NonlinearityAnswer, { mode: "bend" }>;
    for (const [i, v] of answer.weights.entries()) await phone.getByTestId(`weight-${i}`).fill(String(v));
    await phone.getByTestId("hidden-relu").check();
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "nonlinearity-live-bend-phone");
    await phone.getByTestId("live-submit").click();
    await expect(phone.getByTestId("live-message")).toHaveText(/^Scored 100\.0%: \d+ points\. That is your best so far\.$/);
    await next.click(); // the host ends the round
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await checkPhase(host, "nonlinearity-live-bend-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
  });

  close();
});
