import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 5: a deep network as a multistage information-distillation process. The player
 * trains a small digit classifier in the browser, looks at what each layer makes of a digit,
 * then weighs more data against a bigger network. Every claim below is checked against the
 * trained numbers in test/unit/digits.test.ts.
 */
const chapter = "deep-representations";

export const deepRepresentationLevels: LevelInput[] = [
  defineLevel({
    id: "what-the-layers-see",
    chapter,
    title: "What the layers see",
    brief:
      "Choose how many hidden layers the network has and how many units each one has, train it on 200 small digits, and reach 77% accuracy on 500 digits it has never seen. Predict how it will do on its own training digits against the new ones. Then pick a digit and watch each layer turn it into new numbers.",
    kind: "digits",
    config: {
      variants: ["what-the-layers-see-1", "what-the-layers-see-2", "what-the-layers-see-3", "what-the-layers-see-4"],
      depths: [1, 2, 3],
      widths: [4, 16, 32],
      examples: [200],
      review: [
        { control: "depth", value: 1, good: true, note: "One hidden layer of 16 units reached the target on every variant of this level." },
        { control: "depth", value: 2, good: true, note: "Two hidden layers reach the target too, with enough units." },
        {
          control: "depth",
          value: 3,
          good: false,
          note: "In this setup (200 examples, 120 training steps), three layers of 16 units scored lower than one layer of 16 on every variant: more layers are not automatically better.",
        },
        {
          control: "width",
          value: 4,
          good: false,
          note: "Four units are a bottleneck: the whole image must pass through four numbers, and these networks did not even learn their own training digits.",
        },
        { control: "width", value: 16, good: true, note: "Sixteen units keep enough of the image to tell ten digits apart." },
        { control: "width", value: 32, good: true, note: "Thirty-two units work about as well; wider did not help much more here." },
      ],
    },
    lockedControls: ["examples"],
    target: { label: "77% test accuracy, and the right prediction", score: 0.77 },
    stars: [0.55, 0.7, 0.77],
    hints: [
      "With four units per layer, everything the network knows about the image must fit in four numbers.",
      "Training accuracy says whether the network learned its own examples; test accuracy says whether it learned digits. With only 200 examples, which do you expect to be higher?",
      "Widen the layers before you stack more of them.",
      { text: "One hidden layer of 16 units reaches the target.", cost: 1 },
    ],
    explanation:
      "Your network turned a 10×10 image into a chain of representations. Each hidden layer computes a new set of numbers from the layer before it — less and less like the picture, more and more about which digit it shows — and the output layer's ten probabilities are the last, most purified stage. That is deep learning as a multistage information-distillation process: the data passes through successive learned filters, and every layer is trained jointly for the task. A layer can only pass on what it keeps, so a four-unit layer throws away detail that no later layer can recover. A network that learns from 200 examples does better on those examples than on new digits: it partly memorises them. And more layers are not automatically better: in this setup (200 examples, 120 training steps), three layers of 16 units did worse than one.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "more-data-or-bigger",
    chapter,
    title: "More data or a bigger network?",
    brief:
      "You have a compute budget of 2 million multiply-adds per pass over the training data (examples × weights). Spend it on more training digits, on wider hidden layers, or both, and reach 89% accuracy on 500 new digits. Every choice trains for the same 120 steps (15 epochs of 8 mini-batches), so more digits means bigger batches.",
    kind: "digits",
    config: {
      variants: ["more-data-or-bigger", "more-data-or-bigger-1", "more-data-or-bigger-4", "more-data-or-bigger-5"],
      depths: [1],
      widths: [4, 16, 64],
      examples: [50, 200, 1000],
      budget: 2_000_000,
      review: [
        {
          control: "examples",
          value: 50,
          good: false,
          note: "From 50 examples the network learns those 50 images, not the digits: test accuracy stays far below training accuracy.",
        },
        { control: "examples", value: 200, good: false, note: "200 examples lift test accuracy a lot, but not to 89% within the budget here." },
        { control: "examples", value: 1000, good: true, note: "1,000 examples, with 16 units: what reaches 89% within the budget here." },
        { control: "width", value: 4, good: false, note: "Four units are too narrow, even with 1,000 examples." },
        { control: "width", value: 16, good: true, note: "Sixteen units leave enough budget for 1,000 examples." },
        { control: "width", value: 64, good: false, note: "Sixty-four units use up the budget that more data would have used better, in this setup." },
      ],
    },
    lockedControls: ["depth"],
    target: { label: "89% test accuracy, and the right prediction", score: 0.89 },
    stars: [0.7, 0.8, 0.89],
    hints: [
      "With 50 examples, would a wider network or more examples help more?",
      "The budget cannot pay for 1,000 examples and 64 units together: you have to choose.",
      { text: "In this data-starved, fixed-budget setup (120 steps), a narrower network trained on more data beats a wider one trained on less.", cost: 1 },
    ],
    explanation:
      "With only 50 examples, a network learns those examples, not the digits: its training accuracy is near 100% and its test accuracy far lower. In this data-starved, fixed-budget setup (every choice gets the same 120 updates, so more data also means bigger batches), 1,000 examples with 16 units beat 200 examples with 64 units. Deep learning needs large models, large data sets and the compute to train them, and here, with data this scarce, more data was the better buy. That is why hand-labelled data sets mattered so much: the ImageNet challenge (ILSVRC) used 1.4 million images in 1,000 categories, a subset of ImageNet's roughly 14 million.",
    timeLimitSeconds: 120,
  }),
];
