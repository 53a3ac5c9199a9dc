import type { Stack } from "@/core/kinds/nonlinearity/public";

/** "2·x₁ − 1·x₂ + 3": a weighted sum as players read it (a minus sign for negatives, every weight written). */
export function weightedSum(terms: [number, string][], constant: number): string {
  const parts = terms.map(([w, name], i) => {
    const sign = w < 0 ? "−" : "+";
    const body = `${Math.abs(w)}·${name}`;
    return i === 0 ? `${w < 0 ? "−" : ""}${body}` : `${sign} ${body}`;
  });
  parts.push(constant < 0 ? `− ${Math.abs(constant)}` : `+ ${constant}`);
  return parts.join(" ");
}

/** The stack's three lines: h₁, h₂ and y. */
export function stackLines(stack: Stack): string[] {
  return [
    `h₁ = ${weightedSum(
      [
        [stack.w1[0][0], "x₁"],
        [stack.w1[0][1], "x₂"],
      ],
      stack.b1[0],
    )}`,
    `h₂ = ${weightedSum(
      [
        [stack.w1[1][0], "x₁"],
        [stack.w1[1][1], "x₂"],
      ],
      stack.b1[1],
    )}`,
    `y = ${weightedSum(
      [
        [stack.w2[0], "h₁"],
        [stack.w2[1], "h₂"],
      ],
      stack.b2,
    )}`,
  ];
}
