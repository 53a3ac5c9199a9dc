/**
 * The class progress dashboard against a real server and database: who may read it (signed out
 * 401, another teacher 404 on every endpoint, a student's cookie nothing), and what it says after
 * real submissions (stars, attempts, time spent, wrong choices in words, the timeline, the CSV).
 * Classes and memberships are written straight into the database, so this file does not depend
 * on the class-management API.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConceptConfig, shownCount } from "@/core/kinds/concept";
import { configOf } from "@/core/kinds/registry";
import { levels } from "@/core/levels/catalog";
import { solve, staticAnswers } from "../reference";
import { served, submitSolved, unlockUpTo } from "./play";
import { newPlayer, type Player, startServer, type TestServer } from "./server-harness";
import { queryDb } from "./live-client";
import { parseCsv } from "../csv-reader";

const COOKIE = "ga_teacher";
const PASSWORD = "gradient descent 1847";

/** A teacher's browser: keeps the ga_teacher cookie. */
class TeacherBrowser {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}
  async request(method: string, path: string, json?: unknown) {
    const headers: Record<string, string> = {};
    if (json !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = `${COOKIE}=${this.cookie}`;
    const response = await fetch(new URL(path, this.baseUrl), {
      method,
      headers,
      body: json === undefined ? undefined : JSON.stringify(json),
      redirect: "manual",
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
    return { status: response.status, headers: response.headers, text, body };
  }
  get(path: string) {
    return this.request("GET", path);
  }
}

async function signUp(baseUrl: string, name: string) {
  const teacher = new TeacherBrowser(baseUrl);
  const res = await teacher.request("POST", "/api/teacher/signup", { email: `${randomUUID()}@school.example`, name, password: PASSWORD });
  expect(res.status).toBe(201);
  return { browser: teacher, id: res.body.id as string };
}

let server: TestServer;
let ada: Awaited<ReturnType<typeof signUp>>;
let bea: Awaited<ReturnType<typeof signUp>>;
let classId: string;
let otherClassId: string;
const students: { player: Player; memberId: string; name: string }[] = [];
const first = levels[0];
const deep = levels.find((l) => l.id === "vanishing-gradients")!;

/** Writes rows the way the class API would (this file tests the dashboard, not class management). */
async function insert(sql: string, args: (string | number)[]) {
  await queryDb(server.dbPath, sql, args);
}

beforeAll(async () => {
  server = await startServer();
  ada = await signUp(server.baseUrl, "Ada");
  bea = await signUp(server.baseUrl, "Bea");
  // Same date format as the rows Prisma wrote.
  const [{ createdAt }] = await queryDb(server.dbPath, `SELECT createdAt FROM Teacher WHERE id = ?`, [ada.id]);
  classId = randomUUID();
  otherClassId = randomUUID();
  await insert(`INSERT INTO Classroom (id, teacherId, name, joinCode, lockedChapters, createdAt) VALUES (?, ?, ?, ?, '[]', ?)`, [
    classId,
    ada.id,
    "Year 10",
    "DASH10",
    createdAt,
  ]);
  await insert(`INSERT INTO Classroom (id, teacherId, name, joinCode, lockedChapters, createdAt) VALUES (?, ?, ?, ?, '[]', ?)`, [
    otherClassId,
    bea.id,
    "Bea's class",
    "DASH20",
    createdAt,
  ]);
  for (const name of ["Zoë", '=HYPERLINK("http://evil.example","click")', "Sam"]) {
    const player = await newPlayer(server.baseUrl);
    const { body } = await player.get("/api/profile");
    const memberId = randomUUID();
    await insert(`INSERT INTO ClassMember (id, classId, playerId, name, joinedAt) VALUES (?, ?, ?, ?, ?)`, [memberId, classId, body.id, name, createdAt]);
    students.push({ player, memberId, name });
  }
}, 120_000);
afterAll(async () => {
  await server?.dispose();
});

const endpoints = () => [
  `/api/teacher/classes/${classId}/progress`,
  `/api/teacher/classes/${classId}/progress.csv`,
  `/api/teacher/classes/${classId}/students/${students[0].memberId}/timeline`,
];

describe("authorisation", () => {
  it("signed out: 401 on every endpoint", async () => {
    for (const path of endpoints()) expect((await new TeacherBrowser(server.baseUrl).get(path)).status, path).toBe(401);
  });

  it("a student's player cookie gets nothing (401)", async () => {
    for (const path of endpoints()) {
      const res = await students[0].player.get(path);
      expect(res.status, path).toBe(401);
      expect(res.text).not.toContain(students[1].name);
    }
  });

  it("another teacher: 404 on every endpoint, the same answer as a class that does not exist", async () => {
    for (const path of endpoints()) {
      const res = await bea.browser.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain("Zoë");
    }
    expect((await ada.browser.get(`/api/teacher/classes/${randomUUID()}/progress`)).status).toBe(404);
    expect((await ada.browser.get(`/api/teacher/classes/${randomUUID()}/progress.csv`)).status).toBe(404);
    // A member id of Ada's class under Bea's class id, and Bea's class id under Ada: both 404.
    expect((await ada.browser.get(`/api/teacher/classes/${otherClassId}/students/${students[0].memberId}/timeline`)).status).toBe(404);
    expect((await bea.browser.get(`/api/teacher/classes/${otherClassId}/students/${students[0].memberId}/timeline`)).status).toBe(404);
  });

  it("the owner reads all three", async () => {
    for (const path of endpoints()) expect((await ada.browser.get(path)).status, path).toBe(200);
  });
});

/**
 * The player has had the level's attempt for `ms`: the server's record of when it served the attempt
 * moves back that far (the time spent a browser reports is bounded by it: server/progress.ts).
 */
async function servedAgo(player: Player, levelId: string, ms: number): Promise<void> {
  await served(player, levelId);
  await queryDb(server.dbPath, `UPDATE LevelSession SET servedAt = ? WHERE levelId = ?`, [new Date(Date.now() - ms).toISOString(), levelId]);
}

describe("data after real submissions", () => {
  beforeAll(async () => {
    const [zoe, evil] = students;
    const HOURS = 3 * 3_600_000;
    // Zoë: a wrong first try (no answer), then a right one, which the cool-down after her miss caps
    // at ★; time spent sent by the browser (as long as the server has served the attempt).
    await servedAgo(zoe.player, first.id, HOURS);
    expect((await zoe.player.submit(first.id, { responses: {} }, { timeSpentMs: 30_000 })).status).toBe(201);
    await servedAgo(zoe.player, first.id, HOURS);
    const right = await submitSolved(zoe.player, first.id, { timeSpentMs: 45_500 });
    expect(right.body).toMatchObject({ outcomeStars: 3, stars: 1 });
    // The second student: three tries without a star (stuck), one with a huge time that is clamped.
    for (let i = 0; i < 3; i++) {
      await servedAgo(evil.player, first.id, HOURS);
      expect((await evil.player.submit(first.id, { responses: {} }, { timeSpentMs: i === 0 ? 99 * 3_600_000 : 1000 })).status).toBe(201);
    }
    // A submission without timeSpentMs still works (the field is optional).
    expect((await submitSolved(students[2].player, first.id)).status).toBe(201);
  }, 60_000);

  it("the grid: stars, best score, attempts, time spent and last active per student × level", async () => {
    const res = await ada.browser.get(`/api/teacher/classes/${classId}/progress`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.class).toEqual({ id: classId, name: "Year 10" });
    expect(body.levels.map((l: { id: string }) => l.id)).toEqual(levels.map((l) => l.id));
    const byName = (name: string) => body.students.find((s: { name: string }) => s.name === name);
    const zoe = byName("Zoë").cells[first.id];
    expect(zoe).toMatchObject({ stars: 1, firstTryStars: 0, score: 1, attempts: 2, timeSpentMs: 75_500 });
    expect(Date.parse(zoe.lastActive)).toBeGreaterThan(Date.now() - 120_000);
    const evil = byName(students[1].name);
    expect(evil.cells[first.id]).toMatchObject({ stars: 0, attempts: 3, timeSpentMs: 7_200_000 + 2000 });
    expect(evil.stuckOn).toEqual([first.id]);
    expect(byName("Sam").cells[first.id]).toMatchObject({ stars: 3, firstTryStars: 3, attempts: 1, timeSpentMs: 0 });
    const stats = body.levelStats.find((s: { levelId: string }) => s.levelId === first.id);
    expect(stats).toMatchObject({ tried: 3, completed: 2, completionRate: 2 / 3, averageAttempts: 2, firstTryThree: 1, firstTryThreeRate: 1 / 3 });
    // Four answers worth under 3 stars, each with every question it was shown unanswered (Zoë's capped right answer is not wrong).
    // Each attempt shows its own draw of the pool's questions: tallied in words, the most common one was left unanswered by
    // at least ⌈4 × shown / pool⌉ of the four (pigeonhole) and at most by all four.
    const config = configOf(first) as ConceptConfig;
    for (const wrong of stats.wrongAnswers) expect(wrong.answer).toMatch(/^Q\d+ .*left unanswered$/);
    expect(stats.wrongAnswers[0].count).toBeGreaterThanOrEqual(Math.ceil((4 * shownCount(config)) / config.pool.length));
    expect(stats.wrongAnswers[0].count).toBeLessThanOrEqual(4);
    const stored = await queryDb(server.dbPath, `SELECT timeSpentMs FROM LevelAttempt ORDER BY createdAt, id`);
    expect(stored.map((r) => Number(r.timeSpentMs)).sort((a, b) => a - b)).toEqual([0, 1000, 1000, 30_000, 45_500, 7_200_000]);
  });

  it("a bad timeSpentMs is refused naming the field, and nothing is stored", async () => {
    const before = await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM LevelAttempt`);
    const res = await students[2].player.submit(first.id, staticAnswers[first.id], { timeSpentMs: "an hour" });
    expect(res.status).toBe(400);
    expect(res.text).toContain("timeSpentMs");
    expect(await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM LevelAttempt`)).toEqual(before);
  });

  it("wrong choices on a training level are tallied in words", async () => {
    // Sam plays up to the deep-training level, solving each level, then picks sigmoid there.
    const sam = students[2].player;
    await unlockUpTo(
      sam,
      levels.slice(1).map((l) => l.id),
      deep.id,
    );
    // The attempt served to Sam, solved, then sigmoid instead (predict, then run: the prediction is committed with it).
    const level = await served(sam, deep.id);
    const wrong = { ...(solve(level) as { prediction: string }), activation: "sigmoid" };
    const predicted = (level.view as { prediction: { options: { id: string; label: string }[] } }).prediction.options.find(
      (o) => o.id === wrong.prediction,
    )!.label;
    const res = await sam.submit(deep.id, wrong, { attempt: level.attempt });
    expect(res.status, res.text).toBe(201);
    expect(res.body.stars).toBeLessThan(3);
    const body = (await ada.browser.get(`/api/teacher/classes/${classId}/progress`)).body;
    expect(body.levelStats.find((s: { levelId: string }) => s.levelId === deep.id).wrongAnswers).toEqual([
      { answer: `activation: sigmoid, predicted: ${predicted}`, count: 1 },
    ]);
  }, 120_000);

  it("a student's timeline: their attempts in time order", async () => {
    const res = await ada.browser.get(`/api/teacher/classes/${classId}/students/${students[0].memberId}/timeline`);
    expect(res.status).toBe(200);
    expect(res.body.member).toEqual({ id: students[0].memberId, name: "Zoë" });
    expect(res.body.timeline).toEqual([
      expect.objectContaining({ levelId: first.id, levelTitle: first.title, levelNumber: "1.1", stars: 0, score: 0, timeSpentMs: 30_000 }),
      expect.objectContaining({ levelId: first.id, stars: 1, score: 1, timeSpentMs: 45_500 }),
    ]);
    expect(Date.parse(res.body.timeline[0].at)).toBeLessThanOrEqual(Date.parse(res.body.timeline[1].at));
  });

  it("CSV: UTF-8 with one header row, a row per student × level, the formula-looking name neutralised", async () => {
    const res = await ada.browser.get(`/api/teacher/classes/${classId}/progress.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="Year-10-progress-\d{4}-\d{2}-\d{2}\.csv"$/);
    // fetch's text() drops a byte-order mark: read the raw bytes to see it.
    const raw = Buffer.from(
      await (
        await fetch(new URL(`/api/teacher/classes/${classId}/progress.csv`, server.baseUrl), { headers: { cookie: `${COOKIE}=${ada.browser.cookie}` } })
      ).arrayBuffer(),
    );
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(raw);
    expect(text.startsWith("\uFEFFstudent,")).toBe(true);
    const rows = parseCsv(text.slice(1));
    const [header, ...data] = rows;
    expect(header[0]).toBe("student");
    expect(data.filter((r) => r[0] === "student")).toHaveLength(0);
    expect(data).toHaveLength(students.length * levels.length);
    const col = (name: string) => header.indexOf(name);
    const zoeFirst = data.find((r) => r[0] === "Zoë" && r[col("level id")] === first.id)!;
    expect(zoeFirst[col("stars")]).toBe("1");
    expect(zoeFirst[col("first-try stars")]).toBe("0");
    expect(zoeFirst[col("attempts")]).toBe("2");
    expect(zoeFirst[col("time spent (min)")]).toBe("1.3");
    expect(zoeFirst[col("best score %")]).toBe("100");
    const evilRows = data.filter((r) => r[0].includes("HYPERLINK"));
    expect(evilRows).toHaveLength(levels.length);
    for (const r of evilRows) expect(r[0]).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(evilRows.find((r) => r[col("level id")] === first.id)![col("stuck")]).toBe("yes");
    // No field anywhere starts like a formula.
    for (const r of data) for (const f of r) expect(f, f).not.toMatch(/^[=+@\t\r]/);
  });
});
