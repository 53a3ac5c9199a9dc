import { randomInt } from "node:crypto";
import { generateJoinCode, generateResumeCode } from "../../core/classes";
import { db } from "../db/client";
import { isUniqueViolation } from "../db/unique";
import { setPlayerCookie } from "../http";
import { defineLimit } from "../limits";
import { hashSecret, newSecret } from "../secrets";

/** A class with a fresh join code; on the (rare) collision with another class's code, try again. */
export async function createClassroom(teacherId: string, name: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await db().classroom.create({ data: { teacherId, name, joinCode: generateJoinCode(randomInt), lockedChapters: [] } });
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 9) throw error;
    }
  }
}

/** A new personal resume code for the player: returned once, only its SHA-256 is kept; the old one stops working. */
export async function issueResumeCode(playerId: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const code = generateResumeCode(randomInt);
    try {
      await db().player.update({ where: { id: playerId }, data: { resumeCodeHash: hashSecret(code) } });
      return code;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 9) throw error;
    }
  }
}

/** The player whose resume code this is (as normalizeResumeCode returns it), or null. */
export async function playerByResumeCode(code: string) {
  return db().player.findUnique({ where: { resumeCodeHash: hashSecret(code) } });
}

/**
 * Moves this browser onto the player: a fresh cookie secret (the database holds one token hash
 * per player, so the device that had the old secret must resume with the code again).
 */
export async function signInAsPlayer(playerId: string): Promise<void> {
  const token = newSecret();
  await db().player.update({ where: { id: playerId }, data: { tokenHash: hashSecret(token), lastSeenAt: new Date() } });
  await setPlayerCookie(token);
}

/**
 * Guessing join or resume codes is limited per address. Only wrong codes count, and once an
 * address is over the limit even a right code waits, so the limit cannot be probed around.
 */
export const WRONG_CODES_ALLOWED = 10;
const wrongCodes = {
  join: defineLimit("class-join-wrong-codes", { points: WRONG_CODES_ALLOWED, seconds: 60 }),
  resume: defineLimit("resume-wrong-codes", { points: WRONG_CODES_ALLOWED, seconds: 60 }),
};
export type CodeKind = keyof typeof wrongCodes;

/** Seconds to wait when the address is already over its limit, else null. */
export function codeGuessWait(kind: CodeKind, address: string): Promise<number | null> {
  return wrongCodes[kind].check(address);
}

export async function countWrongCode(kind: CodeKind, address: string): Promise<void> {
  await wrongCodes[kind].take(address);
}

/**
 * Joins and resumes, right code or wrong, per address: a classroom shares one address behind
 * its school's router, so 120 in 10 minutes lets three classes of 40 join or resume at once.
 * A player joins a class or two and may fix their name: 10 joins in 10 minutes.
 */
export const classJoinsPerAddress = defineLimit("class-joins-per-address", { points: 120, seconds: 10 * 60 });
export const classJoinsPerPlayer = defineLimit("class-joins-per-player", { points: 10, seconds: 10 * 60 });
export const resumesPerAddress = defineLimit("resumes-per-address", { points: 120, seconds: 10 * 60 });
