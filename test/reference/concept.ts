import type { ReferenceAnswers } from "./types";

/**
 * Known three-star answers for the "concept" levels (chapters 1 and 6), written out by hand so
 * that a change to a level's correct answers shows up here instead of passing silently.
 */
export const conceptReference: ReferenceAnswers<"concept"> = {
  "rules-or-examples": {
    responses: {
      "who-wrote-the-rules": { spam: "learned", tax: "classical", speech: "learned", chess: "classical", tags: "learned", thermostat: "classical" },
      "what-goes-in": ["data-answers-in"],
      "why-not-rules": ["intractable"],
    },
  },
  "what-learning-needs": {
    responses: {
      "three-ingredients": ["inputs", "expected-outputs", "measure"],
      "spot-the-ingredients": { pictures: "input", "sound-files": "input", tags: "expected", transcripts: "expected", percent: "measure", distance: "measure" },
      "what-the-measure-is-for": ["feedback"],
      "points-example": ["colour"],
    },
  },
  "ai-ml-dl": {
    responses: {
      nesting: ["ai", "ml", "dl"],
      "what-deep-means": ["layers"],
      "true-statements": ["symbolic-chess", "dl-in-ml", "ai-without-learning"],
      "layer-by-layer": ["distilled"],
    },
  },
  "faster-hardware": {
    responses: {
      "three-forces": ["hardware", "data", "algorithms"],
      "titan-vs-1990": ["x500"],
      cuda: ["cuda"],
      "peak-power": ["touchstone", "titan", "tpu-v3"],
      "why-gpus": ["parallel"],
    },
  },
  "data-and-benchmarks": {
    responses: {
      "steam-engine": ["data"],
      "data-sources": { wikipedia: "language", flickr: "vision", youtube: "video", imagenet: "vision" },
      imagenet: ["images"],
      benchmarks: ["compete"],
      scale: ["svm", "small", "medium", "big"],
    },
  },
  "better-algorithms": {
    responses: {
      "why-shallow": ["fading"],
      "which-wave": { "batch-norm": "later", activations: "first", residual: "later", initialisation: "first", depthwise: "later" },
      relu: ["vanishing"],
      "ten-layers": ["ten"],
      achievements: ["image-classification", "go", "speech"],
    },
  },
};
