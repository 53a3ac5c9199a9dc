import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 4, after "One bend": features by hand, then learned (issue 14, kind 4). The same five
 * shapes (disc, opposite quadrants, parabola, stripes, wave), drawn afresh every attempt: first the
 * player makes the features a model without a hidden layer needs, then hidden units find their
 * own. The claims are proven on the levels' own numbers in test/unit/features.test.ts.
 */
const chapter = "going-deep";

export const featuresLevels: LevelInput[] = [
  defineLevel({
    id: "features-by-hand",
    chapter,
    title: "Features by hand",
    brief:
      "A model with no hidden layer (logistic regression) can only draw a straight boundary through its inputs. Give it at most two hand-made features of x₁ and x₂ so that, in those features, the two classes fall on either side of a line. Read the shape of the points first: the right features change with every attempt. Commit, and the model trains; it is scored on held-out points it never saw.",
    kind: "features",
    config: { mode: "hand", trainCount: 80, testCount: 200, targetAccuracy: 0.95, maxFeatures: 2 },
    target: { label: "95% of the held-out points right", score: 1 },
    stars: [0.8, 0.9, 1],
    hints: [
      "Name the shape of the blue points: inside an oval, in two opposite corners, beyond a parabola, beyond a wave, or in stripes?",
      "A boundary that is a straight line in some features is w₁·f₁ + w₂·f₂ + b = 0. Write the shape's edge as an equation in x₁ and x₂ and see which terms it uses.",
      {
        text: "An oval centred on the origin: x₁² and x₂². Opposite corners: x₁·x₂. A parabola x₂ = k·x₁² + c: x₁² and x₂ (turned on its side: x₂² and x₁). Stripes across x₁: sin x₁ (across x₂: sin x₂). A wave x₂ = A·sin x₁ + c: sin x₁ and x₂.",
        cost: 1,
      },
    ],
    explanation:
      "A model with no hidden layer computes z = w₁·f₁ + w₂·f₂ + b and says class 1 where z > 0: its boundary is a straight line in whatever features it is given. The edge of an oval centred on the origin is x₁²/a² + x₂²/b² = 1, a straight line in x₁² and x₂²; opposite quadrants are split by the sign of x₁·x₂; a parabola x₂ = k·x₁² + c is a line in x₁² and x₂; stripes follow the sign of sin x₁, and a wave x₂ = A·sin x₁ + c is a line in sin x₁ and x₂. With the right features the classes are linearly separable and the simplest model gets nearly every held-out point right; with the wrong ones no amount of training helps. Finding the features took you, not the model: that is feature engineering, and deep networks learn it instead (next level).",
    timeLimitSeconds: 180,
  }),
  defineLevel({
    id: "features-learned",
    chapter,
    title: "Features learned",
    brief:
      "Now the model gets only the raw inputs x₁ and x₂, and a hidden layer of your choice (how many units, which activation) in front of the same output. First predict which hand-made features a model without a hidden layer would need here; then commit, watch it train, and see in a small heatmap per hidden unit what each one learned.",
    kind: "features",
    config: { mode: "learned", trainCount: 150, testCount: 200, targetAccuracy: 0.92 },
    target: { label: "92% of the held-out points right, and the right prediction", score: 1 },
    stars: [0.7, 0.9, 1],
    hints: [
      "Without a hidden layer, raw x₁ and x₂ give a straight boundary: none of these shapes is a straight line.",
      "Each ReLU unit is zero on one side of its own line and grows on the other: every unit adds one bend to the boundary. Count the bends the shape's edge needs, and leave room to spare.",
      {
        text: "In this setup sixteen ReLU units reach the target on every shape of this level; zero or one unit never does (one unit can only draw a straight boundary).",
        cost: 1,
      },
    ],
    explanation:
      "With no hidden layer the boundary is a straight line in x₁ and x₂, and none of these shapes is one. A hidden layer computes new features from the raw inputs, and it learns them from the data: each unit's heatmap shows the feature it computes. A ReLU unit is a ramp along its own line, so a few of them together trace the oval's edge, the two corners, the stripes or the wave, and the output draws a straight line in their values. The units rarely equal a hand-made feature exactly (the review names a unit after a feature only when it follows that feature closely, with |r| ≥ 0.8), but together they rebuild what the shape needs: in this setup, with sixteen ReLU units the output's sum z follows a straight line in those features with a correlation of at least 0.85. Too few units cannot bend the boundary enough: in this level zero or one unit never reaches the target.",
    timeLimitSeconds: 240,
  }),
];
