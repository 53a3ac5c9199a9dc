import type { GeneraliseAnswer } from "./public";

/**
 * What the review says about a committed choice, in the attempt's own measured numbers (the
 * server's evaluation): whether the run was overfitting where it stopped, and what its regulariser
 * or size did. Sent only in the review.
 */
export function choiceNotes(answer: GeneraliseAnswer, m: Record<string, number>, dropout: number): string[] {
  const notes: string[] = [];
  if (m.overfitFrom >= 0 && m.overfitFrom < answer.epochs)
    notes.push(
      `Your network was overfitting from epoch ${m.overfitFrom}: its validation loss rose while its training loss kept falling, so it was learning the training points' noise. Stopping earlier, a smaller network or a regulariser keeps it from memorising.`,
    );
  else if (m.bestValidationEpoch >= answer.epochs - 1)
    notes.push("Your network was still generalising when it stopped: its validation loss was at its lowest there.");
  if (answer.regulariser === "l2") notes.push("L2 pulls every weight toward zero, so the boundary stays smooth unless the data pays for a bend.");
  if (answer.regulariser === "dropout")
    notes.push(
      `Dropout silenced a random ${Math.round(dropout * 100)}% of the hidden units for each point at each step, so no unit could rely on another to memorise a point.`,
    );
  if (answer.size === "small")
    notes.push("Three hidden units can only bend the boundary a little: they cannot memorise much, nor follow a wavy boundary closely.");
  const gap = m.validationLoss - m.trainLoss;
  notes.push(
    gap > 0
      ? `Where you stopped: training loss ${m.trainLoss.toFixed(3)}, validation loss ${m.validationLoss.toFixed(3)}. The gap, ${gap.toFixed(3)}, is how much better the network does on the points it learned from than on new ones.`
      : `Where you stopped: training loss ${m.trainLoss.toFixed(3)}, validation loss ${m.validationLoss.toFixed(3)}: the network did no worse on new points than on its own.`,
  );
  return notes;
}
