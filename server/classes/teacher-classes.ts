import type { ClassDetail, ClassSummary } from "../../core/classes";
import { siteOrigin } from "../client-address";
import { db } from "../db/client";
import { issueResumeCode } from "./codes";

/** A teacher's view of their classes. Every lookup is scoped by teacherId: another teacher's class is simply not found. */

const asChapterIds = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : []);

export async function classesOf(teacherId: string): Promise<ClassSummary[]> {
  const rows = await db().classroom.findMany({ where: { teacherId }, orderBy: { createdAt: "desc" }, include: { _count: { select: { members: true } } } });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    joinCode: c.joinCode,
    lockedChapters: asChapterIds(c.lockedChapters),
    members: c._count.members,
    createdAt: c.createdAt.toISOString(),
  }));
}

export async function ownedClass(teacherId: string, classId: string) {
  return db().classroom.findFirst({ where: { id: classId, teacherId } });
}

/** Renames the class and/or sets its locked chapters; false when it is not this teacher's class. */
export async function updateClass(teacherId: string, classId: string, changes: { name?: string; lockedChapters?: string[] }): Promise<boolean> {
  if (!(await ownedClass(teacherId, classId))) return false;
  const { name, lockedChapters } = changes;
  await db().classroom.update({
    where: { id: classId },
    data: { ...(name !== undefined ? { name } : {}), ...(lockedChapters !== undefined ? { lockedChapters } : {}) },
  });
  return true;
}

/** A new resume code for a student of the teacher's class (shown once); null when no such student is in one of their classes. */
export async function reissueMemberResumeCode(teacherId: string, classId: string, memberId: string): Promise<{ name: string; resumeCode: string } | null> {
  const member = await db().classMember.findFirst({ where: { id: memberId, classId, classroom: { teacherId } } });
  if (!member) return null;
  return { name: member.name, resumeCode: await issueResumeCode(member.playerId) };
}

export function joinLinkFor(origin: string, joinCode: string): string {
  return `${origin}/class?code=${joinCode}`;
}

export async function classDetail(teacherId: string, classId: string, origin: string): Promise<ClassDetail | null> {
  const c = await db().classroom.findFirst({ where: { id: classId, teacherId }, include: { members: { orderBy: [{ joinedAt: "asc" }, { id: "asc" }] } } });
  if (!c) return null;
  return {
    id: c.id,
    name: c.name,
    joinCode: c.joinCode,
    joinLink: joinLinkFor(origin, c.joinCode),
    lockedChapters: asChapterIds(c.lockedChapters),
    createdAt: c.createdAt.toISOString(),
    members: c.members.map((m) => ({ id: m.id, name: m.name, joinedAt: m.joinedAt.toISOString() })),
  };
}

/**
 * The site's address as the browser sees it, for the join link: behind a proxy named in
 * TRUST_PROXY, its forwarded host and scheme; a client's own X-Forwarded-Host is ignored, so a
 * stranger cannot make a teacher's page show a link to another site.
 */
export function originOf(headers: Headers): string {
  return siteOrigin(headers);
}
