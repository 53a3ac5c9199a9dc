import { describe, expect, it } from "vitest";
import { instanceOf } from "@/core/kinds/instances";
import { kindOf } from "@/core/kinds/registry";
import { DATASETS, filterScore, probeResponses, risesOf, type WhichNetworkInstance } from "@/core/kinds/which-network";
import { FAMILY_OF } from "@/core/kinds/which-network/datasets";
import { type FilterTask, featureMap, type WhichNetworkView } from "@/core/kinds/which-network/public";
import { classAnswers } from "@/core/live/class-answers";
import { createRng } from "@/core/random";
import { edgeFilter, shapeOf } from "../reference/which-network";
import { levelById, rejection, SEED, scored, served, solved } from "./scoring-helpers";

// Which network for which data: datasets matched to the structure of their data and a family of
// layers; then a 3×3 convolution filter set by hand on a digit drawn per attempt.

const match = levelById("match-the-network");
const slide = levelById("slide-a-filter");
const SEEDS = Array.from({ length: 80 }, (_, i) => `which-network seed ${i}`);
type MatchView = Extract<WhichNetworkView, { part: "match" }>;
type FilterView = Extract<WhichNetworkView, { part: "filter" }>;
const matchView = (seed: string) => served(match, seed).view as MatchView;
const filterView = (seed: string) => served(slide, seed).view as FilterView;

describe("match the network", () => {
  it("the reference, reading each dataset's words, earns ★★★ on every instance", () => {
    for (const seed of SEEDS) expect(scored(match, solved(match, seed), seed).stars, seed).toBe(3);
  });

  it("draws four different datasets per attempt, at least one of each structure, in new order and under new ids", () => {
    const prompts = new Set<string>();
    for (const seed of SEEDS) {
      const instance = instanceOf(match, seed) as Extract<WhichNetworkInstance, { part: "match" }>;
      const structures = instance.items.map((i) => i.dataset.structure);
      expect(new Set(instance.items.map((i) => i.dataset.id)).size).toBe(4);
      expect(new Set(structures)).toEqual(new Set(["table", "grid", "sequence"]));
      for (const item of instance.items) prompts.add(item.dataset.prompt);
    }
    // Over many attempts the whole bank comes up: no fixed set of four to memorise.
    expect(prompts.size).toBe(DATASETS.length);
    const [a, b] = [matchView("A"), matchView("B")];
    const idsOf = (v: MatchView) => v.questions.flatMap((q) => [q.id, ...q.structures.map((o) => o.id), ...q.families.map((o) => o.id)]);
    expect(idsOf(a).filter((id) => idsOf(b).includes(id))).toEqual([]);
  });

  it("every dataset in the bank reads as its own structure, and the structure decides the family", () => {
    for (const d of DATASETS) expect(shapeOf(d.prompt), d.id).toBe(d.structure);
    expect(FAMILY_OF).toEqual({ table: "dense", grid: "convolutional", sequence: "recurrent" });
  });

  it("scores the share of picks right: one pick wrong costs ★★★, a blank earns nothing", () => {
    const view = matchView(SEED);
    const right = solved(match) as { picks: Record<string, { structure: string; family: string }> };
    const first = view.questions[0];
    const wrongFamily = first.families.find((o) => o.id !== right.picks[first.id].family)!.id;
    const slip = scored(match, { picks: { ...right.picks, [first.id]: { ...right.picks[first.id], family: wrongFamily } } });
    expect(slip.score).toBeCloseTo(7 / 8);
    expect(slip.stars).toBe(2);
    expect(scored(match, kindOf("which-network").initialAnswer(view)).score).toBe(0);
  });

  it("random picks earn ★★★ with chance (1/9)⁴, far under 1 in 4; a seeded Monte-Carlo agrees", () => {
    const exact = (1 / 9) ** 4;
    expect(exact).toBeLessThan(1 / 4);
    const rng = createRng("which-network random picks");
    let three = 0;
    let twoOrMore = 0;
    const trials = 3000;
    for (let t = 0; t < trials; t++) {
      const seed = SEEDS[t % SEEDS.length];
      const view = matchView(seed);
      const picks = Object.fromEntries(view.questions.map((q) => [q.id, { structure: q.structures[rng.int(3)].id, family: q.families[rng.int(3)].id }]));
      const { stars } = scored(match, { picks }, seed);
      if (stars === 3) three++;
      if (stars >= 2) twoOrMore++;
    }
    expect(three / trials).toBeLessThan(0.01);
    // ★★ needs 6 of 8 picks right: about 2% by chance.
    expect(twoOrMore / trials).toBeLessThan(0.05);
  });

  it("refuses an answer copied from another instance (its ids are not this one's)", () => {
    const other = solved(match, "another seed");
    expect(rejection(match, other)).toMatch(/no such dataset/);
    expect(rejection(match, { filter: [0, 0, 0, 0, 0, 0, 0, 0, 0] })).toMatch(/which structure and which network/);
  });

  it("the review marks the right picks and gives each dataset's reason; the view holds neither", () => {
    const kind = kindOf("which-network");
    const level = match;
    const instance = instanceOf(level, SEED);
    const answer = kind.initialAnswer(served(level).view);
    const review = kind.review(level, level.config, instance, answer, { score: 0, metrics: {} }) as {
      questions: { structure: string; family: string; reason: string; structureVerdict: string }[];
    };
    expect(review.questions).toHaveLength(4);
    for (const q of review.questions) {
      expect(q.structureVerdict).toBe("empty");
      expect(DATASETS.some((d) => d.reason === q.reason)).toBe(true);
    }
    const json = JSON.stringify(served(level).view);
    for (const d of DATASETS) expect(json).not.toContain(d.reason);
  });
});

