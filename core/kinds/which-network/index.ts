import { z } from "zod";
import type { Level } from "../../levels/format";
import { createRng } from "../../random";
import { drawDigits, SIDE } from "../digits/public-images";
import { AnswerRejected, defineKind, type Evaluation } from "../contract";
import { opaqueIds, reverse } from "../public-ids";
import { DATASETS, FAMILY_LABELS, FAMILY_OF, type Family, type NetworkDataset, STRUCTURE_LABELS, type Structure } from "./datasets";
import { detectorOf, filterScore, probeResponses, risesOf } from "./filter";
import {
  FILTER_VALUES,
  type Edge,
  type FilterTask,
  featureMap,
  initialAnswer,
  type MatchQuestion,
  type PickVerdict,
  type WhichNetworkAnswer,
  type WhichNetworkReview,
  type WhichNetworkView,
  whichNetworkAnswer,
} from "./public";

/**
 * "Which network for which data" (issue 14, kind 6), a quiz: match concrete datasets to the
 * structure of their data and the family of layers that fits it; or set a 3×3 convolution filter
 * that picks out one kind of edge of a digit drawn per attempt. Everything is drawn per attempt
 * (datasets, option order and ids, digit, task), and the reasons come only with the review.
 */
export { type WhichNetworkAnswer, type WhichNetworkReview, type WhichNetworkView, whichNetworkAnswer } from "./public";
export { DATASETS } from "./datasets";
export { filterScore, probeResponses, risesOf } from "./filter";

export const whichNetworkConfig = z.discriminatedUnion("part", [
  z.object({
    part: z.literal("match"),
    /** Datasets per attempt: one of each structure, the rest drawn from the whole bank. */
    show: z.number().int().min(3).max(6),
  }),
  z.object({ part: z.literal("filter") }),
]);
export type WhichNetworkConfig = z.infer<typeof whichNetworkConfig>;

const STRUCTURES: Structure[] = ["table", "grid", "sequence"];
const FAMILIES: Family[] = ["dense", "convolutional", "recurrent"];

interface MatchItem {
  dataset: NetworkDataset;
  question: MatchQuestion;
  /** Opaque option id → the structure or family it stands for, in this question. */
  structureOf: Map<string, Structure>;
  familyOf: Map<string, Family>;
}

export type WhichNetworkInstance = { part: "match"; items: MatchItem[]; view: WhichNetworkView } | { part: "filter"; task: FilterTask; view: WhichNetworkView };

function drawMatch(show: number, seed: string): WhichNetworkInstance {
  const rng = createRng(`${seed}\u0000which-network:match`);
  const pool = rng.shuffle([...DATASETS]);
  const picked = STRUCTURES.map((s) => pool.find((d) => d.structure === s)!);
  for (const d of pool) if (picked.length < show && !picked.includes(d)) picked.push(d);
  rng.shuffle(picked);
  const questionIds = opaqueIds(
    seed,
    "which-network:questions",
    picked.map((d) => d.id),
  );
  const items = picked.map((dataset): MatchItem => {
    const structureIds = opaqueIds(seed, `which-network:${dataset.id}:structures`, STRUCTURES);
    const familyIds = opaqueIds(seed, `which-network:${dataset.id}:families`, FAMILIES);
    const question: MatchQuestion = {
      id: questionIds.get(dataset.id)!,
      prompt: dataset.prompt,
      structures: rng.shuffle([...STRUCTURES]).map((s) => ({ id: structureIds.get(s)!, label: STRUCTURE_LABELS[s] })),
      families: rng.shuffle([...FAMILIES]).map((f) => ({ id: familyIds.get(f)!, label: FAMILY_LABELS[f] })),
    };
    return { dataset, question, structureOf: reverse(structureIds) as Map<string, Structure>, familyOf: reverse(familyIds) as Map<string, Family> };
  });
  return { part: "match", items, view: { part: "match", questions: items.map((i) => i.question) } };
}

/** A detector's response (of at most 3) that shows as a clear edge in the feature map. */
const CLEAR_EDGE = 1.8;

