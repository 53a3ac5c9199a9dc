import { dashboardLevels } from "../core/dashboard/progress";
import {
  type AssignmentView,
  assignmentView,
  type CreateAssignment,
  continueLevel,
  dueAtProblem,
  type HomeworkLevel,
  homeworkStatus,
  MAX_ASSIGNMENTS_PER_CLASS,
  type MyAssignment,
  nextHomeworkLevel,
} from "../core/homework";
import { lockedByTeacher } from "../core/classes";
import { isUnlocked, levels } from "../core/levels/catalog";
import { lockedChaptersOf } from "./class-locks";
import { db } from "./db/client";

/**
 * Homework (core/homework.ts) against the database: a teacher's assignments of one class, a
 * student's assignments from every class they joined, the first-star times both read, and the
 * "continue" level. Every teacher lookup is scoped by teacherId, so another teacher's class or
 * assignment is simply not found (the routes answer 404).
 */

/** The campaign's levels with the numbers the map shows ("2.3"). */
export function homeworkLevels(): HomeworkLevel[] {
  return dashboardLevels().levels;
}

const ownClass = (teacherId: string, classId: string) => db().classroom.findFirst({ where: { id: classId, teacherId }, select: { id: true } });

const ASSIGNMENT_FIELDS = { id: true, title: true, levelIds: true, chapterId: true, dueAt: true, createdAt: true } as const;

/** The class's assignments, soonest due first; null when the class is not this teacher's. */
export async function assignmentsOf(teacherId: string, classId: string): Promise<AssignmentView[] | null> {
  if (!(await ownClass(teacherId, classId))) return null;
  return classAssignments(classId);
}

/** The class's assignments (no ownership check: callers have made it), soonest due first. */
export async function classAssignments(classId: string): Promise<AssignmentView[]> {
  const rows = await db().assignment.findMany({ where: { classId }, orderBy: [{ dueAt: "asc" }, { id: "asc" }], select: ASSIGNMENT_FIELDS });
  const campaign = homeworkLevels();
  return rows.map((row) => assignmentView(row, campaign));
}

export type CreateResult = { ok: true; assignment: AssignmentView } | { ok: false; status: number; code: string; message: string };

/** Assigns levels or a chapter to the teacher's class. */
export async function createAssignment(teacherId: string, classId: string, body: CreateAssignment, now = new Date()): Promise<CreateResult> {
  if (!(await ownClass(teacherId, classId))) return { ok: false, status: 404, code: "unknown_class", message: "no such class" };
  const problem = dueAtProblem(body.dueAt, now);
  if (problem) return { ok: false, status: 400, code: "invalid_body", message: problem };
  if ((await db().assignment.count({ where: { classId } })) >= MAX_ASSIGNMENTS_PER_CLASS) {
    return {
      ok: false,
      status: 409,
      code: "too_many_assignments",
      message: `a class holds at most ${MAX_ASSIGNMENTS_PER_CLASS} assignments: delete old ones first`,
    };
  }
  const row = await db().assignment.create({
    data: { classId, title: body.title ?? null, levelIds: body.chapterId ? undefined : body.levelIds, chapterId: body.chapterId ?? null, dueAt: body.dueAt },
    select: ASSIGNMENT_FIELDS,
  });
  return { ok: true, assignment: assignmentView(row, homeworkLevels()) };
}

/** Deletes one assignment of the teacher's class; false when there is no such assignment there. */
export async function deleteAssignment(teacherId: string, classId: string, assignmentId: string): Promise<boolean> {
  const deleted = await db().assignment.deleteMany({ where: { id: assignmentId, classId, classroom: { teacherId } } });
  return deleted.count > 0;
}

