/**
 * Homework against a real server and database: who may assign, list and delete (signed out and a
 * student's cookie 401, another teacher 404 like a class that does not exist, a foreign page 403),
 * what the assign request refuses, what a student sees of their classes' homework (and another
 * player does not), "continue where you left off", and the dashboard's on time / late / not yet
 * with its CSV column.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { parseCsv } from "../csv-reader";
import { queryDb } from "./live-client";
import { submitSolved } from "./play";
import { newPlayer, type Player, startServer, type TestServer } from "./server-harness";

const COOKIE = "ga_teacher";

/** A teacher's browser: keeps the ga_teacher cookie. */
class TeacherBrowser {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}
  async request(method: string, path: string, json?: unknown, headers: Record<string, string> = {}) {
    const sent: Record<string, string> = { ...headers };
    if (json !== undefined) sent["content-type"] ??= "application/json";
    if (this.cookie) sent.cookie = `${COOKIE}=${this.cookie}`;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: sent,
      body: json === undefined ? undefined : typeof json === "string" ? json : JSON.stringify(json),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      if (pair.startsWith(`${COOKIE}=`)) this.cookie = pair.slice(COOKIE.length + 1) || null;
    }
    const text = await response.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body };
  }
}

async function signUp(baseUrl: string, name: string) {
  const teacher = new TeacherBrowser(baseUrl);
  const res = await teacher.request("POST", "/api/teacher/signup", { email: `${randomUUID()}@school.example`, name, password: "homework is due 2026" });
  expect(res.status).toBe(201);
  return teacher;
}

let server: TestServer;
let ada: TeacherBrowser;
let bea: TeacherBrowser;
let classId: string;
let beaClassId: string;
let student: Player;
let stranger: Player;
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString();
const chapter1 = levels.filter((l) => l.chapter === levels[0].chapter);
const path = () => `/api/teacher/classes/${classId}/assignments`;

