import {
  type BackwardPassAnswer,
  type BackwardPassReview,
  type BackwardPassView,
  fieldsOf,
  isWithinTolerance as gradientWithinTolerance,
} from "../kinds/backward-pass/public";
import { type ChainRuleAnswer, type ChainRuleReview, type ChainRuleView, isWithinTolerance, symbol, ZERO_RELATIVE } from "../kinds/chain-rule/public";
import type { ConceptAnswer, ConceptReview, ConceptView, PublicQuestion, QuestionReview } from "../kinds/concept/public";
import type { CoordinateChangeAnswer, CoordinateChangeReview, CoordinateChangeView } from "../kinds/coordinate-change/public";
import { optionInfo } from "../kinds/deep-training/public-options";
import { choiceLabel, type DeepTrainingAnswer, type DeepTrainingView } from "../kinds/deep-training/public";
import type { DigitsAnswer, DigitsView } from "../kinds/digits/public";
import { featureList } from "../kinds/features/public";
import { headLabel as headTrainingLabel } from "../kinds/head-training/public";
import type { GeneraliseAnswer, GeneraliseView } from "../kinds/generalise/public";
import type { LearningRateAnswer } from "../kinds/learning-rate/public";
import { activationLabels, type HeadChoice, lossLabels, type OutputHeadAnswer, type OutputHeadReview, type OutputHeadView } from "../kinds/output-head/public";
import type { KindAnswer, KindId, KindReview, KindView } from "../kinds/public";
import type { TrainingLoopAnswer, TrainingLoopReview, TrainingLoopView } from "../kinds/training-loop/public";
import type { WhichNetworkAnswer, WhichNetworkReview, WhichNetworkView } from "../kinds/which-network/public";
import type { WhyNowAnswer, WhyNowReview, WhyNowView } from "../kinds/why-now/public";
import { formatLoss, preview as tuneWeightsPreview, type TuneWeightsAnswer, type TuneWeightsView } from "../kinds/tune-weights/public";
import type { PublicLevel } from "../play/public-level";

/**
 * What the class answered in a round, as a picture for the projector at the reveal: no names, only
 * counts. Three shapes, one per family of kinds:
 *  - "questions" (quizzes): per question, how many picked each option (or placed each item right),
 *    which options are right, and how many got the whole question right;
 *  - "choices" (experiments): every choice tried, how many tried it and what it scored;
 *  - "spread" (manipulations, numbers): how the answers spread over ranges of an angle, a loss, an
 *    error, with the range holding the right (or best) answer marked.
 *
 * Pure and computed on the server from the round's public level, the review shown at the reveal
 * (the instance's right answer) and every player's best answer (validated when it was scored). The
 * right answer comes only from the review, so nothing here knows an answer key.
 */
export interface OptionTally {
  label: string;
  count: number;
  /** Whether this option is (part of) the right answer; null when the review is not known. */
  correct: boolean | null;
}

export interface QuestionTally {
  prompt: string;
  /** What an option's count counts: players who chose it, or who put it in its right place. */
  counts: "chose" | "placed right";
  /** Players who answered the question, and who got all of it right. */
  answered: number;
  right: number;
  options: OptionTally[];
}

export interface ChoiceTally {
  label: string;
  count: number;
  /** The score this choice earned (the best among the players who tried it). */
  score: number;
  /** The best-scoring choice the class tried. */
  best: boolean;
}

export interface SpreadBin {
  label: string;
  count: number;
  /** The range that holds the right (or the best) answer. */
  right: boolean;
}

/** How many players stopped their run at an epoch (Memorise or generalise: drawn on the probe's curves). */
export interface StopTally {
  epoch: number;
  count: number;
}

export type ClassAnswers =
  | { type: "questions"; answered: number; questions: QuestionTally[] }
  | { type: "choices"; answered: number; choices: ChoiceTally[]; stops?: StopTally[] }
  | { type: "spread"; answered: number; measure: string; bins: SpreadBin[]; note: string | null };

/** One player's best answer of the round, as the room keeps it. */
export interface ClassAnswer {
  answer: unknown;
  score: number;
  stars: number;
}

type Tally<K extends KindId> = (view: KindView<K>, review: KindReview<K> | null, answers: { answer: KindAnswer<K>; score: number }[]) => ClassAnswers;

