import { db } from "./db/client";

/**
 * The chapters a teacher has locked for this player: the union over every class they belong to.
 * One function, used by the campaign map, the level page and submitAnswer, so they always agree.
 */
export async function lockedChaptersOf(playerId: string | null | undefined): Promise<Set<string>> {
  if (!playerId) return new Set();
  const memberships = await db().classMember.findMany({ where: { playerId }, select: { classroom: { select: { lockedChapters: true } } } });
  const locked = new Set<string>();
  for (const { classroom } of memberships) {
    for (const id of Array.isArray(classroom.lockedChapters) ? classroom.lockedChapters : []) if (typeof id === "string") locked.add(id);
  }
  return locked;
}
