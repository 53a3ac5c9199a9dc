/**
 * Classes against a real server and database: teachers create and manage classes (only their
 * own), students join with a code bringing their solo progress, resume codes move a student to
 * another device, chapter locks refuse submissions, and wrong codes are rate-limited.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CODE_ALPHABET } from "@/core/classes";
import { chapters } from "@/core/levels/chapters";
import { staticAnswers } from "../reference";
import { submitSolved } from "./play";
import { newPlayer, Player, startServer, type TestServer } from "./server-harness";
import { queryDb } from "./live-client";

const TEACHER_COOKIE = "ga_teacher";
const PASSWORD = "analytical engine 1843";

/** A teacher's browser: keeps the ga_teacher cookie. */
class Teacher {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}
  async request(method: string, path: string, json?: unknown) {
    const headers: Record<string, string> = {};
    if (json !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = `${TEACHER_COOKIE}=${this.cookie}`;
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      if (pair.startsWith(`${TEACHER_COOKIE}=`)) this.cookie = pair.slice(TEACHER_COOKIE.length + 1) || null;
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }
  static async signUp(baseUrl: string, email: string) {
    const teacher = new Teacher(baseUrl);
    const res = await teacher.request("POST", "/api/teacher/signup", { email, name: email.split("@")[0], password: PASSWORD });
    if (res.status !== 201) throw new Error(`sign-up: ${res.status} ${JSON.stringify(res.body)}`);
    return teacher;
  }
}

const FIRST = "rules-or-examples";
const SECOND = "what-learning-needs";
const CODE = new RegExp(`^[${CODE_ALPHABET}]{6}$`);
const RESUME = new RegExp(`^[${CODE_ALPHABET}]{4}-[${CODE_ALPHABET}]{4}$`);

let server: TestServer;
let ada: Teacher;
let bob: Teacher;
let classId: string;
let joinCode: string;

beforeAll(async () => {
  server = await startServer();
  ada = await Teacher.signUp(server.baseUrl, "ada@school.example");
  bob = await Teacher.signUp(server.baseUrl, "bob@school.example");
});
afterAll(async () => {
  await server?.dispose();
});

async function profileId(player: Player): Promise<string> {
  const res = await player.get("/api/profile");
  expect(res.status).toBe(200);
  return res.body.id;
}

describe("teacher class API", () => {
  it("creates a class with an easy-to-type code and no locks, lists it and shows it", async () => {
    const created = await ada.request("POST", "/api/teacher/classes", { name: "  Year 11 B " });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Year 11 B", lockedChapters: [], members: [] });
    expect(created.body.joinCode).toMatch(CODE);
    expect(created.body.joinLink).toMatch(new RegExp(`/class\\?code=${created.body.joinCode}$`));
    classId = created.body.id;
    joinCode = created.body.joinCode;

    const second = await ada.request("POST", "/api/teacher/classes", { name: "Year 10" });
    expect(second.body.joinCode).not.toBe(joinCode);

    const list = await ada.request("GET", "/api/teacher/classes");
    expect(list.status).toBe(200);
    expect(list.body.classes.map((c: any) => c.name).sort()).toEqual(["Year 10", "Year 11 B"]);
    expect(list.body.classes.find((c: any) => c.id === classId).members).toBe(0);
    expect((await bob.request("GET", "/api/teacher/classes")).body.classes).toEqual([]);

    const one = await ada.request("GET", `/api/teacher/classes/${classId}`);
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: classId, name: "Year 11 B", joinCode, lockedChapters: [] });
  });

  it("renames and locks chapters with PATCH; bad bodies are 400 naming the field and change nothing", async () => {
    const ids = chapters.map((c) => c.id);
    const patched = await ada.request("PATCH", `/api/teacher/classes/${classId}`, { name: "Year 11 — B", lockedChapters: [ids[2], ids[1]] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ name: "Year 11 — B", lockedChapters: [ids[1], ids[2]] });

    for (const [body, field] of [
      [{ lockedChapters: ["no-such-chapter"] }, /^lockedChapters/],
      [{ lockedChapters: "representations" }, /^lockedChapters/],
      [{ name: "" }, /^name/],
      [{ name: "x".repeat(81) }, /^name/],
    ] as const) {
      const bad = await ada.request("PATCH", `/api/teacher/classes/${classId}`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.body.error.message).toMatch(field);
    }
    const badCreate = await ada.request("POST", "/api/teacher/classes", { name: 42 });
    expect(badCreate.status).toBe(400);
    expect(badCreate.body.error.message).toMatch(/^name/);

    const after = await ada.request("GET", `/api/teacher/classes/${classId}`);
    expect(after.body).toMatchObject({ name: "Year 11 — B", lockedChapters: [ids[1], ids[2]] });
    expect((await ada.request("GET", "/api/teacher/classes")).body.classes).toHaveLength(2);
    await ada.request("PATCH", `/api/teacher/classes/${classId}`, { lockedChapters: [] });
  });

  it("answers 404 to another teacher and 401 when signed out, on every class endpoint", async () => {
    const student = await newPlayer(server.baseUrl);
    await student.post("/api/classes/join", { code: joinCode, name: "Probe" });
    const memberId = (await ada.request("GET", `/api/teacher/classes/${classId}`)).body.members[0].id;
    const signedOut = new Teacher(server.baseUrl);
    const endpoints: [string, string, unknown?][] = [
      ["GET", `/api/teacher/classes/${classId}`],
      ["PATCH", `/api/teacher/classes/${classId}`, { name: "Taken over" }],
      ["PATCH", `/api/teacher/classes/${classId}`, { lockedChapters: [] }],
      ["POST", `/api/teacher/classes/${classId}/members/${memberId}/resume-code`],
    ];
    for (const [method, path, body] of endpoints) {
      expect((await bob.request(method, path, body)).status, `${method} ${path} as another teacher`).toBe(404);
      expect((await signedOut.request(method, path, body)).status, `${method} ${path} signed out`).toBe(401);
    }
    expect((await signedOut.request("GET", "/api/teacher/classes")).status).toBe(401);
    expect((await signedOut.request("POST", "/api/teacher/classes", { name: "X" })).status).toBe(401);
    // a member id from another class is not found either
    const bobClass = (await bob.request("POST", "/api/teacher/classes", { name: "Bob's" })).body.id;
    expect((await bob.request("POST", `/api/teacher/classes/${bobClass}/members/${memberId}/resume-code`)).status).toBe(404);
    expect((await ada.request("GET", `/api/teacher/classes/${classId}`)).body.name).toBe("Year 11 — B");
  });
});

