/**
 * Teachers' live-game reports against a real server: a signed-in teacher's game is theirs (the
 * socket handshake carries the session cookie), its report shows exactly the points the players
 * were told, other teachers get 404, and the CSV is one header row plus one row per player.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { startServer, type TestServer } from "./server-harness";
import type { ConceptView, PublicQuestion } from "@/core/kinds/concept/public";
import type { GameReport, GameReportRound } from "@/core/game-reports";
import {
  advance,
  closeAll,
  createGame,
  joinGame,
  queryDb,
  roundAnswers,
  roundLevel,
  scored,
  startRound,
  type HostGame,
  type JoinedPlayer,
} from "./live-client";
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

  it("downloads as CSV: one header row, one row per player per round with score, stars, points, time; formula starts neutralised", async () => {
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
    expect(rows[0]).toEqual(["Rank", "Nickname", "Total points", "Round", "Level", "Status", "Score (%)", "Stars", "Points", "Time (s)"]);
    expect(rows).toHaveLength(1 + 2 * 2);
    const report = (await ada.get(`/api/teacher/games/${gameId}`)).body;
    report.players.forEach((p: { playerId: string; nickname: string; points: number; rank: number }, i: number) => {
      const nickname = p.nickname.startsWith("-") ? `'${p.nickname}` : p.nickname;
      for (const r of [0, 1]) {
        const row = rows[1 + i * 2 + r];
        expect(row.slice(0, 6)).toEqual([String(p.rank), nickname, String(p.points), String(r + 1), report.rounds[r].title, "answered"]);
        expect(row[7]).toBe(String(told[p.playerId][r].stars));
        expect(row[8]).toBe(String(told[p.playerId][r].points));
        // Time taken: from the round's start to the answer that counted, in seconds.
        expect(Number(row[9])).toBeGreaterThanOrEqual(0);
        expect(Number(row[9])).toBeLessThan(30);
      }
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

/** An answer to a concept round: for every question, its option number `pick` (sort: every card in that bin). */
function conceptAnswer(view: ConceptView, pick: number) {
  const response = (q: PublicQuestion) => {
    if (q.type === "sort") return Object.fromEntries(q.options.map((o) => [o.id, q.bins![pick % q.bins!.length].id]));
    if (q.type === "order") return q.options.map((o) => o.id);
    return [q.options[pick % q.options.length].id];
  };
  return { responses: Object.fromEntries(view.questions.map((q) => [q.id, response(q)])) };
}

describe("a quiz game's report, per question", () => {
  let game: HostGame;
  let gameId: string;
  let players: JoinedPlayer[];
  let reveal: HostView;

  it("is played by three players, one of whom does not answer", async () => {
    game = await createGame(server.baseUrl, ["what-learning-needs"], { roundSeconds: 60, speedBonus: true }, { extraHeaders: ada.headers });
    gameId = (await queryDb(server.dbPath, "SELECT id FROM LiveGame WHERE code = ?", [game.code]))[0].id;
    players = [
      await joinGame(server.baseUrl, game.code, "Ann"),
      await joinGame(server.baseUrl, game.code, "Bo"),
      await joinGame(server.baseUrl, game.code, "Cy"),
    ];
    await game.host.waitLast<HostView>((v) => v.players.length === 3, "three players in the lobby");
    await startRound(game);
    const level = await roundLevel(players[0].client, 0);
    expect(level.kind).toBe("concept");
    const view = level.view as ConceptView;
    // Ann and Bo answer differently; Cy never answers.
    for (const [i, p] of players.slice(0, 2).entries()) await p.client.ok("player:answer", { roundIndex: 0, answer: conceptAnswer(view, i) });
    await game.host.ok("host:advance", { expectedPhase: "playing" });
    reveal = await game.host.waitLast<HostView>((v) => v.phase === "reveal" && v.classAnswers !== null, "the reveal with the class's answers");
    await advance(game, "reveal", "leaderboard");
    await advance(game, "leaderboard", "podium");
  });

  it("gives per question the distribution the projector showed, the accuracy among those who answered, and 'no answer'", async () => {
    const res = await ada.get(`/api/teacher/games/${gameId}`);
    expect(res.status).toBe(200);
    const report = res.body as GameReport;
    const [round] = report.rounds as GameReportRound[];
    expect(round).toMatchObject({ status: "played", answered: 2, noAnswer: 1 });
    const shown = reveal.classAnswers;
    if (shown?.type !== "questions") throw new Error("a concept round's reveal shows questions");
    expect(round.questions).toHaveLength(shown.questions.length);
    round.questions.forEach((q, i) => {
      expect(q.options).toEqual(shown.questions[i].options);
      expect(q.right).toBe(shown.questions[i].right);
      expect(q.answered).toBe(2);
      expect(q.noAnswer).toBe(1);
      expect(q.accuracy).toBeCloseTo(q.right / 2);
    });
    // The hardest question is one with the lowest accuracy.
    const lowest = Math.min(...round.questions.map((q) => q.accuracy!));
    expect(report.hardest).toMatchObject({ roundIndex: 0, accuracy: lowest });
    expect(round.questions.find((q) => q.number === report.hardest!.number)!.accuracy).toBe(lowest);

    const [ann, bo, cy] = players.map((p) => round.results[p.playerId]);
    expect(cy).toEqual({ status: "no answer" });
    for (const r of [ann, bo]) {
      if (r.status !== "answered") throw new Error("Ann and Bo answered");
      expect(r.timeMs).toBeGreaterThanOrEqual(0);
      expect(r.timeMs).toBeLessThan(60_000);
    }
  });

  it("exports 'no answer' as such in the CSV, with empty cells rather than 0", async () => {
    const rows = parseCsv((await ada.get(`/api/teacher/games/${gameId}/report.csv`)).text.replace(/^\uFEFF/, ""));
    expect(rows).toHaveLength(4);
    const cy = rows.find((r) => r[1] === "Cy")!;
    expect(cy.slice(2)).toEqual(["0", "1", "What learning needs", "no answer", "", "", "", ""]);
    for (const name of ["Ann", "Bo"]) expect(rows.find((r) => r[1] === name)![5]).toBe("answered");
  });
});

