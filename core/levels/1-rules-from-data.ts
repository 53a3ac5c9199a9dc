import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 1: what machine learning is. Concept rounds: classical programming against machine
 * learning, the three things learning needs, and how AI, ML and deep learning nest.
 */
const chapter = "rules-from-data";
const everyAnswerRight = { label: "every answer right", score: 1 };

export const rulesFromDataLevels: LevelInput[] = [
  defineLevel({
    id: "rules-or-examples",
    chapter,
    title: "Rules or examples?",
    brief: "Sort the programs: did a person write their rules, or did a machine learn them from examples? Then two questions on the two ways of programming.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "who-wrote-the-rules",
          type: "sort",
          prompt: "Who came up with each program's rules? Put every program in its group.",
          bins: [
            { id: "classical", label: "Classical programming: a person wrote the rules", short: "Classical" },
            { id: "learned", label: "Machine learning: the rules were learned from examples", short: "Machine learning" },
          ],
          options: [
            {
              id: "spam",
              label: "A spam filter that was shown thousands of emails already marked “spam” or “not spam”, and worked out for itself what spam looks like",
            },
            { id: "tax", label: "A tax calculator that applies the brackets written in the tax law" },
            { id: "speech", label: "A speech recogniser trained on recordings paired with the transcripts people typed for them" },
            { id: "chess", label: "A 1980s chess program that follows rules of thumb typed in by its programmers" },
            { id: "tags", label: "A photo app that learned to tag “dog” or “cat” from pictures people had already tagged" },
            { id: "thermostat", label: "A thermostat that turns the heating on below 19 °C, because its designer decided so" },
          ],
          correct: { spam: "learned", tax: "classical", speech: "learned", chess: "classical", tags: "learned", thermostat: "classical" },
          explanation:
            "The tax brackets, the chess rules of thumb and the 19 °C threshold were all written down by people: the computer only applies them to data. The spam filter, the speech recogniser and the photo tagger were never given rules; they were shown inputs together with the expected answers and found the rules in those examples.",
        },
        {
          id: "what-goes-in",
          type: "single",
          prompt: "Classical programming turns rules and data into answers. What does machine learning take in, and what comes out?",
          options: [
            { id: "rules-answers-in", label: "Rules and answers go in; data comes out" },
            { id: "rules-data-in", label: "Rules and data go in; answers come out, only faster" },
            { id: "data-answers-in", label: "Data and answers go in; rules come out" },
            { id: "data-only", label: "Data goes in; answers come out, with no examples needed" },
          ],
          correct: "data-answers-in",
          explanation:
            "Machine learning turns the classical arrangement around. It receives data together with the answers expected for it, and what it produces is the rules. Those learned rules can then be applied to new data, like any program.",
        },
        {
          id: "why-not-rules",
          type: "single",
          prompt: "Symbolic AI, built from hand-written rules, did well at chess. Why did machine learning take over tasks like recognising images or speech?",
          options: [
            { id: "slower", label: "Hand-written rules always run slower than learned ones" },
            { id: "intractable", label: "Nobody could write down explicit rules good enough for such complex tasks" },
            { id: "no-data", label: "Machine learning needs no data, so it is cheaper" },
            { id: "forbidden", label: "Computers stopped supporting if–then rules" },
          ],
          correct: "intractable",
          explanation:
            "Hand-written rules suit well-defined, logical problems such as chess, and symbolic AI peaked with the expert systems of the 1980s. For classifying images, recognising speech or translating text, working out the rules by hand turned out to be intractable, so the rules had to come from examples instead.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Ask of each program: did someone type in its rules, or was it shown examples together with their answers?",
      "Classical programming: rules + data → answers. Machine learning: data + answers → rules.",
      "Hand-written rules work when the problem is well defined and logical, like a board game or a tax law.",
    ],
    explanation:
      "There are two ways to get a computer to do a task. In classical programming a person states the rules and the computer applies them to data to produce answers. In machine learning the computer is shown data along with the answers expected for it, and it works out the rules itself: it is trained rather than explicitly programmed. That is how computers took on tasks, like recognising speech or images, whose rules nobody can spell out.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "what-learning-needs",
    chapter,
    title: "What learning needs",
    brief: "Machine learning needs three ingredients. Pick them out, then spot each one in real tasks.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "three-ingredients",
          type: "multiple",
          prompt: "Which three things does machine learning need? Tick all that apply.",
          options: [
            { id: "inputs", label: "Input data points" },
            { id: "expert-rules", label: "Rules for every case, written by an expert" },
            { id: "expected-outputs", label: "Examples of the expected output" },
            { id: "brain-model", label: "A model of how the brain learns" },
            { id: "measure", label: "A way to measure whether the algorithm is doing a good job" },
            { id: "human-checker", label: "A person who checks every prediction as it is made" },
          ],
          correct: ["inputs", "expected-outputs", "measure"],
          explanation:
            "An algorithm learns from input data points, examples of the output expected for them, and a way to measure how far its own output is from the expected one. Hand-written rules are what machine learning replaces, and deep-learning models are not models of the brain.",
        },
        {
          id: "spot-the-ingredients",
          type: "sort",
          prompt: "Two tasks: tagging pictures and recognising speech. Which ingredient is each item?",
          bins: [
            { id: "input", label: "Input data points", short: "Input" },
            { id: "expected", label: "Examples of the expected output", short: "Expected output" },
            { id: "measure", label: "A way to measure a good job", short: "Measure" },
          ],
          options: [
            { id: "pictures", label: "The pictures to tag" },
            { id: "transcripts", label: "Transcripts that people wrote of the recordings" },
            { id: "percent", label: "The percentage of pictures tagged correctly" },
            { id: "sound-files", label: "Sound files of people speaking" },
            { id: "tags", label: "Tags such as “dog” and “cat” that people gave the pictures" },
            { id: "distance", label: "How far the algorithm's transcript is from the one people wrote" },
          ],
          correct: { pictures: "input", "sound-files": "input", tags: "expected", transcripts: "expected", percent: "measure", distance: "measure" },
          explanation:
            "The inputs are what the algorithm looks at: pictures, sound files. The expected outputs are the answers people provided for them: tags, transcripts. The measure compares the algorithm's output with the expected one, as a share of right answers or as a distance.",
        },
        {
          id: "what-the-measure-is-for",
          type: "single",
          prompt: "While the algorithm learns, what is the measurement of how well it is doing used for?",
          options: [
            { id: "report", label: "Only to give the algorithm a mark once training is over" },
            { id: "collect", label: "To decide which input data to collect next" },
            { id: "feedback", label: "As a feedback signal to adjust how the algorithm works; that adjustment is the learning" },
            { id: "nothing", label: "Nothing: it is only there for the people watching" },
          ],
          correct: "feedback",
          explanation:
            "The measurement is a feedback signal: the algorithm is adjusted so that the measure improves, and that adjustment step is what “learning” means. Without it, nothing would steer the search for better rules.",
        },
        {
          id: "points-example",
          type: "single",
          prompt: "The black and white points of chapter 2: an algorithm reads a point's (x, y) and says “black” or “white”. What is the expected output?",
          options: [
            { id: "coordinates", label: "The point's (x, y) coordinates" },
            { id: "rule", label: "The rule “black iff x > 0”" },
            { id: "accuracy", label: "The percentage of points classified correctly" },
            { id: "colour", label: "The point's colour, black or white" },
          ],
          correct: "colour",
          explanation:
            "The coordinates are the input, the colour is the expected output, and the percentage of points classified correctly is a way to measure the algorithm. The rule is not given to the algorithm: it is what learning should find.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Think of what you must hand a learning algorithm before it starts: what to look at, what it should answer, and how to mark it.",
      "Hand-written rules are what machine learning replaces, not something it needs.",
      "The measure compares the algorithm's output with the expected output.",
    ],
    explanation:
      "Machine learning needs three things: input data points, examples of the expected output, and a way to measure whether the algorithm is doing a good job. The measure is more than a grade: it is the feedback signal used to adjust the algorithm, and that adjustment is what we call learning.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "ai-ml-dl",
    chapter,
    title: "AI, machine learning, deep learning",
    brief:
      "Artificial intelligence, machine learning and deep learning sit inside one another. Put them in order, and find out what makes deep learning “deep”.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "nesting",
          type: "order",
          prompt: "Order the fields from the broadest to the narrowest: each one contains the next.",
          options: [
            { id: "ai", label: "Artificial intelligence" },
            { id: "ml", label: "Machine learning" },
            { id: "dl", label: "Deep learning" },
          ],
          correct: ["ai", "ml", "dl"],
          explanation:
            "AI is the broad effort to automate intellectual tasks that people normally do. Machine learning is the part of AI in which the rules are learned from examples. Deep learning is a subfield of machine learning that learns many successive layers of representations.",
        },
        {
          id: "what-deep-means",
          type: "single",
          prompt: "What does the “deep” in deep learning refer to?",
          options: [
            { id: "understanding", label: "A deeper understanding of the data than other methods reach" },
            { id: "layers", label: "Many successive layers of representations" },
            { id: "brain", label: "Networks built as faithful copies of the brain's neurons" },
            { id: "long-training", label: "Training that runs for a very long time" },
          ],
          correct: "layers",
          explanation:
            "“Deep” describes how the model is built, not how much it understands: the data passes through successive layers, each producing a new representation of it. The number of layers is the model's depth; “layered representations learning” would have been an equally good name.",
        },
        {
          id: "true-statements",
          type: "multiple",
          prompt: "Which statements are true? Tick all that apply.",
          options: [
            { id: "symbolic-chess", label: "A chess program built from hand-written rules is AI, but not machine learning" },
            { id: "all-ml-is-deep", label: "Every machine-learning method is deep learning" },
            { id: "dl-in-ml", label: "Deep learning is a subfield of machine learning" },
            { id: "brain-model", label: "Deep-learning models are accurate models of how the brain learns" },
            { id: "ai-without-learning", label: "AI also includes approaches that involve no learning at all" },
            { id: "shallow-is-deep", label: "Learning only one or two layers of representations also counts as deep learning" },
          ],
          correct: ["symbolic-chess", "dl-in-ml", "ai-without-learning"],
          explanation:
            "AI includes approaches with no learning at all, such as the hand-written rules of symbolic AI. Not every machine-learning method is deep: learning only one or two layers of representations is called shallow learning. And although neural networks took a few ideas from neuroscience, nothing shows that the brain learns the way deep-learning models do.",
        },
        {
          id: "layer-by-layer",
          type: "single",
          prompt: "A deep network reads an image of a handwritten digit. What happens to the image from one layer to the next?",
          options: [
            { id: "unchanged", label: "It passes through unchanged until the last layer decides" },
            { id: "sharper", label: "It becomes a sharper, higher-resolution copy of the original" },
            { id: "distilled", label: "It becomes less like the original image and more informative about which digit it is" },
            { id: "noise", label: "Each layer adds random noise to it" },
          ],
          correct: "distilled",
          explanation:
            "Each layer transforms its input into a new representation that looks less like the raw image and is more useful for the task. A deep network works like a multistage information-distillation process, purifying what matters until the last layer can name the digit.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Each field contains the next one. The broadest is the whole effort to automate intellectual tasks.",
      "“Deep” says how the model is built, not how much it understands.",
      "Learning only one or two layers of representations is called shallow learning.",
    ],
    explanation:
      "Artificial intelligence contains machine learning, which contains deep learning. AI also covers approaches with no learning, like hand-written rules. Machine learning learns rules and representations from examples. Deep learning does it through many successive layers of representations: “deep” refers to the number of layers, the depth of the model, and each layer distils the data into something more useful for the task.",
    timeLimitSeconds: 120,
  }),
];
