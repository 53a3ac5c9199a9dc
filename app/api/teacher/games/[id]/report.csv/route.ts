import { gameReportCsv } from "@/core/reports/game-csv";
import { csvResponse } from "@/server/csv-response";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { teacherGameReport } from "@/server/teachers/game-reports";

export const dynamic = "force-dynamic";

/** The game's report as a spreadsheet: one row per player per round, "no answer" kept apart from 0. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => {
  const report = await teacherGameReport(teacher.id, params.id);
  if (!report) return fail(404, "not_found", "no such game");
  return csvResponse(`game-${report.code}-${report.createdAt.slice(0, 10)}.csv`, gameReportCsv(report));
});
