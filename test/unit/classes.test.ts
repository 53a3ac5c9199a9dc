import { describe, expect, it } from "vitest";
import {
  CODE_ALPHABET,
  createClassBody,
  generateJoinCode,
  generateResumeCode,
  joinClassBody,
  JOIN_CODE_LENGTH,
  lockedByTeacher,
  normalizeJoinCode,
  normalizeResumeCode,
  patchClassBody,
} from "@/core/classes";
import { describeZodError } from "@/core/validation";
import { chapters } from "@/core/levels/chapters";

/** A stand-in for node:crypto's randomInt that walks through every index in turn. */
let calls = 0;
const pseudoRandom = (n: number) => (calls++ * 7) % n;

describe("codes", () => {
  it("use an alphabet without look-alike characters", () => {
    for (const c of "01ILOU") expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it("join codes are 6 characters of the alphabet, and every character can occur", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const code = generateJoinCode(pseudoRandom);
      expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${JOIN_CODE_LENGTH}}$`));
      for (const c of code) seen.add(c);
    }
    expect(seen.size).toBe(CODE_ALPHABET.length);
  });

  it("resume codes look like ABCD-EFGH", () => {
    for (let i = 0; i < 100; i++) expect(generateResumeCode(pseudoRandom)).toMatch(new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`));
  });

  it("typed codes are read in any case, with spaces or dashes, and impossible ones are refused", () => {
    expect(normalizeJoinCode(" k7q-dm3 ")).toBe("K7QDM3");
    expect(normalizeJoinCode("K7QDM")).toBeNull();
    expect(normalizeJoinCode("K7QDM0")).toBeNull(); // 0 is not in the alphabet
    expect(normalizeResumeCode("abcd efgh")).toBe("ABCD-EFGH");
    expect(normalizeResumeCode("ABCDEFGH")).toBe("ABCD-EFGH");
    expect(normalizeResumeCode("ABCD-EFG")).toBeNull();
    expect(normalizeResumeCode("ABCD-EFGI")).toBeNull();
  });
});

describe("chapter locks", () => {
  it("lock a level only when its chapter is in the locked set", () => {
    expect(lockedByTeacher("representations", new Set(["representations"]))).toBe(true);
    expect(lockedByTeacher("rules-from-data", new Set(["representations"]))).toBe(false);
    expect(lockedByTeacher("rules-from-data", new Set())).toBe(false);
  });
});

describe("bodies", () => {
  const problem = (result: { success: boolean; error?: any }) => (result.success ? null : describeZodError(result.error));

  it("name the field that is wrong", () => {
    expect(problem(createClassBody.safeParse({ name: "  " }))).toMatch(/^name:/);
    expect(problem(joinClassBody.safeParse({ code: "ABCDEF" }))).toMatch(/^name:/);
    expect(problem(patchClassBody.safeParse({ lockedChapters: ["nope"] }))).toMatch(/^lockedChapters\.0:/);
    expect(problem(patchClassBody.safeParse({}))).toMatch(/name or lockedChapters/);
  });

  it("keep locked chapters in course order without duplicates", () => {
    const ids = chapters.map((c) => c.id);
    expect(patchClassBody.parse({ lockedChapters: [ids[3], ids[1], ids[3]] }).lockedChapters).toEqual([ids[1], ids[3]]);
  });
});
