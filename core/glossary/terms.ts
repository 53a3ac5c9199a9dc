/**
 * The glossary: every term the course's levels use, defined in one to three sentences before a
 * player needs it. Pure data (no level content, no answers), so the browser may import it: the
 * /glossary page lists it, and learn cards link the terms they use to their entries (./link.ts).
 *
 * `match` lists how the term is written in a text (matched whole-word, case-insensitively unless
 * the spelling has a capital or a symbol); `pattern` catches notations no list can (∂E/∂w₁).
 */
export interface GlossaryTerm {
  /** The anchor on /glossary: /glossary#<id>. */
  id: string;
  term: string;
  /** Also written as (shown beside the term). */
  aka?: string;
  definition: string;
  match: string[];
  pattern?: string;
}

export const glossary: GlossaryTerm[] = [
  {
    id: "iff",
    term: "iff",
    aka: "if and only if",
    definition:
      "Short for “if and only if”. “Black iff x′ > 0” says two things at once: every point with x′ > 0 is black, and every black point has x′ > 0 (so every point with x′ ≤ 0 is white).",
    match: ["iff", "if and only if"],
  },
  {
    id: "representation",
    term: "Representation",
    definition:
      "The form in which data is written down: the same points can be given by other coordinates, the same picture stored in other numbers. Some forms make a task much simpler than others.",
    match: ["representation", "representations"],
  },
  {
    id: "coordinate-change",
    term: "Coordinate change",
    definition:
      "Describing each point by new coordinates (x′, y′): turning the axes, moving the origin, or computing new features such as x², x·y or the distance from the origin. The prime (′) marks the new coordinates.",
    match: ["coordinate change", "coordinate changes"],
  },
  {
    id: "feature",
    term: "Feature",
    definition:
      "One number that describes an input, such as x, y, x² or a pixel's brightness. Choosing features by hand is feature engineering; a deep network learns its own, layer by layer.",
    match: ["feature", "features", "feature engineering"],
  },
  {
    id: "logistic-regression",
    term: "Logistic regression",
    definition:
      "A model with no hidden layer: a weighted sum of its inputs plus a bias, passed through the sigmoid to give the probability of class 1. Its decision boundary is a straight line in whatever inputs (features) it is given.",
    match: ["logistic regression", "no hidden layer"],
  },
  {
    id: "linearly-separable",
    term: "Linearly separable",
    definition:
      "Two classes are linearly separable in some features when a straight line (a flat plane, in more features) has every point of one class on one side and every point of the other on the other side.",
    match: ["linearly separable", "linear separability"],
  },
  {
    id: "held-out",
    term: "Held-out points",
    definition:
      "Examples kept apart from training and used only to measure the trained model: how often it is right on them says how well it does on data it has never seen.",
    match: ["held-out", "held-out points", "held out"],
  },
  {
    id: "neuron",
    term: "Neuron (unit)",
    definition:
      "The building block of a network: it multiplies each input by a weight, adds them up with a bias, and passes the sum through an activation function: output = g(w₁·x₁ + w₂·x₂ + … + b).",
    match: ["neuron", "neurons", "hidden unit", "hidden units"],
  },
  {
    id: "weight",
    term: "Weight",
    aka: "parameter",
    definition:
      "A number inside a network that sets how strongly one input counts. A layer's weights define what it does to its input; learning means finding good values for all of them.",
    match: ["weight", "weights", "parameter", "parameters"],
  },
  {
    id: "bias",
    term: "Bias",
    definition: "A weight that is added on its own, not multiplied by an input: it shifts a neuron's sum, as b shifts the line ŷ = w·x + b up or down.",
    match: ["bias", "biases"],
  },
  {
    id: "layer",
    term: "Layer",
    definition:
      "A group of neurons that all read the same inputs; a network passes the data through its layers one after another. Layers between the input and the output are hidden layers, and their number is the network's depth.",
    match: ["layer", "layers", "hidden layer", "hidden layers", "depth"],
  },
  {
    id: "activation",
    term: "Activation function",
    definition:
      "The function a neuron applies to its weighted sum, such as ReLU, tanh or the sigmoid. Without a non-linear activation, a stack of layers can only compute a linear function, however deep it is.",
    match: ["activation", "activations", "activation function", "activation functions", "non-linear", "non-linearity"],
  },
  {
    id: "linear-layer",
    term: "Linear layer",
    definition:
      "A layer whose units each output a weighted sum of their inputs plus a bias, with no activation (or the identity). Two linear layers in a row equal one: their weights multiply into a single layer's weights.",
    match: ["linear layer", "linear layers"],
  },
  {
    id: "identity",
    term: "Identity",
    definition: "The activation that changes nothing: g(s) = s. A hidden layer with the identity is a linear layer.",
    match: ["identity"],
  },
  {
    id: "decision-boundary",
    term: "Decision boundary",
    definition:
      "The line or curve that separates the inputs a classifier puts in one class from those it puts in the other: where its output crosses 0 (or ½ for a probability). A single layer's boundary is a straight line.",
    match: ["decision boundary", "boundary", "boundaries"],
  },
  {
    id: "relu",
    term: "ReLU",
    aka: "rectified linear unit",
    definition: "ReLU(z) = max(0, z): zero for negative inputs, the input itself otherwise. Its slope is 1 wherever the unit is active and 0 where it is not.",
    match: ["ReLU", "ReLUs"],
  },
  {
    id: "sigmoid",
    term: "Sigmoid σ",
    aka: "logistic function",
    definition:
      "σ(z) = 1 / (1 + e⁻ᶻ) squeezes any number into (0, 1), so its output can be read as a probability. Its slope is never more than 0.25 (the slope at z = 0) and is close to 0 for large |z|.",
    match: ["sigmoid", "σ", "logistic"],
  },
  {
    id: "tanh",
    term: "tanh",
    aka: "hyperbolic tangent",
    definition: "tanh(z) squeezes any number into (−1, 1) and is 0 at z = 0, where its slope is 1. It is an S-shaped curve like the sigmoid, centred on zero.",
    match: ["tanh"],
  },
  {
    id: "softmax",
    term: "Softmax",
    definition:
      "Turns a list of numbers z₁ … zₖ into probabilities that add up to 1: each becomes exp(zᵢ) divided by the sum of all the exp(zⱼ). The largest number gets the largest share, so the classes compete.",
    match: ["softmax"],
  },
  {
    id: "loss",
    term: "Loss",
    aka: "loss function, cost, objective",
    definition:
      "One number that says how far a network's outputs are from the targets: lower is better. It is the feedback signal that training tries to make small. The chain-rule levels call it the error E.",
    match: ["loss", "losses", "loss function", "error"],
  },
  {
    id: "mse",
    term: "Mean squared error",
    aka: "MSE",
    definition:
      "The mean, over the examples, of (prediction − target)². A miss twice as large costs four times as much. The chain-rule levels use ½(y − t)² for one example; the ½ only makes the derivative tidier.",
    match: ["mean squared error", "MSE", "squared error"],
  },
  {
    id: "cross-entropy",
    term: "Cross-entropy",
    definition:
      "The loss for probabilities: −log of the probability the network gave to the right answer, averaged over the examples. For one yes/no output p and target t it is −[t·log p + (1 − t)·log(1 − p)] (binary cross-entropy); being sure and wrong costs a lot.",
    match: ["cross-entropy", "binary cross-entropy", "categorical cross-entropy"],
  },
  {
    id: "accuracy",
    term: "Accuracy",
    definition:
      "The share of examples a model gets right. Easy to read, but it cannot guide small weight changes the way a loss can, because it jumps from one value to the next.",
    match: ["accuracy"],
  },
  {
    id: "gradient",
    term: "Gradient",
    aka: "∇L",
    definition:
      "The list of a loss's partial derivatives, one per weight: ∇L = (∂L/∂w, ∂L/∂b, …). It points in the direction in which the loss rises fastest; its size says how steep the slope is.",
    match: ["gradient", "gradients", "∇L"],
  },
  {
    id: "partial-derivative",
    term: "Partial derivative ∂E/∂w",
    definition:
      "How much E changes per unit change of w when everything else is held fixed. ∂E/∂w₁ = 0.3 means that raising w₁ by a small amount ε raises E by about 0.3·ε.",
    match: ["partial derivative", "partial derivatives", "derivative", "derivatives"],
    pattern: "∂[A-Za-zŷ₀-₉ₖ]+/∂[A-Za-zŷ₀-₉ₖ]+",
  },
  {
    id: "chain-rule",
    term: "Chain rule",
    definition:
      "The derivative of a chain of functions is the product of each link's own (local) derivative. If E depends on y, which depends on z, which depends on w: ∂E/∂w = ∂E/∂y · ∂y/∂z · ∂z/∂w.",
    match: ["chain rule"],
  },
  {
    id: "forward-pass",
    term: "Forward pass",
    definition:
      "Running inputs through the network, layer after layer, to get its predictions, keeping every intermediate value because the backward pass needs them.",
    match: ["forward pass"],
  },
  {
    id: "backpropagation",
    term: "Backpropagation",
    aka: "backward pass",
    definition:
      "The algorithm that finds every weight's gradient in one sweep from the loss back to the inputs, applying the chain rule node by node. Factors shared by many weights are computed once; a value used in several places sums the gradients of all its uses.",
    match: ["backpropagation", "backprop", "backward pass"],
  },
  {
    id: "gradient-descent",
    term: "Gradient descent",
    definition: "Improving the weights by small steps against the gradient: w ← w − η·∂L/∂w for every weight at once, repeated until the loss stops falling.",
    match: ["gradient descent", "gradient step", "gradient steps"],
  },
  {
    id: "loss-surface",
    term: "Loss surface",
    definition:
      "The loss drawn over the weights: with two weights it is a landscape, often shown as contours, rings joining the points of equal loss. The gradient is at right angles to the contours.",
    match: ["loss surface", "contour", "contours", "bowl"],
  },
  {
    id: "learning-rate",
    term: "Learning rate",
    aka: "η",
    definition:
      "The number η that scales every gradient step. Too small and training crawls; too large and each step overshoots the valley, so the loss bounces or grows.",
    match: ["learning rate", "learning rates", "η"],
  },
  {
    id: "momentum",
    term: "Momentum",
    definition:
      "A change to gradient descent that keeps a velocity: v ← β·v + ∇L, then w ← w − η·v. Steps that keep pointing the same way add up; steps that flip back and forth cancel.",
    match: ["momentum", "β"],
  },
  {
    id: "optimizer",
    term: "Optimizer",
    definition:
      "The rule that turns gradients into weight updates: plain gradient descent, momentum, RMSProp (which divides each weight's step by a running size of its own gradients) or Adam (momentum and RMSProp combined).",
    match: ["optimizer", "optimizers", "optimiser", "RMSProp", "Adam"],
  },
  {
    id: "epoch",
    term: "Epoch",
    definition:
      "One pass through all the training examples. With full-batch gradient descent an epoch is one step; with mini-batches it is (number of examples ÷ batch size) steps.",
    match: ["epoch", "epochs"],
  },
  {
    id: "batch",
    term: "Batch, mini-batch",
    aka: "batch size",
    definition:
      "The group of examples whose mean gradient makes one step. Full batch uses every example; a mini-batch uses a few (often 16 to 256), giving a rougher direction but many more steps per epoch.",
    match: ["batch", "batches", "mini-batch", "mini-batches", "batch size", "full batch", "full-batch"],
  },
  {
    id: "sgd",
    term: "SGD",
    aka: "stochastic gradient descent",
    definition:
      "Gradient descent on one example, or one small random batch, at a time, so each step is a noisy estimate of the full gradient. Libraries also call plain gradient descent “SGD” whatever the batch size.",
    match: ["SGD", "stochastic gradient descent"],
  },
  {
    id: "training-test",
    term: "Training set, test set",
    aka: "validation set",
    definition:
      "The training set is what the weights learn from. The test set is kept apart and used only to measure how well the trained model does on examples it has never seen; a validation set is a third part used to choose settings such as when to stop.",
    match: ["training set", "test set", "validation set", "training data", "training examples", "test accuracy", "training accuracy"],
  },
  {
    id: "overfitting",
    term: "Overfitting",
    definition:
      "Learning the training examples, noise included, instead of the pattern behind them: training accuracy keeps rising while test accuracy stalls or falls. It is most likely with little data and a large model.",
    match: ["overfitting", "overfit", "overfits", "memorise", "memorises"],
  },
  {
    id: "generalisation",
    term: "Generalisation",
    definition: "How well a model does on new examples, not the ones it trained on: the goal of learning. It is measured on a test set.",
    match: ["generalisation", "generalise", "generalises", "generalization", "generalize"],
  },
  {
    id: "early-stopping",
    term: "Early stopping",
    definition:
      "Stopping training where the loss on the validation set was lowest, before the network starts memorising its training examples. The validation set chooses when; the test set is still kept apart to report how well that choice does.",
    match: ["early stopping", "stop early", "stopping early"],
  },
  {
    id: "regularisation",
    term: "Regularisation (L2, dropout)",
    definition:
      "Anything that makes memorising the training examples harder, so a network generalises better. L2 adds λ/2 × the sum of the squared weights to the loss; dropout silences a random share of the hidden units at each training step.",
    match: ["regularisation", "regularise", "regulariser", "regularisers", "regularization", "L2", "dropout"],
  },
  {
    id: "initialisation",
    term: "Initialisation (He, Xavier/Glorot)",
    definition:
      "How the weights get their random starting values. Glorot (also called Xavier, 2010) scales them so the signal keeps its size through units with slope 1 at zero, like tanh; He (2015) uses a variance of 2 ÷ (inputs per unit), about twice as large, because ReLU zeroes about half its inputs.",
    match: ["initialisation", "initialisations", "initialised", "initialization", "He initialisation", "Glorot", "Xavier"],
  },
  {
    id: "vanishing-gradients",
    term: "Vanishing gradients",
    definition:
      "Gradients that shrink so much on their way back through the layers that part of the network hardly learns. On the way back each layer multiplies the gradient by its activation's slope (at most 0.25 for the sigmoid) and by its weights, and many small factors make a tiny product.",
    match: ["vanishing gradients", "vanishing gradient", "vanishing-gradient"],
  },
  {
    id: "residual-connection",
    term: "Residual connection",
    definition: "A shortcut that adds a block's input to its output, so the signal, and its gradient on the way back, can skip the block.",
    match: ["residual connection", "residual connections", "residual"],
  },
  {
    id: "batch-norm",
    term: "Batch normalisation",
    definition:
      "A layer that rescales its inputs over each batch to mean 0 and variance 1, then applies a learned scale and shift; it keeps the signal in a range where training works.",
    match: ["batch normalisation", "batch norm", "batch-norm"],
  },
  {
    id: "classification",
    term: "Classification",
    definition:
      "Predicting a category. Binary classification answers one yes/no question, multiclass picks exactly one of several classes, and multilabel answers several independent yes/no questions, any number of which may be yes.",
    match: ["classification", "binary classification", "multiclass", "multilabel", "label", "labels"],
  },
  {
    id: "regression",
    term: "Regression",
    definition: "Predicting a number, such as a price or a temperature, rather than a category.",
    match: ["regression"],
  },
  {
    id: "output-layer",
    term: "Output layer, head",
    definition: "The last layer of a network: its number of neurons, its activation and the loss it is trained with depend on what the task predicts.",
    match: ["output layer", "output layers", "head", "heads", "output neurons"],
  },
  {
    id: "softplus",
    term: "Softplus",
    definition:
      "softplus(z) = log(1 + eᶻ): a smooth version of ReLU. Its output is always above 0 and grows like z for large z, so it suits a number that is never negative.",
    match: ["softplus"],
  },
  {
    id: "mean-absolute-error",
    term: "Mean absolute error",
    aka: "MAE",
    definition: "The mean of |prediction − target| over the examples: how far off a model's numbers are on average, in the targets' own unit (°C, euros).",
    match: ["mean absolute error", "MAE"],
  },
  {
    id: "gpu",
    term: "GPU",
    aka: "graphics processing unit",
    definition: "A chip first made for drawing graphics, built to do thousands of simple computations at the same time.",
    match: ["GPU", "GPUs", "graphics processing unit"],
  },
  {
    id: "machine-learning",
    term: "Machine learning",
    definition: "Programs whose rules are not written by a person but found by an algorithm from examples of inputs with the outputs expected for them.",
    match: ["machine learning"],
  },
  {
    id: "deep-learning",
    term: "Deep learning",
    definition:
      "The part of machine learning that uses neural networks made of many layers, each layer computing a new representation of the data from the one before; all of them are learned together from examples.",
    match: ["deep learning"],
  },
  {
    id: "structured-data",
    term: "Structured data",
    aka: "unstructured data",
    definition:
      "Structured data is a table: one row per example, one column per named measurement (age, income, price). Unstructured data is images, sound and text, where a single pixel, sample or letter means little on its own.",
    match: ["structured data", "unstructured data"],
  },
  {
    id: "dense-layer",
    term: "Dense layer",
    aka: "fully connected layer",
    definition: "A layer in which every input is connected to every unit, each connection with its own weight.",
    match: ["dense layer", "dense layers", "fully connected"],
  },
  {
    id: "convolution",
    term: "Convolution, filter",
    definition:
      "A convolutional layer slides a small grid of weights, a filter, across its input; at each position the response is the sum of each weight times the value under it. The same weights are used at every position.",
    match: ["convolution", "convolutional", "filter", "filters"],
  },
  {
    id: "feature-map",
    term: "Feature map",
    definition:
      "What a filter gives when slid across an image: its response at every position, itself an image, usually passed through an activation such as ReLU.",
    match: ["feature map", "feature maps"],
  },
  {
    id: "recurrent-layer",
    term: "Recurrent layer",
    definition: "A layer that reads a sequence one step at a time, and carries a state, a memory of the steps so far, from each step to the next.",
    match: ["recurrent", "recurrence"],
  },
  {
    id: "fine-tuning",
    term: "Fine-tuning, pretrained model",
    definition:
      "A pretrained model has already been trained on one task, often on a large dataset. Fine-tuning trains it a little more on another task, usually with far fewer examples than training from scratch would need.",
    match: ["fine-tuning", "fine-tuned", "fine-tune", "pretrained"],
  },
  {
    id: "end-to-end",
    term: "End to end",
    definition:
      "A model trained end to end learns everything between the raw input and the output at once, from examples, instead of being a pipeline of separately built stages such as hand-made feature extractors.",
    match: ["end to end", "end-to-end"],
  },
];

const byId = new Map(glossary.map((t) => [t.id, t]));

export function glossaryTerm(id: string): GlossaryTerm | undefined {
  return byId.get(id);
}