function drawFilter(seed: string): WhichNetworkInstance {
  const rng = createRng(`${seed}\u0000which-network:filter`);
  // One side of the strokes, or a left or right side with a top or bottom at once (eight filters in all).
  const across = (["left", "right"] as const)[rng.int(2)];
  const end = (["top", "bottom"] as const)[rng.int(2)];
  const edges: Edge[] = [[across], [end], [across, end], [across, end]][rng.int(4)];
  const ink = (["dark", "light"] as const)[rng.int(2)];
  const task: FilterTask = { edges, ink };
  const digits = drawDigits(`${seed}\u0000which-network:digit`, 10);
  const side = SIDE;
  // Brightness: dark ink is 1 − ink on white paper; light ink is the ink itself on black.
  const imageOf = (which: number) =>
    Array.from(digits.images.subarray(which * side * side, (which + 1) * side * side)).map((v) => Number((ink === "dark" ? 1 - v : v).toFixed(2)));
  // A digit with clear edges of the kind asked for (a "1" has hardly any top edges): the first, in
  // a random order, on which a clean detector of them responds strongly somewhere.
  const detectors = risesOf(task).map((rise) => detectorOf([rise]));
  const strongest = (image: number[]) => Math.min(...detectors.map((d) => Math.max(...featureMap(image, SIDE, d))));
  const order = rng.shuffle(Array.from({ length: digits.count }, (_, i) => i));
  const which = order.find((i) => strongest(imageOf(i)) >= CLEAR_EDGE) ?? order[0];
  const image = imageOf(which);
  return { part: "filter", task, view: { part: "filter", side, image, goal: task, values: [...FILTER_VALUES] } };
}

function matchVerdicts(instance: Extract<WhichNetworkInstance, { part: "match" }>, answer: WhichNetworkAnswer) {
  const picks = answer.picks;
  if (!picks) throw new AnswerRejected("answer.picks", "this level asks which structure and which network fit each dataset");
  for (const id of Object.keys(picks))
    if (!instance.items.some((i) => i.question.id === id)) throw new AnswerRejected(`answer.picks.${id}`, "no such dataset in this challenge (reload it)");
  return instance.items.map((item) => {
    const pick = picks[item.question.id] ?? { structure: null, family: null };
    if (pick.structure !== null && !item.structureOf.has(pick.structure))
      throw new AnswerRejected(`answer.picks.${item.question.id}.structure`, "not an option of this dataset (reload the challenge)");
    if (pick.family !== null && !item.familyOf.has(pick.family))
      throw new AnswerRejected(`answer.picks.${item.question.id}.family`, "not an option of this dataset (reload the challenge)");
    const verdict = (mine: string | null, right: boolean): PickVerdict => (mine === null ? "empty" : right ? "right" : "wrong");
    return {
      item,
      structure: verdict(pick.structure, pick.structure !== null && item.structureOf.get(pick.structure) === item.dataset.structure),
      family: verdict(pick.family, pick.family !== null && item.familyOf.get(pick.family) === FAMILY_OF[item.dataset.structure]),
    };
  });
}

function filterOf(answer: WhichNetworkAnswer): number[] {
  if (!answer.filter) throw new AnswerRejected("answer.filter", "this level asks for the nine cells of a filter");
  return answer.filter;
}

/** Match: the share of picks right (two per dataset). Filter: how cleanly it picks out the wanted edges (./filter.ts). */
function evaluate(_level: Level, _config: WhichNetworkConfig, instance: WhichNetworkInstance, answer: WhichNetworkAnswer): Evaluation {
  if (instance.part === "filter") {
    const { score, wanted, other } = filterScore(instance.task, filterOf(answer));
    return { score, metrics: { wanted, other } };
  }
  const verdicts = matchVerdicts(instance, answer);
  const right = verdicts.reduce((n, v) => n + (v.structure === "right" ? 1 : 0) + (v.family === "right" ? 1 : 0), 0);
  return { score: right / (2 * verdicts.length), metrics: { right, picks: 2 * verdicts.length } };
}

