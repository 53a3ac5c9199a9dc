import { type BackwardPassView, type FlowTerm, fieldsOf, nodeId, nodeName } from "./public";

/**
 * The answer key (server only): every node's gradient by one backward sweep, and for each node
 * the paths its gradient sums, so the review shows why: zₖ's gradient adds its two paths (through
 * pₖ and straight to yₖ); a weight's adds one term per example.
 */
export interface Backward {
  gradients: Record<string, number>;
  terms: Record<string, FlowTerm[]>;
}

export function backward(view: BackwardPassView): Backward {
  const count = view.examples.length;
  const { v } = view.weights;
  const gradients: Record<string, number> = {};
  const terms: Record<string, FlowTerm[]> = {};
  const id = (name: string, k: number) => nodeId(name, k, count);
  const name = (n: string, k: number) => nodeName(n, k, count);
  const put = (field: string, parts: FlowTerm[]) => {
    terms[field] = parts;
    gradients[field] = parts.reduce((sum, t) => sum + t.value, 0);
  };
  view.examples.forEach((ex, k) => {
    // L is the mean of the examples' E: each E counts 1/count.
    const dE = 1 / count;
    if (count > 1) put(id("e", k), [{ from: "L", local: `1/${count}`, localValue: dE, value: dE }]);
    const fromE = count > 1 ? id("e", k) : "L";
    put(id("y", k), [{ from: fromE, local: `${name("y", k)} − ${name("t", k)}`, localValue: ex.y - ex.t, value: dE * (ex.y - ex.t) }]);
    const dy = gradients[id("y", k)];
    put(id("p", k), [{ from: id("y", k), local: "1", localValue: 1, value: dy }]);
    const dp = gradients[id("p", k)];
    put(id("z", k), [
      { from: id("p", k), local: "v", localValue: v, value: dp * v },
      { from: id("y", k), local: "1", localValue: 1, value: dy },
    ]);
  });
  const examples = view.examples.map((ex, k) => ({ ex, k }));
  put(
    "v",
    examples.map(({ ex, k }) => ({ from: id("p", k), local: name("z", k), localValue: ex.z, value: gradients[id("p", k)] * ex.z })),
  );
  put(
    "w",
    examples.map(({ ex, k }) => ({ from: id("z", k), local: name("x", k), localValue: ex.x, value: gradients[id("z", k)] * ex.x })),
  );
  put(
    "b",
    examples.map(({ k }) => ({ from: id("z", k), local: "1", localValue: 1, value: gradients[id("z", k)] })),
  );
  // Every field has its gradient (the order of fieldsOf is the order a backward pass fills them).
  for (const f of fieldsOf(count)) if (!(f.id in gradients)) throw new Error(`no gradient for ${f.id}`);
  return { gradients, terms };
}