describe("slide a filter", () => {
  it("the reference filter (+1 on the bright side of the wanted edge, −1 on the dark side) earns ★★★ on every instance", () => {
    for (const seed of SEEDS) expect(scored(slide, solved(slide, seed), seed).stars, seed).toBe(3);
  });

  it("draws every combination of edge and ink, and a different digit, across attempts", () => {
    const goals = new Set(SEEDS.map((s) => JSON.stringify(filterView(s).goal)));
    // One side, or a side with a top or bottom (8 sets of edges), each on either ink.
    expect(goals.size).toBe(16);
    const images = new Set(SEEDS.map((s) => JSON.stringify(filterView(s).image)));
    expect(images.size).toBe(SEEDS.length);
  });

  it("works out which way brightness rises across each edge", () => {
    expect(risesOf({ edges: ["left"], ink: "dark" })).toEqual(["left"]); // white paper, then dark ink: brightness falls going right
    expect(risesOf({ edges: ["left"], ink: "light" })).toEqual(["right"]);
    expect(risesOf({ edges: ["top"], ink: "dark" })).toEqual(["up"]);
    expect(risesOf({ edges: ["right", "bottom"], ink: "light" })).toEqual(["left", "up"]);
  });

  it("the claims of the level: a filter summing to zero ignores flat areas; ReLU keeps one side; the orientation decides which edges", () => {
    const goal = { edges: ["left"], ink: "light" } as FilterTask; // brightness rises to the right
    const sobel = [-1, 0, 1, -2, 0, 2, -1, 0, 1];
    expect(filterScore(goal, sobel).score).toBe(1);
    // Weights that do not sum to zero answer on every flat bright area as much as on the edge, or more.
    expect(filterScore(goal, [0, 0, 1, 0, 0, 1, 0, 0, 1]).score).toBe(0);
    expect(filterScore(goal, Array(9).fill(1)).score).toBe(0);
    // The same filter with its signs flipped finds the other side of the strokes, not these.
    expect(
      filterScore(
        goal,
        sobel.map((w) => -w),
      ).score,
    ).toBe(0);
    expect(
      filterScore(
        { edges: ["right"], ink: "light" },
        sobel.map((w) => -w),
      ).score,
    ).toBe(1);
    // Turned a quarter, it answers to horizontal edges only.
    const turned = [-1, -2, -1, 0, 0, 0, 1, 2, 1];
    expect(filterScore(goal, turned).score).toBe(0);
    expect(filterScore({ edges: ["top"], ink: "light" }, turned).score).toBe(1);
    // Half right: it answers the edge, but also, half as much, a horizontal one.
    expect(filterScore(goal, [-1, 0, 1, -1, 0, 1, 0, 0, 1]).score).toBeLessThan(1);
  });

  it("two kinds of edge at once: the two filters added cell by cell (a diagonal filter); one of them alone earns nothing", () => {
    const goal: FilterTask = { edges: ["left", "top"], ink: "light" }; // brightness rises to the right and downwards
    const vertical = [-1, 0, 1, -1, 0, 1, -1, 0, 1];
    const horizontal = [-1, -1, -1, 0, 0, 0, 1, 1, 1];
    const diagonal = vertical.map((v, i) => v + horizontal[i]);
    expect(diagonal).toEqual([-2, -1, 0, -1, 0, 1, 0, 1, 2]);
    expect(filterScore(goal, diagonal).score).toBe(1);
    expect(filterScore(goal, vertical).score).toBe(0);
    expect(filterScore(goal, horizontal).score).toBe(0);
  });

  it("a filter copied from another attempt (a classmate's, or a review's) earns ★★★ about 1 time in 8: the edges asked for change", () => {
    let three = 0;
    for (const [i, seed] of SEEDS.entries()) if (scored(slide, solved(slide, SEEDS[(i + 1) % SEEDS.length]), seed).stars === 3) three++;
    expect(three / SEEDS.length).toBeLessThan(0.2);
  });

  it("on the level's own digits, the reference filter lights up the wanted edges and stays dark on flat areas", () => {
    for (const seed of SEEDS.slice(0, 20)) {
      const view = filterView(seed);
      const filter = edgeFilter(view);
      const map = featureMap(view.image, view.side, filter);
      expect(Math.max(...map), seed).toBeGreaterThanOrEqual(1.8);
      const n = view.side - 2;
      for (let row = 0; row < n; row++)
        for (let col = 0; col < n; col++) {
          const patch = [0, 1, 2].flatMap((r) => [0, 1, 2].map((c) => view.image[(row + r) * view.side + col + c]));
          // Flat: every pixel under the filter within 0.05 of the others (noise aside): almost no response, against 1.8 or more on a wanted edge.
          if (Math.max(...patch) - Math.min(...patch) <= 0.05) expect(map[row * n + col]).toBeLessThan(0.2);
        }
    }
  });

  it("a random filter earns ★★★ rarely (seeded Monte-Carlo over 5⁹ filters: about 1 in 22, far under 1 in 4)", () => {
    const rng = createRng("which-network random filters");
    let three = 0;
    let two = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const seed = SEEDS[t % SEEDS.length];
      const filter = Array.from({ length: 9 }, () => rng.int(5) - 2);
      const { stars } = scored(slide, { filter }, seed);
      if (stars === 3) three++;
      if (stars >= 2) two++;
    }
    // About 4.5% (counted over all 5⁹ filters: 4.3% for one kind of edge, 4.6% for two): weights that
    // happen to give nothing on flat areas and the other edges, and lean the right way.
    expect(three / trials).toBeLessThan(0.06);
    expect(two / trials).toBeLessThan(0.1);
  });

  it("the review shows the filter's response to each test patch, the wanted ones first, and no model filter", () => {
    const kind = kindOf("which-network");
    const instance = instanceOf(slide, SEED) as Extract<WhichNetworkInstance, { part: "filter" }>;
    const filter = [0, 0, 0, 0, 0, 0, 0, 0, 1];
    const review = kind.review(slide, slide.config, instance, { filter }, { score: 0, metrics: {} }) as { probes: unknown[]; answer: unknown; note: string };
    expect(review.probes).toEqual(probeResponses(instance.task, filter));
    expect(review.answer).toEqual({ filter });
    expect(review.note).toMatch(/also answers/);
    expect(Object.keys(review)).not.toContain("solution");
  });

  it("refuses an answer without a filter, and cells outside −2…2", () => {
    expect(rejection(slide, { picks: {} })).toMatch(/nine cells/);
    expect(rejection(slide, { filter: [3, 0, 0, 0, 0, 0, 0, 0, 0] })).toMatch(/filter/);
    expect(rejection(slide, { filter: [0, 0, 0] })).toMatch(/filter/);
  });
});

