/**
 * "Why deep learning took off": the revolution's three properties, as the course names them, and
 * statements that are each an instance of one of them, with why (shown only in the review).
 * Sources: the course's "AI Revolution" slides (simplicity, scalability, versatility and
 * reusability), in our own words.
 */
export type Property = "simplicity" | "scalability" | "versatility";

export const PROPERTIES: { id: Property; label: string; short: string; detail: string }[] = [
  {
    id: "simplicity",
    label: "Simplicity",
    short: "Simplicity",
    detail: "No hand-made features: one model trained end to end, from a few kinds of tensor operations.",
  },
  {
    id: "scalability",
    label: "Scalability",
    short: "Scalability",
    detail: "It runs in parallel on GPUs and TPUs, and learns from small batches, so it grows with hardware and data.",
  },
  { id: "versatility", label: "Versatility and reuse", short: "Reuse", detail: "A trained model can keep learning, or be reused for another task." },
];

export interface Statement {
  id: string;
  text: string;
  property: Property;
  why: string;
}

export const STATEMENTS: Statement[] = [
  {
    id: "end-to-end",
    property: "simplicity",
    text: "One network, trained end to end, replaces a pipeline of hand-designed feature extractors.",
    why: "Simplicity: deep learning removes the need for feature engineering; one trainable model replaces a brittle, engineering-heavy pipeline.",
  },
  {
    id: "raw-pixels",
    property: "simplicity",
    text: "The raw pixels go straight into the model: nobody writes code to find edges or corners first.",
    why: "Simplicity: the layers learn their own features from the raw input, so no feature-finding code has to be written and tuned by hand.",
  },
  {
    id: "few-operations",
    property: "simplicity",
    text: "The whole model is built from only five or six kinds of tensor operations, stacked in layers.",
    why: "Simplicity: a deep learning model is typically built from a handful of tensor operations, the same few in every layer.",
  },
  {
    id: "one-model-speech",
    property: "simplicity",
    text: "A speech recogniser's separate hand-tuned stages give way to a single model that learns from recordings and their transcripts.",
    why: "Simplicity: separate hand-made stages are replaced by one model trained end to end on examples.",
  },
  {
    id: "more-gpus",
    property: "scalability",
    text: "With more GPUs, the same model trains faster, because its computations run in parallel.",
    why: "Scalability: deep learning's computations parallelise very well, so it takes full advantage of GPUs and TPUs.",
  },
  {
    id: "mini-batches",
    property: "scalability",
    text: "It learns from small batches of examples at a time, so the dataset can be far bigger than the computer's memory.",
    why: "Scalability: training iterates over small batches, so a model can be trained on a dataset of any size.",
  },
  {
    id: "moores-law",
    property: "scalability",
    text: "As chips get faster year after year, the same training code trains bigger models, unchanged.",
    why: "Scalability: because it parallelises so well, deep learning rides Moore's law: faster hardware turns straight into bigger, better models.",
  },
  {
    id: "tpu-pods",
    property: "scalability",
    text: "A model's matrix multiplications are split across thousands of cores of a TPU at once.",
    why: "Scalability: the work is a few large tensor operations, which split across many cores, so more hardware means faster training.",
  },
  {
    id: "x-rays",
    property: "versatility",
    text: "A network trained on millions of everyday photos is fine-tuned to read chest X-rays from a few thousand examples.",
    why: "Versatility and reuse: a trained model is repurposed for a new task, which also makes deep learning work on fairly small datasets.",
  },
  {
    id: "keeps-learning",
    property: "versatility",
    text: "A model in production keeps learning from new data, without being trained again from scratch.",
    why: "Versatility and reuse: a deep learning model can be trained further on additional data without restarting, which makes continuous online learning possible.",
  },
  {
    id: "video-pipeline",
    property: "versatility",
    text: "An image classifier's trained layers are dropped into a video-processing system.",
    why: "Versatility and reuse: a model trained for one job becomes a part of another, so earlier work is reinvested in bigger models.",
  },
  {
    id: "small-dataset",
    property: "versatility",
    text: "Starting from a pretrained model, a team gets good results on a dataset of only a few hundred labelled images.",
    why: "Versatility and reuse: reusing what a model learned elsewhere makes deep learning applicable to fairly small datasets.",
  },
];
