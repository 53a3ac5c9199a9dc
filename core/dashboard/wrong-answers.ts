import type { Level } from "../levels/format";
import { answerChoices } from "../kinds/choices";
import { conceptConfig, gradeQuestion, type ConceptAnswer, type ConceptQuestion } from "../kinds/concept";
import { gradeHead, HEAD_FIELDS, outputHeadConfig, type OutputHeadAnswer } from "../kinds/output-head";
import { trainingLoopConfig } from "../kinds/training-loop";

/**
 * The wrong choices in one stored answer, in words a teacher reads at a glance: "activation:
 * sigmoid", "Which one is a rule? → picked “A spam filter trained on…”". One answer can hold
 * several wrong choices (a quiz with several questions). Only kinds whose answers come from a
 * finite set of choices are described; others return null (a slider value says little in a tally).
 */
export function wrongChoices(level: Level, answer: unknown): string[] | null {
  try {
    switch (level.kind) {
      case "concept":
        return conceptWrongChoices(level, answer as ConceptAnswer);
      case "output-head":
        return outputHeadWrongChoices(level, answer as OutputHeadAnswer);
      case "training-loop":
        return [trainingLoopOrder(level, answer as { order: string[] })];
    }
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
  return ["concept", "output-head", "training-loop"].includes(level.kind) || varyingFields(level) !== null;
}

const varyingCache = new Map<string, string[] | null>();
const configCache = new WeakMap<Level, unknown>();

/** A level's parsed config, parsed once: a class has thousands of attempts on a few dozen levels. */
function parsedConfig<T>(level: Level, parse: (config: unknown) => T): T {
  if (!configCache.has(level)) configCache.set(level, parse(level.config));
  return configCache.get(level) as T;
}

/**
 * The answer fields the player actually chooses on this level: those that differ between the
 * level's allowed answers (a locked field has one value and only adds noise).
 */
function varyingFields(level: Level): string[] | null {
  if (varyingCache.has(level.id)) return varyingCache.get(level.id)!;
  const choices = answerChoices(level) as Record<string, unknown>[];
  let fields: string[] | null = null;
  if (choices.length > 0 && choices.every((c) => c && typeof c === "object")) {
    const keys = Object.keys(choices[0]);
    fields = keys.filter((k) => new Set(choices.map((c) => JSON.stringify(c[k]))).size > 1);
    if (fields.length === 0) fields = keys;
  }
  varyingCache.set(level.id, fields);
  return fields;
}

function short(text: string, max = 60): string {
  const clean = text.replace(/\s+/g, " ").trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

function conceptWrongChoices(level: Level, answer: ConceptAnswer): string[] {
  const config = parsedConfig(level, (c) => conceptConfig.parse(c));
  const phrases: string[] = [];
  config.questions.forEach((q, i) => {
    const response = answer.responses?.[q.id];
    const grade = gradeQuestion(q, response);
    if (grade.verdict === "right") return;
    const label = (id: string) => short(q.options.find((o) => o.id === id)?.label ?? id, 40);
    const question = `Q${i + 1} “${short(q.prompt, 40)}”`;
    if (grade.verdict === "unanswered") {
      phrases.push(`${question}: left unanswered`);
      return;
    }
    for (const [id, verdict] of Object.entries(grade.parts)) {
      if (verdict !== "wrong") continue;
      phrases.push(`${question}: ${wrongPart(q, response, id, label)}`);
    }
  });
  return phrases;
}

function wrongPart(q: ConceptQuestion, response: unknown, id: string, label: (id: string) => string): string {
  switch (q.type) {
    case "single":
    case "multiple":
      return `picked “${label(id)}”`;
    case "order":
      return `“${label(id)}” out of place`;
    case "sort": {
      const bin = (response as Record<string, string>)[id];
      const binLabel = q.bins.find((b) => b.id === bin);
      return `“${label(id)}” put in ${binLabel ? `“${short(binLabel.short ?? binLabel.label, 30)}”` : "no group"}`;
    }
  }
}

function outputHeadWrongChoices(level: Level, answer: OutputHeadAnswer): string[] {
  const config = parsedConfig(level, (c) => outputHeadConfig.parse(c));
  const phrases: string[] = [];
  for (const card of config.cards) {
    const head = answer.heads?.[card.id];
    const grade = gradeHead(card, head);
    for (const field of HEAD_FIELDS) {
      if (grade[field]) continue;
      const value = head?.[field];
      phrases.push(`“${short(card.prompt, 40)}”: ${field} ${value === null || value === undefined ? "not chosen" : String(value)}`);
    }
  }
  return phrases;
}

function trainingLoopOrder(level: Level, answer: { order: string[] }): string {
  const { steps } = parsedConfig(level, (c) => trainingLoopConfig.parse(c));
  return `order: ${answer.order.map((id) => short(steps.find((s) => s.id === id)?.label ?? id, 30)).join(" → ")}`;
}
