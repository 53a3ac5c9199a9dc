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
    brief: "Rotate the axes until the rule “black when x′ > 0” is right for every point.",
    kind: "coordinate-change",
    // Each attempt draws its own boundary through the origin (never within 35° of the starting axes) and its own points.
    config: { representations: ["raw"], rules: ["x>0"], space: { type: "halfPlane", count: 300, awayFromZero: 35, margin: 0.04 } },
    lockedControls: ["shift", "scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "The black points all sit on one side of a straight line through the origin.",
      "Turn the axes so that the new x′ axis points straight into the black points.",
      "The boundary between the colours should end up exactly on the y′ axis.",
    ],
    explanation:
      "You did not change a single point: you changed the coordinates you look at them in. In the new coordinates a trivial rule — black when x′ > 0 — is always right. That is what a representation is: another way of encoding the same data, chosen so that the task becomes easy. Learning, in machine learning, is finding such a representation automatically.",
    timeLimitSeconds: 60,
  }),
  defineLevel({
    id: "turn-and-shift",
    chapter,
    title: "Turn and shift",
    brief: "This time the boundary does not pass through the origin. Move the origin onto it, then turn the axes.",
    kind: "coordinate-change",
    // Each attempt draws its own boundary, 0.25–0.5 away from the origin, at any angle at least 35° from the starting axes.
    config: { representations: ["raw"], rules: ["x>0"], space: { type: "halfPlane", count: 300, awayFromZero: 35, offset: [0.25, 0.5], margin: 0.04 } },
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
    // Each attempt's college has its own thresholds: 30–70% of each maximum.
    config: {
      representations: ["raw"],
      rules: ["x>0", "x>0 and y>0"],
      space: { type: "admissions", count: 300, gradeMax: 100, testMax: 1600, threshold: [0.3, 0.7], margin: 0.03 },
    },
    lockedControls: ["rotate", "scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "Look at the corner where the admitted (black) students are.",
      "One threshold is not enough: both the grade and the test score matter.",
      {
        text: "The rule is “x′ > 0 and y′ > 0”: choose it, then move the origin to the corner of the black region — the lowest grade and the lowest test score among the admitted.",
        cost: 1,
      },
    ],
    explanation:
      "This is machine learning turned around from classical programming: you were given the data and the answers (who was admitted) and you produced the rule. Your coordinate change is the rule's thresholds — the origin sits at the lowest grade and the lowest test score that still admit a student. A learning algorithm does the same thing, guided by how many answers its current rule gets right.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "circles",
    chapter,
    title: "Circles",
    brief: "No straight line separates a ring from the disc inside it. Choose a representation in which one does, then place the axes.",
    kind: "coordinate-change",
    // Each attempt draws the radius between disc and ring (0.4–0.75) and which of them is black.
    config: { representations: ["raw", "polar", "squared"], rules: ["x>0"], space: { type: "circles", count: 300, radius: [0.4, 0.75], gap: 0.06 } },
    lockedControls: ["scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "What do all the black points have in common? Their distance from the centre.",
      "In polar coordinates the first axis is that distance, r.",
      "With r on the first axis, move the origin to a radius between the disc and the ring; if the disc is the black one, turn the axes half a turn so that x′ > 0 means inside.",
      "The squared features work too: x² + y² = r², so in the (x², y²) plot the circle becomes a straight line, and the axes turned 45° point along it.",
    ],
    explanation:
      "In raw coordinates no rotation or shift helps. Change the representation to polar coordinates (distance and angle) and the ring and the disc fall on either side of a straight line, r = constant. The squared features (x², y²) do it too: r² = x² + y² is a sum of them, so the circle r = r₀ becomes the straight line x² + y² = r₀², which axes turned by 45° and moved onto it capture. Choosing the features a model sees is choosing its representation; deep networks learn such changes of representation themselves, layer by layer.",
    timeLimitSeconds: 90,
  }),
  defineLevel({
    id: "xor",
    chapter,
    title: "XOR",
    brief:
      "Black points sit in two opposite corners, around a crossing that is not at the origin. Find the feature that tells the corners apart, then place the axes.",
    kind: "coordinate-change",
    // Each attempt draws where the pattern crosses (x = ±0.2–0.45, y = 0) and which corners are black.
    config: {
      representations: ["raw", "polar", "squared", "product"],
      rules: ["x>0"],
      space: { type: "xor", count: 300, crossing: [0.2, 0.45], margin: 0.05 },
    },
    lockedControls: ["scale"],
    target: { label: "100% accuracy", score: 1 },
    stars: [0.9, 0.97, 1],
    hints: [
      "The colour changes when you cross the line y = 0 and when you cross one vertical line: black sits in two opposite corners around that crossing.",
      "Squaring throws the signs away, and the angle splits the corners in two pieces: you need a feature that multiplies signs.",
      "In the product view (x·y, y) the colours are split by a straight line through the origin, tilted because the crossing is not at x = 0: turn the axes until it lies on the y′ axis.",
    ],
    explanation:
      "XOR is the classic pattern that no single straight line separates. Adding one new feature — a product — makes it separable: with the crossing at x = a, black is where (x − a)·y has one sign, and (x − a)·y = x·y − a·y is a straight line in the (x·y, y) plane. A neural network's hidden layer does this kind of thing for you: it computes new features from the inputs so that the next layer's job becomes simple.",
    timeLimitSeconds: 75,
  }),
  defineLevel({
    id: "let-the-machine-search",
    chapter,
    title: "Let the machine search",
    brief: "Some labels are noisy, so no rotation is perfect. Find the best one and submit it — then let the machine search every rotation and compare.",
    kind: "coordinate-change",
    // Each attempt draws its own boundary through the origin and its own points, 10% of them mislabelled.
    config: {
      representations: ["raw"],
      rules: ["x>0"],
      space: { type: "halfPlane", count: 500, awayFromZero: 40, noise: 0.1 },
      search: { steps: 360 },
    },
    lockedControls: ["shift", "scale"],
    target: { label: "match the machine's best rotation", score: 0.995 },
    stars: [0.9, 0.97, 0.995],
    hints: [
      "With noisy labels, 100% is impossible: aim for the best rotation, not a perfect one.",
      "Turn slowly and watch the accuracy: it rises towards a peak and falls after it. The best rotation sits in the middle of the highest stretch.",
      "After you submit, “Let the machine search” tries every rotation of these same points and plots the accuracy: the peak of its curve is the best hypothesis. Compare it with yours.",
    ],
    explanation:
      "The machine tried every rotation — its hypothesis space — and scored each with accuracy, its feedback signal, then kept the best. That is learning in miniature: a search for a useful representation within a predefined space of possibilities, guided by a measure of how well it does. Real models have millions of parameters instead of one angle, so instead of trying everything they follow the gradient of the loss.",
    timeLimitSeconds: 90,
  }),
];