/** Every kind's way of summing up the class: a kind without one is a compile error. */
const tallies: { [K in KindId]: Tally<K> } = {
  concept: conceptTally,
  "training-loop": trainingLoopTally,
  "output-head": outputHeadTally,
  "chain-rule": chainRuleTally,
  "coordinate-change": coordinateChangeTally,
  "tune-weights": tuneWeightsTally,
  "deep-training": (view, _review, answers) => choicesTally(answers, (a) => deepTrainingLabel(view, a)),
  "learning-rate": (_view, _review, answers) => choicesTally(answers, (a: LearningRateAnswer) => `rate ${a.learningRate}`),
  digits: (view, _review, answers) => choicesTally(answers, (a) => digitsLabel(view, a)),
  downhill: (_view, review, answers) => scoreSpread(answers, "Score", review ? `The bottom of the bowl: loss ${review.minimum.loss.toPrecision(3)}` : null),
  "backward-pass": backwardPassTally,
  "run-the-loop": (_view, _review, answers) => scoreSpread(answers, "Score", null),
  nonlinearity: (_view, _review, answers) => scoreSpread(answers, "Score", null),
  "which-network": whichNetworkTally,
  "why-now": whyNowTally,
  generalise: generaliseTally,
  features: (_view, _review, answers) =>
    choicesTally(answers, (a) => (a.mode === "hand" ? featureList(a.features) : `${a.hidden} hidden ${a.activation} units`)),
  "head-training": (_view, _review, answers) => choicesTally(answers, headTrainingLabel),
};

/** The class's answers to a round: null for a level this build does not know. */
export function classAnswers(level: PublicLevel, review: unknown, answers: ClassAnswer[]): ClassAnswers | null {
  if (!Object.hasOwn(tallies, level.kind)) return null;
  const tally = tallies[level.kind] as unknown as Tally<KindId>;
  return tally(level.view as KindView<KindId>, (review ?? null) as KindReview<KindId> | null, answers as { answer: KindAnswer<KindId>; score: number }[]);
}

// ── Quizzes ─────────────────────────────────────────────────────────────────────────────

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const sameOrder = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => b[i] === x);

function conceptTally(view: ConceptView, review: ConceptReview | null, answers: { answer: ConceptAnswer }[]): ClassAnswers {
  const questions = view.questions.map((q) =>
    questionTally(
      q,
      review?.questions.find((r) => r.id === q.id) ?? null,
      answers.map((a) => a.answer.responses[q.id]),
    ),
  );
  return { type: "questions", answered: answers.length, questions };
}

function questionTally(q: PublicQuestion, review: QuestionReview | null, responses: (ConceptAnswer["responses"][string] | undefined)[]): QuestionTally {
  const correct = review?.correct ?? null;
  if (q.type === "sort") {
    const key = correct && !Array.isArray(correct) ? correct : null;
    const maps = responses.filter((r): r is Record<string, string> => !!r && !Array.isArray(r) && Object.keys(r).length > 0);
    const binLabel = (id: string | undefined) => q.bins?.find((b) => b.id === id)?.label ?? "?";
    return {
      prompt: q.prompt,
      counts: "placed right",
      answered: maps.length,
      right: key ? maps.filter((m) => q.options.every((o) => m[o.id] === key[o.id])).length : 0,
      options: q.options.map((o) => ({
        label: key ? `${o.label} → ${binLabel(key[o.id])}` : o.label,
        count: key ? maps.filter((m) => m[o.id] === key[o.id]).length : 0,
        correct: key ? true : null,
      })),
    };
  }
  const lists = responses.filter((r): r is string[] => Array.isArray(r) && r.length > 0);
  const key = Array.isArray(correct) ? correct : null;
  if (q.type === "order") {
    // Everyone starts from the shown order: an order question counts as answered when it was submitted.
    const ordered = key ? [...q.options].sort((a, b) => key.indexOf(a.id) - key.indexOf(b.id)) : q.options;
    return {
      prompt: q.prompt,
      counts: "placed right",
      answered: lists.length,
      right: key ? lists.filter((l) => sameOrder(l, key)).length : 0,
      options: ordered.map((o) => ({
        label: o.label,
        count: key ? lists.filter((l) => l.indexOf(o.id) === key.indexOf(o.id)).length : 0,
        correct: key ? true : null,
      })),
    };
  }
  return {
    prompt: q.prompt,
    counts: "chose",
    answered: lists.length,
    right: key ? lists.filter((l) => sameSet(l, key)).length : 0,
    options: q.options.map((o) => ({ label: o.label, count: lists.filter((l) => l.includes(o.id)).length, correct: key ? key.includes(o.id) : null })),
  };
}

