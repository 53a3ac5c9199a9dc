/**
 * Issue 11, finding 1 — cross-site request forgery — against a real server: every state-changing
 * route and the Socket.IO handshake refuse what another site's page (or another port of this host)
 * can send, the cookie-setting routes included, and nothing changes. The browser's side of it, in
 * Chromium, is csrf.spec.ts.
 */
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryDb } from "../api/live-client";
import { startServer, type TestServer } from "../api/server-harness";
import { solve } from "../reference";
import { Client, GOOD_PASSWORD, newPlayer, newTeacher, PLAYER_COOKIE, tally, TEACHER_COOKIE } from "./helpers";

let server: TestServer;
/** The victim: a teacher who also plays, with both cookies in one browser. */
let victim: Client;
let victimEmail: string;
let classId: string;
let memberId: string;
let attackerJoinCode: string;
let attackerResumeCode: string;
let snapshotBefore: Awaited<ReturnType<typeof snapshot>>;

const LEVEL = "rules-or-examples";
/** A submission the victim's own page could send now: the attempt being played, solved. */
let submission: { levelId: string; attempt: number; answer: unknown };

async function solvedSubmission(client: Client) {
  const level = (await client.get(`/api/levels/${LEVEL}`)).body;
  return { levelId: LEVEL, attempt: level.attempt, answer: solve(level) };
}

beforeAll(async () => {
  server = await startServer();
  const teacher = await newTeacher(server.baseUrl, "Ms Victim");
  victim = teacher.client;
  victimEmail = teacher.email;
  expect((await victim.post("/api/profile")).status).toBe(201);
  expect((await victim.patch("/api/profile", { displayName: "Victim" })).status).toBe(200);
  expect((await victim.post("/api/submissions", await solvedSubmission(victim))).status).toBe(201);
  submission = await solvedSubmission(victim);
  const created = await victim.post("/api/teacher/classes", { name: "Victim's class" });
  classId = created.body.id;
  expect((await victim.post("/api/classes/join", { code: created.body.joinCode, name: "Victim" })).status).toBe(200);
  memberId = (await victim.get(`/api/teacher/classes/${classId}`)).body.members[0].id;

  // The attacker's own class and their own player's resume code.
  const attacker = await newTeacher(server.baseUrl, "Mallory");
  attackerJoinCode = (await attacker.client.post("/api/teacher/classes", { name: "Mallory's class" })).body.joinCode;
  const attackerPlayer = await newPlayer(server.baseUrl);
  attackerResumeCode = (await attackerPlayer.post("/api/classes/join", { code: attackerJoinCode, name: "Mallory" })).body.resumeCode;
  snapshotBefore = await snapshot();
});

afterAll(async () => {
  console.log(tally.line("security/requests"));
  await server?.dispose();
});

