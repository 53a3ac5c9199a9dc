import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { type Edge, type FilterTask, initialAnswer, type WhichNetworkView } from "../../core/kinds/which-network/public";
import type { PublicLevel } from "../../core/play/public-level";
import { solve } from "../reference";
import { edgeFilter, shapeOf } from "../reference/which-network";
import { expect, expectNoHorizontalScroll, liveClass, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";
import { strategies } from "./live-bots";
import { checkPhase } from "./projector-fit";

// Which network for which data: match each dataset to the shape of its data and a family of
// layers, reading the page as a player would; then set a 3×3 filter for the edges the page asks
// for, watch its feature map, and read the review's test edges.

const STRUCTURE = { table: /^A table/, grid: /^A grid/, sequence: /^A sequence/ };
const FAMILY = { table: /^Dense/, grid: /^Convolutional/, sequence: /^Recurrent/ };

/** The task as the page words it: "This digit is dark ink on light paper. … on the left edges of the strokes …". */
function taskFrom(text: string): FilterTask {
  const ink = /dark ink on light paper/.test(text) ? "dark" : "light";
  const named = text.match(/lights up on the ((?:left|right|top|bottom)(?: and (?:left|right|top|bottom))?) edges/)?.[1];
  if (!named) throw new Error(`cannot read the task "${text}"`);
  return { edges: named.split(" and ") as Edge[], ink };
}

/** axe-core: no serious or critical violation on the page as it is now. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`);
  expect(serious, `axe on ${where}`).toEqual([]);
}

const LIVE_ROUNDS = ["Match the network", "Slide a filter"] as const;

/** Each dataset's shape and layers, picked by reading its words on the page. */
async function pickByReading(page: Page) {
  for (let i = 1; i <= 4; i++) {
    const card = page.getByTestId(`dataset-${i}`);
    const prompt = (await card.locator("p").first().textContent()) ?? "";
    const shape = shapeOf(prompt);
    await card.getByTestId(`structure-${i}`).getByRole("radio", { name: STRUCTURE[shape] }).check();
    await card.getByTestId(`family-${i}`).getByRole("radio", { name: FAMILY[shape] }).check();
  }
}

/** The filter for the edges the page asks for, set cell by cell. */
async function setFilterByReading(page: Page) {
  const goal = taskFrom((await page.getByTestId("filter-task").textContent()) ?? "");
  const filter = edgeFilter({ part: "filter", side: 10, image: [], goal, values: [] });
  for (let i = 0; i < 9; i++) await page.getByTestId(`cell-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`).selectOption(String(filter[i]));
  await expect(page.getByTestId("filter-sum")).toContainText("Sum of the weights: 0");
}

test("match the network: each dataset's shape and layers, picked by reading it, earn three stars and the reasons", async ({ page }) => {
  test.setTimeout(300_000); // unlocking plays every level before chapter 5's end, training ones included, through the API
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "match-the-network");
  await expect(page.getByTestId("learn")).toContainText("Structured data");
  // Nothing is scored before Submit: a quiz.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  await pickByReading(page);
  await screenshot(page, "which-network-match-filled");
  await expectAccessible(page, "match-the-network, filled in");
  await submitAndExpectStars(page, 3);
  for (let i = 1; i <= 4; i++) {
    await expect(page.getByTestId(`verdict-${i}`)).toHaveAttribute("data-verdict", "right");
    await expect(page.getByTestId(`reason-${i}`)).not.toBeEmpty();
  }
  await screenshot(page, "which-network-match-review");
  await expectAccessible(page, "match-the-network's review");
});

test("slide a filter on a phone: the feature map follows the weights, and the edges asked for earn three stars", async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize(PHONE.viewport);
  await unlockAndOpen(page, "slide-a-filter");
  const taskText = (await page.getByTestId("filter-task").textContent()) ?? "";
  const goal = taskFrom(taskText);
  const map = page.getByTestId("feature-map");
  // The starting filter is all zeros: nothing responds.
  await expect(map).toHaveAttribute("data-lit", "0");
  // One positive weight alone lights up every bright patch, edges or not.
  await page.getByTestId("cell-2-2").selectOption("1");
  const litByOne = Number(await map.getAttribute("data-lit"));
  expect(litByOne).toBeGreaterThan(0);
  await expect(page.getByTestId("filter-sum")).toContainText("+1");

  expect(goal.edges.length).toBeGreaterThan(0);
  await setFilterByReading(page);
  // Only the wanted edges respond now: fewer positions than a lone weight lit, but some.
  const lit = Number(await map.getAttribute("data-lit"));
  expect(lit).toBeGreaterThan(0);
  expect(lit).toBeLessThan(litByOne);
  // The task, the filter, its feature map and Submit share the phone's screen.
  await page.getByTestId("filter-task").evaluate((el) => el.scrollIntoView({ block: "start" }));
  for (const id of ["filter-task", "cell-3-3", "feature-map", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 0.99 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "which-network-filter-phone", { fullPage: false });
  await expectAccessible(page, "slide-a-filter on a phone");

  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("filter-review");
  await expect(review).toBeVisible();
  await expect(page.getByTestId("filter-note")).toContainText("only to the edges asked for");
  await expect(page.getByTestId("probe-0")).toContainText("(asked for)");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "which-network-filter-phone-review");
  await expectAccessible(page, "slide-a-filter's review");
  // The same review on a laptop: the digit, the filter and its feature map side by side.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "which-network-filter-review");
});