function trainingLoopTally(view: TrainingLoopView, review: TrainingLoopReview | null, answers: { answer: TrainingLoopAnswer }[]): ClassAnswers {
  const key = review?.correct ?? null;
  const orders = answers.map((a) => a.answer.order);
  const steps = key ? [...view.steps].sort((a, b) => key.indexOf(a.id) - key.indexOf(b.id)) : view.steps;
  const question: QuestionTally = {
    prompt: "The training loop, step by step",
    counts: "placed right",
    answered: orders.length,
    right: key ? orders.filter((o) => sameOrder(o, key)).length : 0,
    options: steps.map((s) => ({
      label: s.label,
      count: key ? orders.filter((o) => o.indexOf(s.id) === key.indexOf(s.id)).length : 0,
      correct: key ? true : null,
    })),
  };
  return { type: "questions", answered: answers.length, questions: [question] };
}

const MAX_HEAD_OPTIONS = 4;
const headLabel = (h: HeadChoice) =>
  [
    h.units === null ? "? units" : `${h.units} unit${h.units === 1 ? "" : "s"}`,
    h.activation ? activationLabels[h.activation] : "?",
    h.loss ? lossLabels[h.loss] : "?",
  ].join(" · ");

function outputHeadTally(view: OutputHeadView, review: OutputHeadReview | null, answers: { answer: OutputHeadAnswer }[]): ClassAnswers {
  const questions = view.cards.map((card): QuestionTally => {
    const key = review?.cards.find((c) => c.id === card.id) ?? null;
    const isRight = (h: HeadChoice) =>
      !!key && h.units === key.units && !!h.activation && key.activations.includes(h.activation) && !!h.loss && key.losses.includes(h.loss);
    const heads = answers
      .map((a) => a.answer.heads[card.id])
      .filter((h): h is HeadChoice => !!h && (h.units !== null || h.activation !== null || h.loss !== null));
    const groups = new Map<string, { head: HeadChoice; count: number }>();
    for (const h of heads) {
      const label = headLabel(h);
      const group = groups.get(label) ?? { head: h, count: 0 };
      group.count++;
      groups.set(label, group);
    }
    const sorted = [...groups.entries()].sort((a, b) => b[1].count - a[1].count);
    const options: OptionTally[] = sorted.slice(0, MAX_HEAD_OPTIONS).map(([label, g]) => ({ label, count: g.count, correct: key ? isRight(g.head) : null }));
    const others = sorted.slice(MAX_HEAD_OPTIONS).reduce((n, [, g]) => n + g.count, 0);
    if (others > 0) options.push({ label: "Other choices", count: others, correct: key ? false : null });
    if (key && !options.some((o) => o.correct))
      options.unshift({ label: headLabel({ units: key.units, activation: key.activations[0], loss: key.losses[0] }), count: 0, correct: true });
    return { prompt: card.prompt, counts: "chose", answered: heads.length, right: heads.filter(isRight).length, options };
  });
  return { type: "questions", answered: answers.length, questions };
}

// ── Experiments: every choice tried ─────────────────────────────────────────────────────

function choicesTally<A>(answers: { answer: A; score: number }[], label: (answer: A) => string): Extract<ClassAnswers, { type: "choices" }> {
  const groups = new Map<string, { count: number; score: number }>();
  for (const { answer, score } of answers) {
    const key = label(answer);
    const group = groups.get(key) ?? { count: 0, score: 0 };
    groups.set(key, { count: group.count + 1, score: Math.max(group.score, score) });
  }
  const top = Math.max(0, ...[...groups.values()].map((g) => g.score));
  const choices = [...groups.entries()]
    .map(([l, g]) => ({ label: l, count: g.count, score: g.score, best: g.score === top }))
    .sort((a, b) => b.score - a.score || b.count - a.count || a.label.localeCompare(b.label));
  return { type: "choices", answered: answers.length, choices };
}

/**
 * Memorise or generalise: every choice tried (the controls the level leaves open, and the stop),
 * and how many stopped at each epoch, which the projector draws on the probe's curves.
 */
function generaliseTally(view: GeneraliseView, _review: unknown, answers: { answer: GeneraliseAnswer; score: number }[]): ClassAnswers {
  const label = (a: GeneraliseAnswer) =>
    [view.sizes.length > 1 ? a.size : null, view.regularisers.length > 1 ? a.regulariser : null, `stop at ${a.epochs}`].filter(Boolean).join(", ");
  const stops = view.stops.map((epoch) => ({ epoch, count: answers.filter((a) => a.answer.epochs === epoch).length })).filter((s) => s.count > 0);
  return { ...choicesTally(answers, label), stops };
}

