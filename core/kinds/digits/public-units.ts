import { PIXELS, type DigitSet } from "./public-images";
import { type DigitsRun, imageOf, layerActivationsOf } from "./public-train";

/**
 * What a hidden unit responds to, for the layer view. A layer of a fully connected network has no
 * spatial layout (its units could be listed in any order), so each unit is shown by what it looks
 * for instead: a first-layer unit by its weight template (its incoming weights, one per pixel,
 * drawn as an image), a deeper unit by the test digit that activates it most.
 */

/** A first-layer unit's incoming weights, one per pixel of the image (row by row). */
export function weightTemplate(run: Pick<DigitsRun, "weights">, unit: number): Float32Array {
  const first = run.weights.layers[0];
  if (unit < 0 || unit >= first.outSize) throw new Error(`the first layer has no unit ${unit}`);
  const template = new Float32Array(PIXELS);
  for (let p = 0; p < PIXELS; p++) template[p] = first.kernel[p * first.outSize + unit];
  return template;
}

/** For every hidden layer, for every unit: the index of the test image that activates it most (−1 when no image activates it at all). */
export function topActivatingImages(run: Pick<DigitsRun, "spec" | "weights">, test: DigitSet): number[][] {
  const hidden = run.spec.hidden;
  const best = hidden.map((width) => new Array<number>(width).fill(-1));
  const bestValue = hidden.map((width) => new Array<number>(width).fill(0));
  for (let i = 0; i < test.count; i++) {
    const layers = layerActivationsOf(run, imageOf(test, i));
    hidden.forEach((width, l) => {
      for (let u = 0; u < width; u++) {
        if (layers[l][u] > bestValue[l][u]) {
          bestValue[l][u] = layers[l][u];
          best[l][u] = i;
        }
      }
    });
  }
  return best;
}
