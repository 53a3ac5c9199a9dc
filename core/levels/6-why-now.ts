import { defineLevel } from "./define";
import type { LevelInput } from "./format";

/**
 * Chapter 6: why deep learning took off after 2012 although its key ideas were known by 1990.
 * Concept rounds on the three forces (hardware, data and benchmarks, algorithms) and on what
 * deep learning has achieved. Every figure comes from the course material.
 */
const chapter = "why-now";
const everyAnswerRight = { label: "every answer right", score: 1 };

export const whyNowLevels: LevelInput[] = [
  defineLevel({
    id: "faster-hardware",
    chapter,
    title: "Faster hardware",
    brief:
      "Convolutional networks and backpropagation were understood by 1990, yet deep learning only took off after 2012. Start with the first force behind it: hardware.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "three-forces",
          type: "multiple",
          prompt: "Which three technical forces drive the advances in machine learning? Tick all that apply.",
          options: [
            { id: "brain", label: "A better understanding of the brain" },
            { id: "hardware", label: "Hardware" },
            { id: "feature-engineering", label: "More hand-crafted feature engineering" },
            { id: "data", label: "Datasets and benchmarks" },
            { id: "venture-capital", label: "Venture-capital investment" },
            { id: "algorithms", label: "Algorithmic advances" },
          ],
          correct: ["hardware", "data", "algorithms"],
          explanation:
            "The three technical forces are hardware, datasets and benchmarks, and algorithmic advances. Investment in AI start-ups grew once deep learning took the spotlight (under $1 billion in 2011, $16 billion in 2017), but money is not a technical force. Deep learning removed the need for hand-crafted features, and it owes nothing to a model of the brain.",
        },
        {
          id: "titan-vs-1990",
          type: "single",
          prompt:
            "An NVIDIA Titan RTX, a $2,500 GPU at the end of 2019, peaks at 16 teraFLOPS. How does that compare with 1990's fastest supercomputer, the Intel Touchstone Delta?",
          options: [
            { id: "same", label: "About the same" },
            { id: "x5", label: "About 5 times more computing power" },
            { id: "x50", label: "About 50 times more computing power" },
            { id: "x500", label: "About 500 times more computing power" },
          ],
          correct: "x500",
          explanation:
            "16 teraFLOPS means 16 trillion float32 operations per second: about 500 times the Touchstone Delta. A card that costs a few thousand dollars out-computes the best machine of 1990 hundreds of times over.",
        },
        {
          id: "cuda",
          type: "single",
          prompt: "What did NVIDIA launch in 2007 for programming its line of GPUs?",
          options: [
            { id: "tpu", label: "The TPU" },
            { id: "cuda", label: "CUDA" },
            { id: "imagenet", label: "ImageNet" },
            { id: "adam", label: "Adam" },
          ],
          correct: "cuda",
          explanation:
            "CUDA (2007) is NVIDIA's programming interface for its GPUs. The TPU is Google's own chip, ImageNet is a dataset and Adam is an optimizer.",
        },
        {
          id: "peak-power",
          type: "order",
          prompt: "Order these machines by peak computing power, the least powerful first.",
          options: [
            { id: "touchstone", label: "Intel Touchstone Delta, 1990's fastest supercomputer" },
            { id: "titan", label: "NVIDIA Titan RTX, a $2,500 GPU (2019)" },
            { id: "tpu-v3", label: "Google's third-generation TPU card (2020)" },
          ],
          correct: ["touchstone", "titan", "tpu-v3"],
          explanation:
            "The Touchstone Delta is the baseline. The Titan RTX peaks at 16 teraFLOPS, about 500 times more. The third-generation TPU card reaches 420 teraFLOPS, about 10,000 times the Touchstone Delta.",
        },
        {
          id: "why-gpus",
          type: "single",
          prompt: "Why does deep learning gain so much from GPUs and TPUs?",
          options: [
            { id: "parallel", label: "Its computations parallelise very well, so it can use all of that parallel power" },
            { id: "storage", label: "GPUs store far more training data than disks do" },
            { id: "no-loss", label: "GPUs remove the need for a loss function" },
            { id: "graphics-only", label: "Neural networks can only run on graphics hardware" },
          ],
          correct: "parallel",
          explanation:
            "A deep network applies a handful of tensor operations to many numbers at once, which is highly amenable to parallelisation, exactly what GPUs and TPUs offer. This scalability lets deep learning take full advantage of faster hardware.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "The course names three technical forces: one is the machines, one is what they learn from, one is how they learn.",
      "A teraFLOPS is a trillion floating-point operations per second.",
      "The third-generation TPU card is about 10,000 times the 1990 supercomputer.",
    ],
    explanation:
      "The ideas behind deep learning were known by 1990, but training large networks needs enormous amounts of computation. GPUs, programmable through CUDA since 2007, and then Google's TPUs brought it within reach: in 2019 a $2,500 GPU had about 500 times the power of 1990's fastest supercomputer. Because deep learning parallelises so well, it could use all of that power.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "data-and-benchmarks",
    chapter,
    title: "Data and benchmarks",
    brief: "Deep learning runs on examples. Match the data sources to what they fed, and see which models gain the most from lots of data.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "steam-engine",
          type: "single",
          prompt: "If deep learning is the steam engine of the AI revolution, what is its coal?",
          options: [
            { id: "gpus", label: "GPUs" },
            { id: "money", label: "Venture capital" },
            { id: "data", label: "Data" },
            { id: "code", label: "Source code" },
          ],
          correct: "data",
          explanation:
            "Deep learning is the engine and data is the fuel it burns. Without many examples, there is nothing to learn the rules and representations from.",
        },
        {
          id: "data-sources",
          type: "sort",
          prompt: "Which field did each source of data feed?",
          bins: [
            { id: "vision", label: "Computer vision" },
            { id: "video", label: "Video" },
            { id: "language", label: "Natural language processing" },
          ],
          options: [
            { id: "wikipedia", label: "Wikipedia" },
            { id: "flickr", label: "User-generated image tags on Flickr" },
            { id: "youtube", label: "YouTube" },
            { id: "imagenet", label: "ImageNet's hand-annotated images" },
          ],
          correct: { flickr: "vision", imagenet: "vision", youtube: "video", wikipedia: "language" },
          explanation:
            "Flickr's user tags and ImageNet's hand-labelled photos became training data for computer vision, YouTube for video, and Wikipedia's text for natural language processing. Everyday use of the internet produced examples by the million.",
        },
        {
          id: "imagenet",
          type: "single",
          prompt: "What is ImageNet?",
          options: [
            { id: "few-images", label: "1,000 images sorted into 1.4 million categories" },
            { id: "wiki", label: "A collection of Wikipedia articles about pictures" },
            { id: "images", label: "1.4 million images, hand-annotated with 1,000 image categories" },
            { id: "api", label: "NVIDIA's programming interface for GPUs" },
          ],
          correct: "images",
          explanation:
            "ImageNet is 1.4 million images labelled by hand with 1,000 categories. It is also a benchmark: image-recognition results are measured on it, for instance when AI is compared with human performance.",
        },
        {
          id: "benchmarks",
          type: "single",
          prompt: "How did common benchmarks help deep learning rise?",
          options: [
            { id: "gpus", label: "They supplied the GPUs researchers needed" },
            { id: "compete", label: "Researchers competed to beat the same tasks, so progress was measured and compared" },
            { id: "no-data", label: "They removed the need for training data" },
            { id: "brain", label: "They proved that networks work like the brain" },
          ],
          correct: "compete",
          explanation:
            "A common benchmark lets everyone test their method on the same data with the same measure. Researchers competing to beat it made progress visible and comparable, which greatly helped deep learning rise.",
        },
        {
          id: "scale",
          type: "order",
          prompt: "With a lot of labelled data, how do these compare? Order them by performance, the lowest first.",
          options: [
            { id: "svm", label: "A traditional algorithm, such as an SVM" },
            { id: "small", label: "A small neural network" },
            { id: "medium", label: "A medium-sized neural network" },
            { id: "big", label: "A big neural network" },
          ],
          correct: ["svm", "small", "medium", "big"],
          explanation:
            "Scale drives deep learning's progress. With little data, a neural network may do no better than linear regression or an SVM; with a lot of data, a small network beats the SVM, a medium one beats the small one, and a big one does best.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "Deep learning is the engine; think about what it burns.",
      "ImageNet is about pictures: more than a million of them.",
      "With a lot of data, the bigger the network, the better it does.",
    ],
    explanation:
      "Deep learning needs lots of examples, and the internet supplied them: tagged photos, videos, Wikipedia's text, and hand-labelled collections such as ImageNet (1.4 million images, 1,000 categories). Common benchmarks let researchers compete on the same tasks. And the more data there is, the more a bigger network gains over a smaller one and over traditional methods such as SVMs.",
    timeLimitSeconds: 150,
  }),
  defineLevel({
    id: "better-algorithms",
    chapter,
    title: "Better algorithms",
    brief: "Until the late 2000s, deep networks could not be trained reliably. Find out what changed, and what deep learning has achieved since.",
    kind: "concept",
    config: {
      pool: [
        {
          id: "why-shallow",
          type: "single",
          prompt: "Until the late 2000s, why did neural networks stay shallow, with only one or two layers of representations?",
          options: [
            { id: "memory", label: "Computers could not hold more than two layers in memory" },
            { id: "fading", label: "The feedback signal faded away as it went back through more layers" },
            { id: "idea", label: "Nobody had thought of stacking layers" },
            { id: "rules", label: "Benchmarks did not allow more layers" },
          ],
          correct: "fading",
          explanation:
            "The missing piece was a reliable way to propagate the gradient through a deep stack: the feedback signal used for training faded as the number of layers grew, so the lower layers hardly learned.",
        },
        {
          id: "which-wave",
          type: "sort",
          prompt: "Each of these made the gradient propagate better. Which came first, and which later?",
          bins: [
            { id: "first", label: "The first fixes (from around 2009–2010)", short: "First (2009–2010)" },
            { id: "later", label: "Later, more advanced fixes (2014–2016)", short: "Later (2014–2016)" },
          ],
          options: [
            { id: "batch-norm", label: "Batch normalisation" },
            { id: "activations", label: "Better activation functions" },
            { id: "residual", label: "Residual connections" },
            { id: "initialisation", label: "Better weight-initialisation schemes" },
            { id: "depthwise", label: "Depthwise separable convolutions" },
          ],
          correct: { activations: "first", initialisation: "first", "batch-norm": "later", residual: "later", depthwise: "later" },
          explanation:
            "The first simple but important fixes were better activation functions, better weight initialisation (starting with layer-wise pretraining, soon abandoned) and better optimisation schemes such as RMSProp and Adam. Batch normalisation, residual connections and depthwise separable convolutions followed in 2014–2016.",
        },
        {
          id: "relu",
          type: "single",
          prompt: "Why is ReLU a better activation than sigmoid for training a deep network?",
          options: [
            { id: "squash", label: "It squashes every output into the range 0 to 1" },
            { id: "neurons", label: "It makes the network a faithful model of real neurons" },
            { id: "no-backprop", label: "It removes the need for backpropagation" },
            { id: "vanishing", label: "It helps with the vanishing-gradient problem" },
          ],
          correct: "vanishing",
          explanation:
            "The sigmoid's slope is small almost everywhere (at most 0.25), so the gradient shrinks layer after layer on its way back. ReLU's slope is 1 for every positive input, which helps with the vanishing-gradient problem. Squashing into 0 to 1 is what the sigmoid does.",
        },
        {
          id: "ten-layers",
          type: "single",
          prompt: "Deep learning started to shine once these improvements made it possible to train models with how many layers?",
          options: [
            { id: "two", label: "2 or more" },
            { id: "ten", label: "10 or more" },
            { id: "thousand", label: "1,000 or more" },
            { id: "three", label: "Exactly 3" },
          ],
          correct: "ten",
          explanation:
            "Only once networks of ten or more layers could be trained did deep learning pull ahead of other approaches. Modern networks often use tens or even hundreds of layers.",
        },
        {
          id: "achievements",
          type: "multiple",
          prompt: "Which of these has deep learning achieved? Tick all that apply.",
          options: [
            { id: "image-classification", label: "Near-human-level image classification" },
            { id: "brain-proof", label: "Proof that the brain learns by backpropagation" },
            { id: "go", label: "Superhuman Go playing" },
            { id: "no-examples", label: "Learning new tasks without any data or examples" },
            { id: "speech", label: "Near-human-level speech transcription" },
            { id: "perfect", label: "Predictions that are never wrong" },
          ],
          correct: ["image-classification", "go", "speech"],
          explanation:
            "Deep learning reached near-human image classification, speech transcription and handwriting transcription, improved machine translation, text-to-speech and web search, and plays Go better than any human. It still learns from examples, still makes mistakes, and tells us nothing about how the brain learns.",
        },
      ],
    },
    target: everyAnswerRight,
    stars: [0.5, 0.75, 1],
    hints: [
      "The trouble was the feedback signal on its way back through the layers.",
      "ReLU helps with the vanishing-gradient problem; the sigmoid makes it worse.",
      "Batch normalisation and residual connections came later, in 2014–2016.",
    ],
    explanation:
      "For a long time deep stacks of layers could not be trained, because the feedback signal faded on its way back down. Simple fixes (better activation functions such as ReLU, better weight initialisation, and better optimisers such as RMSProp and Adam) let networks of ten or more layers learn, and batch normalisation and residual connections went further in 2014–2016. The results include near-human image classification and speech transcription, and superhuman Go.",
    timeLimitSeconds: 150,
  }),
];