/** Everything an attack could change: the victim's player, progress, classes and sessions, and every table's size. */
async function snapshot() {
  const count = async (table: string) => (await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM ${table}`))[0].n;
  return {
    profile: (await victim.get("/api/profile")).body,
    progress: (await victim.get("/api/progress")).body,
    classes: (await victim.get("/api/classes/mine")).body,
    teacher: (await victim.get("/api/teacher/me")).body,
    classDetail: (await victim.get(`/api/teacher/classes/${classId}`)).body,
    playerCookie: victim.cookies.get(PLAYER_COOKIE),
    teacherCookie: victim.cookies.get(TEACHER_COOKIE),
    rows: Object.fromEntries(
      await Promise.all(["Player", "LevelAttempt", "Teacher", "TeacherSession", "Classroom", "ClassMember"].map(async (t) => [t, await count(t)] as const)),
    ),
  };
}

/** Every state-changing route, with a body that would succeed from the game's own pages. */
function stateChangingRoutes(): [method: string, path: string, body: unknown][] {
  return [
    ["POST", "/api/profile", undefined],
    ["PATCH", "/api/profile", { displayName: "Pwned" }],
    ["POST", "/api/submissions", submission],
    ["POST", "/api/classes/join", { code: attackerJoinCode, name: "Pwned" }],
    ["POST", "/api/resume", { code: attackerResumeCode }],
    ["POST", "/api/resume-code", undefined],
    ["POST", "/api/teacher/signup", { email: "pwned@evil.example", name: "Pwned", password: GOOD_PASSWORD }],
    ["POST", "/api/teacher/signin", { email: victimEmail, password: GOOD_PASSWORD }],
    ["POST", "/api/teacher/signout", undefined],
    ["POST", "/api/teacher/password", { currentPassword: GOOD_PASSWORD, newPassword: "attacker chose this one" }],
    ["DELETE", "/api/teacher/sessions", undefined],
    ["POST", "/api/teacher/classes", { name: "Pwned" }],
    ["PATCH", `/api/teacher/classes/${classId}`, { name: "Pwned", lockedChapters: [] }],
    ["POST", `/api/teacher/classes/${classId}/members/${memberId}/resume-code`, undefined],
    ["PATCH", "/api/teacher/games/some-game", { classId: null }],
    ["POST", "/api/teacher/games/claimable", { hosted: [] }],
    ["POST", "/api/teacher/games/claim", { code: "123456", hostSecret: "A".repeat(43) }],
  ];
}

/** Who else could send a request: other sites, another port or host name of this server, an opaque origin. */
function foreignOrigins(): Record<string, string>[] {
  const port = server.port;
  return [
    { origin: "http://evil.example" },
    { origin: `http://127.0.0.1:${port + 1}` }, // same host, another port: the same site, another origin
    { origin: `http://localhost:${port}` }, // the same server under another host name: another site
    { origin: `https://127.0.0.1:${port}` }, // another scheme
    { origin: "null" }, // sandboxed frames, data: URLs, some redirects
    { "sec-fetch-site": "cross-site" }, // no Origin, but the browser says another site sent it
    { "sec-fetch-site": "same-site" },
    // A client's own forwarded headers are not believed (no TRUST_PROXY here).
    { origin: "http://evil.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "http" },
  ];
}

describe("requests from another site's page", () => {
  it("every state-changing route answers 403 foreign_origin, with JSON and with the victim's cookies", async () => {
    for (const [method, path, body] of stateChangingRoutes()) {
      for (const headers of foreignOrigins()) {
        const reply = await victim.clone().send(method, path, { json: body, headers });
        expect(reply.status, `${method} ${path} ${JSON.stringify(headers)}: ${reply.text}`).toBe(403);
        expect(reply.body.error.code).toBe("foreign_origin");
      }
    }
  });

  it("form encodings are refused with 415 even from this origin or a script", async () => {
    const own = { origin: server.baseUrl };
    for (const [method, path, body] of stateChangingRoutes()) {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
        for (const headers of [own, {}]) {
          const reply = await victim.clone().send(method, path, { raw: JSON.stringify(body ?? {}), contentType, headers });
          expect(reply.status, `${method} ${path} ${contentType}: ${reply.text}`).toBe(415);
          expect(reply.body.error.code).toBe("unsupported_media_type");
        }
      }
    }
  });

  it("replays the findings: none of them works any more", async () => {
    const form = { "content-type": "text/plain", origin: "http://evil.example", "sec-fetch-site": "cross-site" };
    // A cross-site form carries no cookie (SameSite=Lax): joining the attacker's class used to
    // give the browser a new player, and resuming the attacker's code made it play as the attacker.
    const join = await new Client(server.baseUrl).send("POST", "/api/classes/join", {
      raw: JSON.stringify({ code: attackerJoinCode, name: "Victim" }),
      headers: form,
    });
    expect(join.status).toBe(403);
    expect(join.headers.getSetCookie()).toEqual([]);
    const resume = await new Client(server.baseUrl).send("POST", "/api/resume", { raw: JSON.stringify({ code: attackerResumeCode }), headers: form });
    expect(resume.status).toBe(403);
    expect(resume.headers.getSetCookie()).toEqual([]);
    // From another port of the same host (same site: the cookie goes along), joining with the victim's real progress.
    const samesite = { "content-type": "text/plain", origin: `http://127.0.0.1:${server.port + 1}`, "sec-fetch-site": "same-site" };
    expect(
      (await victim.clone().send("POST", "/api/classes/join", { raw: JSON.stringify({ code: attackerJoinCode, name: "V" }), headers: samesite })).status,
    ).toBe(403);
    // A foreign Origin and text/plain: a submission was 201 and a rename 200.
    const foreignText = { "content-type": "text/plain", origin: "http://evil.example" };
    expect((await victim.clone().send("POST", "/api/submissions", { raw: JSON.stringify(submission), headers: foreignText })).status).toBe(403);
    expect((await victim.clone().send("PATCH", "/api/profile", { raw: JSON.stringify({ displayName: "Pwned" }), headers: foreignText })).status).toBe(403);
  });

  it("left the victim's player, name, progress, classes and sessions as they were", async () => {
    expect(await snapshot()).toEqual(snapshotBefore);
  });

  it("the game's own pages still work: same origin, JSON", async () => {
    const own = { origin: server.baseUrl, "sec-fetch-site": "same-origin" };
    const renamed = await victim.patch("/api/profile", { displayName: "Victim Again" }, { headers: own });
    expect(renamed.status, renamed.text).toBe(200);
    // A charset parameter is fine; so is a bodyless POST without a content type.
    const withCharset = await victim.send("PATCH", "/api/profile", {
      raw: JSON.stringify({ displayName: "Victim" }),
      contentType: "application/json; charset=utf-8",
      headers: own,
    });
    expect(withCharset.status).toBe(200);
    expect((await victim.post("/api/profile", undefined, { headers: own })).status).toBe(200);
    // Scripts and tests (no Origin at all) are not browsers a page can drive.
    expect((await victim.patch("/api/profile", { displayName: "Victim" })).status).toBe(200);
    // Reads are not checked.
    expect((await victim.get("/api/profile", { headers: { origin: "http://evil.example" } })).status).toBe(200);
  });

  it("a client's X-Forwarded-For does not buy a new budget of code guesses", async () => {
    for (let i = 0; i < 10; i++) expect((await new Client(server.baseUrl).post("/api/resume", { code: "ZZZZ-ZZZZ" })).status).toBe(404);
    const spoofed = await new Client(server.baseUrl, { "x-forwarded-for": "203.0.113.7" }).post("/api/resume", { code: "ZZZZ-ZZZZ" });
    expect(spoofed.status).toBe(429);
  });
});

describe("the Socket.IO handshake", () => {
  /** Connects with these headers; resolves "connected" or the connect error's message. */
  function handshake(transport: "websocket" | "polling", headers: Record<string, string>): Promise<string> {
    return new Promise((resolve) => {
      const socket = io(server.baseUrl, { transports: [transport], reconnection: false, forceNew: true, timeout: 5_000, extraHeaders: headers });
      socket.once("connect", () => {
        socket.close();
        resolve("connected");
      });
      socket.once("connect_error", (error) => {
        socket.close();
        resolve(`refused: ${error.message}`);
      });
    });
  }

  it.each(["websocket", "polling"] as const)("refuses a foreign Origin over %s, and accepts the game's own", async (transport) => {
    for (const headers of foreignOrigins()) {
      expect(await handshake(transport, headers), JSON.stringify(headers)).toMatch(/^refused/);
      tally.record(403); // engine.io answers a refused handshake with HTTP 403
    }
    expect(await handshake(transport, { origin: server.baseUrl })).toBe("connected");
    expect(await handshake(transport, {})).toBe("connected"); // scripts and bots send no Origin
  });
});
