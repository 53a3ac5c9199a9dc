import { db } from "../db/client";
import { dummyHash, hashPassword, verifyPassword } from "./passwords";

/** Teacher accounts: creating one, and checking an email and password pair. */

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

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
