import type { BackwardPassView } from "../../core/kinds/backward-pass/public";
import type { ReferenceAnswers, Solver } from "./types";

/**
 * The backward pass worked out as a player would with a calculator, from the numbers on the page:
 * right to left, each node's gradient the sum over its users of (their gradient × the local
 * derivative). Independent of the kind's own sweep (core/kinds/backward-pass/gradients.ts), so the
 * two check each other.
 */
export function backwardByHand(view: BackwardPassView): Record<string, number> {
  const n = view.examples.length;
  const name = (node: string, k: number) => (n > 1 ? `${node}${k + 1}` : node);
  const out: Record<string, number> = { v: 0, w: 0, b: 0 };
  view.examples.forEach((ex, k) => {
    const dE = 1 / n;
    if (n > 1) out[name("e", k)] = dE;
    const dy = dE * (ex.y - ex.t);
    const dp = dy; // y = p + z
    const dz = dp * view.weights.v + dy; // z → p → y, and z → y
    out[name("y", k)] = dy;
    out[name("p", k)] = dp;
    out[name("z", k)] = dz;
    out.v += dp * ex.z;
    out.w += dz * ex.x;
    out.b += dz;
  });
  return out;
}

export const solveBackwardPass: Solver<"backward-pass"> = (level) => ({
  gradients: Object.fromEntries(Object.entries(backwardByHand(level.view)).map(([id, g]) => [id, Number(g.toPrecision(6))])),
});

/** No static answers: these levels were born with numbers drawn per attempt. */
export const backwardPassReference: ReferenceAnswers<"backward-pass"> = {};
