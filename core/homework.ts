import { z } from "zod";
import { chapters } from "./chapters";
import { nameSchema } from "./names";

/**
 * Homework: a teacher assigns levels (or a whole chapter) to a class with a due time, and
 * "continue where you left off". Pure: no level content is imported here (the browser imports
 * these types), so the level list comes in as arguments.
 *
 * A level counts as done once the student has at least one star on it; an assignment is done on
 * time when the first star of its last level came at or before the due time.
 */

/** An assignment's optional title (the teacher's words; the levels name it otherwise). */
export const ASSIGNMENT_TITLE = { min: 1, max: 80, charset: "text" } as const;
/** Assignments a class can hold at once: enough for a school year of weekly homework. */
export const MAX_ASSIGNMENTS_PER_CLASS = 100;
/** How far ahead a due date may be, in days. */
export const MAX_DUE_DAYS_AHEAD = 366;

/**
 * The body of "assign": a title, then either levelIds or a chapterId (exactly one), and the due
 * time as an ISO date-time with its offset (the browser sends the teacher's local time as UTC).
 * `knownLevelIds` is the campaign's level ids in order: chosen levels are kept in campaign order.
 */
export function createAssignmentBody(knownLevelIds: readonly string[]) {
  const chapterIds = chapters.map((c) => c.id);
  return z
    .object({
      title: nameSchema(ASSIGNMENT_TITLE).optional(),
      levelIds: z
        .array(
          z
            .string()
            .max(80)
            .refine((id) => knownLevelIds.includes(id), { message: "must be level ids of the campaign" }),
        )
        .min(1, "pick at least one level")
        .max(knownLevelIds.length)
        .transform((ids) => knownLevelIds.filter((id) => ids.includes(id))) // campaign order, no duplicates
        .optional(),
      chapterId: z
        .string()
        .refine((id) => chapterIds.includes(id), { message: `must be a chapter id (${chapterIds.join(", ")})` })
        .optional(),
      dueAt: z.iso.datetime({ offset: true, message: "must be an ISO date-time, e.g. 2026-12-01T17:00:00Z" }).transform((s) => new Date(s)),
    })
    .strict()
    .refine((body) => (body.levelIds === undefined) !== (body.chapterId === undefined), { message: "give either levelIds or chapterId, not both" });
}

export type CreateAssignment = z.output<ReturnType<typeof createAssignmentBody>>;

/** A due time is acceptable when it is not already past (a minute's grace for slow forms) nor absurdly far. */
export function dueAtProblem(dueAt: Date, now: Date): string | null {
  if (dueAt.getTime() < now.getTime() - 60_000) return "dueAt: must be in the future";
  if (dueAt.getTime() > now.getTime() + MAX_DUE_DAYS_AHEAD * 86_400_000) return `dueAt: must be within ${MAX_DUE_DAYS_AHEAD} days`;
  return null;
}

/** A level as homework sees it: its id, title, number ("2.3") and chapter. */
export interface HomeworkLevel {
  id: string;
  title: string;
  number: string;
  chapterId: string;
}

/** The levels an assignment covers: its chapter's levels, or its own list, in campaign order (unknown ids, e.g. a level since removed, are dropped). */
export function assignedLevels(target: { levelIds: readonly string[] | null; chapterId: string | null }, campaign: readonly HomeworkLevel[]): HomeworkLevel[] {
  if (target.chapterId) return campaign.filter((l) => l.chapterId === target.chapterId);
  const ids = new Set(target.levelIds ?? []);
  return campaign.filter((l) => ids.has(l.id));
}

/** The title shown for an assignment: the teacher's, else the chapter's, else the levels' numbers. */
export function assignmentTitle(title: string | null, chapterId: string | null, assigned: readonly HomeworkLevel[]): string {
  if (title) return title;
  const chapter = chapters.find((c) => c.id === chapterId);
  if (chapter) return `Chapter ${chapter.number}: ${chapter.title}`;
  if (assigned.length === 1) return `Level ${assigned[0].number}: ${assigned[0].title}`;
  return `Levels ${assigned.map((l) => l.number).join(", ")}`;
}

export type HomeworkStatus = "on-time" | "late" | "not-yet";

export interface StudentHomework {
  status: HomeworkStatus;
  /** Levels of the assignment with at least one star. */
  done: number;
  total: number;
  /** When the last level's first star came (ISO), once every level has one. */
  finishedAt: string | null;
}

/**
 * A student's status on one assignment. `firstStarAt` maps a level id to the time of the
 * student's first starred attempt on it. Done on time = every level has a star and the last of
 * those first stars came at or before dueAt; late = every level has a star, the last after dueAt;
 * not yet = some level has no star (even before the due time).
 */
export function homeworkStatus(levelIds: readonly string[], firstStarAt: ReadonlyMap<string, Date>, dueAt: Date): StudentHomework {
  let done = 0;
  let last: Date | null = null;
  for (const id of levelIds) {
    const at = firstStarAt.get(id);
    if (!at) continue;
    done++;
    if (!last || at > last) last = at;
  }
  const total = levelIds.length;
  if (done < total || !last) return { status: "not-yet", done, total, finishedAt: null };
  return { status: last.getTime() <= dueAt.getTime() ? "on-time" : "late", done, total, finishedAt: last.toISOString() };
}

