/**
 * Numbers shown side by side are printed with enough digits to tell them apart, or called equal:
 * never "0.110399 < 0.110399". One helper for every comparison a page prints.
 */
const MIN_DIGITS = 3;
const MAX_DIGITS = 12;

/** Two numbers with the fewest significant digits (3 or more) that tell them apart; null when they are equal to 12 digits. */
export function distinctPair(a: number, b: number): [string, string] | null {
  for (let digits = MIN_DIGITS; digits <= MAX_DIGITS; digits++) {
    const [x, y] = [a.toPrecision(digits), b.toPrecision(digits)];
    if (x !== y) return [trim(x), trim(y)];
  }
  return null;
}

/** "0.1104 < 0.1105", "2.5 > 2.4" or "equal (0.110399)". */
export function compareText(a: number, b: number): string {
  const pair = distinctPair(a, b);
  if (!pair) return `equal (${trim(a.toPrecision(6))})`;
  return `${pair[0]} ${a < b ? "<" : ">"} ${pair[1]}`;
}

/** Drops trailing zeros of a decimal ("0.1500" → "0.15"), keeping exponents as they are. */
function trim(text: string): string {
  if (text.includes("e") || !text.includes(".")) return text;
  return text.replace(/\.?0+$/, "");
}
