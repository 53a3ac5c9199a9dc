import { passwordProblem } from "../../core/teachers";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/unique";
import { defineLimit } from "../limits";
import { commonPasswordProblem } from "./common-passwords";
import { dummyHash, hashPassword, verifyPassword } from "./passwords";

/** Teacher accounts: creating one, checking an email and password pair, changing the password. */

/**
 * New teacher accounts per address (one was seen making 93 a minute, each costing a 32 MiB scrypt).
 * Twenty an hour lets a school's staff sign up together from its one address (and the end-to-end
 * suite, which signs up about ten from 127.0.0.1); it also slows anyone using sign-up's
 * `email_taken` answer to find out which emails have accounts.
 */
export const signupsPerAddress = defineLimit("teacher-signups-per-address", { points: 20, seconds: 60 * 60 });

/** Why a new password is refused (the shared rules of core/teachers.ts, then the common-password list), or null. */
export function newPasswordProblem(password: string, email: string): string | null {
  return passwordProblem(password, email) ?? commonPasswordProblem(password);
}

/** A new account, or null when the email is taken (also when a concurrent sign-up with it won). */
export async function createTeacherAccount(email: string, name: string, password: string) {
  if (await db().teacher.findUnique({ where: { email } })) return null;
  return db()
    .teacher.create({ data: { email, name, passwordHash: await hashPassword(password) } })
    .catch((error: unknown) => (isUniqueViolation(error) ? null : Promise.reject(error)));
}

/**
 * The teacher with this email (already trimmed and lower-cased) and password, or null. An unknown
 * email still costs one scrypt, like a known one, so response times do not tell which emails have accounts.
 */
export async function teacherWithCredentials(email: string, password: string) {
  const teacher = await db().teacher.findUnique({ where: { email } });
  const ok = await verifyPassword(password, teacher?.passwordHash ?? (await dummyHash()));
  return teacher && ok ? teacher : null;
}

/** Whether this is the teacher's current password. */
export async function isCurrentPassword(teacherId: string, password: string): Promise<boolean> {
  const teacher = await db().teacher.findUnique({ where: { id: teacherId }, select: { passwordHash: true } });
  return teacher !== null && (await verifyPassword(password, teacher.passwordHash));
}

/** Stores the new password's hash (the caller ends the teacher's sessions: server/teachers/sessions.ts). */
export async function setPassword(teacherId: string, password: string): Promise<void> {
  await db().teacher.update({ where: { id: teacherId }, data: { passwordHash: await hashPassword(password) } });
}
