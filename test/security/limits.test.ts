/**
 * Issue 11, findings 6 and 7 (web) — limits per address and per identity — against a real server
 * that sits behind a trusted proxy (TRUST_PROXY=loopback), so each test speaks from addresses of
 * its own through X-Forwarded-For (documentation ranges: nothing is sent to them). The sign-in
 * limit is shown to survive a restart.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryDb } from "../api/live-client";
import { startServer, type TestServer } from "../api/server-harness";
import { Client, expectRateLimited, GOOD_PASSWORD, newPlayer, newTeacher, tally, uniqueEmail } from "./helpers";

let server: TestServer;
const previousTrustProxy = process.env.TRUST_PROXY;

beforeAll(async () => {
  process.env.TRUST_PROXY = "loopback"; // the test server inherits it (server-harness.ts passes process.env on)
  server = await startServer();
});

afterAll(async () => {
  if (previousTrustProxy === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = previousTrustProxy;
  console.log(tally.line("security/limits"));
  await server?.dispose();
});

/** Requests as the client at this address, forwarded by the trusted proxy in front of the server. */
const from = (address: string) => ({ "x-forwarded-for": address });
let nextAddress = 0;
/** A fresh address (198.18.0.0/15, the benchmarking range), so each test has budgets of its own. */
const freshAddress = () => {
  nextAddress++;
  return `198.18.${Math.floor(nextAddress / 250)}.${(nextAddress % 250) + 1}`;
};

const count = async (table: string) => Number((await queryDb(server.dbPath, `SELECT COUNT(*) AS n FROM ${table}`))[0].n);

describe("new profiles", () => {
  it("120 per address in 10 minutes (one was seen making 1,314 a minute), then 429 with the wait", async () => {
    const address = "203.0.113.10";
    const before = await count("Player");
    const made = await Promise.all(Array.from({ length: 120 }, () => new Client(server.baseUrl, from(address)).post("/api/profile")));
    expect(made.map((r) => r.status)).toEqual(Array(120).fill(201));
    const refused = await new Client(server.baseUrl, from(address)).post("/api/profile");
    expectRateLimited(refused);
    expect(refused.body.error.message).toMatch(/^too many new profiles from this network: wait \d+ s$/);
    expect(await count("Player")).toBe(before + 120);
    // A player who has one is not refused; another address has its own budget.
    expect((await new Client(server.baseUrl, from(address)).post("/api/profile")).status).toBe(429);
    const existing = await newPlayer(server.baseUrl, from("203.0.113.11"));
    expect((await existing.clone(from(address)).post("/api/profile")).status).toBe(200);
  });

  it("the address is the last hop the trusted proxies did not add: a client's own X-Forwarded-For entries are ignored", async () => {
    expect((await new Client(server.baseUrl, from("192.0.2.1, 203.0.113.10")).post("/api/profile")).status).toBe(429);
    expect((await new Client(server.baseUrl, from("203.0.113.10, 127.0.0.1")).post("/api/profile")).status).toBe(429);
    expect((await new Client(server.baseUrl, from("203.0.113.10, 192.0.2.1")).post("/api/profile")).status).toBe(201);
  });
});

describe("classes", () => {
  let joinCode: string;
  let teacher: Client;
  beforeAll(async () => {
    teacher = (await newTeacher(server.baseUrl, "Ms Limits", from(freshAddress()))).client;
    joinCode = (await teacher.post("/api/teacher/classes", { name: "Year 9" })).body.joinCode;
  });

  it("120 joins per address in 10 minutes (three classes of 40 behind one school router), then 429", async () => {
    const address = freshAddress();
    const students = await Promise.all(Array.from({ length: 121 }, () => newPlayer(server.baseUrl, from(freshAddress()))));
    const joins = [];
    for (const [i, student] of students.entries())
      joins.push(await student.clone(from(address)).post("/api/classes/join", { code: joinCode, name: `Student ${i}` }));
    expect(joins.slice(0, 120).every((r) => r.status === 200)).toBe(true);
    expectRateLimited(joins[120]);
    expect(joins[120].body.error.message).toMatch(/^too many class joins from this network/);
  });

  it("10 joins per player in 10 minutes, whatever the address", async () => {
    const student = await newPlayer(server.baseUrl, from(freshAddress()));
    for (let i = 0; i < 10; i++) {
      const reply = await student.clone(from(freshAddress())).post("/api/classes/join", { code: joinCode, name: `Renamed ${i}` });
      expect(reply.status, reply.text).toBe(200);
    }
    expectRateLimited(await student.clone(from(freshAddress())).post("/api/classes/join", { code: joinCode, name: "Renamed again" }));
  });

  it("120 resumes per address in 10 minutes, right codes included; wrong codes have their own 10 a minute", async () => {
    const student = await newPlayer(server.baseUrl, from(freshAddress()));
    const { resumeCode } = (await student.post("/api/classes/join", { code: joinCode, name: "Resumer" })).body;
    const address = freshAddress();
    for (let i = 0; i < 120; i++) expect((await new Client(server.baseUrl, from(address)).post("/api/resume", { code: resumeCode })).status).toBe(200);
    const refused = await new Client(server.baseUrl, from(address)).post("/api/resume", { code: resumeCode });
    expectRateLimited(refused);
    expect(refused.body.error.message).toMatch(/^too many resume attempts from this network/);
    const guesser = freshAddress();
    for (let i = 0; i < 10; i++) expect((await new Client(server.baseUrl, from(guesser)).post("/api/resume", { code: "ZZZZ-ZZZZ" })).status).toBe(404);
    expectRateLimited(await new Client(server.baseUrl, from(guesser)).post("/api/resume", { code: resumeCode }));
  });
});

