import { describe, expect, it } from "vitest";
import { z } from "zod";
import { answerChoices, enumerateAnswers } from "@/core/kinds/choices";
import { allInstances } from "@/core/kinds/instances";
import { levels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";

describe("enumerateAnswers", () => {
  it("lists the cartesian product of enum, literal and boolean fields", () => {
    const schema = z.object({ activation: z.enum(["relu", "sigmoid"]), depth: z.union([z.literal(1), z.literal(2), z.literal(3)]), residual: z.boolean() });
    const answers = enumerateAnswers(schema)!;
    expect(answers).toHaveLength(2 * 3 * 2);
    expect(answers).toContainEqual({ activation: "sigmoid", depth: 3, residual: true });
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(12);
    for (const answer of answers) expect(schema.safeParse(answer).success).toBe(true);
  });

  it("sees through defaults", () => {
    expect(enumerateAnswers(z.object({ x: z.enum(["a", "b"]).default("a") }))).toEqual([{ x: "a" }, { x: "b" }]);
  });

  it("returns null when a field is not a finite choice", () => {
    expect(enumerateAnswers(z.object({ x: z.enum(["a"]), weight: z.number() }))).toBeNull();
    expect(enumerateAnswers(z.string())).toBeNull();
  });
});

describe("answerChoices", () => {
  // The server memoises training outcomes because these sets are finite and small. A training kind
  // that draws its data per attempt (generalise) lists no instances: nothing to warm, nothing to check here.
  it.each(levels.filter((l) => kindOf(l.kind).trains && kindOf(l.kind).instances).map((l) => [l.id, l] as const))(
    "%s offers a small finite set of answers, each well-formed",
    (_, level) => {
      const answers = answerChoices(level, allInstances(level)![0]);
      expect(answers.length).toBeGreaterThan(1);
      expect(answers.length).toBeLessThanOrEqual(100);
      for (const answer of answers) expect(kindOf(level.kind).answerSchema.safeParse(answer).success).toBe(true);
    },
  );
});