/** When each player first earned a star on each level: the first attempt credited with one. */
export async function firstStarTimes(playerIds: readonly string[]): Promise<Map<string, Map<string, Date>>> {
  const byPlayer = new Map<string, Map<string, Date>>();
  if (playerIds.length === 0) return byPlayer;
  const rows = await db().levelAttempt.groupBy({
    by: ["playerId", "levelId"],
    where: { playerId: { in: [...playerIds] }, stars: { gt: 0 } },
    _min: { createdAt: true },
  });
  for (const row of rows) {
    if (!row._min.createdAt) continue;
    const levelsOf = byPlayer.get(row.playerId) ?? new Map<string, Date>();
    byPlayer.set(row.playerId, levelsOf);
    levelsOf.set(row.levelId, row._min.createdAt);
  }
  return byPlayer;
}

/** A student's stars per level, and whether they can open a level (the campaign's and their teachers' locks). */
async function playerLevels(playerId: string) {
  const [bests, teacherLocked] = await Promise.all([
    db().bestResult.findMany({ where: { playerId }, select: { levelId: true, stars: true } }),
    lockedChaptersOf(playerId),
  ]);
  const stars = new Map(bests.map((b) => [b.levelId, b.stars]));
  const chapterOf = new Map(levels.map((l) => [l.id, l.chapter]));
  const starsOf = (id: string) => stars.get(id) ?? 0;
  const isOpen = (id: string) => !lockedByTeacher(chapterOf.get(id) ?? "", teacherLocked) && isUnlocked(id, stars);
  return { starsOf, isOpen };
}

/**
 * The player's assignments from every class they joined: the ones not done yet, and done ones
 * until their due time passes; soonest due first.
 */
export async function myAssignments(playerId: string, now = new Date()): Promise<MyAssignment[]> {
  const memberships = await db().classMember.findMany({ where: { playerId }, select: { classroom: { select: { id: true, name: true } } } });
  if (memberships.length === 0) return [];
  const classNames = new Map(memberships.map((m) => [m.classroom.id, m.classroom.name]));
  const rows = await db().assignment.findMany({
    where: { classId: { in: [...classNames.keys()] } },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    select: { ...ASSIGNMENT_FIELDS, classId: true },
  });
  if (rows.length === 0) return [];
  const campaign = homeworkLevels();
  const byId = new Map(campaign.map((l) => [l.id, l]));
  const [firstStars, { starsOf, isOpen }] = await Promise.all([firstStarTimes([playerId]), playerLevels(playerId)]);
  const mine = firstStars.get(playerId) ?? new Map<string, Date>();
  return rows
    .map((row): MyAssignment => {
      const view = assignmentView(row, campaign);
      const levelIds = view.levels.map((l) => l.id);
      const status = homeworkStatus(levelIds, mine, row.dueAt);
      const next = nextHomeworkLevel(levelIds, starsOf, isOpen);
      const nextLevel = next ? byId.get(next.levelId) : undefined;
      return {
        ...view,
        className: classNames.get(row.classId) ?? "",
        status: status.status,
        done: status.done,
        total: status.total,
        overdue: status.status === "not-yet" && row.dueAt.getTime() < now.getTime(),
        next: next && nextLevel ? { levelId: next.levelId, number: nextLevel.number, title: nextLevel.title, locked: next.locked } : null,
      };
    })
    .filter((a) => a.total > 0 && (a.status === "not-yet" || new Date(a.dueAt).getTime() >= now.getTime()));
}

/** "Continue where you left off": the level to offer the player (core/homework.ts continueLevel), with its number and title. */
export async function continueFor(playerId: string | null): Promise<{ levelId: string; number: string; title: string; fresh: boolean } | null> {
  const campaign = homeworkLevels();
  const ids = campaign.map((l) => l.id);
  const [last, access] = playerId
    ? await Promise.all([
        db().levelAttempt.findFirst({ where: { playerId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { levelId: true } }),
        playerLevels(playerId),
      ])
    : [null, { starsOf: () => 0, isOpen: (id: string) => isUnlocked(id, new Map()) }];
  const levelId = continueLevel(ids, last?.levelId ?? null, access.starsOf, access.isOpen);
  const level = campaign.find((l) => l.id === levelId);
  return level ? { levelId: level.id, number: level.number, title: level.title, fresh: !last } : null;
}
