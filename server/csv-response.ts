/** A CSV download: the file name is made ASCII-safe, the body is UTF-8 (see core/csv.ts). */
export function csvResponse(fileName: string, csv: string): Response {
  const safe = fileName.replace(/[^A-Za-z0-9._-]+/g, "-");
  return new Response(csv, {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${safe}"`, "cache-control": "no-store" },
  });
}
