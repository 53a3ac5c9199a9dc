/**
 * The farming bot's playbook (test/api/farming-bot.test.ts): what a player who knows nothing of
 * the concepts can make of what the browser receives — the public level the server sends and,
 * after a scored answer, its review. Browser-side code only (the kinds' public.ts modules): the
 * bot never reads an instance or the level catalog.
 *
 *  - `blank`: the answer a page starts from (what pressing Submit straight away sends);
 *  - `fromReview`: the right answer the review of a scored try shows, copied as is;
 *  - `nthOption`: the i-th answer of a systematic sweep (every option of a finite choice set in
 *    turn; for continuous answers, a grid of guesses);
 *  - `answerLikeKeys`: fields of a served payload whose names suggest an answer key (the bot would copy them).
 */
import { initialAnswer as backwardPassInitial, type BackwardPassReview, type BackwardPassView } from "../../core/kinds/backward-pass/public";
import { initialAnswer as chainRuleInitial, type ChainRuleReview } from "../../core/kinds/chain-rule/public";
import { type ConceptReview, type ConceptResponse, type ConceptView, initialAnswer as conceptInitial } from "../../core/kinds/concept/public";
import { type CoordinateChangeReview, type CoordinateChangeView, initialAnswer as coordinateInitial } from "../../core/kinds/coordinate-change/public";
import { type DeepTrainingReview, type DeepTrainingView, initialAnswer as deepInitial } from "../../core/kinds/deep-training/public";
import { type DigitsReview, type DigitsView, initialAnswer as digitsInitial } from "../../core/kinds/digits/public";
import { type DownhillAnswer, type DownhillView, initialAnswer as downhillInitial } from "../../core/kinds/downhill/public";
import { type FeaturesReview, type FeaturesView, initialAnswer as featuresInitial } from "../../core/kinds/features/public";
import { type GeneraliseReview, type GeneraliseView, initialAnswer as generaliseInitial } from "../../core/kinds/generalise/public";
import { type HeadTrainingReview, type HeadTrainingView, initialAnswer as headTrainingInitial } from "../../core/kinds/head-training/public";
import { type LearningRateReview, type LearningRateView, initialAnswer as learningRateInitial } from "../../core/kinds/learning-rate/public";
import { ACTIVATIONS, LOSSES, type OutputHeadReview, type OutputHeadView, initialAnswer as outputHeadInitial } from "../../core/kinds/output-head/public";
import { initialAnswer as nonlinearityInitial, type NonlinearityReview, type NonlinearityView } from "../../core/kinds/nonlinearity/public";
import type { KindId } from "../../core/kinds/public";
import { initialAnswer as runTheLoopInitial, type RunTheLoopReview, type RunTheLoopView } from "../../core/kinds/run-the-loop/public";
import { type TrainingLoopReview, type TrainingLoopView, initialAnswer as trainingLoopInitial } from "../../core/kinds/training-loop/public";
import { type TuneWeightsReview, type TuneWeightsView, initialAnswer as tuneWeightsInitial } from "../../core/kinds/tune-weights/public";
import type { PublicLevel } from "../../core/play/public-level";
import { initialAnswer as whichNetworkInitial, type WhichNetworkReview, type WhichNetworkView } from "../../core/kinds/which-network/public";
import { initialAnswer as whyNowInitial, type WhyNowReview, type WhyNowView } from "../../core/kinds/why-now/public";

// The bot handles every kind: a new kind makes this table (and so the type check) incomplete.
type PerKind<T> = { [K in KindId]: T };

// Views and reviews arrive as JSON: each kind's entry reads them with that kind's types.
type Json = any;

const blanks: PerKind<(view: Json) => unknown> = {
  "backward-pass": backwardPassInitial,
  "chain-rule": chainRuleInitial,
  concept: conceptInitial,
  "coordinate-change": coordinateInitial,
  "deep-training": deepInitial,
  digits: digitsInitial,
  downhill: downhillInitial,
  generalise: generaliseInitial,
  features: featuresInitial,
  "head-training": headTrainingInitial,
  "learning-rate": learningRateInitial,
  "output-head": outputHeadInitial,
  "training-loop": trainingLoopInitial,
  "tune-weights": tuneWeightsInitial,
  nonlinearity: nonlinearityInitial,
  "which-network": whichNetworkInitial,
  "why-now": whyNowInitial,
  "run-the-loop": runTheLoopInitial,
};

/** The answer the page starts from: a blank submit. */
export function blank(level: PublicLevel): unknown {
  return blanks[level.kind](level.view);
}

