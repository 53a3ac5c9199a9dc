/**
 * The short lesson shown before each level's challenge (issue 14: teach before the challenge, not
 * after a star). One card per level id, as data, apart from the level files so the browser may
 * import it: a card holds no answer, no option marked right, no key (test/unit/learn-cards.test.ts
 * checks every level has one and that none repeats a level's correct labels or its star-costing hints).
 *
 * Rules for a card: at most about 120 words; define every term the challenge uses before it is
 * needed, except a term a quiz question itself asks the player to define (the question is how that
 * term is taught, and its review explains it); say "in this setup" where a result depends on it.
 */
export interface LearnCard {
  /** Three to six sentences, in one or a few short paragraphs. */
  text: string[];
  /** One formula, shown on a line of its own. */
  formula?: string;
  /** A few short items, e.g. the terms of a step-by-step process. */
  list?: string[];
}

export const learnCards: Record<string, LearnCard> = {
  // Chapter 1: rules from data
  "rules-or-examples": {
    text: [
      "In classical programming, a person decides the rules and writes them down as a program; the computer applies them to each input to produce an answer.",
      "Machine learning works the other way round. An algorithm is shown many inputs together with the answer expected for each, and it works out rules that connect the two; the program that results is then used on new inputs.",
      "For each program below, ask one question: did someone decide its rules, or were they extracted from examples?",
    ],
  },
  "what-learning-needs": {
    text: [
      "Before any algorithm can learn, a task has to be set up. Take a weather app that must say whether it will rain tomorrow: what will it read (today's measurements), what should it say (rain or no rain, which past records give for each day), and how do we judge it (how often it is right)?",
      "In machine learning, “learning” has a precise meaning: the algorithm is changed little by little so that it scores better on that judgement.",
      "Keep these three questions in mind for every task in this level.",
    ],
  },
  "ai-ml-dl": {
    text: [
      "Artificial intelligence (AI) is the effort to make machines perform intellectual tasks that people usually do; some of its methods learn from data, some do not.",
      "A neural network is a model built from layers: the data goes through them one after another, and each layer turns what it receives into a new representation of it.",
      "When the weights of those layers are found from examples instead of being written by hand, the representations are learned. This level asks how AI, machine learning and deep learning relate.",
    ],
  },

  // Chapter 2: representations
  "turn-the-axes": {
    text: [
      "A representation is a way of writing the same data down. Here each point is written by its coordinates (x, y); if you turn the axes by an angle θ, the same point gets new coordinates (x′, y′), read “x prime, y prime”.",
      "The rule “black when x′ > 0” asks two things: every point on the positive side of the line x′ = 0 (the new y′ axis) must be black, and every point on the other side must be white.",
      "Turn until the rule is right for every point.",
    ],
    formula: "x′ = x·cos θ + y·sin θ",
  },
  "turn-and-shift": {
    text: [
      "Turning the axes only changes the direction of the line x′ = 0, which always passes through the origin.",
      "Moving the origin to a point (a, b) measures every coordinate from there instead: the line x′ = 0 now passes through (a, b).",
      "Shift and turn together, and that line can be placed anywhere in the plane. It is the boundary of the rule “black when x′ > 0” (and white everywhere else).",
    ],
  },
  admissions: {
    text: [
      "A threshold is the value at which a decision flips: “admit if the grade is above 60” has the threshold 60.",
      "A rule can need one condition, “x′ > 0”, or two at once, “x′ > 0 and y′ > 0”, which holds only in one quarter of the plane.",
      "Moving the origin to a point sets where x′ = 0 and y′ = 0 lie, so it sets the thresholds. The two scores have different ranges (a grade out of 100, a test out of 1600), so the picture stretches them to the same size.",
    ],
  },
  circles: {
    text: [
      "A coordinate change need not be a rotation: any new way of computing numbers from x and y gives a new representation, and a curved boundary in one can become a straight line in another.",
      "This level offers three. Raw: x and y as they are. Polar: r, the distance from the origin, r = √(x² + y²), and θ, the angle from the x axis. Squared: x² and y².",
      "In each one the rule is still “black when x′ > 0”: a point is black exactly when its first new coordinate, after your shift, is positive, and white otherwise.",
    ],
  },
  xor: {
    text: [
      "XOR, “exclusive or”, is true when exactly one of two conditions holds, not both and not neither.",
      "Besides raw, polar and squared coordinates, this level offers a product feature: x·y, one number made by multiplying the two coordinates. Its sign follows a rule you can work out: try a point in each quarter of the plane.",
      "Shifting the origin first changes what x and y are measured from, and so what every feature computes.",
    ],
  },
  "let-the-machine-search": {
    text: [
      "Real labels are noisy: some points carry the wrong colour, so no rule can be right on all of them. Accuracy, the share of points a rule classifies correctly, then tops out below 100%.",
      "Machine learning is this search done automatically: try the transformations in a fixed set, score each one with a feedback signal (here, accuracy), and keep the best.",
      "Find your best rotation first; then watch the machine try every one.",
    ],
  },

  // Chapter 3: weights, loss, optimizer
  "fit-a-line": {
    text: [
      "A model is a formula with adjustable numbers, its weights. This one is a line: ŷ = w·x + b predicts a value ŷ (“y hat”) from x; the slope w and the bias b are its two weights.",
      "The loss says how wrong the model is on the data. Mean squared error (MSE) takes each point's miss, ŷ − y, squares it, and averages over the n points, so a large miss costs much more than a small one.",
      "Move one weight at a time and watch the loss.",
    ],
    formula: "MSE = (1/n)·Σ (ŷᵢ − yᵢ)²",
  },
  "one-neuron": {
    text: [
      "A neuron adds up its inputs, each multiplied by a weight, plus a bias, then applies an activation function. Here it is the sigmoid σ, which squeezes any number into a probability p between 0 and 1.",
      "The neuron says p = 0.5 exactly on the line w₁·x₁ + w₂·x₂ + b = 0: the weights turn that line, the bias shifts it.",
      "Cross-entropy is the loss for probabilities: for each point it is −log of the probability given to its true colour, so being confident and wrong costs a lot.",
    ],
    formula: "σ(z) = 1 / (1 + e⁻ᶻ)",
  },
  "xor-by-hand": {
    text: [
      "A 2-2-1 network has 2 inputs, a hidden layer of 2 neurons (hidden units) and 1 output.",
      "Each hidden unit computes h = tanh(w·x + b) from both inputs: tanh is an S-shaped activation between −1 and +1, so each unit says, roughly, on which side of its own line a point lies.",
      "The output neuron, p = σ(v₁·h₁ + v₂·h₂ + c), then combines the two answers. So a hidden layer gives the network new features, and the output draws a line in them.",
      "The loss is cross-entropy, as in the last level.",
    ],
  },
  "pick-a-learning-rate": {
    text: [
      "Gradient descent improves the weights by repeated small steps: each weight moves against its gradient, the direction in which the loss rises, by the learning rate η times that gradient.",
      "An epoch is one pass through the training data; here every step uses all 40 points, so one epoch is one step.",
      "The learning rate sets the size of every step. Too small, and the loss falls very slowly; too large, and each step overshoots the low point, so the loss bounces or grows. The best rate depends on the setup.",
    ],
    formula: "w ← w − η · ∂L/∂w",
  },
  "downhill-by-hand": {
    text: [
      "A line ŷ = w·x + b has two weights, and every pair (w, b) has a loss: the mean squared error on the points. Drawn over the (w, b) plane, the loss is a bowl; each ring (a contour) joins pairs with the same loss.",
      "The gradient ∇L = (∂L/∂w, ∂L/∂b) points straight uphill, at right angles to the rings. Gradient descent steps the other way, by the learning rate η times the gradient.",
      "A step too small barely moves; a step too large overshoots the valley and lands higher on the other side.",
    ],
    formula: "(w, b) ← (w, b) − η·∇L",
  },
  "narrow-valley": {
    text: [
      "Plain gradient descent sees only the slope where it stands. Momentum gives the point a velocity that remembers earlier steps: the new gradient is added to β times the old velocity, and the step follows the velocity.",
      "Where the gradient keeps pointing the same way, as along a valley floor, the steps add up and grow; where it flips from side to side, as across a narrow valley, they cancel out.",
      "β = 0 is plain gradient descent; β = 0.9 keeps 90% of the velocity from one step to the next.",
    ],
    formula: "v ← β·v + ∇L,  then  (w, b) ← (w, b) − η·v",
  },
  "mini-batches": {
    text: [
      "An epoch is one pass through all the training examples. Full-batch gradient descent uses every example's gradient before each step: one step per epoch.",
      "Mini-batch descent shuffles the examples, splits them into batches, and steps after each batch using that batch's gradient alone: 32 examples in batches of 16 make 2 steps per epoch. Each step's direction is only an estimate, so the path wobbles, but it gets more steps for the same number of examples looked at.",
      "Stepping on one example at a time is stochastic gradient descent (SGD); libraries also use the name for mini-batches.",
    ],
  },
  "order-the-training-loop": {
    text: [
      "Training a network repeats the same few steps, many times, and some cards below are not steps at all. The words you will meet, in alphabetical order (not the loop's order):",
    ],
    list: [
      "backpropagation: working out each weight's gradient with the chain rule;",
      "batch: a group of training examples handled together;",
      "forward pass: running inputs through the layers to get predictions;",
      "gradient: which way, and how steeply, the loss rises as a weight grows;",
      "loss: one number saying how far predictions are from the targets;",
      "update: changing the weights a little, by the optimizer's rule.",
    ],
  },
  "run-the-loop": {
    text: ["The loop of the last level, now with numbers. The model has one weight: it predicts ŷ = w·x. Each pass round the loop does four steps:"],
    list: [
      "forward pass: the prediction ŷ = w·x for every point;",
      "loss: L = mean of (ŷ − y)² over the points;",
      "backward pass: the gradient ∂L/∂w = mean of 2·(ŷ − y)·x;",
      "update: w ← w − η·∂L/∂w, with η the learning rate.",
    ],
  },
  "chain-rule-one-neuron": {
    text: [
      "∂E/∂w₁ (“the partial derivative of E with respect to w₁”) is how much the error E changes per unit change of w₁, everything else held fixed: if it is 0.3, raising w₁ by a small ε raises E by about 0.3·ε.",
      "Here w₁ reaches E through a chain: w₁ sets the sum z, z sets the output y = σ(z), and y sets E = ½(y − t)², where t is the target.",
      "The chain rule says the derivative through a chain is the product of each link's own derivative, each taken at the current values.",
    ],
    formula: "∂E/∂w₁ = ∂E/∂y · ∂y/∂z · ∂z/∂w₁",
  },
  "chain-rule-two-layers": {
    text: [
      "Now the chain is longer: w₁ sets z₁, z₁ sets the hidden unit h = σ(z₁), h feeds the output's sum z₂ through the weight w₂, z₂ sets y = σ(z₂), and y sets E.",
      "The chain rule still applies: multiply one local derivative per link, from E back to w₁, the link from h to z₂ included.",
      "Working from the output back, the factors already computed for the output layer are reused for the layer below: that reuse is the idea of backpropagation.",
    ],
    formula: "∂E/∂w₁ = ∂E/∂y · ∂y/∂z₂ · ∂z₂/∂h · ∂h/∂z₁ · ∂z₁/∂w₁",
  },
  "backward-pass-branch": {
    text: [
      "A network is a chain of simple operations, drawn as a graph. The forward pass computes every node's value from left to right and keeps them.",
      "The backward pass then goes from right to left and finds each node's gradient ∂L/∂node: how much the loss L would change per unit change of that node. At the output, for L = ½(y − t)², ∂L/∂y = y − t.",
      "Further back, a node's gradient is a sum over the nodes that use it: each user's gradient times the local derivative of that use (for p = v·z, ∂p/∂z = v).",
    ],
  },
  "backward-pass-batch": {
    text: [
      "Networks train on batches. The loss of a batch is the mean of its examples' losses: here L = (E₁ + E₂) / 2, with Eₖ = ½(yₖ − tₖ)².",
      "Each example has its own forward values (its own z, p and y), but the weights w, b and v are shared by both. Going backwards, each example's nodes get their own gradients, starting from ∂L/∂E₁ = ∂L/∂E₂ = ½.",
      "A shared weight is used once per example, so its gradient is the sum of what flows back to it from each example.",
    ],
  },

  // Chapter 4: going deep
  "stacked-lines": {
    text: [
      "A linear layer multiplies its inputs by weights, adds them up and adds a bias: each unit computes w₁·x₁ + w₂·x₂ + b. Stacking a second layer on top feeds those sums into more sums.",
      "Here nothing sits between the two layers: no activation. Write each hidden unit's formula in place of its name in the output's formula and multiply out.",
      "The shading shows where the stack's output is positive; the edge of the shading is its boundary, where the output is 0.",
    ],
    formula: "y = v₁·h₁ + v₂·h₂ + c, with h₁ = W₁₁·x₁ + W₁₂·x₂ + b₁",
  },
  "one-bend": {
    text: [
      "An activation is a function each hidden unit applies to its weighted sum before passing it on. The identity passes the sum on unchanged. ReLU, max(0, s), passes it on where it is positive and gives 0 elsewhere.",
      "A 2→2→1 network has two inputs, two hidden units and one output: nine numbers in all (two weights and a bias per hidden unit, two weights and a bias for the output).",
      "Watch the boundary, where the output is 0, as you move the numbers: first with the identity, then with ReLU.",
    ],
    formula: "z = v₁·g(w₁₁·x₁ + w₁₂·x₂ + b₁) + v₂·g(w₂₁·x₁ + w₂₂·x₂ + b₂) + c",
  },
  "features-by-hand": {
    text: [
      "A model with no hidden layer (logistic regression) adds up its inputs, each times a weight, plus a bias, and says class 1 where the sum is positive: its boundary is a straight line in its inputs.",
      "Its inputs need not be x₁ and x₂ themselves. Hand-made features such as x₁², x₁·x₂ or sin x₁ are computed from them first; a boundary that is straight in the features can be curved in the plane.",
      "Read the shape of the points, write its edge as an equation, and give the model the terms that equation uses. It is scored on held-out points.",
    ],
    formula: "z = w₁·f₁(x₁, x₂) + w₂·f₂(x₁, x₂) + b",
  },
  "features-learned": {
    text: [
      "A hidden layer computes new features from the raw inputs: each hidden unit takes a weighted sum of x₁ and x₂ plus a bias and applies its activation (ReLU, max(0, s), or tanh). The output is then a straight line in the units' values.",
      "Nobody writes these features by hand: training finds them. A heatmap shades the plane by one unit's value, so you can see what each unit computes.",
      "Choose how many units and which activation. With the choice you predict which hand-made features a model with no hidden layer would need for these points.",
    ],
    formula: "z = v₁·g(w₁₁·x₁ + w₁₂·x₂ + b₁) + … + vₙ·g(wₙ₁·x₁ + wₙ₂·x₂ + bₙ) + c",
  },
  "vanishing-gradients": {
    text: [
      "Backpropagation multiplies one factor per layer on the way back: each layer's activation slope and its weights.",
      "The slopes on offer: the sigmoid σ, at most 0.25; tanh, 1 at zero and less elsewhere; ReLU, max(0, z), 1 wherever z > 0 and 0 below; ELU, like ReLU but curving smoothly below zero; “linear”, no activation at all, slope 1 everywhere.",
      "Vanishing gradients is the name for a gradient that shrinks so much on its way back that part of the network hardly learns.",
      "An epoch here is one gradient step on all 100 points.",
    ],
  },
  initialisation: {
    text: [
      "Training starts from random weights, and their size matters: in a deep stack, each layer multiplies the signal by its weights, so the scale of the starting weights decides what happens to the signal's size from one layer to the next.",
      "Glorot (also called Xavier) initialisation scales the random weights to the number of inputs and outputs of each layer, for units like tanh. He initialisation gives them a variance of 2 ÷ (number of inputs), larger, for ReLU units, which zero about half their inputs.",
      "An epoch here is one gradient step on all 100 points.",
    ],
  },
  optimizers: {
    text: [
      "An optimizer turns gradients into weight changes.",
      "Plain gradient descent (full batch here, so it is not really stochastic) moves every weight by the learning rate times its gradient. Momentum keeps a velocity that adds up steps pointing the same way. RMSProp divides each weight's step by a running size of that weight's own recent gradients. Adam combines momentum with RMSProp's division.",
      "Predict how the very first update is spread over the layers, then choose.",
    ],
  },
  "very-deep": {
    text: [
      "Depth makes training harder: the signal passes through every layer going forward, and the gradient through every layer coming back.",
      "This level offers changes to the architecture, not to the activation. A residual connection adds a block's input to its output, a shortcut around it. Batch normalisation rescales a layer's values over each batch to mean 0 and variance 1, then applies a learned scale and shift.",
      "Predict how the gradient is spread over the 20 layers, then choose.",
    ],
  },
  "classification-heads": {
    text: [
      "A network's last layer, its head, depends on the question asked. Binary classification asks one yes/no question; multiclass picks exactly one of several classes; multilabel asks several independent yes/no questions, any number of which can be yes.",
      "The sigmoid σ turns one number into a probability between 0 and 1. Softmax turns a list of numbers into probabilities that add up to 1, so the classes compete for one share.",
      "Cross-entropy is the loss for predicted probabilities (binary for yes/no outputs, categorical for a softmax).",
    ],
  },
  "regression-heads": {
    text: [
      "Regression predicts numbers rather than categories: one output neuron per number predicted.",
      "The output activation decides which values can come out. No activation (linear) lets any real number out; ReLU, max(0, z), and softplus, a smooth version of it, never go below 0; the sigmoid stays between 0 and 1.",
      "Mean squared error, the mean of (prediction − target)², is the usual loss for numbers. A task that only sounds numeric may really be a yes/no question.",
    ],
  },
  "train-the-head": {
    text: [
      "Now the output layer trains. The body is set (one hidden layer of 8 tanh units); you choose the head on top: how many output units, their activation and the loss.",
      "The targets decide what fits: a sigmoid outputs 0 to 1, tanh −1 to 1, and softmax makes its outputs add up to 1. A cross-entropy compares probabilities; mean squared error measures the distance between numbers.",
      "Commit, and the network trains in your browser, its answers drawn over the data and its loss falling (or not). It is scored on held-out examples: accuracy for categories (outputs read as probabilities, between 0 and 1), the mean absolute error for numbers.",
    ],
  },

  // Chapter 5: deep representations
  "what-the-layers-see": {
    text: [
      "A digit classifier reads a 10×10 image as 100 numbers, one per pixel. Each hidden layer turns those numbers into new ones, a new representation, and the output picks one of the ten digits.",
      "The training set is what the network learns from; the test set is kept apart, to measure how it does on images it has never seen. Accuracy is the share of images it labels correctly.",
      "Comparing the two tells whether a network learned the digits or memorised its training images: a large gap in favour of the training set is overfitting. Generalisation is doing well on new data.",
    ],
  },
  "more-data-or-bigger": {
    text: [
      "Two things can make a network better: more training examples, or more weights (wider layers). Both cost computation.",
      "Here the budget is counted in multiply-adds per epoch (one pass over the training data): examples × weights. Every run trains for 120 steps (15 epochs of 8 mini-batches), so more examples also means bigger batches.",
      "With few examples a network tends to overfit: it learns those images, not the digits. What wins depends on this setup's budget and data.",
    ],
  },
  "match-the-network": {
    text: [
      "Data comes in different shapes. Structured data is a table of named measurements, one row per example; unstructured data is images, sound and text, where no single value means much on its own.",
      "Networks are built from different layers. In a dense (fully connected) layer every input is connected to every unit; a convolutional layer slides one small set of weights, a filter, across its input; a recurrent layer reads its input one step at a time, keeping a memory (its state) from step to step.",
      "For each dataset, think about what would be lost if its values were shuffled.",
    ],
  },
  "slide-a-filter": {
    text: [
      "A filter is a small grid of weights, here 3×3. Placed over a 3×3 patch of the image, its response is the sum of each weight times the brightness under it (0 black, 1 white).",
      "Sliding the filter to every position gives a new image, the feature map; a ReLU then keeps the positive responses and sets the negative ones to 0.",
      "An edge is where brightness changes sharply: the left edge of a stroke is where you cross from paper to ink going right.",
    ],
    formula: "response = Σ weight × brightness under it",
  },
  "stop-in-time": {
    text: [
      "Here the points are split three ways. The training set is what the weights learn from; the validation set is never trained on, and its loss shows how the network does on new points; the test set stays hidden until your choice is scored.",
      "A first run, the probe, draws both losses epoch by epoch (an epoch is one pass over the training set). A network that overfits memorises its training points, noise included: its training loss keeps falling while its validation loss rises.",
      "Stopping where the validation loss is lowest is called early stopping.",
    ],
  },
  "memorise-or-generalise": {
    text: [
      "Stopping early is one way to keep a network from memorising. Two more: make it smaller (fewer hidden units leave less room to memorise), or regularise it.",
      "L2 regularisation adds λ/2 times the sum of the squared weights to the loss, so large weights, and the sharp bends they make, cost something. Dropout silences a random share of the hidden units for every point at every step, so no unit can rely on the others.",
      "Each one gives up some fit on the training points, to do better on new points when the network was memorising.",
    ],
  },

  // Chapter 6: why now
  "faster-hardware": {
    text: [
      "Training a network is mostly arithmetic: multiplying and adding huge numbers of values, many of them independently of each other.",
      "A GPU (graphics processing unit) is a chip first built to draw images, which does thousands of simple calculations at the same time.",
      "This level compares machines across three decades, and asks why deep learning took off when it did.",
    ],
  },
  "data-and-benchmarks": {
    text: [
      "A network learns its rules and representations from examples, so it can only be as good as the examples it gets: labelled data is what deep learning needs in quantity.",
      "Computer vision studies images, natural language processing (NLP) studies text, and speech recognition studies sound.",
      "A support vector machine (SVM) is an older learning method that is not a neural network.",
    ],
  },
  "better-algorithms": {
    text: [
      "Chapter 4 showed that a deep network learns only if the gradient travels back through its layers in good shape: each layer on the way back multiplies it by its activation's slope and by its weights.",
      "Activation functions, initialisation schemes (how weights are first drawn) and optimizers (how gradients become steps) all change how well the gradient propagates.",
      "ReLU(z) = max(0, z) is an activation; RMSProp and Adam are optimizers. This level asks what changed and when.",
    ],
  },
  "then-and-now": {
    text: [
      "Before about 2010 a deep network was usually built like this: sigmoid units, small random initial weights, plain gradient descent, layers simply stacked. Chapter 4 changed one setting at a time; here four settings are open, and you may change at most two.",
      "The newer choices: ReLU (an activation, widely used from 2010–2011), He initialisation (2015, scaled for ReLU layers), Adam (an optimizer, 2014) and batch normalisation (2015, which rescales each layer's inputs to mean 0 and variance 1 over the batch).",
      "Predict how the starting network's gradient is spread over its layers, then choose your two changes.",
    ],
  },
  "humans-overtaken": {
    text: [
      "A benchmark is a shared test: fixed data and a fixed measure, on which everyone's methods are compared. MNIST is handwritten digits, Switchboard recorded phone calls, ImageNet photos; SQuAD, GLUE and HellaSwag test reading and language.",
      "The chart puts each benchmark on one line of its own. The line starts when the benchmark came out, with the best baseline its paper reported counted as 0 %; it ends when AI first matched the human performance measured on it, counted as 100 %.",
      "So a line's right end says when AI got there, and its length how long that took. The years are approximate.",
    ],
  },
  "why-it-took-off": {
    text: [
      "The course names three properties of deep learning that make it a revolution, not just one more method.",
      "Simplicity is about the work people no longer do by hand. Scalability is about what happens when there is more hardware or more data. Versatility and reuse is about what a model, once trained, can go on to do.",
      "Fine-tuning means taking a model already trained on one task (a pretrained model) and training it a little more on another.",
    ],
  },
};

/** The card of a level (every level has one: test/unit/learn-cards.test.ts). */
export function learnCardOf(levelId: string): LearnCard | undefined {
  return learnCards[levelId];
}

/** The card as plain text, for counting words and for a live round's intro line. */
export function learnCardText(card: LearnCard): string {
  return [...card.text, card.formula ?? "", ...(card.list ?? [])].filter(Boolean).join(" ");
}

/** The card's first sentence: what a live round's intro may show (the card itself stays out of the timed round). */
export function learnFirstSentence(card: LearnCard): string {
  const first = card.text[0] ?? "";
  const end = first.search(/[.!?](\s|$)/);
  return end >= 0 ? first.slice(0, end + 1) : first;
}
