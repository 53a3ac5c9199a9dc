import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 3, after "Pick a learning rate": gradient descent on a surface the player can see. The
 * loss of a line fit over its two weights (w, b) is a bowl drawn as contours: take steps by hand,
 * then let momentum run down a narrow valley, then spend a budget of epochs on mini-batches.
 * Each attempt draws new points (and a new start); the level's claims are proven on its own
 * numbers in test/unit/downhill.test.ts.
 */
const chapter = "weights-loss-optimizer";

export const downhillLevels: LevelInput[] = [
  defineLevel({
    id: "downhill-by-hand",
    chapter,
    title: "Downhill by hand",
    brief:
      "Take gradient steps yourself. The arrow points downhill from where you stand; choose how far to go along it, then step. Reach the bottom of the bowl (within 1% of the way back to the start) in at most 5 steps. No one step size repeated five times gets there: size each step by where its arrow lands.",
    kind: "downhill",
    config: {
      learn:
        "A line ŷ = w·x + b has two weights, and every pair (w, b) has a loss: the mean squared error on the points. Drawn over the (w, b) plane, the loss is a bowl; each ring (a contour) joins pairs with the same loss. The gradient ∇L = (∂L/∂w, ∂L/∂b) points straight uphill, at right angles to the rings. Gradient descent steps the other way: (w, b) ← (w, b) − η·∇L, where η, the learning rate, sets the step's size. A step too small barely moves; a step too large overshoots the valley and lands higher on the other side.",
      data: { count: 20, xCentre: [-1, 2.5], xWidth: [1.5, 5], steepness: [0.8, 2], offset: [-1.5, 1.5], noise: 0.5 },
      start: { along: "any", distance: 2.5 },
      tolerance: 0.01,
      play: { mode: "steps", maxSteps: 5, stepFactor: [1.4, 8] },
    },
    target: { label: "within 1% of the bottom in 5 steps or fewer", score: 1 },
    stars: [0.2, 0.5, 1],
    hints: [
      "Slide the step size and watch the hollow marker on the arrow: the loss where it would land is written by the slider, and the small curve shows the loss all along the arrow.",
      "After each step the arrow turns: the new downhill direction is at right angles to the ring through your new point. The bowl is longer one way than the other, so the steps zig-zag.",
      {
        text: "Each time, choose the step size at the lowest point of the curve of the loss along the arrow: five such steps reach the bottom of this bowl.",
        cost: 1,
      },
    ],
    explanation:
      "Gradient descent only knows the slope where it stands. The gradient points straight uphill, across the rings, and each step goes the other way by the learning rate times the gradient. Because the bowl is longer one way than the other, straight downhill does not point at the bottom: even the best step along the arrow stops where the arrow grazes a ring, and the next step turns a corner. An optimizer takes the same kind of step for every weight at once, but it cannot look along the arrow as you did: it takes a step of a size chosen in advance (the learning rate), which is why that rate matters so much.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "narrow-valley",
    chapter,
    title: "A narrow valley: momentum",
    brief:
      "Every x in this data lies far above 0, so w and b trade off against each other and the bowl is a long, narrow valley. Set the learning rate and the momentum of the run (its number of steps is shown: just enough for settings tuned to this valley) so that it ends within 1% of the bottom.",
    kind: "downhill",
    config: {
      learn:
        "Plain gradient descent repeats (w, b) ← (w, b) − η·∇L: each step sees only the slope where it stands. Momentum gives the point a velocity that remembers earlier steps: v ← β·v + ∇L, then (w, b) ← (w, b) − η·v. Where the gradient keeps pointing the same way, as along a valley floor, the steps add up and grow; where it flips from one side to the other, as across a narrow valley, they cancel out. β = 0 is plain gradient descent; β = 0.9 keeps 90% of the velocity from one step to the next.",
      data: { count: 20, xCentre: [3, 6], xWidth: [1.5, 3.5], steepness: [0.8, 2], offset: [-1.5, 1.5], noise: 0.5 },
      start: { along: "valley", distance: 3, across: 0.3 },
      tolerance: 0.01,
      play: { mode: "run", steps: [15, 150], rateFactor: [3, 30], momentumMax: 0.99 },
    },
    target: { label: "within 1% of the bottom at the end of the run", score: 1 },
    stars: [0.2, 0.5, 1],
    hints: [
      "With momentum at 0, raise the learning rate until the path zig-zags across the valley: a little more and it diverges. See how far along the floor it gets in 40 steps.",
      "Now raise the momentum: the small steps along the floor add up, while the zig-zag across the valley cancels itself out.",
      {
        text: "Momentum between 0.85 and 0.99 (the narrower the valley, the higher) with a learning rate between half and twice the largest one that works without momentum: with momentum the rate may go past that limit without diverging. Nudge both, watching the gap; one such setting reaches the bottom.",
        cost: 1,
      },
    ],
    explanation:
      "How fast plain gradient descent may go is set by the steepest direction: across this valley, a learning rate above 2 ÷ (its curvature) makes every step overshoot further than the last, and the run diverges. Along the floor the curvature is hundreds of times gentler, so at any rate that is safe across the valley the steps along the floor are tiny, and a run of them covers only part of the way. Momentum adds up the steps that keep pointing the same way (along the floor) and lets those that flip (across it) cancel, so it runs where the surface is flat without blowing up where it is steep. Centring the inputs (x around 0) would round the bowl off instead; in practice both tricks are used.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "mini-batches",
    chapter,
    title: "Mini-batches and epochs",
    brief:
      "Your budget is 2 epochs: every one of the 32 examples may be looked at twice. Choose the batch size and the learning rate so that the descent ends within the target shown (set for this bowl, a little above the best any setting reaches).",
    kind: "downhill",
    config: {
      learn:
        "An epoch is one pass through all the training examples. Full-batch gradient descent computes the gradient on every example before it takes a step: one step per epoch. Mini-batch descent shuffles the examples, splits them into batches, and steps after each batch using that batch's gradient alone: 32 examples in batches of 4 make 8 steps per epoch. Each step's direction is then only an estimate, so the path wobbles, but in the same time (the same number of examples looked at) it takes many more steps. Stepping on one example at a time is the original stochastic gradient descent (SGD); libraries now use the name for mini-batches too.",
      data: { count: 32, xCentre: [-1.5, 2], xWidth: [1.5, 6], steepness: [0.8, 2], offset: [-1.5, 1.5], noise: 0.5 },
      start: { along: "mixed", distance: 2.5, across: 1 },
      tolerance: 0.02,
      play: { mode: "batches", epochs: 2, sizes: [32, 16, 8, 4, 2, 1], rateFactor: [1, 5000] },
    },
    target: { label: "within the target in 2 epochs", score: 1 },
    stars: [0.2, 0.5, 1],
    hints: [
      "Count the steps each batch size buys: 32 examples in batches of 32 make 1 step per epoch; in batches of 8, 4 steps per epoch.",
      "Two full-batch steps are not enough to reach the bottom of this bowl, whatever the learning rate. The grey path shows the full batch at your rate for comparison.",
      {
        text: "Try the mini-batches (16, 8, 4, 2, then 1) one after another; for each, move the learning rate notch by notch until the end of the path settles nearest the bottom (too high, and the end jitters around it). The best of them gets within the target.",
        cost: 1,
      },
    ],
    explanation:
      "In the same 2 epochs the full batch takes 2 steps, batches of 4 take 16 and single examples 64. A mini-batch's gradient is only an estimate of the whole data's, so its path wobbles, but many rough steps get further than a few exact ones. With the learning rate too high the wobble stays large at the end, because the batches disagree even at the bottom; a smaller rate or a larger batch calms it. This is why networks are trained on mini-batches: looking at all the data before every single step would be far too slow. From here on, an epoch means one pass through the training data, however many steps it takes.",
    timeLimitSeconds: 120,
  }),
];
