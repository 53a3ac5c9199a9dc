import type { Curves } from "./public-net";

/**
 * Reading a pair of loss curves as the view names them: where the validation loss was lowest
 * (where early stopping on validation would keep the weights), and from when the network was
 * overfitting (validation loss rising while training loss still falls). Pure: the view runs it on
 * the live curves; tests run it on the level's own numbers.
 */

/** The epoch with the lowest validation loss (the first, on a tie). */
export function bestValidationEpoch(curves: Pick<Curves, "validation">): number {
  let best = 0;
  curves.validation.forEach((loss, epoch) => {
    if (loss < curves.validation[best]) best = epoch;
  });
  return best;
}

/** How much validation loss must have risen above its lowest point to call it overfitting, not wobble. */
export const OVERFIT_RISE = 0.02;

/**
 * The epoch from which the curves show overfitting, or null: the lowest point of the validation
 * loss, once the validation loss has since risen by more than OVERFIT_RISE above it while the
 * training loss kept falling (it is lower now than it was there).
 */
export function overfittingFrom(curves: Curves): number | null {
  const best = bestValidationEpoch(curves);
  const last = curves.validation.length - 1;
  if (best === last) return null;
  const risen = curves.validation[last] - curves.validation[best] > OVERFIT_RISE;
  const trainStillFalling = curves.train[last] < curves.train[best];
  return risen && trainStillFalling ? best : null;
}
