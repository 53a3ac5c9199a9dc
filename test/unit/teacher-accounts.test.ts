import { describe, expect, it } from "vitest";
import { passwordProblem, teacherSignupBody } from "@/core/teachers";
import { hashPassword, verifyPassword } from "@/server/teachers/passwords";

describe("password hashing (scrypt from node:crypto)", () => {
  it("stores a salted scrypt hash, never the password, and verifies it", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(hash).not.toContain("correct horse");
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterY", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("salts: the same password hashes differently each time, and both verify", async () => {
    const [a, b] = await Promise.all([hashPassword("same password 1"), hashPassword("same password 1")]);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password 1", a)).toBe(true);
    expect(await verifyPassword("same password 1", b)).toBe(true);
  });

  it("refuses malformed stored values instead of throwing", async () => {
    for (const stored of ["", "plain", "bcrypt$1$2$3$a$b", "scrypt$32768$8$1$$"]) expect(await verifyPassword("whatever1234", stored)).toBe(false);
  });
});

describe("password rules", () => {
  it.each([
    ["short1", /at least 10/],
    ["a".repeat(201), /at most 200/],
    ["aaaaaaaaaaaa", /4 different/],
    ["ababababab12", null],
    ["my teacher pass", null],
  ])("%s", (password, problem) => {
    const found = passwordProblem(password);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });

  it("refuses a password that contains the email's name", () => {
    expect(passwordProblem("grace.hopper-2026", "Grace.Hopper@school.example")).toMatch(/email/);
  });
});

describe("sign-up body", () => {
  it("normalises the email and names the field at fault", () => {
    const ok = teacherSignupBody.safeParse({ email: "  Ada@School.Example ", name: " Ada ", password: "difference engine" });
    expect(ok.success && ok.data).toEqual({ email: "ada@school.example", name: "Ada", password: "difference engine" });
    const bad = teacherSignupBody.safeParse({ email: "not an email", name: "", password: "short" });
    expect(bad.success).toBe(false);
    const paths = bad.success ? [] : bad.error.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["email", "name"]));
  });
});