/**
 * The right answer a review shows, as the next submission (same kind, any instance). For kinds whose
 * review shows no answer as such (downhill: where the bowl's bottom is, not the steps), the answer
 * the review was about, resubmitted.
 */
const copies: PerKind<(review: Json) => unknown> = {
  "backward-pass": (r: BackwardPassReview) => ({ gradients: r.gradients }),
  // The steps the loop needed on the reviewed instance, with the right numbers of that instance.
  "run-the-loop": (r: RunTheLoopReview) => ({
    steps: r.steps.filter((s) => s.expected !== null).map((s) => ({ step: s.expected, values: s.right })),
  }),
  "chain-rule": (r: ChainRuleReview) => ({ gradient: r.gradient }),
  concept: (r: ConceptReview) => ({ responses: Object.fromEntries(r.questions.map((q) => [q.id, q.correct])) }),
  "coordinate-change": (r: CoordinateChangeReview) => (r.search ? { ...r.solution.answer, angleDeg: r.search.best.angleDeg } : r.solution.answer),
  "deep-training": (r: DeepTrainingReview) => ({ ...r.answer, prediction: r.predictionTruth.right[0] ?? r.answer.prediction }),
  digits: (r: DigitsReview) => ({ ...r.answer, prediction: r.predictionTruth.right }),
  downhill: (r: { answer: DownhillAnswer }) => r.answer,
  generalise: (r: GeneraliseReview) => ({ ...r.answer, prediction: r.rightPrediction }),
  features: (r: FeaturesReview) =>
    r.answer.mode === "hand" ? { mode: "hand", features: r.needs } : { ...r.answer, prediction: r.rightPrediction ?? r.answer.prediction },
  "learning-rate": (r: LearningRateReview) => ({ ...r.answer, prediction: r.predictionTruth.right }),
  "head-training": (r: HeadTrainingReview) => r.recipes[0],
  "output-head": (r: OutputHeadReview) => ({
    heads: Object.fromEntries(r.cards.map((c) => [c.id, { units: c.units, activation: c.activations[0], loss: c.losses[0] }])),
  }),
  "training-loop": (r: TrainingLoopReview) => ({ order: r.correct }),
  "tune-weights": (r: TuneWeightsReview) => ({ weights: r.solution.weights }),
  nonlinearity: (r: NonlinearityReview) =>
    r.mode === "collapse" ? { mode: "collapse", w: r.single.w, b: r.single.b } : { mode: "bend", hidden: "relu", weights: r.solution.weights },
  // Match: the right picks the review marks; filter: the review shows no model filter, so the answer it was about.
  "which-network": (r: WhichNetworkReview) =>
    r.part === "match" ? { picks: Object.fromEntries(r.questions.map((q) => [q.id, { structure: q.structure, family: q.family }])) } : r.answer,
  // Chart: each question's right option or order; sort: each statement's right group.
  "why-now": (r: WhyNowReview) =>
    r.part === "chart"
      ? { responses: Object.fromEntries(r.questions.map((q) => [q.id, q.correct])) }
      : { placed: Object.fromEntries(r.cards.map((c) => [c.id, c.bin])) },
};

/**
 * The review's answer, copied as a person would copy it onto the next page: by the words. Option,
 * card and prediction ids are opaque per instance, so every id of the reviewed instance (`before`,
 * the view it was served) is replaced by the id the same label or prompt has in `after` (the view
 * now served), where it has one. Without `after`, the ids are copied as they are.
 */
export function fromReview(kind: string, review: unknown, before?: PublicLevel, after?: PublicLevel): unknown {
  const answer = copies[kind as KindId](review);
  if (!before || !after) return answer;
  if (kind === "which-network" && (after.view as WhichNetworkView).part === "match") return matchByWords(review as WhichNetworkReview, before, after);
  const labels = labelsById(before.view);
  const ids = new Map([...labelsById(after.view)].map(([id, label]) => [label, id]));
  const rename = (id: string) => ids.get(labels.get(id) ?? "") ?? id;
  const remap = (value: unknown): unknown => {
    if (typeof value === "string") return rename(value);
    if (Array.isArray(value)) return value.map(remap);
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [rename(k), remap(v)]));
    return value;
  };
  return fitTo(kind, remap(answer), after);
}

/**
 * Which network, match: every question offers the same three labels, so the words of the right
 * options are copied per dataset (by its prompt), onto the datasets the new instance shows again.
 */
