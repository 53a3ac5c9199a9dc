/**
 * What the no-leak test (no-leak.spec.ts) looks for: the answer key of the instance a visitor is
 * served, worked out on the test's side from the same functions the server uses (core/'s kinds,
 * the instance secret of the end-to-end server read from its database, HMAC of the scope), and
 * how to read captured bodies so that escaped text (HTML entities, JSON inside flight payloads or
 * JavaScript strings) is compared as the words it holds.
 */
import { createHmac } from "node:crypto";
import path from "node:path";
import { secretsOf } from "../../core/kinds/instances";
import { configOf, kindOf } from "../../core/kinds/registry";
import type { Level } from "../../core/levels/format";
import { publicLevel } from "../../core/play/project";
import { queryDb } from "../api/test-database";
import { solve } from "../reference";

/** The end-to-end server's database (playwright.config.ts puts it there, and its workers inherit the folder). */
export function e2eDatabase(): string {
  const dir = process.env.GA_E2E_DATA;
  if (!dir) throw new Error("GA_E2E_DATA is not set: run this through `playwright test` (playwright.config.ts sets it)");
  return path.join(dir, "e2e.db");
}

/** One statement, again while the running server holds the SQLite file's write lock. */
export async function query(sql: string, args: (string | number)[] = []) {
  for (let tries = 1; ; tries++) {
    try {
      return await queryDb(e2eDatabase(), sql, args);
    } catch (error) {
      if (tries >= 40 || !/SQLITE_BUSY|database is locked/.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * Math.min(tries, 10)));
    }
  }
}

/** seed = HMAC-SHA256(instanceSecret, scope), as server/play/seeds.ts makes it (the server created the secret at its first start). */
export async function seedMaker(): Promise<(scope: string) => string> {
  const [row] = await query("SELECT value FROM ServerSecret WHERE name = ?", ["instances"]);
  if (!row) throw new Error("the end-to-end server has no instance secret yet");
  const secret = Buffer.from(String(row.value), "base64url");
  return (scope: string) => createHmac("sha256", secret).update(scope).digest("base64url");
}

/** Strings too short or too common to mean anything if found ("Right.", "0.5"). */
const meaningful = (s: unknown): s is string => typeof s === "string" && s.length >= 12;
const longNumber = (n: number) => (String(n).replace(/^-/, "").length >= 7 ? [String(n)] : []);

type Review = any;

/** Per kind, what of a review is the instance's answer key, as strings that would appear in a body that carried it. */
const reviewKeys: Record<string, (review: Review) => string[]> = {
  concept: (r) => r.questions.map((q: Review) => JSON.stringify(q.correct)),
  "training-loop": (r) => [JSON.stringify(r.correct)],
  "output-head": (r) => r.cards.map((c: Review) => c.why),
  "chain-rule": (r) => [...longNumber(r.gradient), ...r.factors.map((f: Review) => f.formula).filter((f: string) => f.includes("·"))],
  "backward-pass": (r) => [JSON.stringify(r.gradients), ...Object.values(r.gradients as Record<string, number>).flatMap(longNumber)],
  "coordinate-change": (r) => [
    r.solution.statement,
    ...(r.solution.answer.angleDeg !== 0 ? [`"angleDeg":${r.solution.answer.angleDeg}`] : []),
    ...(r.solution.answer.shift.some((v: number) => v !== 0) ? [JSON.stringify(r.solution.answer.shift)] : []),
  ],
  "tune-weights": (r) => [JSON.stringify(r.solution.weights)],
  downhill: (r) => [JSON.stringify(r.minimum.point), ...r.minimum.point.flatMap(longNumber)],
  // The exact loop of the instance: every weight and loss it goes through.
  "run-the-loop": (r) => [JSON.stringify(r.exact.w), JSON.stringify(r.exact.loss), ...[...r.exact.w.slice(1), ...r.exact.loss].flatMap(longNumber)],
  // The features the instance's shape needs, and (learned) the right prediction's id.
  features: (r) => [JSON.stringify(r.needs), ...(r.rightPrediction ? [`"prediction":"${r.rightPrediction}"`] : [])],
  // The kind of task (a review names it) and its textbook heads.
  "head-training": (r) => [`"type":"${r.task.type}"`, JSON.stringify(r.recipes)],
  nonlinearity: (r) => (r.mode === "collapse" ? [JSON.stringify(r.single)] : [JSON.stringify(r.solution.weights)]),
  // Match: each dataset's right pair of opaque ids; filter: the review shows no model filter (only responses to test patches).
  "which-network": (r) => (r.part === "match" ? r.questions.map((q: Review) => JSON.stringify({ structure: q.structure, family: q.family })) : []),
  // Chart: each question's right option or order, and what the chart shows for it; sort: the statements' right groups, and why.
  "why-now": (r) =>
    r.part === "chart"
      ? r.questions.flatMap((q: Review) => [JSON.stringify(q.correct), q.why])
      : [JSON.stringify(Object.fromEntries(r.cards.map((c: Review) => [c.id, c.bin]))), ...r.cards.map((c: Review) => c.why)],
};

