import { z } from "zod";
import type { Level } from "../levels/format";
import { configOf, kindOf } from "./registry";

/**
 * The answers an instance offers, as a finite list: the kind's own `choices`, else its schema's
 * enums. Used to warm the server's training memo and by benchmarks and tests that try every
 * answer. Some may still be refused by the level (a locked choice).
 */
export function answerChoices(level: Level, instance: unknown): unknown[] {
  const kind = kindOf(level.kind);
  if (kind.choices) return kind.choices(level, configOf(level), instance);
  return enumerateAnswers(kind.answerSchema) ?? [];
}

/**
 * Every answer a choice-based answer schema allows: the cartesian product of its enum, literal and
 * boolean fields. Training kinds answer from such finite sets, which is what lets the server
 * train each answer once and memoise it. Returns null when a field is not a finite choice.
 */
export function enumerateAnswers(schema: z.ZodType): Record<string, unknown>[] | null {
  if (!(schema instanceof z.ZodObject)) return null;
  let answers: Record<string, unknown>[] = [{}];
  for (const [key, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const values = valuesOf(field);
    if (!values) return null;
    answers = answers.flatMap((partial) => values.map((value) => ({ ...partial, [key]: value })));
  }
  return answers;
}

function valuesOf(field: z.ZodType): readonly unknown[] | null {
  if (field instanceof z.ZodEnum) return field.options;
  if (field instanceof z.ZodLiteral) return [...field.values];
  if (field instanceof z.ZodBoolean) return [false, true];
  if (field instanceof z.ZodDefault || field instanceof z.ZodReadonly) return valuesOf(field.def.innerType as z.ZodType);
  if (field instanceof z.ZodUnion) {
    const parts = (field.options as z.ZodType[]).map(valuesOf);
    return parts.every(Boolean) ? parts.flatMap((p) => p!) : null;
  }
  return null;
}
