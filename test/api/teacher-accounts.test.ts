/**
 * Teacher accounts against a real server and database: sign-up, sign-in, sign-out, sessions in
 * httpOnly SameSite cookies, password rules, one generic failure message, and rate-limited sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type TestServer } from "./server-harness";
import { queryDb } from "./live-client";

const COOKIE = "ga_teacher";

/** One browser for a teacher: keeps the ga_teacher cookie and sends it back. */
class TeacherBrowser {
  cookie: string | null = null;
  setCookies: string[] = [];
  constructor(readonly baseUrl: string) {}

  async post(path: string, json?: unknown) {
    return this.request("POST", path, json);
  }
  async get(path: string) {
    return this.request("GET", path);
  }
  private async request(method: string, path: string, json?: unknown) {
    const headers: Record<string, string> = {};
    if (json !== undefined) headers["content-type"] = "application/json";
    if (this.cookie) headers.cookie = `${COOKIE}=${this.cookie}`;
    const response = await fetch(new URL(path, this.baseUrl), { method, headers, body: json === undefined ? undefined : JSON.stringify(json) });
    this.setCookies = response.headers.getSetCookie();
    for (const header of this.setCookies) {
      const [pair] = header.split(";");
      if (!pair.startsWith(`${COOKIE}=`)) continue;
      const value = pair.slice(COOKIE.length + 1);
      this.cookie = value === "" || /max-age=0/i.test(header) ? null : value;
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }
}

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

const PASSWORD = "analytical engine 1843";

describe("sign-up", () => {
  it("creates the account, signs it in with an httpOnly SameSite cookie, and stores only a scrypt hash", async () => {
    const ada = new TeacherBrowser(server.baseUrl);
    const res = await ada.post("/api/teacher/signup", { email: " Ada@School.Example ", name: "Ada Lovelace", password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: "ada@school.example", name: "Ada Lovelace" });
    const cookie = ada.setCookies.find((c) => c.startsWith(`${COOKIE}=`))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=lax/i);
    expect(cookie).toMatch(/Path=\//);
    expect((await ada.get("/api/teacher/me")).body).toMatchObject({ email: "ada@school.example", name: "Ada Lovelace" });

    const [row] = await queryDb(server.dbPath, `SELECT passwordHash FROM Teacher WHERE email = ?`, ["ada@school.example"]);
    expect(row.passwordHash).toMatch(/^scrypt\$/);
    expect(row.passwordHash).not.toContain(PASSWORD);
    const sessions = await queryDb(server.dbPath, `SELECT tokenHash FROM TeacherSession`);
    expect(sessions.map((s) => s.tokenHash)).not.toContain(ada.cookie);
  });

  it("refuses a taken email (whatever its case) with 409, and a weak password with 400 naming the field", async () => {
    const again = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signup", { email: "ADA@school.example", name: "Someone", password: PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
    for (const password of ["short", "aaaaaaaaaaaaaa"]) {
      const weak = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signup", { email: "weak@school.example", name: "Weak", password });
      expect(weak.status).toBe(400);
      expect(weak.body.error.message).toMatch(/^password/);
    }
    const badEmail = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signup", { email: "nope", name: "X", password: PASSWORD });
    expect(badEmail.status).toBe(400);
    expect(badEmail.body.error.message).toMatch(/^email/);
    expect(await queryDb(server.dbPath, `SELECT email FROM Teacher WHERE email IN ('weak@school.example', 'nope')`)).toEqual([]);
  });
});

describe("sign-in and sign-out", () => {
  it("signs in with the right password; sign-out ends the session on the server too", async () => {
    const browser = new TeacherBrowser(server.baseUrl);
    const res = await browser.post("/api/teacher/signin", { email: "ada@school.example", password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.email).toBe("ada@school.example");
    const stolen = browser.cookie;
    expect((await browser.get("/api/teacher/me")).status).toBe(200);

    expect((await browser.post("/api/teacher/signout")).status).toBe(204);
    expect(browser.cookie).toBeNull();
    expect((await browser.get("/api/teacher/me")).status).toBe(401);
    // A copy of the old cookie is worthless: the session row is gone.
    const copy = new TeacherBrowser(server.baseUrl);
    copy.cookie = stolen;
    expect((await copy.get("/api/teacher/me")).status).toBe(401);
  });

  it("gives one generic answer for a wrong password and an unknown email", async () => {
    const wrong = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signin", { email: "ada@school.example", password: "not the password" });
    const unknown = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signin", { email: "nobody@school.example", password: PASSWORD });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it("is rate-limited per account: after 5 tries even the right password waits", async () => {
    await new TeacherBrowser(server.baseUrl).post("/api/teacher/signup", { email: "grace@school.example", name: "Grace", password: PASSWORD });
    for (let i = 0; i < 5; i++) {
      expect(
        (await new TeacherBrowser(server.baseUrl).post("/api/teacher/signin", { email: "grace@school.example", password: `wrong guess ${i}` })).status,
      ).toBe(401);
    }
    const limited = await new TeacherBrowser(server.baseUrl).post("/api/teacher/signin", { email: "grace@school.example", password: PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another account from the same address is not locked out by Grace's.
    expect((await new TeacherBrowser(server.baseUrl).post("/api/teacher/signin", { email: "ada@school.example", password: PASSWORD })).status).toBe(200);
  });

  it("a forged client-address header does not reset the limit", async () => {
    const res = await fetch(new URL("/api/teacher/signin", server.baseUrl), {
      method: "POST",
      headers: { "content-type": "application/json", "x-ga-client-address": "10.9.8.7" },
      body: JSON.stringify({ email: "grace@school.example", password: PASSWORD }),
    });
    expect(res.status).toBe(429);
  });

  it("/api/teacher/me is 401 without a session, and for a malformed cookie", async () => {
    expect((await new TeacherBrowser(server.baseUrl).get("/api/teacher/me")).status).toBe(401);
    const forged = new TeacherBrowser(server.baseUrl);
    forged.cookie = "x".repeat(43);
    expect((await forged.get("/api/teacher/me")).status).toBe(401);
  });
});