function matchByWords(review: WhichNetworkReview, before: PublicLevel, after: PublicLevel): unknown {
  if (review.part !== "match") return review.answer;
  type MatchView = Extract<WhichNetworkView, { part: "match" }>;
  const seen = new Map(
    (before.view as MatchView).questions.map((q) => {
      const right = review.questions.find((r) => r.id === q.id);
      const label = (options: { id: string; label: string }[], id?: string) => options.find((o) => o.id === id)?.label;
      return [q.prompt, { structure: label(q.structures, right?.structure), family: label(q.families, right?.family) }];
    }),
  );
  const picks = Object.fromEntries(
    (after.view as MatchView).questions.map((q) => {
      const words = seen.get(q.prompt);
      const id = (options: { id: string; label: string }[], label?: string) => options.find((o) => o.label === label)?.id ?? null;
      return [q.id, { structure: id(q.structures, words?.structure), family: id(q.families, words?.family) }];
    }),
  );
  return { picks };
}

/** Keeps the parts of a copied answer that the served instance shows (a quiz draws some questions or cards of a pool). */
function fitTo(kind: string, answer: unknown, level: PublicLevel): unknown {
  const keep = (record: Record<string, unknown>, ids: string[]) => Object.fromEntries(Object.entries(record).filter(([id]) => ids.includes(id)));
  if (kind === "concept") {
    const { responses } = answer as { responses: Record<string, unknown> };
    return {
      responses: keep(
        responses,
        (level.view as ConceptView).questions.map((q) => q.id),
      ),
    };
  }
  if (kind === "which-network" && (level.view as WhichNetworkView).part === "match") {
    const { picks } = answer as { picks: Record<string, unknown> };
    return {
      picks: keep(
        picks,
        (level.view as Extract<WhichNetworkView, { part: "match" }>).questions.map((q) => q.id),
      ),
    };
  }
  if (kind === "why-now") {
    const { responses, placed } = answer as { responses?: Record<string, unknown>; placed?: Record<string, unknown> };
    const view = level.view as WhyNowView;
    if (view.part === "chart")
      return {
        responses: keep(
          responses ?? {},
          view.questions.map((q) => q.id),
        ),
      };
    return {
      placed: keep(
        placed ?? {},
        view.cards.map((c) => c.id),
      ),
    };
  }
  if (kind === "output-head") {
    const { heads } = answer as { heads: Record<string, unknown> };
    return {
      heads: keep(
        heads,
        (level.view as OutputHeadView).cards.map((c) => c.id),
      ),
    };
  }
  return answer;
}

/** Every `{ id, label }` (or `{ id, prompt }`) in a view: the words a player sees for each opaque id. */
function labelsById(value: unknown, found = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) for (const v of value) labelsById(v, found);
  else if (value && typeof value === "object") {
    const o = value as Record<string, unknown>;
    const words = o.label ?? o.prompt;
    if (typeof o.id === "string" && typeof words === "string") found.set(o.id, words);
    for (const v of Object.values(o)) labelsById(v, found);
  }
  return found;
}

/** The i-th element of the cartesian product of `lists` (i counts up through every combination, then wraps). */
function nthOf<T>(lists: readonly (readonly T[])[], i: number): T[] {
  let rest = i;
  return lists.map((list) => {
    const pick = list[rest % list.length];
    rest = Math.floor(rest / list.length);
    return pick;
  });
}

/** How many answers the sweep has before it wraps (Infinity for continuous answers). */
function productSize(lists: readonly (readonly unknown[])[]): number {
  return lists.reduce((n, list) => n * Math.max(1, list.length), 1);
}

const rotate = <T>(items: readonly T[], by: number): T[] => items.map((_, j) => items[(j + by) % items.length]);

function conceptSweep(view: ConceptView, i: number): unknown {
  const responses: Record<string, ConceptResponse> = {};
  for (const q of view.questions) {
    const ids = q.options.map((o) => o.id);
    if (q.type === "single") responses[q.id] = [ids[i % ids.length]];
    else if (q.type === "multiple") responses[q.id] = ids.filter((_, j) => ((i + 1) >> j) & 1);
    else if (q.type === "order") responses[q.id] = rotate(ids, i % ids.length);
    else responses[q.id] = Object.fromEntries(ids.map((id, j) => [id, q.bins![(i + j) % q.bins!.length].id]));
  }
  return { responses };
}

/** The i-th answer of a systematic sweep, and how many the sweep holds before it repeats. */
type Sweep = (view: Json, i: number, previousReview: Json) => { answer: unknown; size: number };

