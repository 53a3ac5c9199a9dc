import { describe, expect, it } from "vitest";
import { declaredLimits, defineLimit, waitMessage } from "@/server/limits";

describe("server/limits", () => {
  it("allows a budget of points per key, then says how long to wait", async () => {
    const limit = defineLimit("test-budget", { points: 3, seconds: 60 });
    for (let i = 0; i < 3; i++) expect(await limit.take("a")).toBeNull();
    const wait = await limit.take("a");
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await limit.check("a")).toBe(wait);
    // Another key has its own budget.
    expect(await limit.take("b")).toBeNull();
    expect(await limit.check("b")).toBeNull();
  });

  it("forgives a key, and declaring a name twice returns the same limit", async () => {
    const limit = defineLimit("test-forgive", { points: 1, seconds: 60 });
    expect(await limit.take("k")).toBeNull();
    expect(await limit.take("k")).not.toBeNull();
    await limit.forgive("k");
    expect(await limit.take("k")).toBeNull();
    expect(defineLimit("test-forgive", { points: 99, seconds: 1 })).toBe(limit);
    expect(declaredLimits()).toContainEqual({ name: "test-forgive", points: 1, seconds: 60, durable: false });
  });

  it("words every refusal the same way", () => {
    expect(waitMessage(12)).toBe("too many attempts: wait 12 s");
  });
});
