import { z } from "zod";
import { ID_PATTERN } from "../public-ids";

/**
 * The browser's side of "Which network for which data". Two parts, one per level:
 *  - match: concrete datasets, each to be given the structure of its data and the family of
 *    layers that fits it (options under opaque ids, the same three of each on every question);
 *  - filter: a 3×3 convolution filter the player sets, slid over a digit drawn per attempt; the
 *    task says which edges of the strokes it must answer to. The feature map is drawn live from
 *    `featureMap` below; the score is worked out on the server (./filter.ts).
 */

export interface NetworkOption {
  id: string;
  label: string;
}

export interface MatchQuestion {
  id: string;
  /** The dataset and what is to be predicted from it. */
  prompt: string;
  /** What shape the data has: a table, a grid, a sequence (shuffled per question). */
  structures: NetworkOption[];
  /** Dense, convolutional, recurrent layers (shuffled per question). */
  families: NetworkOption[];
}

export type Edge = "left" | "right" | "top" | "bottom";

/**
 * Which edges of the strokes the filter must answer to (one side, or a side and a top or bottom
 * at once: a diagonal filter), and how the digit is inked.
 */
export interface FilterTask {
  edges: Edge[];
  /** Dark ink on light paper, or light ink on dark paper: brightness falls or rises across a stroke's edge. */
  ink: "dark" | "light";
}

export type WhichNetworkView =
  | { part: "match"; questions: MatchQuestion[] }
  | {
      part: "filter";
      /** The image is side × side brightness values, row by row, 0 (black) to 1 (white). */
      side: number;
      image: number[];
      goal: FilterTask;
      /** The values a filter cell may take. */
      values: number[];
    };

export const FILTER_SIZE = 3;
export const FILTER_VALUES = [-2, -1, 0, 1, 2];

const optionId = z.string().regex(ID_PATTERN);

export const whichNetworkAnswer = z.object({
  /** Match: per question id, the picked structure and family (null while not picked). */
  picks: z
    .record(optionId, z.object({ structure: optionId.nullable(), family: optionId.nullable() }))
    .refine((p) => Object.keys(p).length <= 8, "at most 8 questions")
    .optional(),
  /** Filter: the nine cells, row by row. */
  filter: z
    .array(z.number().int().min(-2).max(2))
    .length(FILTER_SIZE * FILTER_SIZE)
    .optional(),
});
export type WhichNetworkAnswer = z.infer<typeof whichNetworkAnswer>;

export type PickVerdict = "right" | "wrong" | "empty";

/** The filter's response to one clean 3×3 test patch (after ReLU, as the feature map shows it). */
export interface ProbeResponse {
  /** What the patch shows, in words: "brightness rising to the right". */
  label: string;
  /** The patch, row by row (0 black, 1 white). */
  patch: number[];
  value: number;
  /** True for the patches of the edges the task asked for. */
  wanted: boolean;
}

export type WhichNetworkReview =
  | {
      part: "match";
      answer: WhichNetworkAnswer;
      questions: { id: string; structure: string; family: string; structureVerdict: PickVerdict; familyVerdict: PickVerdict; reason: string }[];
    }
  | { part: "filter"; answer: WhichNetworkAnswer; probes: ProbeResponse[]; note: string };

export function initialAnswer(view: WhichNetworkView): WhichNetworkAnswer {
  if (view.part === "match") return { picks: Object.fromEntries(view.questions.map((q) => [q.id, { structure: null, family: null }])) };
  return { filter: Array(FILTER_SIZE * FILTER_SIZE).fill(0) };
}

/** The filter's raw response at one position: the sum of each cell times the pixel under it. */
export function responseAt(image: readonly number[], side: number, filter: readonly number[], row: number, col: number): number {
  let sum = 0;
  for (let r = 0; r < FILTER_SIZE; r++) for (let c = 0; c < FILTER_SIZE; c++) sum += filter[r * FILTER_SIZE + c] * image[(row + r) * side + col + c];
  return sum;
}

/**
 * The feature map: the filter slid over every position where it fits (side − 2 by side − 2, no
 * padding, so the border adds no edges of its own), each response passed through ReLU, as a
 * convolutional layer with a ReLU would give it.
 */
export function featureMap(image: readonly number[], side: number, filter: readonly number[]): number[] {
  const out: number[] = [];
  const n = side - FILTER_SIZE + 1;
  for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) out.push(Math.max(0, responseAt(image, side, filter, row, col)));
  return out;
}

/** How the task reads to the player. */
export function taskText(task: FilterTask): string {
  const ink = task.ink === "dark" ? "dark ink on light paper" : "light ink on dark paper";
  const others = (["left", "right", "top", "bottom"] as const).filter((e) => !task.edges.includes(e)).join(", ");
  return `This digit is ${ink}. Make a filter whose feature map lights up on the ${task.edges.join(" and ")} edges of the strokes, and stays dark on their ${others} edges and inside them.`;
}
