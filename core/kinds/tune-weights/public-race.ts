import { loadTf, nextFrame, type Tf } from "../../nn/tf";
import { lossOf, type Problem } from "./public-network";

/**
 * "Race the optimizer": plain full-batch gradient descent (TensorFlow.js, tf.train.sgd) on the
 * level's own network and loss, from the level's starting weights, until its loss drops below
 * the player's. It only illustrates; it never scores, so it may run in the browser alone.
 *
 * Each step's loss is measured with core's float64 loss (lossOf) on the weights tfjs produced,
 * so "below the player's loss" compares like with like.
 */
export interface RaceOptions {
  learningRate: number;
  maxSteps: number;
  /** The player's loss: the race stops at the first step strictly below it. */
  beat: number;
  /** Called about once a frame while it runs, and once at the end. */
  onProgress?(step: number, loss: number): void;
  /** Milliseconds of work between two paints in the browser. */
  sliceMs?: number;
  /** Stops early (e.g. the view went away); the result so far is returned. */
  signal?: { aborted: boolean };
}

export interface RaceResult {
  /** Loss before any step (index 0) and after each step. */
  losses: number[];
  /** The first step whose loss is below `beat`, or null if none within maxSteps. */
  stepsToBeat: number | null;
  /** The weights after the last step. */
  weights: number[];
}

type Tensor = ReturnType<Tf["tensor"]>;

/** The model's output before the final sigmoid (ŷ for the line), for every example at once. */
function logits(tf: Tf, problem: Problem, params: Tensor, x: Tensor): Tensor {
  const at = (begin: number, size: number) => tf.slice(params, [begin], [size]);
  switch (problem.model) {
    case "line":
      return tf.add(tf.mul(x, at(0, 1)), at(1, 1));
    case "neuron":
      return tf.add(tf.reshape(tf.matMul(x as never, tf.reshape(at(0, 2), [2, 1])), [problem.count]), at(2, 1));
    case "mlp-2-2-1": {
      // Rows of W are inputs, columns hidden units: [[w₁₁, w₂₁], [w₁₂, w₂₂]] from the flat order.
      const w = tf.reshape(tf.gather(params, tf.tensor1d([0, 3, 1, 4], "int32")), [2, 2]);
      const b = tf.gather(params, tf.tensor1d([2, 5], "int32"));
      const pre = tf.add(tf.matMul(x as never, w as never), b);
      const h = problem.hidden === "tanh" ? tf.tanh(pre) : tf.sigmoid(pre);
      return tf.add(tf.reshape(tf.matMul(h as never, tf.reshape(at(6, 2), [2, 1])), [problem.count]), at(8, 1));
    }
  }
}

/** The same loss as lossOf: MSE for the line, cross-entropy from the logit (softplus(z) − t·z) otherwise. */
export function lossTensor(tf: Tf, problem: Problem, params: Tensor, x: Tensor, y: Tensor): Tensor {
  const z = logits(tf, problem, params, x);
  if (problem.model === "line") return tf.mean(tf.square(tf.sub(z, y)));
  return tf.mean(tf.sub(tf.softplus(z), tf.mul(y, z)));
}

export function inputTensor(tf: Tf, problem: Problem): Tensor {
  // tfjs takes float32 arrays (not float64).
  const xs = Float32Array.from(problem.xs);
  return problem.model === "line" ? tf.tensor1d(xs) : tf.tensor2d(xs, [problem.count, 2]);
}

export async function raceGradientDescent(problem: Problem, start: readonly number[], options: RaceOptions): Promise<RaceResult> {
  const tf = await loadTf();
  const { learningRate, maxSteps, beat, onProgress, sliceMs = 12, signal } = options;
  const initial = tf.tensor1d([...start]);
  const params = tf.variable(initial);
  initial.dispose(); // the variable keeps its own reference to the data
  const x = inputTensor(tf, problem);
  const y = tf.tensor1d(Float32Array.from(problem.ys));
  const optimizer = tf.train.sgd(learningRate);
  const losses = [lossOf(problem, start)];
  let stepsToBeat: number | null = losses[0] < beat ? 0 : null;
  let weights = [...start];
  try {
    let sliceStart = performance.now();
    for (let step = 1; stepsToBeat === null && step <= maxSteps && !signal?.aborted; step++) {
      optimizer.minimize(() => lossTensor(tf, problem, params, x, y) as ReturnType<Tf["scalar"]>, false, [params]);
      weights = Array.from(params.dataSync());
      const loss = lossOf(problem, weights);
      losses.push(loss);
      if (loss < beat) stepsToBeat = step;
      if (performance.now() - sliceStart > sliceMs) {
        onProgress?.(step, loss);
        await nextFrame();
        sliceStart = performance.now();
      }
    }
    onProgress?.(losses.length - 1, losses[losses.length - 1]);
    return { losses, stepsToBeat, weights };
  } finally {
    optimizer.dispose();
    tf.dispose([params, x, y]);
  }
}
