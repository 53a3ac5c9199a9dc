import { db } from "@/server/db/client";
import { fail } from "@/server/http";
import { issueResumeCode } from "@/server/classes/codes";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** A new resume code for a student of the teacher's class who lost theirs; shown once. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string; memberId: string }> }) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const { id, memberId } = await params;
  const member = await db().classMember.findFirst({ where: { id: memberId, classId: id, classroom: { teacherId: teacher.id } } });
  if (!member) return fail(404, "unknown_member", "no such student in this class");
  return Response.json({ name: member.name, resumeCode: await issueResumeCode(member.playerId) }, { headers: { "cache-control": "no-store" } });
}