describe("which-network for the teacher and the projector", () => {
  const kind = kindOf("which-network");

  it("stores a match answer in the level's words, and the dashboard names each wrong pick", () => {
    const instance = instanceOf(match, SEED) as Extract<WhichNetworkInstance, { part: "match" }>;
    const right = solved(match) as { picks: Record<string, { structure: string; family: string }> };
    const first = instance.items[0];
    const wrongFamily = first.question.families.find((o) => o.id !== right.picks[first.question.id].family)!.id;
    const answer = { picks: { ...right.picks, [first.question.id]: { structure: null, family: wrongFamily } } };
    const stored = kind.storedAnswer!(match, match.config, instance, answer) as Record<string, { structure: string | null; family: string }>;
    expect(Object.keys(stored).sort()).toEqual(instance.items.map((i) => i.dataset.id).sort());
    expect(stored[first.dataset.id].structure).toBeNull();
    const phrases = kind.wrongChoices!(match, match.config, stored);
    expect(phrases).toEqual([expect.stringMatching(/: data not chosen$/), expect.stringMatching(new RegExp(`: layers ${stored[first.dataset.id].family}$`))]);
    expect(kind.wrongChoices!(match, match.config, kind.storedAnswer!(match, match.config, instance, right))).toEqual([]);
  });

  it("stores a filter answer with its task, and the dashboard says what a wrong filter did", () => {
    const instance = instanceOf(slide, SEED) as Extract<WhichNetworkInstance, { part: "filter" }>;
    const store = (filter: number[]) => kind.storedAnswer!(slide, slide.config, instance, { filter });
    expect(kind.wrongChoices!(slide, slide.config, store((solved(slide) as { filter: number[] }).filter))).toEqual([]);
    expect(kind.wrongChoices!(slide, slide.config, store([0, 0, 0, 0, 1, 0, 0, 0, 0]))).toEqual(["a filter that also answers to other edges or flat areas"]);
    expect(kind.wrongChoices!(slide, slide.config, store(Array(9).fill(0)))).toEqual(["a filter silent on the edges asked for"]);
  });

  it("the projector's reveal counts, per dataset, who picked each family, the right one marked from the review", () => {
    const level = served(match);
    const instance = instanceOf(match, SEED);
    const right = solved(match) as { picks: Record<string, { structure: string; family: string }> };
    const view = level.view as MatchView;
    const review = kind.review(match, match.config, instance, right, { score: 1, metrics: {} });
    const blank = kind.initialAnswer(view);
    const tally = classAnswers(level, review, [
      { answer: right, score: 1, stars: 3 },
      { answer: blank, score: 0, stars: 0 },
    ]);
    expect(tally?.type).toBe("questions");
    if (tally?.type !== "questions") return;
    expect(tally.questions).toHaveLength(4);
    for (const [i, q] of tally.questions.entries()) {
      expect(q.prompt).toBe(view.questions[i].prompt);
      expect(q.answered).toBe(1);
      expect(q.right).toBe(1);
      expect(q.options.filter((o) => o.correct)).toHaveLength(1);
    }
  });
});
