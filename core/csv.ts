/**
 * CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents right), one header
 * row, CRLF line ends, every field quoted when needed. Safe against formula injection: a text
 * field that starts with = + - @, a tab or a carriage return is prefixed with an apostrophe, so a
 * student named "=HYPERLINK(…)" stays text. Numbers are written as numbers.
 */
export type CsvValue = string | number | boolean | null | undefined | Date;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  // Dates stay ISO 8601 in UTC, unlike the pages (components/LocalTime.tsx): a CSV is read by
  // spreadsheets and scripts, which need one unambiguous, sortable form.
  let text = value instanceof Date ? value.toISOString() : value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: CsvValue[][]): string {
  return "\uFEFF" + [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}