/**
 * The answer key of the instance `seed` draws of `level`: its review of a right answer (what a
 * scored submission would teach), reduced to the strings that give it away; for training kinds,
 * the run spec the review would carry (its seed and its prediction's grading), without training.
 * Plus the level's secrets (explanations, whys, hints: core/kinds/instances.ts).
 */
export async function answerKeyOf(level: Level, seed: string): Promise<string[]> {
  const kind = kindOf(level.kind);
  const config = configOf(level);
  const instance = kind.instance(level, config, seed);
  const keys = secretsOf(level);
  if (kind.trains) {
    // The run spec (sent only in the review, after a commit): its seed, the prediction's grading, a learning-rate level's hidden curve.
    type Run = { seed?: string; prediction?: unknown; predictionIds?: unknown; curve?: unknown; test?: unknown[] };
    const run = (kind as unknown as { runSpec(level: Level, config: unknown, instance: unknown): Run }).runSpec(level, config, instance);
    for (const part of [run.prediction, run.predictionIds, run.curve]) if (part !== undefined) keys.push(JSON.stringify(part));
    if (run.seed) keys.push(run.seed);
    // A kind that holds a test set back (generalise): its first point must never reach the browser.
    if (Array.isArray(run.test) && run.test.length > 0) keys.push(JSON.stringify(run.test[0]));
  } else {
    const served = publicLevel(level, seed, { attempt: 1, rules: { cooldownUntil: null, hintCost: 0 }, hintsOpened: 0 });
    const answer = solve(served);
    const evaluation = await kind.evaluate(level, config, instance, answer);
    // A single number of the key that the served level shows by design is not a leak: with one
    // example, dL/db is the error e of the forward pass (backward-pass-branch, 14% of draws), which
    // the player reads off the table and must still know to use. The key as a whole still counts.
    const shown = JSON.stringify(served);
    const givenNumber = (key: string) => /^-?\d/.test(key) && shown.includes(key);
    keys.push(...reviewKeys[level.kind](kind.review(level, config, instance, answer, evaluation)).filter((key) => !givenNumber(key)));
  }
  // A variant's training seed may be the level's own id (more-data-or-bigger's first variant):
  // the id is in every URL and says nothing about which variant this visitor drew.
  return [...new Set(keys.filter(meaningful).filter((key) => key !== level.id))];
}

const ENTITIES: Record<string, string> = { quot: '"', amp: "&", lt: "<", gt: ">", apos: "'", nbsp: "\u00a0" };

/**
 * A body as the words it holds: HTML entities decoded, then JSON/JS string escapes undone (twice:
 * a flight payload embeds JSON in a JavaScript string inside HTML).
 */
export function readable(text: string): string {
  let out = text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec) => String.fromCodePoint(Number(dec)))
    .replace(/&(quot|amp|lt|gt|apos|nbsp);/g, (_, name) => ENTITIES[name]);
  for (let i = 0; i < 2; i++) {
    out = out
      .replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(Number.parseInt(hex, 16)))
      .replace(/\\n/g, "\n")
      .replace(/\\(["'\\/])/g, "$1");
  }
  return out;
}
