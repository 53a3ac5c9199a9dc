import type { MyClass } from "../../core/classes";
import { nameKey } from "../../core/names";
import { db } from "../db/client";
import { upsertOnce } from "../db/unique";

/** A student's side of classes: finding a class by its code, joining it, and the classes they are in. */

/** The class with this join code (as normalizeJoinCode returns it), or null. */
export async function classByJoinCode(joinCode: string) {
  return db().classroom.findUnique({ where: { joinCode } });
}

/**
 * Whether another member of the class goes by this name (compared by core/names.ts nameKey: case,
 * accents, spaces and . _ ' - aside), so a roster never shows two "Alex" the teacher cannot tell
 * apart, nor a student posing as a classmate. `playerId`: the one asking (their own name is not taken), or null for a newcomer.
 */
export async function nameTakenInClass(classId: string, playerId: string | null, name: string): Promise<boolean> {
  const key = nameKey(name);
  const others = await db().classMember.findMany({ where: { classId, ...(playerId ? { playerId: { not: playerId } } : {}) }, select: { name: true } });
  return others.some((member) => nameKey(member.name) === key);
}

/** Joins the class, or, for a member already, updates their name: one membership per player and class. */
export async function enrolInClass(classId: string, playerId: string, name: string): Promise<void> {
  await upsertOnce(() =>
    db().classMember.upsert({
      where: { classId_playerId: { classId, playerId } },
      create: { classId, playerId, name },
      update: { name },
    }),
  );
}

/** The classes a player belongs to, oldest membership first; nothing about other students. */
export async function classesOfPlayer(playerId: string): Promise<MyClass[]> {
  const rows = await db().classMember.findMany({
    where: { playerId },
    orderBy: { joinedAt: "asc" },
    include: { classroom: { select: { name: true, lockedChapters: true, teacher: { select: { name: true } } } } },
  });
  return rows.map((m) => ({
    className: m.classroom.name,
    teacherName: m.classroom.teacher.name,
    yourName: m.name,
    joinedAt: m.joinedAt.toISOString(),
    lockedChapters: Array.isArray(m.classroom.lockedChapters) ? (m.classroom.lockedChapters as string[]) : [],
  }));
}
