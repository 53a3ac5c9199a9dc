import type { Level } from "../levels/format";
import { answerChoices } from "../kinds/choices";
import { allInstances } from "../kinds/instances";
import { configOf, kindOf } from "../kinds/registry";

/**
 * The wrong choices in one stored answer, in words a teacher reads at a glance: "activation:
 * sigmoid", "Which one is a rule? → picked “A spam filter trained on…”". One answer can hold
 * several wrong choices (a quiz with several questions). A kind describes its own answers
 * (`wrongChoices` in its contract); otherwise answers from a finite set of choices are described by
 * the fields a player chooses, and others return null (a slider value says little in a tally).
 */
export function wrongChoices(level: Level, answer: unknown): string[] | null {
  try {
    const kind = kindOf(level.kind);
    if (kind.wrongChoices) return kind.wrongChoices(level, configOf(level), answer);
    const fields = varyingFields(level);
    if (!fields) return null;
    const record = answer as Record<string, unknown>;
    return [fields.map((f) => `${f}: ${String(record[f])}`).join(", ")];
  } catch {
    // An answer stored before a level changed shape: not worth failing the dashboard over.
    return ["(an answer this level no longer accepts)"];
  }
}

/** Levels whose wrong answers the dashboard tallies. */
export function isChoiceBased(level: Level): boolean {
  return kindOf(level.kind).wrongChoices !== undefined || varyingFields(level) !== null;
}

const varyingCache = new Map<string, string[] | null>();

/**
 * The answer fields the player actually chooses on this level: those that differ between the
 * level's allowed answers (a locked field has one value and only adds noise).
 */
function varyingFields(level: Level): string[] | null {
  if (varyingCache.has(level.id)) return varyingCache.get(level.id)!;
  // The choices of a training level's first variant: every variant offers the same fields.
  const choices = answerChoices(level, allInstances(level)?.[0]) as Record<string, unknown>[];
  let fields: string[] | null = null;
  if (choices.length > 0 && choices.every((c) => c && typeof c === "object")) {
    const keys = Object.keys(choices[0]);
    fields = keys.filter((k) => new Set(choices.map((c) => JSON.stringify(c[k]))).size > 1);
    if (fields.length === 0) fields = keys;
  }
  varyingCache.set(level.id, fields);
  return fields;
}
