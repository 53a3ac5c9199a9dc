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
      "Choose how many hidden layers the network has and how many units each one has, train it on 200 small digits, and reach 85% accuracy on 500 digits it has never seen. Then pick a digit and watch each layer turn it into new numbers.",
    kind: "digits",
    config: {
      seed: "what-the-layers-see",
      depths: [1, 2, 3],
      widths: [4, 16, 32],
      examples: [200],
      review: [
        { control: "depth", value: 1, good: true, note: "One hidden layer is enough for these 10×10 digits." },
        { control: "depth", value: 2, good: true, note: "Two hidden layers reach the target too." },
        {
          control: "depth",
          value: 3,
          good: false,
          note: "With the same 200 examples and the same training, every three-layer network here scored lower than its one-layer twin.",
        },
        {
          control: "width",
          value: 4,
          good: false,
          note: "Four units are a bottleneck: the whole image must pass through four numbers, and these networks did not even learn their own training digits.",
        },
        { control: "width", value: 16, good: true, note: "Sixteen units keep enough of the image to tell ten digits apart." },
        { control: "width", value: 32, good: true, note: "Thirty-two units work as well; wider did not help much more here." },
      ],
    },
    lockedControls: ["examples"],
    target: { label: "85% test accuracy", score: 0.85 },
    stars: [0.6, 0.75, 0.85],
    hints: [
      "Train the starting network and open its layer view: with four units per layer, everything the network knows about the image must fit in four cells.",
      "Compare the two accuracies after training. Training accuracy says whether the network learned its own examples; test accuracy says whether it learned digits.",
      "Widen the layers before you stack more of them.",
      "One or two hidden layers of 16 or 32 units reach the target.",
    ],
    explanation:
      "Your network turned a 10×10 image into a chain of representations. Each hidden layer computes a new set of numbers from the layer before it — less and less like the picture, more and more about which digit it shows — and the output layer's ten probabilities are the last, most purified stage. That is deep learning as a multistage information-distillation process: the data passes through successive learned filters, and every layer is trained jointly for the task. A layer can only pass on what it keeps, so a four-unit layer throws away detail that no later layer can recover. And more layers are not automatically better: with the same 200 examples and the same training, three layers did worse here than one or two.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "more-data-or-bigger",
    chapter,
    title: "More data or a bigger network?",
    brief:
      "You have a compute budget of 2 million multiply-adds per pass over the training data (examples × weights). Spend it on more training digits, on wider hidden layers, or both, and reach 90% accuracy on 500 new digits.",
    kind: "digits",
    config: {
      seed: "more-data-or-bigger",
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
        { control: "examples", value: 200, good: false, note: "200 examples lift test accuracy a lot, but not to 90% within the budget." },
        { control: "examples", value: 1000, good: true, note: "1,000 examples: the only amount that reaches 90% within the budget." },
        { control: "width", value: 4, good: false, note: "Four units are too narrow, even with 1,000 examples." },
        { control: "width", value: 16, good: true, note: "Sixteen units leave enough budget for 1,000 examples." },
        { control: "width", value: 64, good: false, note: "Sixty-four units use up the budget that more data would have used better." },
      ],
    },
    lockedControls: ["depth"],
    target: { label: "90% test accuracy", score: 0.9 },
    stars: [0.7, 0.8, 0.9],
    hints: [
      "Start small: train the starting network, then change one thing at a time and compare test accuracy.",
      "With 50 examples, try a wider network, then try more examples instead. Which helped more?",
      "The budget cannot pay for 1,000 examples and 64 units together: you have to choose.",
      "A narrower network trained on more data beats a wider one trained on less.",
    ],
    explanation:
      "With only 50 examples, making the network four times wider barely moved its test accuracy, while four times more examples lifted it by about 20 points: a network that sees few examples learns those examples, not the digits. Within a fixed budget, 1,000 examples with 16 units beat 200 examples with 64 units. Deep learning needs large models, large data sets and the compute to train them, and here, with data this scarce, more data was the better buy. That is why hand-labelled data sets such as ImageNet, with 1.4 million images, mattered so much.",
    timeLimitSeconds: 120,
  }),
];
