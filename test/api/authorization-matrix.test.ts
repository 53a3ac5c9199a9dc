/**
 * Roles × endpoints: who may call what, against a real server. Four browsers: nobody (no cookie),
 * a student (a player in the class), teacher A (owns the class and the game) and teacher B
 * (another teacher). Teacher endpoints answer 401 to nobody and to a student, 404 to another
 * teacher for A's class or game (so ids reveal nothing), and succeed for A. Student endpoints
 * only ever show the caller's own data. Claiming a game hosted before signing in goes by the host
 * secret the hosting browser holds, not by owner: 401 to nobody and a student even with the
 * secret; another teacher learns nothing without it, and nothing of a game already claimed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitSolved } from "./play";
import { newPlayer, startServer, type Player, type TestServer } from "./server-harness";
import { advance, closeAll, createGame, joinGame, solvedAnswer, startRound } from "./live-client";

type Role = "nobody" | "student" | "teacherA" | "teacherB";

let server: TestServer;
const cookies: Record<Role, string> = { nobody: "", student: "", teacherA: "", teacherB: "" };
let classId = "";
let memberId = "";
let gameId = "";
let student: Player;
let otherStudent: Player;
/** The host credentials of teacher A's game (hosted signed in) and of a game hosted by a browser nobody signed in to. */
let ownedGame: { code: string; hostSecret: string };
let anonymousGame: { code: string; hostSecret: string };