/** What the words on screen and in the CSV say for each status. */
export const STATUS_LABEL: Record<HomeworkStatus, string> = { "on-time": "done on time", late: "done late", "not-yet": "not yet" };

/** "done on time", "done late", or "not yet (1 of 5)"; empty without a status. */
export function statusText(status: Pick<StudentHomework, "status" | "done" | "total"> | undefined): string {
  if (!status) return "";
  return status.status === "not-yet" ? `not yet (${status.done} of ${status.total})` : STATUS_LABEL[status.status];
}

/**
 * The level a student should open next for an assignment: the first assigned level without a
 * star that is open to them; when every such level is still locked, the first of them with
 * `locked` set (the student has to earn stars before it first). Null when all are done.
 */
export function nextHomeworkLevel(
  levelIds: readonly string[],
  starsOf: (levelId: string) => number,
  isOpen: (levelId: string) => boolean,
): { levelId: string; locked: boolean } | null {
  const notDone = levelIds.filter((id) => starsOf(id) === 0);
  if (notDone.length === 0) return null;
  const open = notDone.find(isOpen);
  return open ? { levelId: open, locked: false } : { levelId: notDone[0], locked: true };
}

/**
 * "Continue where you left off": the first level after the one played last that the player has
 * no ★★★ on and can open, going round to the start of the campaign if none is left after it; the
 * first level for a new player; null once every level has ★★★ (or none can be opened).
 *
 * One exception: when the level played last has no star yet, it is the one to continue (the
 * levels after it stay locked until it has one).
 */
export function continueLevel(
  campaignLevelIds: readonly string[],
  lastPlayedLevelId: string | null,
  starsOf: (levelId: string) => number,
  isOpen: (levelId: string) => boolean,
): string | null {
  if (campaignLevelIds.length === 0) return null;
  const last = lastPlayedLevelId === null ? -1 : campaignLevelIds.indexOf(lastPlayedLevelId);
  if (last < 0) {
    // A new player (or one whose last level is gone): the first level they can open without ★★★.
    return campaignLevelIds.find((id) => starsOf(id) < 3 && isOpen(id)) ?? null;
  }
  const lastId = campaignLevelIds[last];
  if (starsOf(lastId) === 0 && isOpen(lastId)) return lastId;
  const order = [...campaignLevelIds.slice(last + 1), ...campaignLevelIds.slice(0, last + 1)];
  return order.find((id) => starsOf(id) < 3 && isOpen(id)) ?? null;
}

/** An assignment as the teacher's list and the API show it. */
export interface AssignmentView {
  id: string;
  /** What to call it (assignmentTitle). */
  title: string;
  /** The teacher's own title, if they gave one. */
  customTitle: string | null;
  chapterId: string | null;
  levels: { id: string; number: string; title: string }[];
  dueAt: string;
  createdAt: string;
}

/** One of a student's assignments, with their progress on it. */
export interface MyAssignment extends AssignmentView {
  className: string;
  status: HomeworkStatus;
  done: number;
  total: number;
  /** The due time has passed and it is not done. */
  overdue: boolean;
  /** Where to go next; null once every level has a star. */
  next: { levelId: string; number: string; title: string; locked: boolean } | null;
}

/** The dashboard's view of one assignment: how many students are in each status, and each student's. */
export interface AssignmentProgress {
  assignment: AssignmentView;
  counts: Record<HomeworkStatus, number>;
  /** By member id. */
  students: Record<string, StudentHomework>;
}

/** A stored assignment row, as the database gives it. */
export interface AssignmentRow {
  id: string;
  title: string | null;
  levelIds: unknown;
  chapterId: string | null;
  dueAt: Date;
  createdAt: Date;
}

const asStrings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export function assignmentView(row: AssignmentRow, campaign: readonly HomeworkLevel[]): AssignmentView {
  const levels = assignedLevels({ levelIds: row.chapterId ? null : asStrings(row.levelIds), chapterId: row.chapterId }, campaign);
  return {
    id: row.id,
    title: assignmentTitle(row.title, row.chapterId, levels),
    customTitle: row.title,
    chapterId: row.chapterId,
    levels: levels.map((l) => ({ id: l.id, number: l.number, title: l.title })),
    dueAt: row.dueAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Per assignment, every member's status and the counts (the dashboard and its CSV).
 * `firstStars` maps a player id to their first-star time per level.
 */
export function buildHomeworkProgress(
  assignments: readonly AssignmentView[],
  members: readonly { id: string; playerId: string }[],
  firstStars: ReadonlyMap<string, ReadonlyMap<string, Date>>,
): AssignmentProgress[] {
  const none = new Map<string, Date>();
  return assignments.map((assignment) => {
    const levelIds = assignment.levels.map((l) => l.id);
    const dueAt = new Date(assignment.dueAt);
    const counts: Record<HomeworkStatus, number> = { "on-time": 0, late: 0, "not-yet": 0 };
    const students: Record<string, StudentHomework> = {};
    for (const member of members) {
      const status = homeworkStatus(levelIds, firstStars.get(member.playerId) ?? none, dueAt);
      counts[status.status]++;
      students[member.id] = status;
    }
    return { assignment, counts, students };
  });
}
