import { earlyStop, type GeneraliseAnswer, onsetOption, PROBE } from "../../core/kinds/generalise/public";
import type { ReferenceAnswers, Solver } from "./types";

/** New kind: the repository never held static answers for it. */
export const generaliseReference: ReferenceAnswers<"generalise"> = {};

/**
 * Reads the probe as a player who knows overfitting would: when its validation loss bottomed out
 * and then rose while the training loss fell (the question states the rule), and stops the
 * probe's own network where its validation loss is lowest among the stopping points (early
 * stopping on validation). Never touches the test set.
 */
export const solveGeneralise: Solver<"generalise"> = (level) => {
  const view = level.view;
  const prediction = view.prediction.options[onsetOption(view.probe)].id;
  return { ...PROBE, epochs: earlyStop(view.probe, view.stops), prediction } satisfies GeneraliseAnswer;
};
