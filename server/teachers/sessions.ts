import { randomBytes } from "node:crypto";
import { cookies } from "next/headers";
import { db } from "../db/client";
import { hashToken } from "../players";
import { TEACHER_COOKIE, teacherFromSessionToken } from "./session-token";

/** The teacher's session cookie: a random secret; the database keeps only its SHA-256 hash. */
export { TEACHER_COOKIE };
const SESSION_DAYS = 30;

export async function startSession(teacherId: string): Promise<void> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 24 * 60 * 60 * 1000);
  await db().teacherSession.create({ data: { teacherId, tokenHash: hashToken(token), expiresAt } });
  (await cookies()).set(TEACHER_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: process.env.COOKIE_SECURE === "true",
    path: "/",
    maxAge: SESSION_DAYS * 24 * 60 * 60,
  });
}

/** The signed-in teacher, or null (no cookie, an unknown or expired session). */
export async function currentTeacher() {
  return teacherFromSessionToken((await cookies()).get(TEACHER_COOKIE)?.value);
}

/** Deletes this browser's session, so the cookie is useless even if it was copied. */
export async function endSession(): Promise<void> {
  const jar = await cookies();
  const token = jar.get(TEACHER_COOKIE)?.value;
  if (token) await db().teacherSession.deleteMany({ where: { tokenHash: hashToken(token) } });
  jar.set(TEACHER_COOKIE, "", { httpOnly: true, sameSite: "lax", secure: process.env.COOKIE_SECURE === "true", path: "/", maxAge: 0 });
}

export function teacherProfile(teacher: { id: string; email: string; name: string; createdAt: Date }) {
  return { id: teacher.id, email: teacher.email, name: teacher.name, createdAt: teacher.createdAt.toISOString() };
}
