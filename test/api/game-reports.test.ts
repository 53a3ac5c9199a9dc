/**
 * Teachers' live-game reports against a real server: a signed-in teacher's game is theirs (the
 * socket handshake carries the session cookie), its report shows exactly the points the players
 * were told, other teachers get 404, and the CSV is one header row plus one row per player.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { startServer, type TestServer } from "./server-harness";
import { advance, closeAll, createGame, joinGame, queryDb, roundAnswers, scored, startRound, type HostGame, type JoinedPlayer } from "./live-client";
import { parseCsv } from "../csv-reader";

const COOKIE = "ga_teacher";
const PASSWORD = "analytical engine 1843";

/** One teacher's browser: signs up, keeps the ga_teacher cookie and sends it back. */
class Teacher {
  cookie: string | null = null;
  constructor(readonly baseUrl: string) {}

  static async signUp(baseUrl: string, email: string, name: string) {
    const teacher = new Teacher(baseUrl);
    const res = await teacher.request("POST", "/api/teacher/signup", { email, name, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(teacher.cookie).toBeTruthy();
    return teacher;
  }

  get headers(): Record<string, string> {
    return this.cookie ? { cookie: `${COOKIE}=${this.cookie}` } : {};
  }

  async request(method: string, path: string, json?: unknown) {
    const headers: Record<string, string> = { ...this.headers };
    if (json !== undefined) headers["content-type"] = "application/json";
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(";");
      if (pair.startsWith(`${COOKIE}=`)) this.cookie = pair.slice(COOKIE.length + 1) || null;
    }
    const text = await response.text();
    const isJson = response.headers.get("content-type")?.includes("json");
    return { status: response.status, body: isJson && text ? JSON.parse(text) : null, text, headers: response.headers };
  }
  get = (path: string) => this.request("GET", path);
}

let server: TestServer;
let ada: Teacher; // hosts the game
let grace: Teacher; // another teacher
beforeAll(async () => {
  server = await startServer();
  ada = await Teacher.signUp(server.baseUrl, "ada@school.example", "Ada Lovelace");
  grace = await Teacher.signUp(server.baseUrl, "grace@school.example", "Grace Hopper");
});
afterAll(async () => {
  closeAll();
  await server?.dispose();
});

describe("a signed-in teacher's game", () => {
  let game: HostGame;
  let gameId: string;
  let ann: JoinedPlayer;
  let cmd: JoinedPlayer;
  /** What the players were told: per round the best ack's points and stars. */
  const told: Record<string, { points: number; stars: number }[]> = {};
  let podium: HostView;

  it("is saved with the teacher who hosted it (cookie in the socket handshake)", async () => {
    game = await createGame(server.baseUrl, ["turn-the-axes", "turn-and-shift"], { roundSeconds: 30, speedBonus: true }, { extraHeaders: ada.headers });
    const [row] = await queryDb(server.dbPath, "SELECT id, teacherId FROM LiveGame WHERE code = ?", [game.code]);
    const [teacher] = await queryDb(server.dbPath, "SELECT id FROM Teacher WHERE email = ?", ["ada@school.example"]);
    expect(row.teacherId).toBe(teacher.id);
    gameId = row.id;
  });

  it("plays two rounds with two players to the podium", async () => {
    ann = await joinGame(server.baseUrl, game.code, "Ann");
    // A nickname that starts like a spreadsheet formula ("-" is allowed in nicknames; "=" is not).
    cmd = await joinGame(server.baseUrl, game.code, "-cmd");
    told[ann.playerId] = [];
    told[cmd.playerId] = [];
    await game.host.waitLast<HostView>((v) => v.players.length === 2, "two players in the lobby");

    // Round 1: Ann perfect; -cmd a rough answer.
    await startRound(game);
    const round1 = await roundAnswers(cmd.client, 0);
    const a1 = scored(await cmd.client.ok("player:answer", { roundIndex: 0, answer: round1.withStars(1).answer }));
    told[cmd.playerId][0] = a1.best;
    const b1 = scored(await ann.client.ok("player:answer", { roundIndex: 0, answer: round1.right.answer }));
    told[ann.playerId][0] = b1.best;
    // Both are done: the round ends (answering alone would not end it).
    for (const p of [cmd, ann]) await p.client.ok("player:done", { roundIndex: 0 });
    await game.host.waitLast<HostView>((v) => v.phase === "reveal", "round 1 over");
    await advance(game, "reveal", "leaderboard");

    // Round 2: -cmd answers well, then worse (the better answer counts); Ann answers naively.
    await startRound(game, "leaderboard");
    const round2 = await roundAnswers(cmd.client, 1);
    const a2 = scored(await cmd.client.ok("player:answer", { roundIndex: 1, answer: round2.right.answer }));
    const a2b = scored(await cmd.client.ok("player:answer", { roundIndex: 1, answer: round2.withStars(0).answer }));
    expect(a2b.improved).toBe(false);
    expect(a2b.best).toEqual(a2.best);
    told[cmd.playerId][1] = a2b.best;
    const b2 = scored(await ann.client.ok("player:answer", { roundIndex: 1, answer: round2.withStars(0).answer }));
    told[ann.playerId][1] = b2.best;
    for (const p of [cmd, ann]) await p.client.ok("player:done", { roundIndex: 1 });
    await game.host.waitLast<HostView>((v) => v.phase === "reveal", "round 2 over");
    await advance(game, "reveal", "leaderboard");
    podium = await advance(game, "leaderboard", "podium");
    expect(podium.leaderboard).toHaveLength(2);
    expect(told[ann.playerId][0].stars).toBe(3);
  });

  it("appears in the teacher's list, newest first, with its levels and players", async () => {
    const res = await ada.get("/api/teacher/games");
    expect(res.status).toBe(200);
    expect(res.body.games).toHaveLength(1);
    expect(res.body.games[0]).toMatchObject({
      id: gameId,
      code: game.code,
      phase: "podium",
      ended: true,
      playerCount: 2,
      classroom: null,
      levels: [{ id: "turn-the-axes" }, { id: "turn-and-shift" }],
    });
    expect(res.body.games[0].levels[0].title).toEqual(expect.any(String));
    expect(Date.parse(res.body.games[0].createdAt)).toBeGreaterThan(0);
    expect((await grace.get("/api/teacher/games")).body.games).toEqual([]);
  });

  it("reports the points per round and totals the players were told, ranked as on the podium", async () => {
    const res = await ada.get(`/api/teacher/games/${gameId}`);
    expect(res.status).toBe(200);
    const report = res.body;
    expect(report.players).toEqual(podium.leaderboard!.map((row) => ({ playerId: row.playerId, nickname: row.nickname, points: row.points, rank: row.rank })));
    for (const p of report.players) {
      const rounds = told[p.playerId];
      expect(p.points).toBe(rounds[0].points + rounds[1].points);
      for (const r of [0, 1]) expect(report.rounds[r].results[p.playerId]).toMatchObject({ points: rounds[r].points, stars: rounds[r].stars });
    }
    expect(report.rounds.map((r: { levelId: string }) => r.levelId)).toEqual(["turn-the-axes", "turn-and-shift"]);
    expect(report.players.map((p: { nickname: string }) => p.nickname).sort()).toEqual(["-cmd", "Ann"]);
  });

  it("downloads as CSV: one header row, one row per player, formula starts neutralised", async () => {
    const res = await ada.get(`/api/teacher/games/${gameId}/report.csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="game-\d{6}-[\d-]+\.csv"$/);
    // fetch's text() drops the BOM; read the raw bytes to check it.
    const bytes = new Uint8Array(
      await (await fetch(new URL(`/api/teacher/games/${gameId}/report.csv`, server.baseUrl), { headers: ada.headers })).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(res.text.replace(/^\uFEFF/, ""));
    expect(rows[0].slice(0, 3)).toEqual(["Rank", "Nickname", "Total points"]);
    expect(rows[0]).toHaveLength(5);
    expect(rows).toHaveLength(3);
    const report = (await ada.get(`/api/teacher/games/${gameId}`)).body;
    report.players.forEach((p: { playerId: string; nickname: string; points: number; rank: number }, i: number) => {
      const nickname = p.nickname.startsWith("-") ? `'${p.nickname}` : p.nickname;
      expect(rows[i + 1]).toEqual([String(p.rank), nickname, String(p.points), ...told[p.playerId].map((r) => String(r.points))]);
    });
    expect(res.text).toContain("'-cmd");
  });

  it("is 404 for another teacher (report, CSV, linking) and 401 when signed out", async () => {
    expect((await grace.get(`/api/teacher/games/${gameId}`)).status).toBe(404);
    expect((await grace.get(`/api/teacher/games/${gameId}/report.csv`)).status).toBe(404);
    const graceClass = await grace.request("POST", "/api/teacher/classes", { name: "Grace's class" });
    expect(graceClass.status).toBe(201);
    expect((await grace.request("PATCH", `/api/teacher/games/${gameId}`, { classId: graceClass.body.id })).status).toBe(404);
    expect((await grace.request("PATCH", `/api/teacher/games/${gameId}`, { classId: null })).status).toBe(404);
    const anonymous = new Teacher(server.baseUrl);
    expect((await anonymous.get("/api/teacher/games")).status).toBe(401);
    expect((await anonymous.get(`/api/teacher/games/${gameId}`)).status).toBe(401);
    expect((await anonymous.get(`/api/teacher/games/${gameId}/report.csv`)).status).toBe(401);
    expect((await anonymous.request("PATCH", `/api/teacher/games/${gameId}`, { classId: null })).status).toBe(401);
    expect((await ada.get("/api/teacher/games/no-such-game")).status).toBe(404);
    const [row] = await queryDb(server.dbPath, "SELECT classId FROM LiveGame WHERE id = ?", [gameId]);
    expect(row.classId).toBeNull();
  });

  it("links to the teacher's own class, refuses another teacher's class and bad bodies, and unlinks", async () => {
    const own = await ada.request("POST", "/api/teacher/classes", { name: "Year 10 B" });
    expect(own.status).toBe(201);
    const [graceClass] = await queryDb(server.dbPath, "SELECT id FROM Classroom WHERE name = ?", ["Grace's class"]);

    expect((await ada.request("PATCH", `/api/teacher/games/${gameId}`, { classId: graceClass.id })).status).toBe(404);
    const bad = await ada.request("PATCH", `/api/teacher/games/${gameId}`, { classId: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/classId/);
    expect((await ada.request("PATCH", `/api/teacher/games/${gameId}`, {})).status).toBe(400);
    expect((await queryDb(server.dbPath, "SELECT classId FROM LiveGame WHERE id = ?", [gameId]))[0].classId).toBeNull();

    const linked = await ada.request("PATCH", `/api/teacher/games/${gameId}`, { classId: own.body.id });
    expect(linked.status).toBe(200);
    expect(linked.body.classroom).toEqual({ id: own.body.id, name: "Year 10 B" });
    expect((await ada.get("/api/teacher/games")).body.games[0].classroom).toEqual({ id: own.body.id, name: "Year 10 B" });

    const unlinked = await ada.request("PATCH", `/api/teacher/games/${gameId}`, { classId: null });
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.classroom).toBeNull();
  });
});

describe("an anonymous host's game", () => {
  it("has no teacher and appears in no teacher's list", async () => {
    const game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: null, speedBonus: false });
    const [row] = await queryDb(server.dbPath, "SELECT id, teacherId FROM LiveGame WHERE code = ?", [game.code]);
    expect(row.teacherId).toBeNull();
    for (const teacher of [ada, grace]) {
      const ids = (await teacher.get("/api/teacher/games")).body.games.map((g: { id: string }) => g.id);
      expect(ids).not.toContain(row.id);
    }
    expect((await ada.get(`/api/teacher/games/${row.id}`)).status).toBe(404);
  });

  it("a forged or unknown session cookie hosts anonymously too", async () => {
    const game = await createGame(
      server.baseUrl,
      ["turn-the-axes"],
      { roundSeconds: null, speedBonus: false },
      { extraHeaders: { cookie: `${COOKIE}=${"x".repeat(43)}` } },
    );
    const [row] = await queryDb(server.dbPath, "SELECT teacherId FROM LiveGame WHERE code = ?", [game.code]);
    expect(row.teacherId).toBeNull();
  });
});
