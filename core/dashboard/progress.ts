import { campaign } from "../levels/catalog";
import type { Level } from "../levels/format";
import { isChoiceBased, wrongChoices } from "./wrong-answers";
import { STUCK_ATTEMPTS } from "./format";
import { type AssignmentProgress, type AssignmentView, buildHomeworkProgress, statusText } from "../homework";

export { formatDuration, STUCK_ATTEMPTS } from "./format";

/**
 * The class progress dashboard as pure functions: the server feeds them a few rows (members,
 * attempt totals per student × level, best results, wrong answers on choice levels) and they
 * build the grid, the per-level statistics and a student's timeline. No I/O here, so the
 * numbers are unit-tested without a database.
 */

export interface MemberRow {
  id: string;
  playerId: string;
  name: string;
  joinedAt: Date;
}

/** Totals of one player's attempts on one level (one GROUP BY row). */
export interface AttemptTotalsRow {
  playerId: string;
  levelId: string;
  attempts: number;
  timeSpentMs: number;
  lastAttemptAt: Date;
}

export interface BestRow {
  playerId: string;
  levelId: string;
  score: number;
  stars: number;
  /** The credited stars of attempt 1 (the first fresh instance); null before it (or for results from before attempts). */
  firstTryStars: number | null;
}

/** An attempt whose answer earned fewer than 3 stars on its own (its outcome) on a choice-based level. */
export interface WrongAttemptRow {
  playerId: string;
  levelId: string;
  answer: unknown;
}

export interface DashboardLevel {
  id: string;
  title: string;
  /** "2.3": chapter number, then place in the chapter. */
  number: string;
  chapterId: string;
  choiceBased: boolean;
}

export interface DashboardChapter {
  id: string;
  number: number;
  title: string;
}

export interface ProgressCell {
  /** The best credited stars. */
  stars: number;
  /** The stars of the first try (a fresh instance, no miss before it): what a student understood on arrival. */
  firstTryStars: number | null;
  /** Best score in [0, 1]. */
  score: number;
  attempts: number;
  timeSpentMs: number;
  lastActive: string;
}

export interface StudentProgress {
  memberId: string;
  name: string;
  joinedAt: string;
  totalStars: number;
  timeSpentMs: number;
  lastActive: string | null;
  /** Levels with at least 3 attempts and no star yet. */
  stuckOn: string[];
  /** Only levels the student tried, by level id. */
  cells: Record<string, ProgressCell>;
}

export interface WrongAnswerCount {
  answer: string;
  count: number;
}

export interface LevelStats {
  levelId: string;
  /** Members who submitted at least once. */
  tried: number;
  /** Members with at least one star. */
  completed: number;
  /** completed ÷ members; null for a class without members. */
  completionRate: number | null;
  /** Mean attempts over the members who tried; null when nobody tried. */
  averageAttempts: number | null;
  /** Members whose first try earned ★★★, and their share of the members whose first try is known; null when none is. */
  firstTryThree: number;
  firstTryThreeRate: number | null;
  /** Most common wrong choices (answers under 3 stars), most frequent first; only choice-based levels. */
  wrongAnswers: WrongAnswerCount[];
}

export interface ClassProgress {
  chapters: DashboardChapter[];
  levels: DashboardLevel[];
  students: StudentProgress[];
  levelStats: LevelStats[];
  /** Per assignment of the class (homework), soonest due first: who finished on time, late, or not yet. */
  homework: AssignmentProgress[];
}

/** Wrong choices listed per level on the dashboard. */
export const WRONG_ANSWERS_SHOWN = 5;

export function dashboardLevels(): { chapters: DashboardChapter[]; levels: DashboardLevel[] } {
  const chapters = campaign();
  return {
    chapters: chapters.map((c) => ({ id: c.id, number: c.number, title: c.title })),
    levels: chapters.flatMap((c) =>
      c.levels.map((level, i) => ({ id: level.id, title: level.title, number: `${c.number}.${i + 1}`, chapterId: c.id, choiceBased: isChoiceBased(level) })),
    ),
  };
}

