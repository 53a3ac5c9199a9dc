import { describe, expect, it } from "vitest";
import { displayName } from "@/core/api";
import { createClassBody, joinClassBody } from "@/core/classes";
import { nickname } from "@/core/live/protocol";
import { CLASS_NAME, DISPLAY_NAME, graphemes, MAX_RAW_LENGTH, nameKey, nameProblem, NICKNAME, normalizeName, STUDENT_NAME, TEACHER_NAME } from "@/core/names";
import { teacherSignupBody } from "@/core/teachers";

/** Every name field of the project, each through its own schema (so a field that stops using the rules fails here). */
const fields = {
  "display name": (name: string) => displayName.safeParse(name),
  "class member": (name: string) => joinClassBody.safeParse({ code: "ABCDEF", name }),
  teacher: (name: string) => teacherSignupBody.safeParse({ email: "t@school.example", name, password: "a long enough password" }),
  class: (name: string) => createClassBody.safeParse({ name }),
  nickname: (name: string) => nickname.safeParse(name),
};
const fieldNames = Object.keys(fields) as (keyof typeof fields)[];

const messagesOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message) ?? [];

// The findings of issue 11, and their kin.
const hostile: [string, string, string][] = [
  ['a right-to-left override ("Annexe.jpg" that is an .exe)', "Annexe\u202Egpj.exe", "must not contain invisible or control characters"],
  ['a zero-width space: a second "Admin"', "Ad\u200Bmin", "must not contain invisible or control characters"],
  ["a zero-width joiner", "Ad\u200Dmin", "must not contain invisible or control characters"],
  ["a NUL that cut the name", "Admin\u0000 (teacher)", "must not contain invisible or control characters"],
  ["a right-to-left mark", "Bob\u200F", "must not contain invisible or control characters"],
  ["a bidi isolate", "Eve\u2067x\u2069", "must not contain invisible or control characters"],
  ["a byte-order mark", "Mal\uFEFFlory", "must not contain invisible or control characters"],
  ["a soft hyphen", "Ad\u00ADmin", "must not contain invisible or control characters"],
  ["a Hangul filler (renders as nothing)", "Ana\u3164", "must not contain invisible or control characters"],
  ["a blank Braille pattern", "Ana\u2800", "must not contain invisible or control characters"],
  ["a variation selector", "Ana\uFE0F", "must not contain invisible or control characters"],
  ["a private-use character", "Ana\uE000", "must not contain invisible or control characters"],
  ["zalgo", "Z̷̢͈͓̥̝̱̈́͐̽͂a̵̢͙̋l̸g̶o", "has too many accents or marks on one character"],
  ["four accents stacked on one letter", "Ane\u0301\u0302\u0303\u0304", "has too many accents or marks on one character"],
  ["an emoji", "Ana😀", "must not contain emoji"],
  ["a flag", "Ana🇫🇷", "must not contain emoji"],
  ["a family (emoji joined by zero-width joiners)", "Ana👨‍👩‍👧", "must not contain invisible or control characters"],
];

describe("names everywhere", () => {
  for (const field of fieldNames) {
    it.each(hostile)(`${field}: refuses %s`, (_, name, message) => {
      const result = fields[field](name);
      expect(result.success).toBe(false);
      expect(messagesOf(result)).toContain(message);
    });
  }

  it.each(fieldNames)("%s: normalises NFKC and folds whitespace", (field) => {
    const result = fields[field]("  Ｊｏｓｅ\u0301 \t\u00a0 Ｌｉ  ");
    expect(result.success).toBe(true);
    const data = result.data as string | { name: string };
    expect(typeof data === "string" ? data : data.name).toBe("José Li");
  });

  it.each(fieldNames)("%s: accepts real names in any script", (field) => {
    for (const name of ["Nguyễn Thị", "李小龙", "Ωmega", "अनिल", "สมศักดิ์", "தமிழ்", "שָׁלוֹם", "Zoë O'Brien", "Jean-Luc"]) {
      expect(fields[field](name).success, name).toBe(true);
    }
  });

  it("counts length in graphemes: a letter with its accent is one character", () => {
    const decomposed = "e\u0301".repeat(20); // 40 code units, 20 characters
    expect(nickname.safeParse(decomposed).success).toBe(true);
    expect(graphemes("e\u0301".repeat(3))).toHaveLength(3);
    expect(nameProblem(normalizeName("स्त्री".repeat(24)), DISPLAY_NAME)).toBeNull(); // 24 clusters of 6 code points
    expect(nameProblem(normalizeName("स्त्री".repeat(25)), DISPLAY_NAME)).toBe("must be at most 24 characters");
  });

  it("each kind of name has its own length", () => {
    for (const rules of [DISPLAY_NAME, STUDENT_NAME, TEACHER_NAME, CLASS_NAME, NICKNAME]) {
      expect(nameProblem("x".repeat(rules.max), rules)).toBeNull();
      expect(nameProblem("x".repeat(rules.max + 1), rules)).toBe(`must be at most ${rules.max} characters`);
    }
    expect(nameProblem("", DISPLAY_NAME)).toBe("must not be empty");
    expect(nameProblem("x", NICKNAME)).toBe("must be at least 2 characters");
  });

  it("refuses a huge string before normalising it", () => {
    expect(displayName.safeParse("x".repeat(MAX_RAW_LENGTH + 1)).success).toBe(false);
    expect(displayName.safeParse(" ".repeat(MAX_RAW_LENGTH) + "x").success).toBe(false);
  });

  it("text names allow punctuation, nicknames only . _ ' -", () => {
    expect(createClassBody.safeParse({ name: "Year 9 (Tuesday) & 10/B #2" }).success).toBe(true);
    expect(messagesOf(nickname.safeParse("Tom & Jerry"))).toEqual(["may use letters, digits, spaces and . _ ' -"]);
    expect(messagesOf(displayName.safeParse("<b>Ana</b>"))).toEqual(["must not contain angle brackets (< or >)"]);
    expect(messagesOf(displayName.safeParse("..."))).toEqual(["needs at least one letter or digit"]);
  });

  it("full-width and circled look-alikes become the plain letters (NFKC)", () => {
    expect(normalizeName("Ａｄｍｉｎ")).toBe("Admin");
    expect(normalizeName("Ⓐdmin")).toBe("Admin");
  });

  it("names that must differ are compared without case, accents, spaces or . _ ' -", () => {
    expect(nameKey("Zoë  Li")).toBe(nameKey("zoe li"));
    expect(nameKey("J.R. Smith")).toBe(nameKey("jr smith"));
    expect(nameKey("Ａｄｍｉｎ")).toBe(nameKey("admin"));
    expect(nameKey("Ana")).not.toBe(nameKey("Anna"));
  });
});
