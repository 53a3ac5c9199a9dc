import { z } from "zod";
import { datasetSpec } from "../datasets/generators";

/**
 * A hint. A plain string guides and costs nothing; `{ text, cost: 1 }` marks a hint that gives
 * the answer away (a formula, a rule, the weights): opening it lowers the attempt's cap by one
 * star (core/attempts/rules.ts), and its button says so before it is opened.
 */
const hint = z.union([
  z
    .string()
    .min(1)
    .transform((text) => ({ text, cost: 0 as 0 | 1 })),
  z.object({ text: z.string().min(1), cost: z.union([z.literal(0), z.literal(1)]) }),
]);

/**
 * A level is plain data: adding one needs no code. The kind's own `configSchema` checks
 * `config`; everything else is checked here. Scores are in [0, 1], higher is better, and
 * `stars` are the scores that earn one, two and three stars.
 */
export const levelSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "use lowercase letters, digits and dashes"),
    chapter: z.string(),
    title: z.string().min(1),
    /** What the player must do, in one or two sentences. */
    brief: z.string().min(1),
    kind: z.string(),
    dataset: datasetSpec.optional(),
    config: z.unknown(),
    /** Controls the player cannot move in this level; the server refuses answers that move them. */
    lockedControls: z.array(z.string()).default([]),
    /** The goal as shown to the player, e.g. "100% accuracy". */
    target: z.object({ label: z.string(), score: z.number().min(0).max(1) }),
    stars: z.tuple([z.number(), z.number(), z.number()]),
    /** Opened one at a time, from the server (POST /api/levels/:id/hints). */
    hints: z.array(hint).min(1),
    /** Shown once an answer is scored (never before): what the level taught, in the course's terms. */
    explanation: z.string().min(1),
    /** Seconds a live-classroom round on this level lasts by default. */
    timeLimitSeconds: z.number().int().min(10).max(900),
  })
  .refine((l) => l.stars[0] <= l.stars[1] && l.stars[1] <= l.stars[2], { message: "star thresholds must ascend", path: ["stars"] })
  .refine((l) => l.target.score <= l.stars[2], { message: "the target must be reachable within three stars", path: ["target"] });

export type LevelInput = z.input<typeof levelSchema>;
export type Level = z.output<typeof levelSchema>;

export type { Chapter } from "../chapters";
