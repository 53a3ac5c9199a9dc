import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 4, before the deep networks: why a stack of layers needs a non-linearity between them.
 * Two linear layers collapse into one (the player computes it), and one ReLU bends the boundary
 * (the player builds it). Every attempt draws new numbers; the claims are proven on the level's
 * own numbers in test/unit/nonlinearity.test.ts.
 */
const chapter = "going-deep";

export const nonlinearityLevels: LevelInput[] = [
  defineLevel({
    id: "stacked-lines",
    chapter,
    title: "Stacked lines",
    brief:
      "Two linear layers are stacked, with no activation between them: two hidden units h₁ and h₂, then an output y. Write the single layer y = w₁·x₁ + w₂·x₂ + b that gives the same y at every point. The numbers change with every attempt; all three must be exact.",
    kind: "nonlinearity",
    config: { play: { mode: "collapse", range: 3 } },
    target: { label: "w₁, w₂ and b all exact", score: 1 },
    // All three numbers or nothing (core/kinds/nonlinearity/public.ts): one slip is a miss.
    stars: [1, 1, 1],
    hints: [
      "Replace h₁ and h₂ in the formula of y by their own formulas, then gather what multiplies x₁, what multiplies x₂, and what is left over.",
      "Each input reaches y along two paths, one through each hidden unit: along a path, its contribution is the hidden unit's weight on that input times the output's weight on that unit.",
      { text: "w₁ = v₁·W₁₁ + v₂·W₂₁, w₂ = v₁·W₁₂ + v₂·W₂₂, and b = v₁·b₁ + v₂·b₂ + c.", cost: 1 },
    ],
    explanation:
      "Without an activation, each layer computes a weighted sum plus a constant, and a weighted sum of weighted sums is again a weighted sum. Substituting the hidden units into the output gives each input's weight as a sum over the paths through the hidden units (in matrix terms, w = v·W), and the bias as v·b + c. However many linear layers are stacked, they equal one layer, so the boundary where y = 0 is always one straight line: depth adds nothing until something non-linear sits between the layers.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "one-bend",
    chapter,
    title: "One bend",
    brief:
      "The blue points (class 1) lie in a stripe, with orange points (class 0) on both sides of it. Set the nine numbers of a 2→2→1 network and choose its hidden activation so that at least 95% of the points fall on their own side: output z > 0 for blue, z ≤ 0 for orange.",
    kind: "nonlinearity",
    config: { play: { mode: "bend", count: 50, halfWidth: [0.6, 1.1], centre: [-0.7, 0.7], gap: 0.2, targetAccuracy: 0.95, lineMargin: 0.15, limit: 5 } },
    target: { label: "95% of the points on their own side", score: 1 },
    stars: [0.7, 0.88, 1],
    hints: [
      "With the identity in the hidden layer, move any slider: the boundary stays one straight line. A line can keep the stripe together with one side, never the stripe alone.",
      "Switch to ReLU. A ReLU unit is 0 on one side of its own line and grows on the other: let each hidden unit switch on just beyond one edge of the stripe.",
      {
        text: "Give unit 1 a direction across the stripe as its two weights (a length-1 arrow), and as its bias minus the far edge's position along that arrow; give unit 2 the opposite arrow, and as its bias the near edge's position. Then v₁ = v₂ = −1 and a small positive c: z > 0 only where both units are off.",
        cost: 1,
      },
    ],
    explanation:
      "With the identity, the hidden layer passes on a weighted sum, the output takes a weighted sum of those, and the whole network is one line z = w₁·x₁ + w₂·x₂ + b: no setting of its nine numbers beats the best single line, which leaves one side of the stripe wrong. ReLU is zero on one side of its unit's line and grows on the other, so the output is built from flat pieces that bend where a unit switches on. With one unit per edge, z stays positive inside the stripe and falls beyond both edges: the boundary z = 0 is two lines. In this setup two ReLU units suffice; curved boundaries take more units, each adding a bend.",
    timeLimitSeconds: 240,
  }),
];
