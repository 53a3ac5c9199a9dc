import { csvResponse } from "@/server/csv-response";
import { fail } from "@/server/http";
import { gameReportCsv, teacherGameReport } from "@/server/teachers/game-reports";
import { currentTeacher } from "@/server/teachers/sessions";

export const dynamic = "force-dynamic";

/** The game's report as a spreadsheet: one row per player. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const teacher = await currentTeacher();
  if (!teacher) return fail(401, "not_signed_in", "sign in as a teacher first");
  const report = await teacherGameReport(teacher.id, (await params).id);
  if (!report) return fail(404, "not_found", "no such game");
  return csvResponse(`game-${report.code}-${report.createdAt.slice(0, 10)}.csv`, gameReportCsv(report));
}
