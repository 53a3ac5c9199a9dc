import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 2: learning is the search for a useful representation. Each level hides a simple
 * rule behind the wrong coordinates; the player finds the coordinate change that reveals it.
 */
const chapter = "representations";

export const representationLevels: LevelInput[] = [
  defineLevel({
    id: "turn-the-axes",
    chapter,
    title: "Turn the axes",
    brief: "Rotate the axes until the rule “black iff x′ > 0” is right for every point.",
    kind: "coordinate-change",
    dataset: { generator: "halfPlane", seed: "turn-the-axes", params: { count: 300, angleDeg: 35, margin: 0.04 } },
    config: { representations: ["raw"], rules: ["x>0"] },
    lockedControls: ["shift", "scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "The black points all sit on one side of a straight line through the origin.",
      "Turn the axes so that the new x′ axis points straight into the black points.",
      "The boundary between the colours should end up exactly on the y′ axis.",
    ],
    explanation:
      "You did not change a single point: you changed the coordinates you look at them in. In the new coordinates a trivial rule — black iff x′ > 0 — is always right. That is what a representation is: another way of encoding the same data, chosen so that the task becomes easy. Learning, in machine learning, is finding such a representation automatically.",
    timeLimitSeconds: 60,
  }),
  defineLevel({
    id: "turn-and-shift",
    chapter,
    title: "Turn and shift",
    brief: "This time the boundary does not pass through the origin. Move the origin onto it, then turn the axes.",
    kind: "coordinate-change",
    dataset: { generator: "halfPlane", seed: "turn-and-shift", params: { count: 300, angleDeg: -120, origin: [0.35, -0.45], margin: 0.04 } },
    config: { representations: ["raw"], rules: ["x>0"] },
    lockedControls: ["scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "Drag the origin (the round handle) onto the line that separates the colours.",
      "Then turn the axes so that x′ points into the black side.",
      "A rotation alone cannot do it: the rule “x′ > 0” always splits the plane through the origin.",
    ],
    explanation:
      "A coordinate change can move the origin as well as turn the axes. Together, a shift and a rotation can put any straight boundary on the y′ axis. Each new setting of these controls is a different candidate representation; the set of all of them is the space in which a learning algorithm searches.",
    timeLimitSeconds: 75,
  }),
  defineLevel({
    id: "admissions",
    chapter,
    title: "Admissions",
    brief:
      "A college admits a student by a hidden rule on their grade (out of 100) and test score (out of 1600). Find the rule: choose it, and move the origin to its thresholds.",
    kind: "coordinate-change",
    dataset: { generator: "admissions", seed: "admissions", params: { count: 300, gradeMax: 100, testMax: 1600, margin: 0.03 } },
    config: { representations: ["raw"], rules: ["x>0", "x>0 and y>0"] },
    lockedControls: ["rotate", "scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "Look at the corner where the admitted (black) students are.",
      "One threshold is not enough: both the grade and the test score matter.",
      { text: "Choose “x′ > 0 and y′ > 0”, then move the origin to half of each maximum.", cost: 1 },
    ],
    explanation:
      "This is machine learning turned around from classical programming: you were given the data and the answers (who was admitted) and you produced the rule. Your coordinate change is the rule's thresholds — grade above 50 and test score above 800. A learning algorithm does the same thing, guided by how many answers its current rule gets right.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "circles",
    chapter,
    title: "Circles",
    brief: "No straight line separates a ring from the disc inside it. Choose a representation in which one does, then place the axes.",
    kind: "coordinate-change",
    dataset: { generator: "circles", seed: "circles", params: { count: 300, inner: 0.45, outer: 0.65 } },
    config: { representations: ["raw", "polar", "squared"], rules: ["x>0"] },
    lockedControls: ["scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "What do all the black points have in common? Their distance from the centre.",
      "In polar coordinates the first axis is that distance, r.",
      "With r on the first axis, move the origin to a radius between the disc and the ring.",
    ],
    explanation:
      "In raw coordinates no rotation or shift helps. Change the representation to polar coordinates (distance and angle) and the ring and the disc fall on either side of a straight line. Choosing the features a model sees is choosing its representation; deep networks learn such changes of representation themselves, layer by layer.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "xor",
    chapter,
    title: "XOR",
    brief: "Black points sit in opposite corners. Find the feature that tells the corners apart.",
    kind: "coordinate-change",
    dataset: { generator: "xor", seed: "xor", params: { count: 300, margin: 0.05 } },
    config: { representations: ["raw", "polar", "squared", "product"], rules: ["x>0"] },
    lockedControls: ["scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "Black points are where x and y have the same sign.",
      "Squaring throws the signs away, and the angle splits the corners in two pieces.",
      "The product x·y is positive exactly when x and y share a sign.",
    ],
    explanation:
      "XOR is the classic pattern that no single straight line separates. Adding one new feature — the product x·y — makes it separable. A neural network's hidden layer does this kind of thing for you: it computes new features from the inputs so that the next layer's job becomes simple.",
    timeLimitSeconds: 75,
  }),
  defineLevel({
    id: "let-the-machine-search",
    chapter,
    title: "Let the machine search",
    brief: "Some labels are noisy, so no rotation is perfect. Find the best one — then let the machine search every rotation and compare.",
    kind: "coordinate-change",
    dataset: { generator: "halfPlane", seed: "let-the-machine-search", params: { count: 500, angleDeg: 127, noise: 0.1 } },
    config: { representations: ["raw"], rules: ["x>0"], search: { steps: 360 } },
    lockedControls: ["shift", "scale"],
    target: { label: "match the machine's best rotation", score: 0.995 },
    stars: [0.9, 0.97, 0.995],
    hints: [
      "With noisy labels, 100% is impossible: aim for the best rotation, not a perfect one.",
      "Press “Let the machine search” to try every rotation and plot its accuracy.",
      "The peak of the curve is the best hypothesis; set your angle there.",
    ],
    explanation:
      "The machine tried every rotation — its hypothesis space — and scored each with accuracy, its feedback signal, then kept the best. That is learning in miniature: a search for a useful representation within a predefined space of possibilities, guided by a measure of how well it does. Real models have millions of parameters instead of one angle, so instead of trying everything they follow the gradient of the loss.",
    timeLimitSeconds: 90,
  }),
];