async function count(): Promise<number> {
  const rows = await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM "Assignment"`);
  return Number(rows[0].n);
}

beforeAll(async () => {
  server = await startServer();
  ada = await signUp(server.baseUrl, "Ada");
  bea = await signUp(server.baseUrl, "Bea");
  const created = await ada.request("POST", "/api/teacher/classes", { name: "Year 9" });
  expect(created.status).toBe(201);
  classId = created.body.id;
  beaClassId = (await bea.request("POST", "/api/teacher/classes", { name: "Bea's class" })).body.id;
  student = await newPlayer(server.baseUrl);
  expect((await student.post("/api/classes/join", { code: created.body.joinCode, name: "Sam" })).status).toBeLessThan(300);
  stranger = await newPlayer(server.baseUrl);
}, 120_000);
afterAll(async () => {
  await server?.dispose();
});

describe("who may assign", () => {
  let assignmentId: string;
  beforeAll(async () => {
    const res = await ada.request("POST", path(), { chapterId: levels[0].chapter, dueAt: tomorrow() });
    expect(res.status).toBe(201);
    assignmentId = res.body.assignment.id;
  });

  it("signed out, or with only a student's cookie: 401 on list, assign and delete", async () => {
    const nobody = new TeacherBrowser(server.baseUrl);
    expect((await nobody.request("GET", path())).status).toBe(401);
    expect((await nobody.request("POST", path(), { chapterId: levels[0].chapter, dueAt: tomorrow() })).status).toBe(401);
    expect((await nobody.request("DELETE", `${path()}/${assignmentId}`)).status).toBe(401);
    expect((await student.get(path())).status).toBe(401);
    expect((await student.post(path(), { chapterId: levels[0].chapter, dueAt: tomorrow() })).status).toBe(401);
    expect((await student.request("DELETE", `${path()}/${assignmentId}`)).status).toBe(401);
  });

  it("another teacher: 404 like a class that does not exist, and cannot delete through their own class", async () => {
    const before = await count();
    const list = await bea.request("GET", path());
    expect(list.status).toBe(404);
    expect(list.text).not.toContain(assignmentId);
    expect((await bea.request("POST", path(), { chapterId: levels[0].chapter, dueAt: tomorrow() })).status).toBe(404);
    expect((await bea.request("DELETE", `${path()}/${assignmentId}`)).status).toBe(404);
    expect((await bea.request("DELETE", `/api/teacher/classes/${beaClassId}/assignments/${assignmentId}`)).status).toBe(404);
    expect((await ada.request("GET", `/api/teacher/classes/${randomUUID()}/assignments`)).status).toBe(404);
    expect(await count()).toBe(before);
  });

  it("a page of another site cannot assign or delete (403), even with the teacher's cookie", async () => {
    const before = await count();
    const foreign = { origin: "https://evil.example" };
    const post = await ada.request("POST", path(), { chapterId: levels[0].chapter, dueAt: tomorrow() }, foreign);
    expect(post.status).toBe(403);
    expect(post.body.error.code).toBe("foreign_origin");
    expect((await ada.request("DELETE", `${path()}/${assignmentId}`, undefined, foreign)).status).toBe(403);
    expect(await count()).toBe(before);
  });

  it("the owner deletes it (204), then it is gone (404)", async () => {
    expect((await ada.request("DELETE", `${path()}/${assignmentId}`)).status).toBe(204);
    expect((await ada.request("DELETE", `${path()}/${assignmentId}`)).status).toBe(404);
    expect((await ada.request("GET", path())).body.assignments).toEqual([]);
  });
});

describe("the assign request", () => {
  it.each([
    ["both a chapter and levels", { chapterId: levels[0].chapter, levelIds: [levels[0].id], dueAt: tomorrow() }],
    ["neither", { dueAt: tomorrow() }],
    ["an unknown level", { levelIds: ["no-such-level"], dueAt: tomorrow() }],
    ["an unknown chapter", { chapterId: "no-such-chapter", dueAt: tomorrow() }],
    ["no levels", { levelIds: [], dueAt: tomorrow() }],
    ["a date without its offset", { chapterId: levels[0].chapter, dueAt: "2030-01-01T17:00" }],
    ["a past due time", { chapterId: levels[0].chapter, dueAt: new Date(Date.now() - 3_600_000).toISOString() }],
    ["a due time years ahead", { chapterId: levels[0].chapter, dueAt: new Date(Date.now() + 3 * 365 * 86_400_000).toISOString() }],
    ["a title with a control character", { title: "Week\u0000 1", chapterId: levels[0].chapter, dueAt: tomorrow() }],
    ["a field it does not know", { chapterId: levels[0].chapter, dueAt: tomorrow(), classId: "x" }],
  ])("refuses %s with 400 and a message, storing nothing", async (_, body) => {
    const before = await count();
    const res = await ada.request("POST", path(), body);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toBeTruthy();
    expect(await count()).toBe(before);
  });

  it("refuses a body that is not JSON (415)", async () => {
    const res = await ada.request("POST", path(), "chapterId=x", { "content-type": "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
  });
});

describe("homework as students, the dashboard and the CSV see it", () => {
  let chapterHomework: string;
  let levelHomework: string;

  beforeAll(async () => {
    const chapter = await ada.request("POST", path(), { title: "Week 1", chapterId: levels[0].chapter, dueAt: tomorrow() });
    expect(chapter.status).toBe(201);
    expect(chapter.body.assignment.levels.map((l: { id: string }) => l.id)).toEqual(chapter1.map((l) => l.id));
    chapterHomework = chapter.body.assignment.id;
    // Levels in any order come back in campaign order; its title is their numbers.
    const picked = await ada.request("POST", path(), { levelIds: [levels[0].id], dueAt: tomorrow() });
    expect(picked.status).toBe(201);
    expect(picked.body.assignment.title).toBe(`Level 1.1: ${levels[0].title}`);
    levelHomework = picked.body.assignment.id;
  });

  it("a new member sees the class's homework, 0 done, the next level to play; a player of no class sees none", async () => {
    const mine = await student.get("/api/assignments");
    expect(mine.status).toBe(200);
    const week1 = mine.body.assignments.find((a: { id: string }) => a.id === chapterHomework);
    expect(week1).toMatchObject({ title: "Week 1", className: "Year 9", status: "not-yet", done: 0, total: chapter1.length, overdue: false });
    expect(week1.next).toMatchObject({ levelId: levels[0].id, locked: false });
    expect(mine.body.continue).toMatchObject({ levelId: levels[0].id, fresh: true });
    const theirs = await stranger.get("/api/assignments");
    expect(theirs.status).toBe(200);
    expect(theirs.body.assignments).toEqual([]);
    expect((await new TeacherBrowser(server.baseUrl).request("GET", "/api/assignments")).status).toBe(401);
  });

  it("after a star on the first level: 1 done, the next level, and 'continue' moves on", async () => {
    expect((await submitSolved(student, levels[0].id)).status).toBe(201);
    const mine = (await student.get("/api/assignments")).body;
    const week1 = mine.assignments.find((a: { id: string }) => a.id === chapterHomework);
    expect(week1).toMatchObject({ done: 1, status: "not-yet" });
    expect(week1.next).toMatchObject({ levelId: levels[1].id, locked: false });
    // The one-level homework is done on time; it stays listed until its due time.
    expect(mine.assignments.find((a: { id: string }) => a.id === levelHomework)).toMatchObject({ status: "on-time", done: 1, total: 1, next: null });
    expect(mine.continue).toMatchObject({ levelId: levels[1].id, fresh: false });
  });

  it("the dashboard counts on time, late and not yet per assignment, and the CSV has a column for each", async () => {
    // A copy of the one-level homework due before the star came (the teacher's sign-up time): late.
    const [{ createdAt }] = await queryDb(server.dbPath, `SELECT "createdAt" FROM "Classroom" WHERE id = ?`, [classId]);
    const lateId = randomUUID();
    await queryDb(
      server.dbPath,
      `INSERT INTO "Assignment" (id, "classId", title, "levelIds", "chapterId", "dueAt", "createdAt") SELECT ?, "classId", 'Overdue one', "levelIds", NULL, ?, "createdAt" FROM "Assignment" WHERE id = ?`,
      [lateId, createdAt as string, levelHomework],
    );
    // And chapter 1 due at that time too, not done: overdue for the student.
    const overdueId = randomUUID();
    await queryDb(
      server.dbPath,
      `INSERT INTO "Assignment" (id, "classId", title, "levelIds", "chapterId", "dueAt", "createdAt") SELECT ?, "classId", NULL, NULL, "chapterId", ?, "createdAt" FROM "Assignment" WHERE id = ?`,
      [overdueId, createdAt as string, chapterHomework],
    );
    const overdue = (await student.get("/api/assignments")).body.assignments.find((a: { id: string }) => a.id === overdueId);
    expect(overdue).toMatchObject({ title: "Chapter 1: Rules from data", status: "not-yet", done: 1, overdue: true });
    const progress = await ada.request("GET", `/api/teacher/classes/${classId}/progress`);
    expect(progress.status).toBe(200);
    const byId = new Map(progress.body.homework.map((h: { assignment: { id: string } }) => [h.assignment.id, h]));
    const memberId = progress.body.students[0].memberId;
    expect(byId.get(chapterHomework)).toMatchObject({ counts: { "on-time": 0, late: 0, "not-yet": 1 } });
    expect((byId.get(chapterHomework) as any).students[memberId]).toMatchObject({ status: "not-yet", done: 1, total: chapter1.length });
    expect(byId.get(levelHomework)).toMatchObject({ counts: { "on-time": 1, late: 0, "not-yet": 0 } });
    expect(byId.get(lateId)).toMatchObject({ counts: { "on-time": 0, late: 1, "not-yet": 0 } });
    expect(byId.get(overdueId)).toMatchObject({ counts: { "on-time": 0, late: 0, "not-yet": 1 } });
    // A finished homework whose due time has passed leaves the student's list.
    expect((await student.get("/api/assignments")).body.assignments.map((a: { id: string }) => a.id)).not.toContain(lateId);

    const csv = await ada.request("GET", `/api/teacher/classes/${classId}/progress.csv`);
    expect(csv.status).toBe(200);
    const table = parseCsv(csv.text);
    const column = (prefix: string) => table[0].findIndex((h) => h.startsWith(prefix));
    expect(column("homework: Week 1 (due ")).toBeGreaterThan(0);
    const sam = table.slice(1).filter((row) => row[0] === "Sam");
    expect(sam.length).toBe(levels.length);
    expect(new Set(sam.map((row) => row[column("homework: Week 1")]))).toEqual(new Set([`not yet (1 of ${chapter1.length})`]));
    expect(new Set(sam.map((row) => row[column("homework: Overdue one")]))).toEqual(new Set(["done late"]));
  });

  it("the student's list follows the teacher's deletes", async () => {
    expect((await ada.request("DELETE", `${path()}/${levelHomework}`)).status).toBe(204);
    const ids = (await student.get("/api/assignments")).body.assignments.map((a: { id: string }) => a.id);
    expect(ids).toContain(chapterHomework);
    expect(ids).not.toContain(levelHomework);
  });
});
