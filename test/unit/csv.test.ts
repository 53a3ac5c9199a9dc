import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "@/core/csv";

describe("CSV export", () => {
  it("neutralises spreadsheet formulas in text", () => {
    for (const evil of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x", '=HYPERLINK("http://x","y")'])
      expect(csvField(evil).replace(/^"/, "")).toMatch(/^'/);
  });

  it("keeps numbers as numbers, negative ones included", () => {
    expect(csvField(-0.5)).toBe("-0.5");
    expect(csvField(3)).toBe("3");
    expect(csvField(NaN)).toBe("");
  });

  it("quotes commas, quotes and line breaks; UTF-8 with BOM, one header row, CRLF", () => {
    const csv = toCsv(
      ["name", "note"],
      [
        ['Zoë, "the" best', "line\nbreak"],
        ["Ana", null],
      ],
    );
    expect(csv.startsWith("\uFEFFname,note\r\n")).toBe(true);
    expect(csv).toContain('"Zoë, ""the"" best","line\nbreak"\r\n');
    expect(csv.endsWith("Ana,\r\n")).toBe(true);
  });
});
