import type { AttemptState } from "../attempts/rules";
import { publicViewOf } from "../kinds/instances";
import type { KindId } from "../kinds/public";
import { kindOf } from "../kinds/registry";
import { campaign } from "../levels/catalog";
import type { Level } from "../levels/format";
import type { LevelSummary, PublicLevel } from "./public-level";

/** Where a level sits in the campaign: its chapter, and its number ("2.3"). */
export function placeOf(level: Level): Pick<LevelSummary, "number" | "chapter"> {
  const chapter = campaign().find((c) => c.id === level.chapter);
  if (!chapter) throw new Error(`level ${level.id}: unknown chapter ${level.chapter}`);
  return { number: `${chapter.number}.${chapter.levels.indexOf(level) + 1}`, chapter: { id: chapter.id, number: chapter.number, title: chapter.title } };
}

export function summaryOf(level: Level): LevelSummary {
  return { id: level.id, title: level.title, kind: level.kind as KindId, timeLimitSeconds: level.timeLimitSeconds, ...placeOf(level) };
}

/** Solo play's part of a projection: the attempt, its rules state, and the hints opened on it. */
export interface AttemptContext {
  attempt: number;
  rules: AttemptState;
  hintsOpened: number;
}

/**
 * The public projection of the instance drawn from `seed` (see PublicLevel). With an attempt
 * context, hints opened on that attempt carry their text; a live round has none.
 */
export function publicLevel(level: Level, seed: string, context: AttemptContext | null): PublicLevel {
  const opened = context?.hintsOpened ?? 0;
  return {
    ...summaryOf(level),
    brief: level.brief,
    attempts: kindOf(level.kind).attempts,
    target: level.target.label,
    stars: level.stars,
    lockedControls: level.lockedControls,
    // Live rounds have no hints (nothing to open them with): only solo play lists them.
    hints: context ? level.hints.map((h, i) => ({ cost: h.cost, text: i < opened ? h.text : null })) : [],
    attempt: context?.attempt ?? null,
    rules: context?.rules ?? null,
    view: publicViewOf(level, seed),
  } as PublicLevel;
}
