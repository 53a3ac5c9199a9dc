import { db } from "../db/client";
import { levels } from "../../core/levels/catalog";
import { buildClassProgress, buildTimeline, type ClassProgress, type TimelineEntry } from "../../core/dashboard/progress";
import { isChoiceBased } from "../../core/dashboard/wrong-answers";
import { classAssignments, firstStarTimes } from "../homework";

/**
 * Reads for the class dashboard: a fixed handful of queries whatever the class size (members,
 * attempt totals grouped per player × level, best results, wrong answers on choice levels), then
 * core/dashboard builds the grid. Returns null when the class is not this teacher's, so the
 * route answers 404 and ids of other teachers' classes do not leak.
 */
export async function ownClass(teacherId: string, classId: string) {
  return db().classroom.findFirst({ where: { id: classId, teacherId }, select: { id: true, name: true } });
}

export async function classProgress(teacherId: string, classId: string): Promise<{ classroom: { id: string; name: string }; progress: ClassProgress } | null> {
  const classroom = await ownClass(teacherId, classId);
  if (!classroom) return null;
  const members = await db().classMember.findMany({ where: { classId }, select: { id: true, playerId: true, name: true, joinedAt: true } });
  const playerIds = members.map((m) => m.playerId);
  const choiceLevelIds = levels.filter(isChoiceBased).map((l) => l.id);
  const [grouped, bests, wrongAttempts, assignments, firstStars] = await Promise.all([
    db().levelAttempt.groupBy({
      by: ["playerId", "levelId"],
      where: { playerId: { in: playerIds } },
      _count: { _all: true },
      _sum: { timeSpentMs: true },
      _max: { createdAt: true },
    }),
    db().bestResult.findMany({
      where: { playerId: { in: playerIds } },
      select: { playerId: true, levelId: true, score: true, stars: true, firstTryStars: true },
    }),
    // Wrong answers are those whose own outcome is under ★★★ (a right answer capped by a cool-down is not wrong).
    db().levelAttempt.findMany({
      where: { playerId: { in: playerIds }, levelId: { in: choiceLevelIds }, outcomeStars: { lt: 3 } },
      select: { playerId: true, levelId: true, answer: true },
    }),
    // Homework: the class's assignments and when each member first starred each level.
    classAssignments(classId),
    firstStarTimes(playerIds),
  ]);
  const totals = grouped.map((g) => ({
    playerId: g.playerId,
    levelId: g.levelId,
    attempts: g._count._all,
    timeSpentMs: g._sum.timeSpentMs ?? 0,
    lastAttemptAt: g._max.createdAt ?? new Date(0),
  }));
  return { classroom, progress: buildClassProgress({ members, totals, bests, wrongAttempts, assignments, firstStars }, levels) };
}

export async function studentTimeline(
  teacherId: string,
  classId: string,
  memberId: string,
): Promise<{ member: { id: string; name: string }; timeline: TimelineEntry[] } | null> {
  const member = await db().classMember.findFirst({
    where: { id: memberId, classId, classroom: { teacherId } },
    select: { id: true, name: true, playerId: true },
  });
  if (!member) return null;
  const attempts = await db().levelAttempt.findMany({
    where: { playerId: member.playerId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { levelId: true, score: true, stars: true, timeSpentMs: true, createdAt: true },
  });
  return { member: { id: member.id, name: member.name }, timeline: buildTimeline(attempts) };
}