export function buildClassProgress(
  input: {
    members: MemberRow[];
    totals: AttemptTotalsRow[];
    bests: BestRow[];
    wrongAttempts: WrongAttemptRow[];
    /** The class's assignments, and each player's first-star time per level (for homework). */
    assignments?: AssignmentView[];
    firstStars?: ReadonlyMap<string, ReadonlyMap<string, Date>>;
  },
  levelList: Level[],
): ClassProgress {
  const { chapters, levels } = dashboardLevels();
  const byLevelId = new Map(levelList.map((l) => [l.id, l]));
  const known = new Set(levels.map((l) => l.id));
  const memberOf = new Map(input.members.map((m) => [m.playerId, m]));
  const key = (playerId: string, levelId: string) => `${playerId}\u0000${levelId}`;
  const bestOf = new Map(input.bests.map((b) => [key(b.playerId, b.levelId), b]));

  const students = new Map<string, StudentProgress>(
    input.members.map((m) => [
      m.playerId,
      { memberId: m.id, name: m.name, joinedAt: m.joinedAt.toISOString(), totalStars: 0, timeSpentMs: 0, lastActive: null, stuckOn: [], cells: {} },
    ]),
  );
  for (const t of input.totals) {
    const student = students.get(t.playerId);
    if (!student || !known.has(t.levelId)) continue;
    const best = bestOf.get(key(t.playerId, t.levelId));
    const lastActive = t.lastAttemptAt.toISOString();
    student.cells[t.levelId] = {
      stars: best?.stars ?? 0,
      firstTryStars: best?.firstTryStars ?? null,
      score: best?.score ?? 0,
      attempts: t.attempts,
      timeSpentMs: t.timeSpentMs,
      lastActive,
    };
    student.totalStars += best?.stars ?? 0;
    student.timeSpentMs += t.timeSpentMs;
    if (!student.lastActive || lastActive > student.lastActive) student.lastActive = lastActive;
  }

  const wrongByLevel = new Map<string, Map<string, number>>();
  const phraseCache = new Map<string, string[] | null>();
  for (const w of input.wrongAttempts) {
    const level = byLevelId.get(w.levelId);
    if (!level || !memberOf.has(w.playerId)) continue;
    // Choice levels have few distinct answers: describe each distinct one once.
    const answerKey = `${w.levelId}\u0000${JSON.stringify(w.answer)}`;
    if (!phraseCache.has(answerKey)) phraseCache.set(answerKey, wrongChoices(level, w.answer));
    const phrases = phraseCache.get(answerKey);
    if (!phrases) continue;
    const tally = wrongByLevel.get(w.levelId) ?? new Map<string, number>();
    wrongByLevel.set(w.levelId, tally);
    // A phrase counts once per attempt, even if an answer repeats it.
    for (const phrase of new Set(phrases)) tally.set(phrase, (tally.get(phrase) ?? 0) + 1);
  }

  const levelStats = levels.map((level) => statsOf(level, [...students.values()], wrongByLevel.get(level.id), input.members.length));
  const sorted = [...students.values()].sort((a, b) => a.name.localeCompare(b.name) || a.memberId.localeCompare(b.memberId));
  const homework = buildHomeworkProgress(input.assignments ?? [], input.members, input.firstStars ?? new Map());
  return { chapters, levels, students: sorted, levelStats, homework };
}

