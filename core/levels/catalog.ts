import { chapters } from "./chapters";
import { levelSchema, type Level } from "./format";
import { representationLevels } from "./representations";
import { rulesFromDataLevels } from "./rules-from-data";
import { whyNowLevels } from "./why-now";
import { trainingLoopLevels } from "./training-loop-levels";
import { outputHeadLevels } from "./output-head-levels";
import { weightsAndGradientsLevels } from "./weights-and-gradients";
import { deepRepresentationLevels } from "./deep-representations";
import { goingDeepLevels } from "./going-deep";
import { learningRateLevels } from "./learning-rate";
import { kindOf } from "../kinds/registry";

/** Every level, in campaign order (chapter order, then the order within the chapter). */
export const levels: Level[] = [...representationLevels, ...rulesFromDataLevels, ...whyNowLevels, ...trainingLoopLevels, ...outputHeadLevels, ...weightsAndGradientsLevels, ...deepRepresentationLevels, ...learningRateLevels, ...goingDeepLevels]
  .map((input) => levelSchema.parse(input))
  .sort((a, b) => chapterNumber(a.chapter) - chapterNumber(b.chapter));

function chapterNumber(id: string): number {
  const chapter = chapters.find((c) => c.id === id);
  if (!chapter) throw new Error(`unknown chapter "${id}"`);
  return chapter.number;
}

// Fail at load, not at play time, if a level does not fit its kind (a typo in a locked
// control would otherwise silently lock nothing).
for (const level of levels) {
  const kind = kindOf(level.kind);
  kind.configSchema.parse(level.config);
  const unknown = level.lockedControls.filter((c) => !kind.controls.includes(c));
  if (unknown.length) throw new Error(`level ${level.id}: unknown locked control(s) ${unknown.join(", ")}; ${kind.id} has ${kind.controls.join(", ")}`);
}

const byId = new Map(levels.map((level) => [level.id, level]));

export function findLevel(id: string): Level | undefined {
  return byId.get(id);
}

/** Chapters that have levels, each with its levels in order. */
export function campaign() {
  return chapters.map((chapter) => ({ ...chapter, levels: levels.filter((l) => l.chapter === chapter.id) })).filter((c) => c.levels.length > 0);
}

/** A level is open once the level before it (in campaign order) has at least one star. */
export function isUnlocked(levelId: string, starsByLevel: ReadonlyMap<string, number>): boolean {
  const index = levels.findIndex((l) => l.id === levelId);
  if (index <= 0) return index === 0;
  return (starsByLevel.get(levels[index - 1].id) ?? 0) > 0;
}

export function nextLevel(levelId: string): Level | undefined {
  const index = levels.findIndex((l) => l.id === levelId);
  return index >= 0 ? levels[index + 1] : undefined;
}
