import { toCsv } from "@/core/csv";
import { progressCsvHeader, progressCsvRows } from "@/core/dashboard/progress";
import { csvResponse } from "@/server/csv-response";
import { fail } from "@/server/http";
import { teacherRoute } from "@/server/route";
import { classProgress } from "@/server/teachers/dashboard";

export const dynamic = "force-dynamic";

/** The class's progress as CSV: one row per student × level, a column per assignment (see core/dashboard/progress.ts). Teacher only. */
export const GET = teacherRoute({ params: ["id"] }, async ({ teacher, params }) => {
  const result = await classProgress(teacher.id, params.id);
  if (!result) return fail(404, "unknown_class", "no such class");
  const date = new Date().toISOString().slice(0, 10);
  return csvResponse(`${result.classroom.name}-progress-${date}.csv`, toCsv(progressCsvHeader(result.progress), progressCsvRows(result.progress)));
});
