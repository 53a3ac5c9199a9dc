import { z } from "zod";
import { chapters } from "./chapters";
import { CLASS_NAME, nameSchema, STUDENT_NAME } from "./names";

/**
 * Classes: join codes, personal resume codes, chapter locks and the request bodies. Pure: the
 * server passes in its random source, so the browser, server and tests share the same rules.
 */

/** No 0/O, 1/I/L or U/V look-alikes (30 characters), so a code read off a projector is typed right first time. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const JOIN_CODE_LENGTH = 6;
/** Two groups of four, e.g. "K7QD-M3XA": about 40 bits, and guessing is rate-limited. */
export const RESUME_CODE_GROUP = 4;

/** `randomIndex(n)` returns a uniform integer in [0, n): node:crypto's randomInt on the server. */
export type RandomIndex = (n: number) => number;

function randomCode(length: number, randomIndex: RandomIndex): string {
  let code = "";
  for (let i = 0; i < length; i++) code += CODE_ALPHABET[randomIndex(CODE_ALPHABET.length)];
  return code;
}

export function generateJoinCode(randomIndex: RandomIndex): string {
  return randomCode(JOIN_CODE_LENGTH, randomIndex);
}

export function generateResumeCode(randomIndex: RandomIndex): string {
  return `${randomCode(RESUME_CODE_GROUP, randomIndex)}-${randomCode(RESUME_CODE_GROUP, randomIndex)}`;
}

/** What people type: any case, spaces and dashes ignored. */
function canonical(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

const codeCharacters = new RegExp(`^[${CODE_ALPHABET}]+$`);

/** The join code as stored, or null when it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
  const code = canonical(typed);
  return code.length === JOIN_CODE_LENGTH && codeCharacters.test(code) ? code : null;
}

/** The resume code as issued ("ABCD-EFGH"), or null when it cannot be one. */
export function normalizeResumeCode(typed: string): string | null {
  const code = canonical(typed);
  if (code.length !== 2 * RESUME_CODE_GROUP || !codeCharacters.test(code)) return null;
  return `${code.slice(0, RESUME_CODE_GROUP)}-${code.slice(RESUME_CODE_GROUP)}`;
}

/** A level is closed by a teacher when any class the player is in has locked its chapter. */
export function lockedByTeacher(chapterId: string, lockedChapters: ReadonlySet<string>): boolean {
  return lockedChapters.has(chapterId);
}

const chapterIds = chapters.map((c) => c.id);

// Class and student names follow the rules of every name (core/names.ts).
const className = nameSchema(CLASS_NAME);
const studentName = nameSchema(STUDENT_NAME);

export const createClassBody = z.object({ name: className });

export const patchClassBody = z
  .object({
    name: className.optional(),
    lockedChapters: z
      .array(z.string().refine((id) => chapterIds.includes(id), { message: `must be chapter ids (${chapterIds.join(", ")})` }))
      .max(chapterIds.length)
      .transform((ids) => chapterIds.filter((id) => ids.includes(id))) // campaign order, no duplicates
      .optional(),
  })
  .refine((body) => body.name !== undefined || body.lockedChapters !== undefined, { message: "give name or lockedChapters" });

export const joinClassBody = z.object({
  code: z.string().max(40, "must be at most 40 characters"),
  name: studentName,
});

export const resumeBody = z.object({ code: z.string().max(40, "must be at most 40 characters") });

export interface ClassSummary {
  id: string;
  name: string;
  joinCode: string;
  lockedChapters: string[];
  members: number;
  createdAt: string;
}

export interface ClassDetail extends Omit<ClassSummary, "members"> {
  joinLink: string;
  members: { id: string; name: string; joinedAt: string }[];
}

export interface JoinResult {
  className: string;
  yourName: string;
  resumeCode: string;
}

export interface MyClass {
  className: string;
  teacherName: string;
  yourName: string;
  joinedAt: string;
  lockedChapters: string[];
}