function review(_level: Level, _config: WhichNetworkConfig, instance: WhichNetworkInstance, answer: WhichNetworkAnswer): WhichNetworkReview {
  if (instance.part === "filter") {
    const filter = filterOf(answer);
    const { wanted, other } = filterScore(instance.task, filter);
    const note =
      wanted <= 0
        ? "Your filter gives nothing on the edges asked for: after ReLU only positive responses remain."
        : other > 0
          ? "Your filter also answers to something else: look at the test patches where it is not zero."
          : "Your filter answers only to the edges asked for.";
    return { part: "filter", answer: { filter }, probes: probeResponses(instance.task, filter), note };
  }
  return {
    part: "match",
    answer,
    questions: matchVerdicts(instance, answer).map(({ item, structure, family }) => {
      const idOf = <T>(map: Map<string, T>, value: T) => [...map].find(([, v]) => v === value)![0];
      return {
        id: item.question.id,
        structure: idOf(item.structureOf, item.dataset.structure),
        family: idOf(item.familyOf, FAMILY_OF[item.dataset.structure]),
        structureVerdict: structure,
        familyVerdict: family,
        reason: item.dataset.reason,
      };
    }),
  };
}

/** The dashboard sees the level's own words (structure and family names), not the instance's opaque ids. */
function storedAnswer(_level: Level, _config: WhichNetworkConfig, instance: WhichNetworkInstance, answer: WhichNetworkAnswer): unknown {
  if (instance.part === "filter") return { task: instance.task, filter: answer.filter };
  return Object.fromEntries(
    instance.items.map((item) => {
      const pick = answer.picks?.[item.question.id];
      return [
        item.dataset.id,
        { structure: pick?.structure ? item.structureOf.get(pick.structure) : null, family: pick?.family ? item.familyOf.get(pick.family) : null },
      ];
    }),
  );
}

/** A stored answer (see `storedAnswer`): per dataset id, the structure and family picked; or the task and the filter. */
type StoredAnswer = Record<string, { structure: Structure | null; family: Family | null }> | { task: FilterTask; filter: number[] };

/**
 * For the teacher's dashboard, each wrong pick in the level's own words ("“A bank's customer
 * table…”: layers convolutional"), or what a filter also answered to.
 */
function wrongChoices(config: WhichNetworkConfig, stored: StoredAnswer): string[] {
  if (config.part === "filter") {
    const { task, filter } = stored as { task: FilterTask; filter: number[] };
    const { score, wanted } = filterScore(task, filter);
    if (score >= 1) return [];
    return [wanted <= 0 ? "a filter silent on the edges asked for" : "a filter that also answers to other edges or flat areas"];
  }
  const phrases: string[] = [];
  for (const [id, pick] of Object.entries(stored as Record<string, { structure: Structure | null; family: Family | null }>)) {
    const dataset = DATASETS.find((d) => d.id === id);
    if (!dataset) continue;
    const name = `“${dataset.prompt.length > 40 ? `${dataset.prompt.slice(0, 39)}…` : dataset.prompt}”`;
    if (pick.structure !== dataset.structure) phrases.push(`${name}: data ${pick.structure ?? "not chosen"}`);
    if (pick.family !== FAMILY_OF[dataset.structure]) phrases.push(`${name}: layers ${pick.family ?? "not chosen"}`);
  }
  return phrases;
}

export const whichNetwork = defineKind({
  id: "which-network",
  attempts: "quiz",
  controls: [],
  configSchema: whichNetworkConfig,
  answerSchema: whichNetworkAnswer,
  instance: (_level: Level, config: WhichNetworkConfig, seed: string): WhichNetworkInstance =>
    config.part === "match" ? drawMatch(config.show, seed) : drawFilter(seed),
  publicView: (_level: Level, _config: WhichNetworkConfig, instance: WhichNetworkInstance): WhichNetworkView => instance.view,
  initialAnswer,
  evaluate,
  review,
  storedAnswer,
  wrongChoices: (_level, config, stored) => wrongChoices(config, stored as unknown as StoredAnswer),
  secrets: (_level, config) => (config.part === "match" ? DATASETS.map((d) => d.reason) : []),
  describe(_level, config, { score, metrics }) {
    if (config.part === "match") return `${metrics.right} of the ${metrics.picks} picks are right.`;
    if (metrics.wanted <= 0) return "The filter gives no response on the edges asked for.";
    return score >= 1
      ? "The filter answers only to the edges asked for."
      : `The filter answers ${metrics.wanted} to the edges asked for, but also ${metrics.other} to something else.`;
  },
});