/** A student who slips: one dataset's layers wrong (match); a lone positive weight, which lights every bright patch (filter). */
function slip(level: PublicLevel): unknown {
  const view = level.view as WhichNetworkView;
  if (view.part === "filter") return { filter: [0, 0, 0, 0, 1, 0, 0, 0, 0] };
  const right = solve(level) as { picks: Record<string, { structure: string; family: string }> };
  const first = view.questions[0];
  const wrong = first.families.find((o) => o.id !== right.picks[first.id].family)!.id;
  return { picks: { ...right.picks, [first.id]: { ...right.picks[first.id], family: wrong } } };
}

test("both levels live: the datasets and the digit on the projector, a phone playing each, the class's answers at the reveal", async ({ device, baseURL }) => {
  test.slow(); // a projector measured at two sizes per phase, a phone, three socket students
  const { host, phone, rounds, next, challenge, picture, playRound, close } = await liveClass(device, baseURL!, {
    levels: LIVE_ROUNDS,
    bots: [
      ["Bao Nguyen", strategies.solve],
      ["Chidi Okafor", (level) => initialAnswer(level.view as WhichNetworkView)],
      ["Dana Scully", slip],
    ],
  });

  await test.step("round 1, Match the network: a dataset per page on the projector; the phone picks by reading", async () => {
    await playRound(LIVE_ROUNDS[0]);
    await expect(challenge).toContainText("What shape is the data, and which layers fit it?");
    await expect(challenge.locator(".paged-tabs button")).toHaveCount(4);
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "which-network-match-playing");
    expect((await rounds.level(0)).kind).toBe("which-network");
    await pickByReading(phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "which-network-live-match-phone");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("round 1's reveal: per dataset, how many picked each family", async () => {
    await expect(picture).toBeVisible({ timeout: 30_000 });
    await expect(host.getByTestId("reveal-stars")).toContainText("no answer: 0");
    const tabs = picture.locator(".paged-tabs button");
    await expect(tabs).toHaveCount(4);
    // Ada and Bao right on every dataset, Chidi picked nothing, Dana slipped on the first.
    await expect(tabs.nth(0)).toHaveText("Q1 · 2/3 right");
    await expect(tabs.nth(1)).toHaveText("Q2 · 3/3 right");
    await checkPhase(host, "which-network-match-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
    await next.click(); // leaderboard
    await expect(host.getByRole("heading", { level: 1, name: "Leaderboard" })).toBeVisible();
  });

  await test.step("round 2, Slide a filter: the digit and the task on the projector; the phone sets the filter", async () => {
    await playRound(LIVE_ROUNDS[1]);
    await expect(challenge.getByRole("img", { name: "The digit" })).toBeVisible();
    await expect(challenge).toContainText("Make a filter whose feature map lights up");
    await expect(host.getByTestId("submitted-count")).toHaveText("3 of 4 submitted", { timeout: 60_000 });
    await checkPhase(host, "which-network-filter-playing");
    await setFilterByReading(phone);
    await expectNoHorizontalScroll(phone);
    await screenshot(phone, "which-network-live-filter-phone");
    await phone.getByTestId("live-submit").click();
  });

  await test.step("round 2's reveal: the spread of the class's scores", async () => {
    await expect(picture).toBeVisible({ timeout: 30_000 });
    const bars = picture.getByRole("list", { name: /of the answers$/ });
    // Ada and Bao at 100%; Chidi's empty filter and Dana's lone weight at 0.
    await expect(bars.locator(".class-bar.right .class-bar-count")).toHaveText("2");
    await checkPhase(host, "which-network-filter-reveal");
    await expect(phone.getByTestId("my-round-result")).toContainText("Your best: 100.0%");
  });

  close();
});
