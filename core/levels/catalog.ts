import { chapters } from "./chapters";
import { levelSchema, type Level } from "./format";
import { rulesFromDataLevels } from "./1-rules-from-data";
import { representationLevels } from "./2-representations";
import { weightsLossOptimizerLevels } from "./3-weights-loss-optimizer";
import { backwardPassLevels } from "./3-backward-pass";
import { downhillLevels } from "./3-downhill";
import { runTheLoopLevels } from "./3-run-the-loop";
import { goingDeepLevels } from "./4-going-deep";
import { nonlinearityLevels } from "./4-nonlinearity";
import { featuresLevels } from "./4-features";
import { headTrainingLevels } from "./4-head-training";
import { deepRepresentationLevels } from "./5-deep-representations";
import { generaliseLevels } from "./5-memorise-or-generalise";
import { whyNowLevels } from "./6-why-now";
import { whichNetworkLevels } from "./5-which-network";
import { configOf, kindOf } from "../kinds/registry";

// One file per chapter; the order of the campaign is CAMPAIGN_ORDER's.
const allLevels: Level[] = [
  ...rulesFromDataLevels,
  ...representationLevels,
  ...weightsLossOptimizerLevels,
  ...downhillLevels,
  ...runTheLoopLevels,
  ...backwardPassLevels,
  ...goingDeepLevels,
  ...nonlinearityLevels,
  ...featuresLevels,
  ...headTrainingLevels,
  ...deepRepresentationLevels,
  ...generaliseLevels,
  ...whichNetworkLevels,
  ...whyNowLevels,
].map((input) => levelSchema.parse(input));

/**
 * The campaign's order, in one place: each chapter's levels as they are taught. Chapter 3 goes
 * from setting weights by hand, to the optimizer's step size, to the loop that repeats it, to the
 * gradient that drives it; chapter 4 fixes deep networks before choosing their output heads.
 */
const CAMPAIGN_ORDER = [
  // 1 Rules from data
  "rules-or-examples",
  "what-learning-needs",
  "ai-ml-dl",
  // 2 Representations
  "turn-the-axes",
  "turn-and-shift",
  "admissions",
  "circles",
  "xor",
  "let-the-machine-search",
  // 3 Weights, loss, optimizer
  "fit-a-line",
  "one-neuron",
  "xor-by-hand",
  "pick-a-learning-rate",
  "downhill-by-hand",
  "narrow-valley",
  "mini-batches",
  "order-the-training-loop",
  "run-the-loop",
  "chain-rule-one-neuron",
  "chain-rule-two-layers",
  "backward-pass-branch",
  "backward-pass-batch",
  // 4 Going deep
  "stacked-lines",
  "one-bend",
  "features-by-hand",
  "features-learned",
  "vanishing-gradients",
  "initialisation",
  "optimizers",
  "very-deep",
  "classification-heads",
  "regression-heads",
  "train-the-head",
  // 5 Deep representations
  "what-the-layers-see",
  "more-data-or-bigger",
  "stop-in-time",
  "memorise-or-generalise",
  "match-the-network",
  "slide-a-filter",
  // 6 Why now
  "faster-hardware",
  "data-and-benchmarks",
  "better-algorithms",
  "then-and-now",
  "humans-overtaken",
  "why-it-took-off",
];

/** Every level, in campaign order (chapter order, then the order within the chapter). */
export const levels: Level[] = CAMPAIGN_ORDER.map((id) => {
  const level = allLevels.find((l) => l.id === id);
  if (!level) throw new Error(`CAMPAIGN_ORDER lists "${id}", but no level has that id`);
  return level;
});
const unlisted = allLevels.filter((l) => !CAMPAIGN_ORDER.includes(l.id));
if (unlisted.length) throw new Error(`add ${unlisted.map((l) => `"${l.id}"`).join(", ")} to CAMPAIGN_ORDER in core/levels/catalog.ts`);
if (new Set(CAMPAIGN_ORDER).size !== CAMPAIGN_ORDER.length) throw new Error("CAMPAIGN_ORDER lists a level twice");
levels.forEach((level, i) => {
  if (i > 0 && chapterNumber(level.chapter) < chapterNumber(levels[i - 1].chapter))
    throw new Error(`CAMPAIGN_ORDER: "${level.id}" comes after a later chapter's level`);
});

function chapterNumber(id: string): number {
  const chapter = chapters.find((c) => c.id === id);
  if (!chapter) throw new Error(`unknown chapter "${id}"`);
  return chapter.number;
}

// Fail at load, not at play time, if a level does not fit its kind (a typo in a locked
// control would otherwise silently lock nothing).
for (const level of levels) {
  const kind = kindOf(level.kind);
  configOf(level);
  const unknown = level.lockedControls.filter((c) => !kind.controls.includes(c));
  if (unknown.length) throw new Error(`level ${level.id}: unknown locked control(s) ${unknown.join(", ")}; ${kind.id} has ${kind.controls.join(", ")}`);
}

const byId = new Map(levels.map((level) => [level.id, level]));

export function findLevel(id: string): Level | undefined {
  return byId.get(id);
}

/** Chapters that have levels, each with its levels in order. */
export function campaign() {
  return chapters.map((chapter) => ({ ...chapter, levels: levels.filter((l) => l.chapter === chapter.id) })).filter((c) => c.levels.length > 0);
}

/** A level is open once the level before it (in campaign order) has at least one star. */
export function isUnlocked(levelId: string, starsByLevel: ReadonlyMap<string, number>): boolean {
  const index = levels.findIndex((l) => l.id === levelId);
  if (index <= 0) return index === 0;
  return (starsByLevel.get(levels[index - 1].id) ?? 0) > 0;
}

export function nextLevel(levelId: string): Level | undefined {
  const index = levels.findIndex((l) => l.id === levelId);
  return index >= 0 ? levels[index + 1] : undefined;
}
