import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { levels } from "../../core/levels/catalog";
import { initialAnswer, type WhyNowView } from "../../core/kinds/why-now/public";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import { propertyOf } from "../reference/why-now";
import {
  expect,
  expectNoHorizontalScroll,
  liveClass,
  openAnyLevel,
  PHONE,
  screenshot,
  servedLevel,
  submitAndExpectStars,
  test,
  waitForProfile,
} from "./helpers";
import { strategies } from "./live-bots";
import { checkPhase } from "./projector-fit";
import { query } from "./no-leak-keys";

// Why now, shown: read the course's chart of AI against humans on benchmarks (keyboard, hover and
// tap read a benchmark's years out), answer the three questions drawn from it, and read the
// review; then, on a phone, sort statements into the revolution's three properties.

type ChartView = Extract<WhyNowView, { part: "chart" }>;

/** Every level before `levelId` opens for this page's player: a one-star best on each, written as the server would (playing them through the API would train chapters 3–5). */
async function unlockBefore(page: Page, levelId: string): Promise<void> {
  await page.goto("/play");
  await waitForProfile(page);
  const response = await page.request.post("/api/profile");
  const { id } = (await response.json()) as { id: string };
  const [{ createdAt }] = await query("SELECT createdAt FROM Player WHERE id = ?", [id]);
  const before = levels.slice(
    0,
    levels.findIndex((l) => l.id === levelId),
  );
  await query(
    `INSERT INTO BestResult (playerId, levelId, score, stars, attempts, firstTryStars, achievedAt, updatedAt) VALUES ${before.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
    before.flatMap((l) => [id, l.id, 0.5, 1, 1, 1, String(createdAt), String(createdAt)]),
  );
}

/** axe-core: no serious or critical violation on the page as it is now. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

/** The chart's questions answered through the page: options ticked, the order set with the ↑ buttons. */
async function answerChart(page: Page, view: ChartView, answer: Record<string, string[]>): Promise<void> {
  for (const [i, q] of view.questions.entries()) {
    const card = page.getByTestId(`question-${i + 1}`);
    const labels = answer[q.id].map((id) => q.options.find((o) => o.id === id)!.label);
    if (q.type === "single") {
      await card.getByRole("radio", { name: labels[0], exact: true }).check();
      continue;
    }
    // Bring each benchmark up to its place, first to last.
    for (const [target, label] of labels.entries()) {
      const items = card.getByTestId(/^order-item-/);
      for (let at = (await items.allTextContents()).findIndex((t) => t.includes(label)); at > target; at--)
        await card.getByRole("button", { name: `Move “${label}” up` }).click();
      await expect(items.nth(target)).toContainText(label);
    }
  }
}

test("humans overtaken: the chart reads out each benchmark's years, and its three questions answered from it earn three stars", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockBefore(page, "humans-overtaken");
  await openAnyLevel(page, "humans-overtaken");
  await expect(page.getByTestId("learn")).toContainText("A benchmark is a shared test");
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);

  const chart = page.getByTestId("benchmark-chart");
  const readout = page.getByTestId("chart-readout");
  await expect(chart.getByTestId(/^benchmark-\d$/)).toHaveCount(9);
  await expect(chart).toContainText("Years are approximate");
  // Keyboard: a focused benchmark reads its values out (and shows them beside its line).
  const mnist = chart.locator('[data-name="MNIST"]');
  await mnist.focus();
  await expect(readout).toContainText("MNIST (handwriting recognition): released about 1998");
  await expect(readout).toContainText("in about 2012, about 14 years later");
  await expect(chart.getByTestId("chart-tooltip")).toContainText("1998 → 2012");
  // Hover shows another; a click pins one.
  await chart.locator('[data-name="ImageNet"]').hover();
  await expect(readout).toContainText("ImageNet (image recognition): released about 2010");
  await chart.locator('[data-name="GLUE"]').click();
  await expect(chart.locator('[data-name="GLUE"]')).toHaveAttribute("aria-pressed", "true");

  // The three questions, answered from what the page shows (the reference reads the served chart).
  const served = await servedLevel(page, "humans-overtaken");
  const view = served.view as ChartView;
  for (const [i, q] of view.questions.entries()) await expect(page.getByTestId(`question-${i + 1}`)).toContainText(q.prompt);
  const { responses } = solve(served) as { responses: Record<string, string[]> };
  await answerChart(page, view, responses);
  await screenshot(page, "why-now-chart-filled");
  await expectAccessible(page, "humans-overtaken, filled in");

  await submitAndExpectStars(page, 3);
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByTestId(`verdict-${i}`)).toHaveAttribute("data-verdict", "right");
    await expect(page.getByTestId(`why-${i}`)).toContainText(/about/);
  }
  await screenshot(page, "why-now-chart-review");
  await expectAccessible(page, "humans-overtaken's review");
});

test("why it took off, on a phone: the chart fits, then each statement sorted by reading it earns three stars and its why", async ({ device }) => {
  test.setTimeout(120_000);
  const page = await device(PHONE);
  await unlockBefore(page, "why-it-took-off");

  // The chart first, on the phone: a tap reads a benchmark out.
  await openAnyLevel(page, "humans-overtaken");
  const chart = page.getByTestId("benchmark-chart");
  await chart.locator('[data-name="Switchboard"]').tap();
  await expect(page.getByTestId("chart-readout")).toContainText("Switchboard (speech recognition): released about 1992");
  await expectNoHorizontalScroll(page);
  await chart.scrollIntoViewIfNeeded();
  await screenshot(page, "why-now-chart-phone", { fullPage: false });

  await openAnyLevel(page, "why-it-took-off");
  await expect(page.getByTestId("learn")).toContainText("Fine-tuning means");
  await expect(page.getByTestId("properties")).toContainText("Versatility and reuse");
  const cards = page.getByTestId(/^statement-\d$/);
  await expect(cards).toHaveCount(6);
  for (let i = 1; i <= 6; i++) {
    const card = page.getByTestId(`statement-${i}`);
    const text = (await card.locator("legend").textContent()) ?? "";
    const property = propertyOf(text);
    // The buttons carry short names ("Reuse"): the property's place in the list above says which.
    const names = await page.getByTestId("properties").locator("li strong").allTextContents();
    await card
      .getByRole("radio")
      .nth(names.findIndex((n) => property.test(n)))
      .check();
  }
  await expectNoHorizontalScroll(page);
  await screenshot(page, "why-now-sort-phone-filled", { fullPage: false });
  await expectAccessible(page, "why-it-took-off on a phone");

  await submitAndExpectStars(page, 3);
  for (let i = 1; i <= 6; i++) {
    await expect(page.getByTestId(`verdict-${i}`)).toHaveAttribute("data-verdict", "right");
    await expect(page.getByTestId(`why-${i}`)).not.toBeEmpty();
  }
  await expectNoHorizontalScroll(page);
  await screenshot(page, "why-now-sort-phone-review");
});

/** A student who slips: the order's first two swapped (chart); the first statement in another group (sort). */
function slip(level: PublicLevel): unknown {
  const view = level.view as WhyNowView;
  if (view.part === "chart") {
    const { responses } = solve(level) as { responses: Record<string, string[]> };
    const order = [...responses[view.questions[0].id]];
    [order[0], order[1]] = [order[1], order[0]];
    return { responses: { ...responses, [view.questions[0].id]: order } };
  }
  const { placed } = solve(level) as { placed: Record<string, string> };
  const first = view.cards[0].id;
  return { placed: { ...placed, [first]: view.bins.find((b) => b.id !== placed[first])!.id } };
}

const LIVE_ROUNDS = ["Humans overtaken", "Why deep learning took off"] as const;

test("both levels live: the chart and the statements on the projector, a phone playing each, the class's answers at the reveal", async ({
  device,
  baseURL,
}) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, three socket students
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: LIVE_ROUNDS,
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", (level) => initialAnswer(level.view as WhyNowView)],
      ["Dana Scully", slip],
    ],
  });

  await test.step("round 1, Humans overtaken: the chart and a question per page on the projector; the phone answers from the chart", async () => {
    await playRound(LIVE_ROUNDS[0]);
    // The chart on a page of its own, then a page per question.
    await expect(challenge.getByTestId("benchmark-chart")).toBeVisible();
    await expect(challenge.locator(".paged-tabs button")).toHaveText(["The chart", "Q1", "Q2", "Q3"]);
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "why-now-chart-playing");
    const level = await rounds.level(0);
    expect(level.kind).toBe("why-now");
    const { responses } = solve(level) as { responses: Record<string, string[]> };
    await answerChart(phone, level.view as ChartView, responses);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "why-now-live-chart-phone");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("round 1's reveal: per question, how many answered it right", async () => {
    await expect(picture).toBeVisible({ timeout: 30_000 });
    const tabs = picture.locator(".paged-tabs button");
    await expect(tabs).toHaveCount(3);
    // Ada and Bao right on every question; Chidi left the singles blank and the order as served; Dana swapped two.
    await expect(tabs.nth(0)).toHaveText("Q1 · 2/4 right");
    await checkPhase(host, "why-now-chart-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await next.click(); // leaderboard
    await expect(host.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
  });

  await test.step("round 2, Why deep learning took off: the properties and the statements on the projector; the phone sorts", async () => {
    await playRound(LIVE_ROUNDS[1]);
    await expect(challenge).toContainText("Versatility and reuse");
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "why-now-sort-playing");
    const level = await rounds.level(1);
    const { placed } = solve(level) as { placed: Record<string, string> };
    const view = level.view as Extract<WhyNowView, { part: "sort" }>;
    for (const [i, card] of view.cards.entries()) {
      const bin = view.bins.find((b) => b.id === placed[card.id])!;
      await phone
        .getByTestId(`statement-${i + 1}`)
        .getByRole("radio", { name: bin.short, exact: true })
        .check();
    }
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "why-now-live-sort-phone");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("round 2's reveal: per statement, how many put it in its group", async () => {
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await checkPhase(host, "why-now-sort-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
  });

  close();
});
