import { risesOf } from "../../core/kinds/which-network/filter";
import type { WhichNetworkView } from "../../core/kinds/which-network/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * What a player who understands the level knows. Match: the shape of each dataset's data, read
 * from its words (a table of named measurements, pictures, or something in order), and the
 * family each shape calls for, picked by the words of the options. Filter: +1 down the bright
 * side of the wanted edge, −1 down the dark side.
 */
const SHAPE_WORDS: [RegExp, "table" | "grid" | "sequence"][] = [
  [/photo|image|picture|pixel|scan/i, "grid"],
  [/hourly|day by day|review|sentence|recording|spoken|translate/i, "sequence"],
  [/table|sales|results|orders/i, "table"],
];
const STRUCTURE_WORDS = { table: /^A table/, grid: /^A grid/, sequence: /^A sequence/ };
const FAMILY_WORDS = { table: /^Dense/, grid: /^Convolutional/, sequence: /^Recurrent/ };

export function shapeOf(prompt: string): "table" | "grid" | "sequence" {
  const found = SHAPE_WORDS.find(([words]) => words.test(prompt));
  if (!found) throw new Error(`the reference cannot tell the shape of "${prompt}"`);
  return found[1];
}

/**
 * The filter a player who understands sets: +1 on the bright side of the wanted edge, −1 on its
 * dark side; for two kinds of edge, the two such filters added cell by cell.
 */
export function edgeFilter(view: Extract<WhichNetworkView, { part: "filter" }>): number[] {
  const cells = Array(9).fill(0);
  for (const rise of risesOf(view.goal))
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) {
        // Where brightness is higher after the edge: the right column for a rise to the right, and so on.
        const along = rise === "right" ? c : rise === "left" ? 2 - c : rise === "down" ? r : 2 - r;
        cells[r * 3 + c] += along - 1;
      }
  return cells;
}

export const solveWhichNetwork: Solver<"which-network"> = (level) => {
  const view = level.view;
  if (view.part === "filter") return { filter: edgeFilter(view) };
  return {
    picks: Object.fromEntries(
      view.questions.map((q) => {
        const shape = shapeOf(q.prompt);
        return [
          q.id,
          {
            structure: q.structures.find((o) => STRUCTURE_WORDS[shape].test(o.label))!.id,
            family: q.families.find((o) => FAMILY_WORDS[shape].test(o.label))!.id,
          },
        ];
      }),
    ),
  };
};

/** No static answers: these levels were born with instances drawn per attempt. */
export const whichNetworkReference: ReferenceAnswers<"which-network"> = {};
