/** Number formats for charts and sentences: short, and exponents for very small or large values. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return "∞";
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e4 || abs < 1e-3) {
    const exponent = Math.floor(Math.log10(abs));
    return `${(value / 10 ** exponent).toFixed(1)}×${powerOfTen(exponent)}`;
  }
  return abs >= 1 ? value.toFixed(2) : value.toPrecision(2);
}

const SUPERSCRIPT: Record<string, string> = { "-": "⁻", "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹" };

/** 10 to an integer power, written 10⁻³ (axis ticks); 1, 10 and 100 in full. */
export function powerOfTen(exponent: number): string {
  if (exponent >= 0 && exponent <= 2) return String(10 ** exponent);
  if (exponent === -1) return "0.1";
  if (exponent === -2) return "0.01";
  return `10${String(exponent).replace(/./g, (c) => SUPERSCRIPT[c] ?? c)}`;
}

/** A ratio as a readable factor: 37×, 2,400×, 3×10⁵×. */
export function formatFactor(ratio: number): string {
  if (!Number.isFinite(ratio)) return "∞×";
  if (ratio < 10) return `${ratio.toFixed(1)}×`;
  if (ratio < 1e5) return `${Math.round(ratio).toLocaleString("en")}×`;
  const exponent = Math.floor(Math.log10(ratio));
  return `${(ratio / 10 ** exponent).toFixed(1)}×${powerOfTen(exponent)}×`;
}

/** Chart text size for a chart this wide: 12 px on a phone, up to 16 px on a projector. */
export function fontSizeFor(width: number): number {
  return Math.round(Math.max(12, Math.min(16, width / 75)));
}

/** Round epoch ticks from 0 to `max` (included), at most `count` of them: steps of 1, 1.5, 2, 2.5, 3 or 5 × 10ⁿ. */
export function niceTicks(max: number, count: number): number[] {
  const raw = max / Math.max(1, count - 1);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 1.5, 2, 2.5, 3, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = 0; t < max - step / 2; t += step) ticks.push(Math.round(t * 10) / 10);
  ticks.push(max);
  return ticks;
}
