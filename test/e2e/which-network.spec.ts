import type { FilterTask } from "../../core/kinds/which-network/public";
import { edgeFilter, shapeOf } from "../reference/which-network";
import { expect, expectNoHorizontalScroll, PHONE, screenshot, submitAndExpectStars, test, unlockAndOpen } from "./helpers";

// Which network for which data: match each dataset to the shape of its data and a family of
// layers, reading the page as a player would; then set a 3×3 filter for the edges the page asks
// for, watch its feature map, and read the review's test edges.

const STRUCTURE = { table: /^A table/, grid: /^A grid/, sequence: /^A sequence/ };
const FAMILY = { table: /^Dense/, grid: /^Convolutional/, sequence: /^Recurrent/ };

/** The task as the page words it: "This digit is dark ink on light paper. … on the left edges of the strokes …". */
function taskFrom(text: string): FilterTask {
  const ink = /dark ink on light paper/.test(text) ? "dark" : "light";
  const edges = text.match(/lights up on the (left|right|top|bottom) edges/)?.[1] as FilterTask["edges"] | undefined;
  if (!edges) throw new Error(`cannot read the task "${text}"`);
  return { edges, ink };
}

test("match the network: each dataset's shape and layers, picked by reading it, earn three stars and the reasons", async ({ page }) => {
  test.setTimeout(300_000); // unlocking plays every level before chapter 5's end, training ones included, through the API
  await page.setViewportSize({ width: 1280, height: 800 });
  await unlockAndOpen(page, "match-the-network");
  await expect(page.getByTestId("learn")).toContainText("Structured data");
  // Nothing is scored before Submit: a quiz.
  await expect(page.getByText("Right now this would earn")).toHaveCount(0);
  for (let i = 1; i <= 4; i++) {
    const card = page.getByTestId(`dataset-${i}`);
    const prompt = (await card.locator("p").first().textContent()) ?? "";
    const shape = shapeOf(prompt);
    await card.getByTestId(`structure-${i}`).getByRole("radio", { name: STRUCTURE[shape] }).check();
    await card.getByTestId(`family-${i}`).getByRole("radio", { name: FAMILY[shape] }).check();
  }
  await screenshot(page, "which-network-match-filled");
  await submitAndExpectStars(page, 3);
  for (let i = 1; i <= 4; i++) {
    await expect(page.getByTestId(`verdict-${i}`)).toHaveAttribute("data-verdict", "right");
    await expect(page.getByTestId(`reason-${i}`)).not.toBeEmpty();
  }
  await screenshot(page, "which-network-match-review");
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

  const filter = edgeFilter({ part: "filter", side: 10, image: [], goal, values: [] });
  for (let i = 0; i < 9; i++) await page.getByTestId(`cell-${Math.floor(i / 3) + 1}-${(i % 3) + 1}`).selectOption(String(filter[i]));
  await expect(page.getByTestId("filter-sum")).toContainText("Sum of the weights: 0");
  // Only the wanted edges respond now: fewer positions than a lone weight lit, but some.
  const lit = Number(await map.getAttribute("data-lit"));
  expect(lit).toBeGreaterThan(0);
  expect(lit).toBeLessThan(litByOne);
  // The task, the filter, its feature map and Submit share the phone's screen.
  await page.getByTestId("filter-task").evaluate((el) => el.scrollIntoView({ block: "start" }));
  for (const id of ["filter-task", "cell-3-3", "feature-map", "submit"]) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 0.99 });
  await expectNoHorizontalScroll(page);
  await screenshot(page, "which-network-filter-phone", { fullPage: false });

  await submitAndExpectStars(page, 3);
  const review = page.getByTestId("filter-review");
  await expect(review).toBeVisible();
  await expect(page.getByTestId("filter-note")).toContainText("only to the edges asked for");
  await expect(page.getByTestId("probe-0")).toContainText("(asked for)");
  await expectNoHorizontalScroll(page);
  await screenshot(page, "which-network-filter-phone-review");
});
