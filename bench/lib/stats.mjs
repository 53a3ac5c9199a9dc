/** Summary statistics of a list of durations (ms). Percentiles use the nearest-rank method. */
export function summarize(values, budget) {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const pct = (p) => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.max(0, Math.ceil((p / 100) * n) - 1))]);
  const mean = n === 0 ? NaN : sorted.reduce((a, b) => a + b, 0) / n;
  const out = { n, min: sorted[0] ?? NaN, p50: pct(50), p90: pct(90), p95: pct(95), p99: pct(99), max: sorted[n - 1] ?? NaN, mean };
  for (const key of Object.keys(out)) if (key !== "n") out[key] = round(out[key], 2);
  if (budget !== undefined) out.overBudget = sorted.filter((v) => v > budget).length;
  return out;
}

export const round = (v, digits) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** A plain-text table: columns right-aligned except the first. */
export function table(headers, rows) {
  const cells = [headers, ...rows].map((row) => row.map((c) => String(c)));
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  return [line(cells[0]), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
