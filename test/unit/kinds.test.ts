import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AnswerRejected, defineKind, defineTrainingKind, type OnEpoch } from "@/core/kinds/contract";
import { configOf, isKindId, kindOf, kinds, type KindId } from "@/core/kinds/registry";
import { levels } from "@/core/levels/catalog";
import type { Level } from "@/core/levels/format";
import { levelById } from "./scoring-helpers";

// The registry and the contract every kind is declared with.

describe("the kinds' registry", () => {
  const ids = Object.keys(kinds) as KindId[];

  it("files every kind under its own id", () => {
    expect(ids.length).toBeGreaterThanOrEqual(9);
    for (const id of ids) expect(kinds[id].id).toBe(id);
  });

  it("knows exactly its own ids, not what an object inherits", () => {
    for (const id of ids) expect(isKindId(id)).toBe(true);
    for (const id of ["no-such-kind", "constructor", "toString", ""]) {
      expect(isKindId(id)).toBe(false);
      expect(() => kindOf(id)).toThrow(`unknown challenge kind "${id}"`);
    }
  });

  it("every level's kind is in it", () => {
    for (const level of levels) expect(kindOf(level.kind)).toBe(kinds[level.kind as KindId]);
  });

  it("a kind trains exactly when it can train with progress from a run spec", () => {
    for (const id of ids) {
      const kind = kinds[id] as { trains?: boolean; train?: unknown; runSpec?: unknown };
      expect(Boolean(kind.trains), id).toBe(typeof kind.train === "function");
      expect(Boolean(kind.trains), id).toBe(typeof kind.runSpec === "function");
    }
  });

  it("configOf parses a level's config with its kind's schema, once per level object", () => {
    for (const level of levels) {
      const config = configOf(level);
      expect(config).toEqual(kindOf(level.kind).configSchema.parse(level.config));
      expect(configOf(level)).toBe(config);
    }
    // Another object with the same id is parsed on its own (an edited level is never stale).
    const level = levelById("turn-the-axes");
    const edited: Level = { ...level, config: { ...(level.config as object), rules: ["x>0 and y>0"] } };
    expect((configOf(edited) as { rules: string[] }).rules).toEqual(["x>0 and y>0"]);
    expect((configOf(level) as { rules: string[] }).rules).toEqual(["x>0"]);
  });

  it("configOf throws for a config that does not fit the kind", () => {
    const level = levelById("turn-the-axes");
    expect(() => configOf({ ...level, config: { rules: [] } })).toThrow();
  });
});

describe("defineTrainingKind", () => {
  // A toy kind whose "training" counts to the answer: no TensorFlow.js needed. Its run spec is the
  // instance's number of epochs, which the browser would get in a review after the commit.
  const counting = defineTrainingKind({
    id: "counting",
    attempts: "experiment",
    controls: [],
    configSchema: z.object({ epochs: z.number().int() }),
    answerSchema: z.object({ target: z.number() }),
    instance: (_level: Level, config: { epochs: number }, seed: string) => ({ epochs: config.epochs + (seed === "longer" ? 1 : 0) }),
    publicView: () => ({}),
    initialAnswer: () => ({ target: 0 }),
    runSpec: (_level: Level, _config: { epochs: number }, instance: { epochs: number }) => ({ epochs: instance.epochs }),
    async train(run: { epochs: number }, answer: { target: number }, onEpoch?: OnEpoch) {
      for (let epoch = 1; epoch <= run.epochs; epoch++) await onEpoch?.({ epoch, loss: 1 / epoch });
      return { evaluation: { score: Math.min(1, answer.target / run.epochs), metrics: { epochs: run.epochs } }, extra: "for the view" };
    },
    check(_level, _config, _instance, answer) {
      if (answer.target < 0) throw new AnswerRejected("answer.target", "must not be negative");
    },
    review: (_level, _config, instance, answer) => ({ answer, run: { epochs: instance.epochs } }),
    secrets: () => [],
  });
  const level = levelById("turn-the-axes");

  it("marks the kind as training, and builds evaluate on the run spec and train, without progress", async () => {
    expect(counting.trains).toBe(true);
    const reports: number[] = [];
    const instance = counting.instance(level, { epochs: 4 }, "longer");
    const run = await counting.train(counting.runSpec(level, { epochs: 4 }, instance), { target: 2 }, ({ epoch }) => void reports.push(epoch));
    expect(reports).toEqual([1, 2, 3, 4, 5]);
    expect(run.extra).toBe("for the view");
    expect(await counting.evaluate(level, { epochs: 4 }, instance, { target: 2 })).toEqual(run.evaluation);
  });

  it("evaluate checks the answer before anything trains", async () => {
    await expect(counting.evaluate(level, { epochs: 4 }, { epochs: 4 }, { target: -1 })).rejects.toBeInstanceOf(AnswerRejected);
  });
});

describe("defineKind", () => {
  it("returns the kind as declared", () => {
    const declared = {
      id: "echo",
      attempts: "manipulation" as const,
      controls: ["knob"] as const,
      configSchema: z.object({}),
      answerSchema: z.object({ value: z.number() }),
      instance: () => ({ offset: 0 }),
      publicView: () => ({ offset: 0 }),
      initialAnswer: () => ({ value: 0 }),
      evaluate: (_level: Level, _config: object, instance: { offset: number }, answer: { value: number }) => ({
        score: answer.value + instance.offset,
        metrics: {},
      }),
      review: (_level: Level, _config: object, _instance: { offset: number }, answer: { value: number }) => ({ answer }),
      secrets: () => [],
    };
    expect(defineKind(declared)).toBe(declared);
  });
});
