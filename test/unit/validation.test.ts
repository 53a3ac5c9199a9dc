import { describe, expect, it } from "vitest";
import { z } from "zod";
import { describeZodError } from "@/core/validation";

describe("describeZodError", () => {
  const schema = z.object({ a: z.object({ b: z.array(z.number()) }), c: z.string() });

  function errorOf(value: unknown): z.ZodError {
    const result = schema.safeParse(value);
    if (result.success) throw new Error("expected a failure");
    return result.error;
  }

  it("joins the prefix and the issue path with dots", () => {
    const message = describeZodError(errorOf({ a: { b: [1, "two"] }, c: "ok" }), "payload");
    expect(message).toMatch(/^payload\.a\.b\.1: /);
  });

  it("leaves the prefix out when it is empty", () => {
    expect(describeZodError(errorOf({ a: { b: ["x"] }, c: "ok" }))).toMatch(/^a\.b\.0: /);
  });

  it("uses just the prefix for a root-level issue, and just the message with neither", () => {
    expect(describeZodError(errorOf(null), "payload")).toMatch(/^payload: /);
    const bare = describeZodError(errorOf(null));
    expect(bare).not.toMatch(/^[.:]/);
    expect(bare.length).toBeGreaterThan(0);
  });

  it("lists every issue, separated by semicolons", () => {
    const message = describeZodError(errorOf({ a: { b: ["x"] }, c: 3 }), "p");
    const parts = message.split("; ");
    expect(parts).toHaveLength(2);
    expect(parts[0]).toMatch(/^p\.a\.b\.0: /);
    expect(parts[1]).toMatch(/^p\.c: /);
  });
});
