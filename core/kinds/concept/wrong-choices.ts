import type { Level } from "../../levels/format";
import { short } from "../phrases";
import { gradeQuestion } from "./grading";
import { restrict } from "./instance";
import type { ConceptAnswer } from "./public";
import type { ConceptConfig, ConceptQuestion } from "./schema";

/**
 * For the teacher's dashboard: each wrong part of a stored answer (in the level's own ids, see
 * `storedAnswer`), per question shown, e.g. "Q1 “Which one is a rule?”: picked “A spam filter
 * trained on…”". A fully right question adds nothing.
 */
export function conceptWrongChoices(_level: Level, config: ConceptConfig, answer: ConceptAnswer): string[] {
  const phrases: string[] = [];
  Object.keys(answer.responses ?? {}).forEach((questionId, i) => {
    const pooled = config.pool.find((question) => question.id === questionId);
    if (!pooled) throw new Error(`no question "${questionId}" in this level`);
    const response = answer.responses[pooled.id];
    // An order question was asked with the items its answer names (an attempt may show a few of them).
    const q = pooled.type === "order" && Array.isArray(response) && response.length > 0 ? restrict(pooled, response) : pooled;
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