/** One level's statistics over the class; marks the students stuck on it on the way. */
function statsOf(level: DashboardLevel, students: StudentProgress[], tally: Map<string, number> | undefined, memberCount: number): LevelStats {
  let tried = 0;
  let completed = 0;
  let attemptSum = 0;
  let firstTries = 0;
  let firstTryThree = 0;
  for (const student of students) {
    const cell = student.cells[level.id];
    if (!cell) continue;
    tried++;
    attemptSum += cell.attempts;
    if (cell.stars > 0) completed++;
    if (cell.firstTryStars !== null) firstTries++;
    if (cell.firstTryStars === 3) firstTryThree++;
    if (cell.stars === 0 && cell.attempts >= STUCK_ATTEMPTS) student.stuckOn.push(level.id);
  }
  const wrongAnswers = tally
    ? [...tally]
        .map(([answer, count]) => ({ answer, count }))
        .sort((a, b) => b.count - a.count || a.answer.localeCompare(b.answer))
        .slice(0, WRONG_ANSWERS_SHOWN)
    : [];
  return {
    levelId: level.id,
    tried,
    completed,
    completionRate: memberCount ? completed / memberCount : null,
    averageAttempts: tried ? attemptSum / tried : null,
    firstTryThree,
    firstTryThreeRate: firstTries ? firstTryThree / firstTries : null,
    wrongAnswers,
  };
}

export interface TimelineAttemptRow {
  levelId: string;
  score: number;
  stars: number;
  timeSpentMs: number;
  createdAt: Date;
}

export interface TimelineEntry {
  levelId: string;
  levelTitle: string;
  levelNumber: string;
  score: number;
  stars: number;
  timeSpentMs: number;
  at: string;
}

/** One student's attempts, oldest first, with the level named as the campaign names it. */
export function buildTimeline(attempts: TimelineAttemptRow[]): TimelineEntry[] {
  const { levels } = dashboardLevels();
  const byId = new Map(levels.map((l) => [l.id, l]));
  return [...attempts]
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
    .map((a) => ({
      levelId: a.levelId,
      levelTitle: byId.get(a.levelId)?.title ?? a.levelId,
      levelNumber: byId.get(a.levelId)?.number ?? "?",
      score: a.score,
      stars: a.stars,
      timeSpentMs: a.timeSpentMs,
      at: a.createdAt.toISOString(),
    }));
}

/**
 * The CSV: one row per student × level (the tidy layout a spreadsheet filters and sorts: filter
 * on a level or a student, sort by stars or time), levels in campaign order, untried levels
 * included with 0 attempts so every student has the same rows. Each assignment adds a column
 * (progressCsvHeader): the student's status on it, the same on each of their rows.
 */
export const CSV_HEADER = [
  "student",
  "joined",
  "chapter",
  "level number",
  "level id",
  "level title",
  "stars",
  "first-try stars",
  "best score %",
  "attempts",
  "time spent (min)",
  "last active (UTC)",
  "stuck",
];

/** The header with one column per assignment: "homework: <title> (due <UTC>)". */
export function progressCsvHeader(progress: ClassProgress): string[] {
  return [...CSV_HEADER, ...progress.homework.map((h) => `homework: ${h.assignment.title} (due ${h.assignment.dueAt.replace("T", " ").slice(0, 16)} UTC)`)];
}

export function progressCsvRows(progress: ClassProgress): (string | number | null)[][] {
  const chapterTitle = new Map(progress.chapters.map((c) => [c.id, c.title]));
  return progress.students.flatMap((s) => {
    const homework = progress.homework.map((h) => statusText(h.students[s.memberId]));
    return progress.levels.map((level) => {
      const cell = s.cells[level.id];
      return [
        s.name,
        s.joinedAt.slice(0, 10),
        chapterTitle.get(level.chapterId) ?? level.chapterId,
        level.number,
        level.id,
        level.title,
        cell?.stars ?? 0,
        cell?.firstTryStars ?? null,
        cell ? Math.round(cell.score * 1000) / 10 : null,
        cell?.attempts ?? 0,
        cell ? Math.round(cell.timeSpentMs / 6000) / 10 : 0,
        cell ? cell.lastActive.replace("T", " ").slice(0, 19) : null,
        s.stuckOn.includes(level.id) ? "yes" : "no",
        ...homework,
      ];
    });
  });
}