describe("students", () => {
  let student: Player;
  let firstCode: string;

  it("join with the code and bring their solo progress along; joining again keeps one membership", async () => {
    student = await newPlayer(server.baseUrl);
    expect((await submitSolved(student, FIRST)).status).toBe(201);
    const id = await profileId(student);

    const joined = await student.post("/api/classes/join", { code: ` ${joinCode.toLowerCase()} `, name: "Grace" });
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ className: "Year 11 — B", yourName: "Grace" });
    expect(joined.body.resumeCode).toMatch(RESUME);
    firstCode = joined.body.resumeCode;
    expect(await profileId(student)).toBe(id); // same player, not a new one

    const [row] = await queryDb(server.dbPath, `SELECT resumeCodeHash FROM Player WHERE id = ?`, [id]);
    expect(row.resumeCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.resumeCodeHash).not.toContain(firstCode);

    // The class sees the student, and their chapter 1 star is theirs, in the class.
    const detail = await ada.request("GET", `/api/teacher/classes/${classId}`);
    expect(detail.body.members.map((m: any) => m.name)).toContain("Grace");
    const bests = await queryDb(
      server.dbPath,
      `SELECT b.levelId, b.stars FROM BestResult b JOIN ClassMember m ON m.playerId = b.playerId WHERE m.classId = ? AND m.name = ?`,
      [classId, "Grace"],
    );
    expect(bests).toEqual([{ levelId: FIRST, stars: 3 }]);

    const again = await student.post("/api/classes/join", { code: joinCode, name: "Grace H." });
    expect(again.status).toBe(200);
    const members = await queryDb(server.dbPath, `SELECT name FROM ClassMember WHERE classId = ? AND playerId = ?`, [classId, id]);
    expect(members).toEqual([{ name: "Grace H." }]);
    firstCode = again.body.resumeCode;

    const mine = await student.get("/api/classes/mine");
    expect(mine.status).toBe(200);
    expect(mine.body.classes).toEqual([expect.objectContaining({ className: "Year 11 — B", yourName: "Grace H.", teacherName: "ada" })]);
  });

  it("a browser with no profile yet can join: it gets one", async () => {
    const fresh = new Player(server.baseUrl);
    const joined = await fresh.post("/api/classes/join", { code: joinCode, name: "Alan" });
    expect(joined.status).toBe(200);
    expect(fresh.cookie).not.toBeNull();
    expect((await fresh.get("/api/classes/mine")).body.classes).toHaveLength(1);
  });

  it("refuses bad bodies naming the field", async () => {
    const res = await student.post("/api/classes/join", { code: joinCode });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^name/);
    const blank = await student.post("/api/classes/join", { code: joinCode, name: "   " });
    expect(blank.body.error.message).toMatch(/^name/);
    const resume = await new Player(server.baseUrl).post("/api/resume", { code: 12345678 });
    expect(resume.status).toBe(400);
    expect(resume.body.error.message).toMatch(/^code/);
    expect((await new Player(server.baseUrl).get("/api/classes/mine")).status).toBe(401);
    expect((await new Player(server.baseUrl).post("/api/resume-code")).status).toBe(401);
  });

  it("a resume code moves a second device onto the same player, with an httpOnly SameSite cookie", async () => {
    const id = await profileId(student);
    const phone = new Player(server.baseUrl);
    const resumed = await phone.post("/api/resume", { code: firstCode.toLowerCase().replace("-", " ") });
    expect(resumed.status).toBe(200);
    const cookie = resumed.setCookies.find((c) => c.startsWith("ga_player="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(await profileId(phone)).toBe(id);
    expect((await phone.progress())[FIRST].stars).toBe(3);
    expect((await phone.get("/api/classes/mine")).body.classes[0].yourName).toBe("Grace H.");
    student = phone;
  });

  it("a new resume code (the student's own or the teacher's) makes the old one stop working", async () => {
    const renewed = await student.post("/api/resume-code");
    expect(renewed.status).toBe(200);
    expect(renewed.body.resumeCode).toMatch(RESUME);
    const old = await new Player(server.baseUrl).post("/api/resume", { code: firstCode });
    expect(old.status).toBe(404);
    expect(old.body.error.message).toBe("code: this resume code is not valid");
    expect((await new Player(server.baseUrl).post("/api/resume", { code: renewed.body.resumeCode })).status).toBe(200);

    const detail = await ada.request("GET", `/api/teacher/classes/${classId}`);
    const grace = detail.body.members.find((m: any) => m.name === "Grace H.");
    const issued = await ada.request("POST", `/api/teacher/classes/${classId}/members/${grace.id}/resume-code`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ name: "Grace H." });
    expect((await new Player(server.baseUrl).post("/api/resume", { code: renewed.body.resumeCode })).status).toBe(404);
    const laptop = new Player(server.baseUrl);
    expect((await laptop.post("/api/resume", { code: issued.body.resumeCode })).status).toBe(200);
    expect((await laptop.progress())[FIRST].stars).toBe(3);
    student = laptop;
  });

  it("a locked chapter refuses submissions with 403 level_locked, and unlocking restores them", async () => {
    const locked = await ada.request("PATCH", `/api/teacher/classes/${classId}`, { lockedChapters: ["rules-from-data"] });
    expect(locked.status).toBe(200);
    for (const levelId of [FIRST, SECOND]) {
      const refused = await student.submit(levelId, staticAnswers[levelId]);
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("level_locked");
      expect(refused.body.error.message).toMatch(/teacher locked/);
    }
    // A player outside the class is not affected.
    const outsider = await newPlayer(server.baseUrl);
    expect((await submitSolved(outsider, FIRST)).status).toBe(201);
    // The campaign map and level page say so too.
    const map = await fetch(new URL("/play", server.baseUrl), { headers: { cookie: `ga_player=${student.cookie}` } }).then((r) => r.text());
    expect(map).toContain("Locked by your teacher");
    expect(map).toContain('data-testid="teacher-locked-rules-from-data"');
    const page = await fetch(new URL(`/play/${FIRST}`, server.baseUrl), { headers: { cookie: `ga_player=${student.cookie}` } }).then((r) => r.text());
    expect(page).toContain('data-testid="teacher-locked"'); // the level page says the teacher locked it

    expect((await ada.request("PATCH", `/api/teacher/classes/${classId}`, { lockedChapters: [] })).status).toBe(200);
    expect((await submitSolved(student, SECOND)).status).toBe(201);
  });
});

describe("wrong codes", () => {
  it("are rate-limited per address, for join codes and resume codes, with a generic answer", async () => {
    for (const [path, body] of [
      ["/api/classes/join", (i: number) => ({ code: `ZZZZZ${CODE_ALPHABET[i % 8]}`, name: "Guess" })],
      ["/api/resume", (i: number) => ({ code: `ZZZZ-ZZZ${CODE_ALPHABET[i % 8]}` })],
    ] as const) {
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await new Player(server.baseUrl).post(path, body(i))).status);
      expect(statuses[0], path).toBe(404);
      expect(statuses.slice(-2), path).toEqual([429, 429]);
      expect(statuses.filter((s) => s === 404).length, path).toBeLessThanOrEqual(10);
    }
    // Once limited, even a right join code waits.
    const limited = await new Player(server.baseUrl).post("/api/classes/join", { code: joinCode, name: "Late" });
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/wait \d+ s/); // the one wording of every limit (server/limits.ts)
  });
});