async function call(role: Role, method: string, path: string, json?: unknown) {
  const headers: Record<string, string> = {};
  if (cookies[role]) headers.cookie = cookies[role];
  if (json !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(new URL(path, server.baseUrl), { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  return { status: res.status, text };
}

async function signUp(email: string): Promise<string> {
  const res = await fetch(new URL("/api/teacher/signup", server.baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, name: email.split("@")[0], password: "matrix of roles 2026" }),
  });
  expect(res.status).toBe(201);
  return res.headers.getSetCookie()[0].split(";")[0];
}

beforeAll(async () => {
  server = await startServer();
  cookies.teacherA = await signUp("alice@school.example");
  cookies.teacherB = await signUp("bruno@school.example");
  const created = await call("teacherA", "POST", "/api/teacher/classes", { name: "7B" });
  expect(created.status).toBe(201);
  classId = JSON.parse(created.text).id;
  const joinCode = JSON.parse(created.text).joinCode;

  student = await newPlayer(server.baseUrl);
  cookies.student = `ga_player=${student.cookie}`;
  expect((await student.post("/api/classes/join", { code: joinCode, name: "Sam" })).status).toBeLessThan(300);
  expect((await submitSolved(student, "rules-or-examples")).status).toBe(201);
  otherStudent = await newPlayer(server.baseUrl);
  expect((await otherStudent.submit("rules-or-examples", { responses: {} })).status).toBe(201);

  const detail = JSON.parse((await call("teacherA", "GET", `/api/teacher/classes/${classId}`)).text);
  memberId = detail.members[0].id;

  // A game teacher A hosts (the socket carries A's cookie), played to the podium.
  const game = await createGame(server.baseUrl, ["rules-or-examples"], { roundSeconds: 30, speedBonus: false }, { extraHeaders: { cookie: cookies.teacherA } });
  ownedGame = { code: game.code, hostSecret: game.hostSecret };
  const ada = await joinGame(server.baseUrl, game.code, "Ada");
  await startRound(game);
  await ada.client.ok("player:answer", { roundIndex: 0, answer: await solvedAnswer(ada.client) });
  await advance(game, "playing", "reveal").catch(() => undefined); // a quiz answer is final: the round may have ended already
  const games = JSON.parse((await call("teacherA", "GET", "/api/teacher/games")).text);
  gameId = (games.games ?? games)[0].id;

  // A game hosted before signing in: only its host secret (kept by the hosting browser) can claim it.
  const anonymous = await createGame(server.baseUrl, ["rules-or-examples"], { roundSeconds: 30, speedBonus: false });
  anonymousGame = { code: anonymous.code, hostSecret: anonymous.hostSecret };
}, 120_000);

afterAll(async () => {
  closeAll();
  await server?.dispose();
});

/** Every teacher endpoint, with what the owner gets. */
const teacherEndpoints = () =>
  [
    ["GET", "/api/teacher/me", undefined],
    ["GET", "/api/teacher/classes", undefined],
    ["GET", `/api/teacher/classes/${classId}`, undefined],
    ["PATCH", `/api/teacher/classes/${classId}`, { name: "7B (renamed)" }],
    ["GET", `/api/teacher/classes/${classId}/progress`, undefined],
    ["GET", `/api/teacher/classes/${classId}/progress.csv`, undefined],
    ["GET", `/api/teacher/classes/${classId}/assignments`, undefined],
    ["POST", `/api/teacher/classes/${classId}/assignments`, { chapterId: "representations", dueAt: new Date(Date.now() + 86_400_000).toISOString() }],
    ["GET", `/api/teacher/classes/${classId}/students/${memberId}/timeline`, undefined],
    ["POST", `/api/teacher/classes/${classId}/members/${memberId}/resume-code`, undefined],
    ["GET", "/api/teacher/games", undefined],
    ["GET", `/api/teacher/games/${gameId}`, undefined],
    ["PATCH", `/api/teacher/games/${gameId}`, { classId }],
    ["GET", `/api/teacher/games/${gameId}/report.csv`, undefined],
  ] as const;

/** Endpoints about one of teacher A's resources (another teacher must get 404, not 403). */
const ownedResource = (path: string) => path.includes(classId) || path.includes(gameId);

describe("teacher endpoints", () => {
  it.each(["nobody", "student"] as const)("%s gets 401 from every teacher endpoint", async (role) => {
    for (const [method, path, body] of teacherEndpoints()) {
      expect((await call(role, method, path, body)).status, `${role} ${method} ${path}`).toBe(401);
    }
  });

  it("another teacher gets 404 for teacher A's class and game, and lists none of them", async () => {
    for (const [method, path, body] of teacherEndpoints()) {
      const res = await call("teacherB", method, path, body);
      if (ownedResource(path)) expect(res.status, `teacherB ${method} ${path}`).toBe(404);
      else {
        expect(res.status, `teacherB ${method} ${path}`).toBe(200);
        expect(res.text).not.toContain(classId);
        expect(res.text).not.toContain(gameId);
      }
    }
  });

  it("teacher A may call every one of them", async () => {
    for (const [method, path, body] of teacherEndpoints()) {
      const res = await call("teacherA", method, path, body);
      expect(res.status, `teacherA ${method} ${path}: ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(200);
      expect(res.status).toBeLessThan(300);
    }
  });

  it("teacher B cannot link teacher A's game, nor link their own game to A's class", async () => {
    expect((await call("teacherB", "PATCH", `/api/teacher/games/${gameId}`, { classId: null })).status).toBe(404);
  });
});

describe("claiming a game hosted before signing in: POST /api/teacher/games/claimable and /claim", () => {
  const claimable = (role: Role, hosted: unknown[]) => call(role, "POST", "/api/teacher/games/claimable", { hosted });
  const claim = (role: Role, credential: unknown) => call(role, "POST", "/api/teacher/games/claim", credential);
  const listed = (res: { status: number; text: string }) => {
    expect(res.status, res.text.slice(0, 200)).toBe(200);
    return (JSON.parse(res.text).games as { code: string }[]).map((g) => g.code);
  };
  /** The right code with a secret of the right shape that is not the game's: another browser guessing. */
  const guessed = () => ({ code: anonymousGame.code, hostSecret: "A".repeat(43) });

  it.each(["nobody", "student"] as const)("%s gets 401 from both, even with the hosting browser's secret or a malformed body", async (role) => {
    expect((await claimable(role, [anonymousGame])).status).toBe(401);
    expect((await claim(role, anonymousGame)).status).toBe(401);
    // Who before what: a visitor's bad body is refused as a visitor, so the route's schema tells them nothing.
    expect((await claim(role, { code: "12" })).status).toBe(401);
    expect((await claimable(role, [{ code: "12" }])).status).toBe(401);
  });

  it("another teacher without the secret: nothing listed, the claim is 404, and the game stays unclaimed", async () => {
    expect(listed(await claimable("teacherB", [guessed()]))).toEqual([]);
    const refused = await claim("teacherB", guessed());
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain(anonymousGame.code);
    expect(listed(await claimable("teacherA", [anonymousGame]))).toEqual([anonymousGame.code]);
  });

  it("another teacher with the real secret of teacher A's own game: not listed, 404 (a hosted-while-signed-in game is not claimable)", async () => {
    expect(listed(await claimable("teacherB", [ownedGame]))).toEqual([]);
    const refused = await claim("teacherB", ownedGame);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain(gameId);
    const aGames = await call("teacherA", "GET", "/api/teacher/games");
    expect(aGames.text).toContain(gameId);
  });

  it("a malformed body from a teacher is 400 and changes nothing", async () => {
    expect((await claim("teacherB", { code: anonymousGame.code })).status).toBe(400);
    expect((await claimable("teacherB", [{ code: anonymousGame.code, hostSecret: "short" }])).status).toBe(400);
    expect(listed(await claimable("teacherA", [anonymousGame]))).toEqual([anonymousGame.code]);
  });

  it("teacher A in the hosting browser claims it; then another teacher, even with the secret, gets 404 and an empty list", async () => {
    const claimed = await claim("teacherA", anonymousGame);
    expect(claimed.status, claimed.text).toBe(200);
    const { id } = JSON.parse(claimed.text) as { id: string };
    expect((await call("teacherA", "GET", `/api/teacher/games/${id}`)).status).toBe(200);
    expect(listed(await claimable("teacherA", [anonymousGame]))).toEqual([]);

    expect(listed(await claimable("teacherB", [anonymousGame]))).toEqual([]);
    const late = await claim("teacherB", anonymousGame);
    expect(late.status).toBe(404);
    expect(late.text).not.toContain(id);
    expect((await call("teacherB", "GET", `/api/teacher/games/${id}`)).status).toBe(404);
  });
});

describe("student endpoints show only the caller's own data", () => {
  it("progress: each player sees their own levels only", async () => {
    const mine = await student.progress();
    const theirs = await otherStudent.progress();
    expect(mine["rules-or-examples"].stars).toBe(3);
    expect(theirs["rules-or-examples"].stars).toBe(0);
  });

  it("classes: a student sees the classes they joined; another player sees none", async () => {
    expect((await student.get("/api/classes/mine")).text).toContain("7B");
    const other = await otherStudent.get("/api/classes/mine");
    expect(other.status).toBe(200);
    expect(other.text).not.toContain("7B");
  });

  it("a teacher's cookie is not a player: student endpoints don't open with it", async () => {
    expect((await call("teacherA", "GET", "/api/progress")).status).toBe(401);
  });
});