describe("teachers", () => {
  it("20 sign-ups per address an hour (one was seen making 93 a minute), the 409 for a taken email counted too", async () => {
    const address = freshAddress();
    const taken = uniqueEmail("taken");
    for (let i = 0; i < 19; i++) {
      const reply = await new Client(server.baseUrl, from(address)).post("/api/teacher/signup", {
        email: i === 0 ? taken : uniqueEmail("many"),
        name: "Many",
        password: GOOD_PASSWORD,
      });
      expect(reply.status, reply.text).toBe(201);
    }
    const probe = await new Client(server.baseUrl, from(address)).post("/api/teacher/signup", { email: taken, name: "Probe", password: GOOD_PASSWORD });
    expect(probe.status).toBe(409);
    const refused = await new Client(server.baseUrl, from(address)).post("/api/teacher/signup", {
      email: uniqueEmail("late"),
      name: "Late",
      password: GOOD_PASSWORD,
    });
    expectRateLimited(refused);
    expect(refused.body.error.message).toMatch(/^too many new accounts from this network/);
  });

  it("sign-in: 5 tries per account and address, kept across a restart; the table holds no email or address", async () => {
    const { email } = await newTeacher(server.baseUrl, "Ms Durable", from(freshAddress()));
    const address = freshAddress();
    for (let i = 0; i < 5; i++) {
      expect((await new Client(server.baseUrl, from(address)).post("/api/teacher/signin", { email, password: `guess number ${i}` })).status).toBe(401);
    }
    expectRateLimited(await new Client(server.baseUrl, from(address)).post("/api/teacher/signin", { email, password: GOOD_PASSWORD }));

    await server.restart();
    const afterRestart = await new Client(server.baseUrl, from(address)).post("/api/teacher/signin", { email, password: GOOD_PASSWORD });
    expectRateLimited(afterRestart);
    expect(Number(afterRestart.headers.get("retry-after"))).toBeGreaterThan(14 * 60 - 120); // the same 15-minute window, not a new one
    // From another address the teacher signs in.
    expect((await new Client(server.baseUrl, from(freshAddress())).post("/api/teacher/signin", { email, password: GOOD_PASSWORD })).status).toBe(200);

    const rows = await queryDb(server.dbPath, "SELECT key FROM RateLimit");
    expect(rows.length).toBeGreaterThan(0);
    for (const { key } of rows) {
      expect(key).not.toContain(email);
      expect(key).not.toContain(address);
      expect(key).toMatch(/^[a-z-]+:[A-Za-z0-9_-]{43}$/); // the limit's name and a SHA-256
    }
  }, 180_000); // a restart: a cold start takes up to a minute on a loaded machine

  it("a password change checks the current password at most 5 times in 15 minutes", async () => {
    const { client } = await newTeacher(server.baseUrl, "Ms Changes", from(freshAddress()));
    for (let i = 0; i < 5; i++) {
      const reply = await client.post("/api/teacher/password", { currentPassword: `not it ${i}`, newPassword: "quiet rivers run north" });
      expect(reply.status).toBe(400);
      expect(reply.body.error.code).toBe("wrong_password");
    }
    expectRateLimited(await client.post("/api/teacher/password", { currentPassword: GOOD_PASSWORD, newPassword: "quiet rivers run north" }));
  });
});
