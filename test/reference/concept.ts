import type { ConceptAnswer, ConceptResponse, PublicOption } from "../../core/kinds/concept/public";
import type { PublicLevel } from "../../core/play/public-level";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The concept levels (chapters 1 and 6), solved as a player who knows the course would: by reading
 * each question and its options (labels; their ids are opaque and change with every attempt) and
 * picking the right ones. What that player knows is written out here, by question, in the words
 * of the options, so that a change to a level's content shows up here instead of passing silently.
 * A question a level's pool gains needs its line here too. An attempt shows some of a pool's
 * questions, and of a question some of its options: the player answers with the options shown
 * (a multiple-answer question: the right ones shown; an order: the items shown, in the right
 * relative order; a sort: the cards shown).
 */
export type Known = { single: string } | { multiple: string[] } | { order: string[] } | { sort: Record<string, string> };

export const conceptKnowledge: Record<string, Record<string, Known>> = {
  "rules-or-examples": {
    "who-wrote-the-rules": {
      sort: {
        "A spam filter that was shown thousands of emails already marked “spam” or “not spam”, and worked out for itself what spam looks like":
          "Machine learning: the rules were learned from examples",
        "A tax calculator that applies the brackets written in the tax law": "Classical programming: a person wrote the rules",
        "A speech recogniser trained on recordings paired with the transcripts people typed for them": "Machine learning: the rules were learned from examples",
        "A 1980s chess program that follows rules of thumb typed in by its programmers": "Classical programming: a person wrote the rules",
        "A photo app that learned to tag “dog” or “cat” from pictures people had already tagged": "Machine learning: the rules were learned from examples",
        "A thermostat that turns the heating on below 19 °C, because its designer decided so": "Classical programming: a person wrote the rules",
        "A film recommender that worked out what each viewer likes from millions of past ratings": "Machine learning: the rules were learned from examples",
        "A spreadsheet formula that adds 20% sales tax to every price": "Classical programming: a person wrote the rules",
        "A translator trained on millions of sentences paired with their human translations": "Machine learning: the rules were learned from examples",
        "A medical expert system whose if–then rules were typed in after interviewing doctors": "Classical programming: a person wrote the rules",
      },
    },
    "what-goes-in": { single: "Data and answers go in; rules come out" },
    "why-not-rules": { single: "Nobody could write down explicit rules good enough for such complex tasks" },
    "trained-not-programmed": { single: "It is shown many examples of the task and finds statistical structure in them, which becomes its rules" },
    "suits-classical": { single: "Computing a loan's monthly repayment from the bank's published formula" },
    "symbolic-peak": { single: "During the expert-systems boom of the 1980s" },
    "ml-flourished": { single: "Faster hardware and larger datasets" },
  },
  "what-learning-needs": {
    "three-ingredients": { multiple: ["Input data points", "Examples of the expected output", "A way to measure whether the algorithm is doing a good job"] },
    "spot-the-ingredients": {
      sort: {
        "The pictures to tag": "Input data points",
        "Sound files of people speaking": "Input data points",
        "The emails a spam filter reads": "Input data points",
        "Tags such as “dog” and “cat” that people gave the pictures": "Examples of the expected output",
        "Transcripts that people wrote of the recordings": "Examples of the expected output",
        "The “spam” or “not spam” marks people gave those emails": "Examples of the expected output",
        "The percentage of pictures tagged correctly": "A way to measure a good job",
        "How far the algorithm's transcript is from the one people wrote": "A way to measure a good job",
        "The share of emails the filter sorts the way people did": "A way to measure a good job",
      },
    },
    "what-the-measure-is-for": { single: "As a feedback signal to adjust how the algorithm works; that adjustment is the learning" },
    "points-example": { single: "The point's colour, black or white" },
    "what-learning-is": { single: "An automatic search for transformations of the data that make a useful representation, guided by a feedback signal" },
    representation: { single: "A different way to look at, or encode, the same data, such as a colour image in RGB or in HSV" },
    "hypothesis-space": { single: "Every coordinate change it was allowed to try" },
  },
  "ai-ml-dl": {
    nesting: { order: ["Artificial intelligence", "Machine learning", "Deep learning"] },
    "what-deep-means": { single: "Many successive layers of representations" },
    "true-statements": {
      multiple: [
        "A chess program built from hand-written rules is AI, but not machine learning",
        "Deep learning is a subfield of machine learning",
        "AI also includes approaches that involve no learning at all",
        "Machine learning is a part of artificial intelligence",
        "A deep network's layers of representations are learned from training data",
      ],
    },
    "layer-by-layer": { single: "It becomes less like the original image and more informative about which digit it is" },
    depth: { single: "How many layers contribute to the model of the data" },
    shallow: { single: "Machine learning that learns only one or two layers of representations of the data" },
    brain: { single: "Some ideas were inspired by the brain, but the models are not models of it, and nothing shows the brain learns like them" },
    "feature-engineering": { single: "Feature engineering: crafting good representations of the data by hand" },
  },
  "faster-hardware": {
    "three-forces": { multiple: ["Hardware", "Datasets and benchmarks", "Algorithmic advances"] },
    "titan-vs-1990": { single: "About 500 times more computing power" },
    cuda: { single: "CUDA" },
    "peak-power": {
      order: [
        "Intel Touchstone Delta, 1990's fastest supercomputer",
        "NVIDIA Titan RTX, a $2,500 GPU (2019)",
        "Google's third-generation TPU card (announced 2018)",
      ],
    },
    "why-gpus": { single: "Its computations parallelise very well, so it can use all of that parallel power" },
    teraflops: { single: "It can do at most 16 trillion floating-point operations per second" },
    tpu: { single: "A chip Google designed for the computations of deep learning" },
    "took-off": { single: "After 2012" },
    "tpu-vs-1990": { single: "About 10,000 times" },
  },
  "data-and-benchmarks": {
    "steam-engine": { single: "Data" },
    "data-sources": {
      sort: {
        "User-generated image tags on Flickr": "Computer vision",
        "ImageNet's hand-annotated images": "Computer vision",
        YouTube: "Video",
        Wikipedia: "Natural language processing",
      },
    },
    imagenet: { single: "About 1.4 million images, hand-annotated with 1,000 categories: a subset of ImageNet" },
    benchmarks: { single: "Researchers competed to beat the same tasks, so progress was measured and compared" },
    scale: { order: ["A traditional algorithm, such as an SVM", "A small neural network", "A medium-sized neural network", "A big neural network"] },
    "what-is-a-benchmark": { single: "A shared task, with fixed data and a fixed measure, on which everyone's methods are compared" },
    "little-data": { single: "It may do no better: with little data, the network's size is not what decides" },
    "why-more-data": { single: "People used computers, phones and the internet far more, producing and sharing images, videos and text" },
  },
  "better-algorithms": {
    "why-shallow": { single: "The feedback signal faded away as it went back through more layers" },
    "which-wave": {
      sort: {
        "Better activation functions": "The first fixes (from around 2009–2010)",
        "Better weight-initialisation schemes": "The first fixes (from around 2009–2010)",
        "Batch normalisation": "Later, more advanced fixes (2014–2016)",
        "Residual connections": "Later, more advanced fixes (2014–2016)",
        "Depthwise separable convolutions": "Later, more advanced fixes (2014–2016)",
        "The Adam optimizer": "Later, more advanced fixes (2014–2016)",
        "He initialisation, scaled for ReLU layers": "Later, more advanced fixes (2014–2016)",
      },
    },
    relu: { single: "It helps with the vanishing-gradient problem" },
    "ten-layers": { single: "10 or more" },
    achievements: {
      multiple: [
        "Near-human-level image classification",
        "Superhuman Go playing",
        "Near-human-level speech transcription",
        "Near-human-level handwriting transcription",
        "Much better machine translation",
      ],
    },
    "when-optimizers": { single: "RMSProp in 2012 and Adam in 2014, after the first fixes of 2009–2010" },
    "sigmoid-slope": { single: "0.25, at an input of 0" },
    residual: { single: "It adds a block's input to its output, so the signal and its gradient can flow through the shortcut" },
    "batch-norm": { single: "It rescales a layer's inputs over each batch to mean 0 and variance 1, then lets the network learn a scale and a shift" },
  },
};