describe("claiming a game hosted before signing in", () => {
  let game: HostGame;
  let gameId: string;
  const credential = () => ({ code: game.code, hostSecret: game.hostSecret });

  it("the hosting browser's secret lists the game as claimable; other secrets list nothing", async () => {
    game = await createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: null, speedBonus: false });
    gameId = (await queryDb(server.dbPath, "SELECT id FROM LiveGame WHERE code = ?", [game.code]))[0].id;
    const listed = await ada.request("POST", "/api/teacher/games/claimable", { hosted: [credential()] });
    expect(listed.status).toBe(200);
    expect(listed.body.games).toEqual([
      { code: game.code, createdAt: expect.any(String), ended: false, levels: [{ id: "turn-the-axes", title: expect.any(String) }], playerCount: 0 },
    ]);
    expect(JSON.stringify(listed.body)).not.toContain(gameId);
    const forged = await grace.request("POST", "/api/teacher/games/claimable", { hosted: [{ code: game.code, hostSecret: "A".repeat(43) }] });
    expect(forged.body.games).toEqual([]);
    expect((await grace.request("POST", "/api/teacher/games/claimable", { hosted: [{ code: game.code, hostSecret: "short" }] })).status).toBe(400);
  });

  it("another browser, without the host's secret, cannot claim it", async () => {
    for (const body of [
      { code: game.code, hostSecret: "A".repeat(43) },
      { code: "000000", hostSecret: game.hostSecret },
    ]) {
      const res = await grace.request("POST", "/api/teacher/games/claim", body);
      expect(res.status).toBe(404);
    }
    expect((await grace.request("POST", "/api/teacher/games/claim", { code: game.code })).status).toBe(400);
    expect((await new Teacher(server.baseUrl).request("POST", "/api/teacher/games/claim", credential())).status).toBe(401);
    expect((await queryDb(server.dbPath, "SELECT teacherId FROM LiveGame WHERE id = ?", [gameId]))[0].teacherId).toBeNull();
  });

  it("the hosting browser, signed in, claims it: it joins the teacher's reports", async () => {
    const claimed = await ada.request("POST", "/api/teacher/games/claim", credential());
    expect(claimed.status).toBe(200);
    expect(claimed.body).toEqual({ id: gameId });
    expect((await ada.get("/api/teacher/games")).body.games.map((g: { id: string }) => g.id)).toContain(gameId);
    expect((await ada.get(`/api/teacher/games/${gameId}`)).status).toBe(200);
    // Claiming again is harmless; it is no longer listed as claimable.
    expect((await ada.request("POST", "/api/teacher/games/claim", credential())).body).toEqual({ id: gameId });
    expect((await ada.request("POST", "/api/teacher/games/claimable", { hosted: [credential()] })).body.games).toEqual([]);
  });

  it("a claimed game cannot be claimed by someone else, even with the secret", async () => {
    expect((await grace.request("POST", "/api/teacher/games/claim", credential())).status).toBe(404);
    expect((await grace.request("POST", "/api/teacher/games/claimable", { hosted: [credential()] })).body.games).toEqual([]);
    const [ada1] = await queryDb(server.dbPath, "SELECT id FROM Teacher WHERE email = ?", ["ada@school.example"]);
    expect((await queryDb(server.dbPath, "SELECT teacherId FROM LiveGame WHERE id = ?", [gameId]))[0].teacherId).toBe(ada1.id);
    expect((await grace.get(`/api/teacher/games/${gameId}`)).status).toBe(404);
  });
});
