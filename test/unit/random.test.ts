import { describe, expect, it } from "vitest";
import { createRng, hashSeed } from "@/core/random";

function take(seed: string | number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
}

describe("createRng", () => {
  it("gives the same sequence for the same seed", () => {
    expect(take("level-1", 200)).toEqual(take("level-1", 200));
  });

  it("gives different sequences for different seeds", () => {
    const a = take("level-1", 50);
    const b = take("level-2", 50);
    expect(a).not.toEqual(b);
    // Not just shifted or mostly equal: almost every draw differs.
    expect(a.filter((v, i) => v === b[i]).length).toBeLessThan(3);
  });

  it("accepts number and string seeds (a number seeds like its decimal text)", () => {
    expect(take(42, 20)).toEqual(take(42, 20));
    expect(take(42, 20)).toEqual(take("42", 20));
    expect(take(42, 20)).not.toEqual(take(43, 20));
    expect(hashSeed(42)).toBe(hashSeed("42"));
  });

  it("hashSeed is an unsigned 32-bit integer and is FNV-1a (empty string = offset basis)", () => {
    expect(hashSeed("")).toBe(0x811c9dc5);
    for (const seed of ["", "a", "turn-the-axes", 0, -1, 1e9]) {
      const h = hashSeed(seed);
      expect(Number.isInteger(h)).toBe(true);
      expect(h).toBeGreaterThanOrEqual(0);
      expect(h).toBeLessThan(2 ** 32);
    }
    expect(hashSeed("a")).not.toBe(hashSeed("b"));
  });

  it("next() is in [0, 1)", () => {
    const rng = createRng("range");
    const xs = Array.from({ length: 10_000 }, () => rng.next());
    expect(xs.filter((v) => !(v >= 0 && v < 1))).toEqual([]);
    expect(new Set(xs).size).toBeGreaterThan(9_990); // not stuck on a few values
  });

  it("next() is roughly uniform: mean near 0.5, every tenth bucket filled evenly", () => {
    const rng = createRng("uniformity");
    const n = 10_000;
    const buckets = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = rng.next();
      sum += v;
      buckets[Math.floor(v * 10)]++;
    }
    // sd of the mean is 1/sqrt(12 n) ≈ 0.0029: 0.02 is ~7 sd.
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.02);
    for (const count of buckets) {
      expect(count).toBeGreaterThan(850);
      expect(count).toBeLessThan(1150);
    }
  });

  it("uniform(min, max) stays in [min, max)", () => {
    const rng = createRng("uniform");
    const xs = Array.from({ length: 5000 }, () => rng.uniform(-3, 5));
    expect(xs.filter((v) => !(v >= -3 && v < 5))).toEqual([]);
    expect(Math.abs(xs.reduce((a, b) => a + b, 0) / 5000 - 1)).toBeLessThan(0.2);
  });

  it("int(n) returns integers in [0, n) and hits every value", () => {
    const rng = createRng("int");
    const xs = Array.from({ length: 2000 }, () => rng.int(7));
    expect(xs.filter((v) => !(Number.isInteger(v) && v >= 0 && v < 7))).toEqual([]);
    expect([...new Set(xs)].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(createRng("one").int(1)).toBe(0);
  });

  it("normal() has mean ≈ 0 and standard deviation ≈ 1, and is always finite", () => {
    const rng = createRng("normal");
    const n = 10_000;
    const xs = Array.from({ length: n }, () => rng.normal());
    expect(xs.every(Number.isFinite)).toBe(true);
    const mean = xs.reduce((a, b) => a + b, 0) / n;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(sd - 1)).toBeLessThan(0.05);
    // About 68% within one sd.
    const within = xs.filter((x) => Math.abs(x) < 1).length / n;
    expect(within).toBeGreaterThan(0.65);
    expect(within).toBeLessThan(0.71);
  });
});
