export interface Chapter {
  id: string;
  number: number;
  title: string;
  summary: string;
}

/**
 * The course's chapters in teaching order. A chapter appears on the map once it has levels. (No
 * level content here: the browser may import it.)
 */
export const chapters: Chapter[] = [
  {
    id: "rules-from-data",
    number: 1,
    title: "Rules from data",
    summary: "Classical programs turn rules and data into answers; machine learning turns data and answers into rules.",
  },
  {
    id: "representations",
    number: 2,
    title: "Representations",
    summary: "Find the coordinate change that makes a simple rule classify the points — then watch a machine search for it.",
  },
  {
    id: "weights-loss-optimizer",
    number: 3,
    title: "Weights, loss, optimizer",
    summary: "A layer is parameterised by its weights; the loss measures how wrong it is; the optimizer improves it.",
  },
  { id: "going-deep", number: 4, title: "Going deep", summary: "Why deep networks stall, and the activations, initialisations and optimizers that fix it." },
  { id: "deep-representations", number: 5, title: "Deep representations", summary: "Train a digit classifier and look at what each layer makes of an image." },
  { id: "why-now", number: 6, title: "Why now", summary: "Hardware, data and benchmarks, and algorithmic advances." },
];
