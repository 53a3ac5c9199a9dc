import { z } from "zod";
import { nameSchema, TEACHER_NAME } from "./names";

/**
 * Teacher accounts: the request bodies and the password rules, shared by the sign-up form and
 * the server. Emails are compared lower-cased and trimmed.
 */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const teacherEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ message: "must be an email address" }));

/** Why a password is refused, or null. Length carries most of the strength; the rest stops the obvious. */
export function passwordProblem(password: string, email = ""): string | null {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  if (new Set(password).size < 4) return "must use at least 4 different characters";
  const local = email.trim().toLowerCase().split("@")[0];
  if (local.length >= 4 && password.toLowerCase().includes(local)) return "must not contain your email address";
  return null;
}

export const teacherSignupBody = z
  .object({
    email: teacherEmail,
    name: nameSchema(TEACHER_NAME),
    password: z.string(),
  })
  .superRefine((body, ctx) => {
    const problem = passwordProblem(body.password, body.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

/** Sign-in checks shape only: a wrong password and a malformed one get the same answer. */
export const teacherSigninBody = z.object({
  email: z.string().max(254),
  password: z.string().max(PASSWORD_MAX),
});

/**
 * A password change: the current password (checked on the server, like a sign-in) and the new one,
 * which follows the sign-up rules (passwordProblem, then the server's common-password list).
 */
export const teacherPasswordChangeBody = z.object({
  currentPassword: z.string().max(PASSWORD_MAX),
  newPassword: z.string().max(PASSWORD_MAX, `must be at most ${PASSWORD_MAX} characters`),
});

export interface TeacherProfile {
  id: string;
  email: string;
  name: string;
  createdAt: string;
}
