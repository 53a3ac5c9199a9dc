import type { MyClass } from "@/core/classes";
import { db } from "@/server/db/client";
import { currentPlayer, noPlayer } from "@/server/http";

export const dynamic = "force-dynamic";

/** The classes the current player belongs to (nothing about other students). */
export async function GET() {
  const player = await currentPlayer();
  if (!player) return noPlayer();
  const rows = await db().classMember.findMany({
    where: { playerId: player.id },
    orderBy: { joinedAt: "asc" },
    include: { classroom: { select: { name: true, lockedChapters: true, teacher: { select: { name: true } } } } },
  });
  const classes: MyClass[] = rows.map((m) => ({
    className: m.classroom.name,
    teacherName: m.classroom.teacher.name,
    yourName: m.name,
    joinedAt: m.joinedAt.toISOString(),
    lockedChapters: Array.isArray(m.classroom.lockedChapters) ? (m.classroom.lockedChapters as string[]) : [],
  }));
  return Response.json({ classes, hasResumeCode: player.resumeCodeHash !== null });
}