const sweeps: PerKind<Sweep> = {
  concept: (view: ConceptView, i) => ({ answer: conceptSweep(view, i), size: Number.POSITIVE_INFINITY }),
  "training-loop": (view: TrainingLoopView, i) => {
    const ids = view.steps.map((s) => s.id);
    // Rotations, then rotations with the first card set aside.
    const rotated = rotate(ids, i % ids.length);
    return { answer: { order: i < ids.length ? rotated : rotated.slice(1) }, size: 2 * ids.length };
  },
  "output-head": (view: OutputHeadView, i) => {
    const [activation, loss, units] = nthOf<string | number>([ACTIVATIONS, LOSSES, [1, 2, 3, 10]], i);
    return { answer: { heads: Object.fromEntries(view.cards.map((c) => [c.id, { units, activation, loss }])) }, size: 6 * 3 * 4 };
  },
  "deep-training": (view: DeepTrainingView, i) => {
    const lists = [...view.open.map((control) => view.options[control] ?? []), view.prediction.options.map((o) => o.id)];
    // A level with a limit on changes: the sweep keeps to the answers the rule allows (the others are refused, not scored).
    const within = (picks: string[]) =>
      view.maxChanges === undefined || view.open.filter((control, j) => picks[j] !== view.start[control]).length <= view.maxChanges;
    const allowed = Array.from({ length: productSize(lists) }, (_, n) => nthOf(lists, n)).filter(within);
    const picks = allowed[i % allowed.length];
    const choice = Object.fromEntries(view.open.map((control, j) => [control, picks[j]]));
    return { answer: { ...view.start, ...choice, prediction: picks.at(-1) }, size: allowed.length };
  },
  digits: (view: DigitsView, i) => {
    const lists: (readonly (string | number)[])[] = [view.depths, view.widths, view.examples, view.prediction.options.map((o) => o.id)];
    const [depth, width, examples, prediction] = nthOf(lists, i);
    return { answer: { depth, width, examples, prediction }, size: productSize(lists) };
  },
  generalise: (view: GeneraliseView, i) => {
    const lists: (readonly (string | number)[])[] = [view.sizes, view.regularisers, view.stops, view.prediction.options.map((o) => o.id)];
    const [size, regulariser, epochs, prediction] = nthOf(lists, i);
    return { answer: { size, regulariser, epochs, prediction }, size: productSize(lists) };
  },
  features: (view: FeaturesView, i) => {
    if (view.mode === "learned") {
      const lists: (readonly (string | number)[])[] = [view.units, view.activations, view.prediction.options.map((o) => o.id)];
      const [hidden, activation, prediction] = nthOf(lists, i);
      return { answer: { mode: "learned", hidden, activation, prediction }, size: productSize(lists) };
    }
    // Every set of at most maxFeatures features, singles first.
    const sets = view.features.flatMap((f, a) => [[f], ...(view.maxFeatures > 1 ? view.features.slice(a + 1).map((g) => [f, g]) : [])]);
    return { answer: { mode: "hand", features: sets[i % sets.length] }, size: sets.length };
  },
  "head-training": (view: HeadTrainingView, i) => {
    const lists: (readonly (string | number)[])[] = [view.units, view.activations, view.losses];
    const [units, activation, loss] = nthOf(lists, i);
    return { answer: { units, activation, loss }, size: productSize(lists) };
  },
  "learning-rate": (view: LearningRateView, i) => {
    const lists: (readonly (string | number)[])[] = [view.rates, view.prediction.options.map((o) => o.id)];
    const [learningRate, prediction] = nthOf(lists, i);
    return { answer: { learningRate, prediction }, size: productSize(lists) };
  },
  "coordinate-change": (view: CoordinateChangeView, i) => {
    const start = coordinateInitial(view);
    const turns = view.locked.includes("rotate") ? start.angleDeg : -180 + 45 * (i % 8);
    const rule = view.rules[Math.floor(i / 8) % view.rules.length];
    return { answer: { ...start, angleDeg: turns, rule }, size: 8 * view.rules.length };
  },
  "tune-weights": (view: TuneWeightsView, i) => ({ answer: { weights: view.start.map((w, j) => w + ((i + j) % 5) - 2) }, size: Number.POSITIVE_INFINITY }),
  downhill: (view: DownhillView, i) => {
    const play = view.play;
    const f = (i % 5) / 4; // 0, ¼, ½, ¾, 1 of each slider's range
    const rate = (min: number, max: number) => min * (max / min) ** f;
    switch (play.mode) {
      case "steps":
        return { answer: { mode: "steps", sizes: Array(play.maxSteps).fill(play.stepMax * (0.1 + 0.2 * f)) }, size: 5 };
      case "run":
        return { answer: { mode: "run", learningRate: rate(play.rateMin, play.rateMax), momentum: play.momentumMax * f }, size: 5 };
      case "batches":
        return { answer: { mode: "batches", batchSize: play.sizes[i % play.sizes.length], learningRate: rate(play.rateMin, play.rateMax) }, size: 5 };
    }
  },
  nonlinearity: (view: NonlinearityView, i) =>
    view.mode === "collapse"
      ? { answer: { mode: "collapse", w: [(i % 5) - 2, (Math.floor(i / 5) % 5) - 2], b: (i % 7) - 3 }, size: Number.POSITIVE_INFINITY }
      : {
          answer: { mode: "bend", hidden: i % 2 ? "relu" : "identity", weights: view.start.map((w, j) => w + ((i + j) % 5) - 2) },
          size: Number.POSITIVE_INFINITY,
        },
  "chain-rule": (_view, i) => ({ answer: { gradient: [-1, -0.5, -0.1, 0, 0.1, 0.5, 1, 2][i % 8] }, size: 8 }),
  "backward-pass": (view: BackwardPassView, i, previousReview: BackwardPassReview | undefined) => {
    // The field ids are the same names on every instance (w, b, v…): the bot learns them from a review.
    const fields = Object.keys(previousReview?.gradients ?? backwardPassInitial(view).gradients);
    return { answer: { gradients: Object.fromEntries(fields.map((f, j) => [f, [-1, -0.5, 0, 0.5, 1][(i + j) % 5]])) }, size: 5 };
  },
  "run-the-loop": (view: RunTheLoopView, i) => {
    // The loop's order (forward, loss, backward, update; 1 to 4 times; then forward, loss, stop), numbers from a grid of guesses.
    const guess = (j: number) => [-1, -0.5, 0, 0.5, 1, 2][(i + j) % 6];
    const steps: { step: string; values: number[] }[] = [];
    for (let k = 0; k <= i % 4; k++)
      steps.push(
        { step: "forward", values: view.points.map((_, j) => guess(j + k)) },
        { step: "loss", values: [guess(k + 1)] },
        { step: "backward", values: [guess(k + 2)] },
        { step: "update", values: [guess(k + 3)] },
      );
    steps.push({ step: "forward", values: view.points.map((_, j) => guess(j)) }, { step: "loss", values: [guess(1)] }, { step: "stop", values: [] });
    return { answer: { steps }, size: Number.POSITIVE_INFINITY };
  },
  "which-network": (view: WhichNetworkView, i) => {
    if (view.part === "filter")
      // A grid of guesses: every cell cycles through −2…2 at its own pace.
      return { answer: { filter: Array.from({ length: 9 }, (_, j) => (((i + 1) * (j + 3) + j * j) % 5) - 2) }, size: Number.POSITIVE_INFINITY };
    const picks = Object.fromEntries(
      view.questions.map((q, j) => [q.id, { structure: q.structures[(i + j) % 3].id, family: q.families[(Math.floor(i / 3) + j) % 3].id }]),
    );
    return { answer: { picks }, size: 9 };
  },
  "why-now": (view: WhyNowView, i) => {
    if (view.part === "sort")
      return { answer: { placed: Object.fromEntries(view.cards.map((c, j) => [c.id, view.bins[(i + j) % 3].id])) }, size: Number.POSITIVE_INFINITY };
    const responses = Object.fromEntries(
      view.questions.map((q, j) => {
        const options = q.options.map((o) => o.id);
        return [q.id, q.type === "order" ? rotate(options, (i + j) % options.length) : [options[(i + j) % options.length]]];
      }),
    );
    return { answer: { responses }, size: Number.POSITIVE_INFINITY };
  },
};

/** The i-th guess of a systematic sweep over the answers this view allows, and how many the sweep has. */
export function nthOption(level: PublicLevel, i: number, previousReview?: unknown): { answer: unknown; size: number } {
  return sweeps[level.kind](level.view, i, previousReview);
}

/**
 * Names of fields that would hold an answer key or its teaching. A public level may say what the
 * goal is ("targetLoss", "target": the label) but never which option is right.
 */
const ANSWER_LIKE =
  /^(correct|corrects|correctIds|isCorrect|right|rightAnswer|answer|answers|answerKey|key|solution|solutions|expected|expectedValue|truth|predictionTruth|why|whys|explanation|explanations|order|correctOrder|hiddenAngle|angleDeg|origin|secret|seed|best)$/i;

/** Every path in `value` whose key looks like an answer key (see ANSWER_LIKE). */
export function answerLikeKeys(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => answerLikeKeys(v, `${path}[${i}]`));
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, v]) => [...(ANSWER_LIKE.test(key) ? [`${path}.${key}`] : []), ...answerLikeKeys(v, `${path}.${key}`)]);
}
