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
    brief:
      "Did a person write each program's rules, or did a machine learn them from examples? Sort programs and answer questions on the two ways of programming.",
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
            { id: "films", label: "A film recommender that worked out what each viewer likes from millions of past ratings" },
            { id: "vat", label: "A spreadsheet formula that adds 20% sales tax to every price" },
            { id: "translator", label: "A translator trained on millions of sentences paired with their human translations" },
            { id: "expert-system", label: "A medical expert system whose if–then rules were typed in after interviewing doctors" },
          ],
          correct: {
            spam: "learned",
            tax: "classical",
            speech: "learned",
            chess: "classical",
            tags: "learned",
            thermostat: "classical",
            films: "learned",
            vat: "classical",
            translator: "learned",
            "expert-system": "classical",
          },
          draw: 6,
          explanation:
            "A program is classical when people wrote its rules down — tax brackets, a sales-tax rate, a chess rule of thumb, a temperature threshold, a doctor's if–then rules — and the computer only applies them to data. It is machine learning when the program was never given its rules: it was shown inputs together with the answers expected for them (marked emails, transcribed recordings, tagged photos, past ratings, translated sentences) and found the rules in those examples.",
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
        {
          id: "trained-not-programmed",
          type: "single",
          prompt: "People say a machine-learning system is “trained” rather than “explicitly programmed”. What does that mean?",
          options: [
            { id: "examples", label: "It is shown many examples of the task and finds statistical structure in them, which becomes its rules" },
            { id: "typed", label: "A programmer types in its rules one by one, then tests them" },
            { id: "copied", label: "Its rules are copied from another program that already does the task" },
            { id: "no-rules", label: "It follows no rules at all, so its answers are random" },
          ],
          correct: "examples",
          explanation:
            "Nobody writes a trained system's rules. It is given many examples of the task, inputs with the answers expected for them, and it finds the statistical structure in them that lets it automate the task. That structure plays the part the hand-written rules play in a classical program, and it is applied to new inputs in the same way.",
        },
        {
          id: "suits-classical",
          type: "single",
          prompt: "Which of these tasks is the best fit for classical programming, with rules a person writes down?",
          options: [
            { id: "interest", label: "Computing a loan's monthly repayment from the bank's published formula" },
            { id: "faces", label: "Recognising a friend's face in holiday photos" },
            { id: "transcribe", label: "Transcribing a phone call into text" },
            { id: "translate", label: "Translating a novel from French into English" },
          ],
          correct: "interest",
          explanation:
            "The repayment follows from a formula someone can write down exactly: a well-defined, logical problem, the kind hand-written rules handle well. Nobody can write the complete rules for recognising a face, transcribing speech or translating a book, which is why those tasks are learned from examples.",
        },
        {
          id: "symbolic-peak",
          type: "single",
          prompt: "Symbolic AI, built from rules written by programmers, was at its most popular when?",
          options: [
            { id: "1980s", label: "During the expert-systems boom of the 1980s" },
            { id: "2010s", label: "After 2012, alongside deep learning" },
            { id: "1950s", label: "Before 1956, before the field of AI had its name" },
            { id: "2020s", label: "In the 2020s, with chatbots" },
          ],
          correct: "1980s",
          explanation:
            "Artificial intelligence took its name at a 1956 workshop, and for decades it mostly meant hand-written rules. That symbolic approach peaked with the expert systems of the 1980s; machine learning only started to flourish in the 1990s, and deep learning after 2012.",
        },
        {
          id: "ml-flourished",
          type: "single",
          prompt: "Machine learning became a thriving part of AI in the 1990s. What drove that?",
          options: [
            { id: "hardware-data", label: "Faster hardware and larger datasets" },
            { id: "rules", label: "Better hand-written rules from experts" },
            { id: "law", label: "A law that banned symbolic AI" },
            { id: "brain", label: "A complete map of how the brain learns" },
          ],
          correct: "hardware-data",
          explanation:
            "Machine learning is a hands-on, empirical field: it learns from data and needs computing power to do so. It took off in the 1990s as hardware got faster and datasets got larger, and the same two forces, with better algorithms, later drove deep learning.",
        },
      ],
      show: 3,
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Ask of each program: did someone type in its rules, or was it shown examples together with their answers?",
      "Could a person write every rule of the task down completely? You can for a formula; try it for recognising a face.",
      { text: "Classical programming: rules + data → answers. Machine learning: data + answers → rules.", cost: 1 },
    ],
    explanation:
      "There are two ways to get a computer to do a task. In classical programming a person states the rules and the computer applies them to data to produce answers. In machine learning the computer is shown data along with the answers expected for it, and it works out the rules itself: it is trained rather than explicitly programmed. That is how computers took on tasks, like recognising speech or images, whose rules nobody can spell out.",
    timeLimitSeconds: 120,
  }),
  defineLevel({
    id: "what-learning-needs",
    chapter,
    title: "What learning needs",
    brief: "Machine learning needs three ingredients. Pick them out, spot each one in real tasks, and see what “learning” means.",
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
            { id: "features", label: "Features of each input, designed by hand" },
            { id: "final-rules", label: "The rules the algorithm is supposed to find" },
            { id: "supercomputer", label: "A supercomputer" },
          ],
          correct: ["inputs", "expected-outputs", "measure"],
          draw: { options: 6, right: [3, 3] },
          explanation:
            "An algorithm learns from input data points, examples of the output expected for them, and a way to measure how far its own output is from the expected one. The rules are what it finds, not what it is given; hand-designed features are what deep learning does without; a model of the brain, a person checking each prediction or a particular computer are not among the three.",
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
            { id: "emails", label: "The emails a spam filter reads" },
            { id: "spam-marks", label: "The “spam” or “not spam” marks people gave those emails" },
            { id: "filter-share", label: "The share of emails the filter sorts the way people did" },
          ],
          correct: {
            pictures: "input",
            "sound-files": "input",
            emails: "input",
            tags: "expected",
            transcripts: "expected",
            "spam-marks": "expected",
            percent: "measure",
            distance: "measure",
            "filter-share": "measure",
          },
          draw: 6,
          explanation:
            "The inputs are what the algorithm looks at: pictures, sound files, emails. The expected outputs are the answers people provided for them: tags, transcripts, spam marks. The measure compares the algorithm's output with the expected one, as a share of right answers or as a distance.",
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
            { id: "rule", label: "The rule “black when x > 0”" },
            { id: "accuracy", label: "The percentage of points classified correctly" },
            { id: "colour", label: "The point's colour, black or white" },
          ],
          correct: "colour",
          explanation:
            "The coordinates are the input, the colour is the expected output, and the percentage of points classified correctly is a way to measure the algorithm. The rule is not given to the algorithm: it is what learning should find.",
        },
        {
          id: "what-learning-is",
          type: "single",
          prompt: "In machine learning, what does “learning” describe?",
          options: [
            { id: "search", label: "An automatic search for transformations of the data that make a useful representation, guided by a feedback signal" },
            { id: "memorise", label: "Storing every training example so it can be looked up later" },
            { id: "rewrite", label: "A programmer rewriting the rules after each mistake" },
            { id: "collect", label: "Collecting data until the answers appear in it" },
          ],
          correct: "search",
          explanation:
            "Learning is a search: among a set of possible transformations of the data, the algorithm looks for those that give a representation in which a simple rule solves the task, and the measure of how well it is doing steers that search.",
        },
        {
          id: "representation",
          type: "single",
          prompt: "What is a representation of data?",
          options: [
            { id: "encoding", label: "A different way to look at, or encode, the same data, such as a colour image in RGB or in HSV" },
            { id: "answer", label: "The final answer a model gives for the data" },
            { id: "summary", label: "A short summary that throws most of the data away" },
            { id: "loss", label: "The loss score of a model on the data" },
          ],
          correct: "encoding",
          explanation:
            "A representation is a way of encoding data: the same colour image in RGB or in HSV, the same points in one coordinate system or another. A good one makes the task easy (“select every red pixel” is simple in RGB), and finding good representations is what machine learning is about.",
        },
        {
          id: "hypothesis-space",
          type: "single",
          prompt: "The machine searched for a coordinate change that separates the black points from the white ones. What was its hypothesis space?",
          options: [
            { id: "all-changes", label: "Every coordinate change it was allowed to try" },
            { id: "points", label: "The points of the dataset" },
            { id: "accuracy", label: "The percentage of points classified correctly" },
            { id: "rule", label: "The rule “black when x > 0”" },
          ],
          correct: "all-changes",
          explanation:
            "A learning algorithm does not invent transformations: it searches a predefined set of them, its hypothesis space. Here that set is every coordinate change (every rotation and shift); the points are the data, the percentage is the feedback signal, and the rule is what a good representation makes possible.",
        },
      ],
      show: 3,
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
    brief: "Artificial intelligence, machine learning and deep learning sit inside one another. Tell them apart, and find out what makes deep learning “deep”.",
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
            { id: "ml-in-ai", label: "Machine learning is a part of artificial intelligence" },
            { id: "layers-learned", label: "A deep network's layers of representations are learned from training data" },
            { id: "ai-is-dl", label: "“Artificial intelligence” is another name for deep learning" },
            { id: "hand-features", label: "Deep learning needs every feature of its inputs designed by hand" },
          ],
          correct: ["symbolic-chess", "dl-in-ml", "ai-without-learning", "ml-in-ai", "layers-learned"],
          draw: { options: 6, right: [2, 3] },
          explanation:
            "AI includes approaches with no learning at all, such as the hand-written rules of symbolic AI; machine learning is one part of it, and deep learning one part of machine learning, whose layers of representations are learned from data rather than designed by hand. Not every machine-learning method is deep: learning only one or two layers of representations is called shallow learning. And although some ideas came from neuroscience, nothing shows that the brain learns the way deep-learning models do.",
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
        {
          id: "depth",
          type: "single",
          prompt: "What is the depth of a model?",
          options: [
            { id: "layers", label: "How many layers contribute to the model of the data" },
            { id: "understanding", label: "How well the model understands its data" },
            { id: "time", label: "How long the model was trained" },
            { id: "examples", label: "How many examples the model has seen" },
          ],
          correct: "layers",
          explanation:
            "Depth counts layers: how many successive transformations contribute to the model of the data. It says how the model is built, not how well it understands, how long it trained or how much data it saw.",
        },
        {
          id: "shallow",
          type: "single",
          prompt: "What is shallow learning?",
          options: [
            { id: "one-or-two", label: "Machine learning that learns only one or two layers of representations of the data" },
            { id: "small-rate", label: "Deep learning with a small learning rate" },
            { id: "small-data", label: "Any learning from a small dataset" },
            { id: "by-hand", label: "Writing a program's rules by hand" },
          ],
          correct: "one-or-two",
          explanation:
            "Most machine-learning methods before deep learning transform the data into one or two representations, for instance a decision tree or a support-vector machine: that is shallow learning. Deep learning stacks many learned layers.",
        },
        {
          id: "brain",
          type: "single",
          prompt: "How do deep-learning models relate to the brain?",
          options: [
            {
              id: "inspired",
              label: "Some ideas were inspired by the brain, but the models are not models of it, and nothing shows the brain learns like them",
            },
            { id: "copies", label: "They are faithful simulations of biological neurons" },
            { id: "unrelated", label: "No idea in them ever came from neuroscience" },
            { id: "proof", label: "Their success proves that the brain learns by backpropagation" },
          ],
          correct: "inspired",
          explanation:
            "The name “neural network” and some central ideas (in particular from the visual cortex) came from neuroscience, but deep-learning models are not models of the brain, and there is no evidence that the brain learns the way they do. Think of deep learning as a mathematical framework for learning representations from data.",
        },
        {
          id: "feature-engineering",
          type: "single",
          prompt: "Which step, once the most crucial one of a machine-learning project, does deep learning automate?",
          options: [
            { id: "features", label: "Feature engineering: crafting good representations of the data by hand" },
            { id: "collecting", label: "Collecting the data" },
            { id: "choosing", label: "Choosing which task to solve" },
            { id: "checking", label: "Checking the results with the people who use them" },
          ],
          correct: "features",
          explanation:
            "Shallow methods needed people to engineer good representations of the data by hand before learning could work. Deep learning learns all its layers of representations from the data, jointly, so that step is automated; the data, the task and the checking still need people.",
        },
      ],
      show: 3,
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Each field contains the next one. The broadest is the whole effort to automate intellectual tasks.",
      "“Deep” says how the model is built, not how much it understands.",
      {
        text: "Learning only one or two layers of representations is called shallow learning; deep learning learns many, and its depth is their number.",
        cost: 1,
      },
    ],
    explanation:
      "Artificial intelligence contains machine learning, which contains deep learning. AI also covers approaches with no learning, like hand-written rules. Machine learning learns rules and representations from examples. Deep learning does it through many successive layers of representations: “deep” refers to the number of layers, the depth of the model, and each layer distils the data into something more useful for the task.",
    timeLimitSeconds: 120,
  }),
];
