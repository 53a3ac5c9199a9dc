import { cookies } from "next/headers";
import { sessionCookieOptions } from "../cookies";
import { db } from "../db/client";
import { hashSecret, newSecret } from "../secrets";
import { TEACHER_COOKIE, teacherFromSessionToken } from "./session-token";

/** The teacher's session cookie: a random secret (server/secrets.ts); the database keeps only its SHA-256 hash. */
export { TEACHER_COOKIE };
const SESSION_SECONDS = 30 * 24 * 60 * 60;

export async function startSession(teacherId: string): Promise<void> {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_SECONDS * 1000);
  await db().teacherSession.create({ data: { teacherId, tokenHash: hashSecret(token), expiresAt } });
  (await cookies()).set(TEACHER_COOKIE, token, sessionCookieOptions(SESSION_SECONDS));
}

/** The signed-in teacher, or null (no cookie, an unknown or expired session). */
export async function currentTeacher() {
  return teacherFromSessionToken((await cookies()).get(TEACHER_COOKIE)?.value);
}

/**
 * Ends every session of the teacher, on every device ("sign out everywhere"; a password change),
 * and clears this browser's cookie.
 */
export async function endAllSessions(teacherId: string): Promise<void> {
  await db().teacherSession.deleteMany({ where: { teacherId } });
  (await cookies()).set(TEACHER_COOKIE, "", sessionCookieOptions(0));
}

/** Ends every session of the teacher and starts a fresh one for this browser only (after a password change). */
export async function replaceAllSessions(teacherId: string): Promise<void> {
  await db().teacherSession.deleteMany({ where: { teacherId } });
  await startSession(teacherId);
}

/** Deletes this browser's session, so the cookie is useless even if it was copied. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(TEACHER_COOKIE)?.value;
  if (token) await db().teacherSession.deleteMany({ where: { tokenHash: hashSecret(token) } });
  jar.set(TEACHER_COOKIE, "", sessionCookieOptions(0));
}

export function teacherProfile(teacher: { id: string; email: string; name: string; createdAt: Date }) {
  return { id: teacher.id, email: teacher.email, name: teacher.name, createdAt: teacher.createdAt.toISOString() };
}