function knownOf(level: PublicLevel<"concept">, questionId: string): Known {
  const known = conceptKnowledge[level.id]?.[questionId];
  if (!known) throw new Error(`test/reference/concept.ts: no knowledge of question "${questionId}" of level "${level.id}"`);
  return known;
}

/** The option shown with this label (its opaque id in this instance). */
function idOf(options: readonly PublicOption[], label: string): string {
  const option = options.find((o) => o.label === label);
  if (!option) throw new Error(`no option labelled "${label.slice(0, 60)}…" in this instance`);
  return option.id;
}

function respond(known: Known, options: PublicOption[], bins: PublicOption[]): ConceptResponse {
  // What is right among the options this attempt shows (it may show a few of a question's options).
  const shown = (label: string) => options.some((o) => o.label === label);
  if ("single" in known) return [idOf(options, known.single)];
  if ("multiple" in known) return known.multiple.filter(shown).map((label) => idOf(options, label));
  if ("order" in known) return known.order.filter(shown).map((label) => idOf(options, label));
  for (const option of options) if (!(option.label in known.sort)) throw new Error(`no knowledge of the card "${option.label.slice(0, 60)}…"`);
  return Object.fromEntries(
    Object.entries(known.sort)
      .filter(([card]) => shown(card))
      .map(([card, bin]) => [idOf(options, card), idOf(bins, bin)]),
  );
}

/**
 * The answer to a served concept round from what the player knows, in the instance's ids;
 * `instead` replaces what is known of some questions (by question id), e.g. with a slip.
 */
export function conceptAnswerOf(level: PublicLevel<"concept">, instead: Record<string, Known> = {}): ConceptAnswer {
  return {
    responses: Object.fromEntries(level.view.questions.map((q) => [q.id, respond(instead[q.id] ?? knownOf(level, q.id), q.options, q.bins ?? [])])),
  };
}

/** What the player knows to be right for one question of a level. */
export const knownAnswer = knownOf;

export const solveConcept: Solver<"concept"> = (level): ConceptAnswer => conceptAnswerOf(level);

/**
 * The answers this repository used to hold for the concept levels, in the levels' own option ids:
 * what a player who copied them from the repository would send. An instance names its options by
 * opaque ids, so these are refused (test/api/farming-bot.test.ts checks it).
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