function deepTrainingLabel(view: DeepTrainingView, answer: DeepTrainingAnswer): string {
  if (view.maxChanges !== undefined) return choiceLabel(view, answer);
  const open = view.open.length > 0 ? view.open : (["activation"] as const);
  return open.map((control) => (optionInfo[control] as Record<string, { label: string }>)[answer[control]]?.label ?? String(answer[control])).join(" + ");
}

function digitsLabel(view: DigitsView, answer: DigitsAnswer): string {
  const parts = [
    view.locked.includes("depth") ? null : `${answer.depth} layer${answer.depth > 1 ? "s" : ""}`,
    view.locked.includes("width") ? null : `${answer.width} units`,
    view.locked.includes("examples") ? null : `${answer.examples} examples`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(" × ") : `${answer.depth} × ${answer.width}, ${answer.examples} examples`;
}

// ── Manipulations and numbers: the spread ───────────────────────────────────────────────

/** Counts values into ranges [edges[i], edges[i+1]); the last range is closed. */
function binned(values: number[], edges: number[], label: (from: number, to: number) => string, right: number | null): SpreadBin[] {
  return edges.slice(0, -1).map((from, i) => {
    const to = edges[i + 1];
    const last = i === edges.length - 2;
    const inside = (v: number) => v >= from && (v < to || (last && v <= to));
    return { label: label(from, to), count: values.filter(inside).length, right: right !== null && inside(right) };
  });
}

/** An angle in (−180°, 180°]. */
const normalAngle = (deg: number) => {
  const a = (((deg % 360) + 540) % 360) - 180;
  return a === -180 ? 180 : a;
};

function coordinateChangeTally(
  view: CoordinateChangeView,
  review: CoordinateChangeReview | null,
  answers: { answer: CoordinateChangeAnswer; score: number }[],
): ClassAnswers {
  if (!view.locked.includes("rotate")) {
    const best = view.search ? (review?.search?.best.angleDeg ?? null) : (review?.answer.angleDeg ?? null);
    const edges = Array.from({ length: 13 }, (_, i) => -180 + i * 30);
    return {
      type: "spread",
      answered: answers.length,
      measure: "Angle of the axes",
      bins: binned(
        answers.map((a) => normalAngle(a.answer.angleDeg)),
        edges,
        (from, to) => `${from}° to ${to}°`,
        best === null ? null : normalAngle(best),
      ),
      note: best === null ? null : `${view.search ? "The machine's best rotation" : "The best answer's angle"}: ${normalAngle(best).toFixed(0)}°`,
    };
  }
  return scoreSpread(answers, "Accuracy", review ? `The best answer: ${(review.accuracy * 100).toFixed(1)}% accuracy` : null);
}

/**
 * Per node of the graph, how many filled its gradient in and how many got it right (the exact
 * gradients come from the review): the projector shows where the class lost the flow.
 */
function backwardPassTally(view: BackwardPassView, review: BackwardPassReview | null, answers: { answer: BackwardPassAnswer }[]): ClassAnswers {
  const questions = fieldsOf(view.examples.length).map((field) => {
    const typed = answers.map((a) => a.answer.gradients[field.id]).filter((v): v is number => typeof v === "number");
    const truth = review?.gradients[field.id];
    const right = truth === undefined ? 0 : typed.filter((v) => gradientWithinTolerance(v, truth)).length;
    return {
      prompt: field.label,
      counts: "chose" as const,
      answered: typed.length,
      right,
      options:
        truth === undefined
          ? []
          : [
              { label: `right (${Number(truth.toFixed(4))})`, count: right, correct: true },
              { label: "another number", count: typed.length - right, correct: false },
            ],
    };
  });
  return { type: "questions", answered: answers.length, questions };
}

/** Match: per dataset, how many picked each family of layers; filter: the scores' spread. */
function whichNetworkTally(view: WhichNetworkView, review: WhichNetworkReview | null, answers: { answer: WhichNetworkAnswer; score: number }[]): ClassAnswers {
  if (view.part === "filter") return scoreSpread(answers, "How cleanly the filter picks out the edges", null);
  const questions = view.questions.map((q) => {
    const right = review?.part === "match" ? (review.questions.find((r) => r.id === q.id)?.family ?? null) : null;
    const picks = answers.map((a) => a.answer.picks?.[q.id]?.family ?? null).filter((p): p is string => p !== null);
    return {
      prompt: q.prompt,
      counts: "chose" as const,
      answered: picks.length,
      right: right ? picks.filter((p) => p === right).length : 0,
      options: q.families.map((o) => ({ label: o.label, count: picks.filter((p) => p === o.id).length, correct: right ? o.id === right : null })),
    };
  });
  return { type: "questions", answered: answers.length, questions };
}

/**
 * Why now: the chart's questions tallied as a concept round's (who chose each option, who placed
 * each benchmark right); the sort, as one sort question (per statement, how many put it in its group).
 */
function whyNowTally(view: WhyNowView, review: WhyNowReview | null, answers: { answer: WhyNowAnswer }[]): ClassAnswers {
  if (view.part === "chart") {
    const questions = view.questions.map((q) => {
      const reviewed = review?.part === "chart" ? review.questions.find((r) => r.id === q.id) : undefined;
      return questionTally(
        q,
        reviewed ? ({ correct: reviewed.correct } as QuestionReview) : null,
        answers.map((a) => a.answer.responses?.[q.id]),
      );
    });
    return { type: "questions", answered: answers.length, questions };
  }
  const key = review?.part === "sort" ? Object.fromEntries(review.cards.map((c) => [c.id, c.bin])) : null;
  const question: PublicQuestion = { id: "sort", type: "sort", prompt: "Which property does each statement show?", options: view.cards, bins: view.bins };
  const tally = questionTally(
    question,
    key ? ({ correct: key } as QuestionReview) : null,
    answers.map((a) => a.answer.placed),
  );
  return { type: "questions", answered: answers.length, questions: [tally] };
}

/** Scores in five ranges, the top one marked: for kinds whose answers have no one number to plot. */
function scoreSpread(answers: { score: number }[], measure: string, note: string | null): ClassAnswers {
  const edges = [0, 0.5, 0.75, 0.9, 1, 1.0000001];
  const labels = ["under 50%", "50–75%", "75–90%", "90–99.9%", "100%"];
  const bins = edges.slice(0, -1).map((from, i) => ({
    label: labels[i],
    count: answers.filter((a) => a.score >= from && a.score < edges[i + 1]).length,
    right: i === labels.length - 1,
  }));
  return { type: "spread", answered: answers.length, measure, bins: bins.reverse(), note };
}

function tuneWeightsTally(view: TuneWeightsView, _review: unknown, answers: { answer: TuneWeightsAnswer }[]): ClassAnswers {
  const target = view.targetLoss;
  const losses = answers.flatMap((a) => {
    try {
      return [tuneWeightsPreview(view, a.answer).metrics.loss];
    } catch {
      return []; // an answer the level no longer accepts (it was accepted when scored)
    }
  });
  const multiples = [0, 1, 2, 4, 10, Number.POSITIVE_INFINITY];
  const labels = [`at or under ${formatLoss(target)} (the target)`, "up to 2× the target", "2× to 4×", "4× to 10×", "over 10× the target"];
  const bins = multiples.slice(0, -1).map((m, i) => ({
    label: labels[i],
    count: losses.filter((l) => (i === 0 ? l <= target : l > m * target && l <= multiples[i + 1] * target)).length,
    right: i === 0,
  }));
  const lowest = losses.length > 0 ? Math.min(...losses) : null;
  return { type: "spread", answered: answers.length, measure: "Loss", bins, note: lowest === null ? null : `The class's lowest loss: ${formatLoss(lowest)}` };
}

function chainRuleTally(view: ChainRuleView, review: ChainRuleReview | null, answers: { answer: ChainRuleAnswer }[]): ClassAnswers {
  const truth = review?.gradient ?? null;
  const categories = ["right (within 1%)", "close (within 25%)", "wrong sign", "further off", "no number"];
  const counts = [0, 0, 0, 0, 0];
  for (const { answer } of answers) {
    const g = answer.gradient;
    if (g === null) counts[4]++;
    else if (truth === null) counts[3]++;
    else if (isWithinTolerance(g, truth)) counts[0]++;
    else if (Math.abs(g - truth) <= ZERO_RELATIVE * Math.abs(truth)) counts[1]++;
    else if (Math.sign(g) !== Math.sign(truth) && g !== 0) counts[2]++;
    else counts[3]++;
  }
  return {
    type: "spread",
    answered: answers.length,
    measure: `∂E/∂${symbol(view.network.ask)}`,
    bins: categories.map((label, i) => ({ label, count: counts[i], right: i === 0 })),
    note: truth === null ? null : `The right value: ${Number(truth.toPrecision(4))}`,
  };
}
