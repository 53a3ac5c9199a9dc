import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 5, after "more data or a bigger network": which family of layers fits which data
 * (issue 14, kind 6). First concrete datasets matched to the structure of their data and to dense,
 * convolutional or recurrent layers; then one convolution filter, set by hand and slid over a
 * digit. Datasets, options, digits and tasks are drawn per attempt; test/unit/which-network.test.ts
 * proves each claim on the levels' own numbers.
 */
const chapter = "deep-representations";

export const whichNetworkLevels: LevelInput[] = [
  defineLevel({
    id: "match-the-network",
    chapter,
    title: "Match the network",
    brief: "For each dataset, say what shape its data has, and which family of layers fits it.",
    kind: "which-network",
    config: { part: "match", show: 4 },
    target: { label: "every pick right", score: 1 },
    stars: [0.5, 0.75, 1],
    hints: [
      "Ask of each dataset: would shuffling its columns change anything? Would shuffling its pixels? Its time steps or words?",
      "Structured data is a table of named measurements; photos, sound and text are unstructured.",
      { text: "Tables go to dense layers, grids of pixels to convolutional layers, sequences to recurrent layers.", cost: 1 },
    ],
    explanation:
      "The family of layers is chosen by the structure of the data. A table's columns are separate measurements in no special order, so dense layers, where every input meets every unit, are the natural fit. In an image, neighbouring pixels belong together and a pattern means the same anywhere, so a convolutional layer slides one small filter across the whole grid, with the same weights at every position: far fewer weights, and a pattern learned in one corner is found in every other. In a sequence (sound, text, a time series), order carries the meaning, so a recurrent layer reads one step at a time and carries a memory of what came before. Real systems also mix them, or use other families (attention, for instance): these three are the course's starting point.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "slide-a-filter",
    chapter,
    title: "Slide a filter",
    brief:
      "Set the nine weights of a 3×3 filter. It slides over the digit, and the feature map shows its response at every position. Make it light up on the edges the task names (one kind, or two at once), and nowhere else.",
    kind: "which-network",
    config: { part: "filter" },
    target: { label: "only the edges asked for light up", score: 1 },
    stars: [0.5, 0.8, 1],
    hints: [
      "At each position, the response is the sum of every weight times the pixel under it, and ReLU then turns a negative response into 0.",
      "On a flat area every pixel under the filter has the same brightness, so the response is that brightness times the sum of the weights.",
      "Across a vertical edge the brightness changes from the left column to the right one, but not from row to row; across a horizontal edge, the other way round.",
      {
        text: "Put +1 down the side of the filter where the brightness is higher across the wanted edge, −1 down the opposite side, and 0 in between. For two kinds of edge at once, add their two filters cell by cell.",
        cost: 1,
      },
    ],
    explanation:
      "A convolutional layer is a set of such filters. One filter is only nine weights, yet it found the same edge everywhere in the digit, because the same weights are used at every position: that sharing is why convolution suits images. A filter whose weights sum to zero ignores flat areas; one that changes from side to side but not from top to bottom answers to vertical edges only; ReLU keeps one direction of change, so the sign of the weights chooses which side of the strokes lights up; and two such filters added together answer to both their edges, a diagonal filter. A network learns its filters by gradient descent instead of by hand, and its first layers typically end up with edge detectors much like yours; later layers combine them into strokes, loops and whole digits.",
    timeLimitSeconds: 180,
  }),
];
