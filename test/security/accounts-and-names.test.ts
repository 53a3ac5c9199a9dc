/**
 * Issue 11, finding 6 (teacher accounts) and finding 7's web parts (names, the player cookie)
 * against a real server: weak passwords, password change and "sign out everywhere" ending
 * sessions, and hostile names refused by every route that takes one, with nothing stored.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryDb } from "../api/live-client";
import { startServer, type TestServer } from "../api/server-harness";
import { Client, GOOD_PASSWORD, newPlayer, newTeacher, PLAYER_COOKIE, tally, TEACHER_COOKIE, uniqueEmail } from "./helpers";

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  console.log(tally.line("security/accounts-and-names"));
  await server?.dispose();
});

describe("teacher passwords", () => {
  it.each(["1234567890", "password12", "qwertyuiop", "P@ssw0rd2024", "football2024", "iloveyou12"])(
    "refuses the common password %j with a clear message",
    async (password) => {
      const email = uniqueEmail("weak");
      const reply = await new Client(server.baseUrl).post("/api/teacher/signup", { email, name: "Weak", password });
      expect(reply.status).toBe(400);
      expect(reply.body.error).toEqual({
        code: "invalid_body",
        message: "password: is too common: it is on the list of passwords attackers try first. A few unrelated words make a strong one",
      });
      expect(await queryDb(server.dbPath, "SELECT id FROM Teacher WHERE email = ?", [email])).toEqual([]);
    },
  );

  it("keeps 409 email_taken: without email verification, hiding it would only confuse the real owner (sign-ups are limited instead)", async () => {
    const { email } = await newTeacher(server.baseUrl);
    const again = await new Client(server.baseUrl).post("/api/teacher/signup", { email, name: "Again", password: GOOD_PASSWORD });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_taken");
  });
});

describe("changing the password", () => {
  it("needs the current one, follows the sign-up rules, and ends every other session", async () => {
    const { client: laptop, email } = await newTeacher(server.baseUrl, "Ms Change");
    const phone = new Client(server.baseUrl);
    expect((await phone.post("/api/teacher/signin", { email, password: GOOD_PASSWORD })).status).toBe(200);
    const stolen = phone.clone(); // a copied cookie

    const wrong = await laptop.post("/api/teacher/password", { currentPassword: "not my password", newPassword: "quiet rivers run north" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toEqual({ code: "wrong_password", message: "currentPassword: is not your current password" });
    const weak = await laptop.post("/api/teacher/password", { currentPassword: GOOD_PASSWORD, newPassword: "qwertyuiop" });
    expect(weak.body.error.message).toMatch(/^newPassword: is too common/);
    const short = await laptop.post("/api/teacher/password", { currentPassword: GOOD_PASSWORD, newPassword: "short" });
    expect(short.body.error.message).toBe("newPassword: must be at least 10 characters");
    expect((await phone.get("/api/teacher/me")).status).toBe(200); // nothing changed yet

    const oldCookie = laptop.cookies.get(TEACHER_COOKIE);
    const changed = await laptop.post("/api/teacher/password", { currentPassword: GOOD_PASSWORD, newPassword: "quiet rivers run north" });
    expect(changed.status, changed.text).toBe(200);
    expect(laptop.cookies.get(TEACHER_COOKIE)).not.toBe(oldCookie); // a fresh session here
    expect((await laptop.get("/api/teacher/me")).status).toBe(200);
    expect((await phone.get("/api/teacher/me")).status).toBe(401);
    expect((await stolen.get("/api/teacher/me")).status).toBe(401);
    expect(await queryDb(server.dbPath, "SELECT COUNT(*) AS n FROM TeacherSession s JOIN Teacher t ON t.id = s.teacherId WHERE t.email = ?", [email])).toEqual([
      { n: 1 },
    ]);

    expect((await new Client(server.baseUrl).post("/api/teacher/signin", { email, password: GOOD_PASSWORD })).status).toBe(401);
    expect((await new Client(server.baseUrl).post("/api/teacher/signin", { email, password: "quiet rivers run north" })).status).toBe(200);
  });

  it("is for signed-in teachers only", async () => {
    expect((await new Client(server.baseUrl).post("/api/teacher/password", { currentPassword: "x", newPassword: "quiet rivers run north" })).status).toBe(401);
  });
});

describe("signing out everywhere", () => {
  it("ends every session of the teacher, this one included, and no one else's", async () => {
    const { client: laptop, email } = await newTeacher(server.baseUrl, "Ms Everywhere");
    const phone = new Client(server.baseUrl);
    expect((await phone.post("/api/teacher/signin", { email, password: GOOD_PASSWORD })).status).toBe(200);
    const { client: colleague } = await newTeacher(server.baseUrl, "Mr Colleague");

    const reply = await laptop.send("DELETE", "/api/teacher/sessions");
    expect(reply.status).toBe(204);
    expect(laptop.cookies.has(TEACHER_COOKIE)).toBe(false);
    expect((await phone.get("/api/teacher/me")).status).toBe(401);
    expect((await colleague.get("/api/teacher/me")).status).toBe(200);
    expect((await laptop.send("DELETE", "/api/teacher/sessions")).status).toBe(401);
  });
});

describe("names", () => {
  // Finding 7: right-to-left overrides, zero-width characters (a second "Admin"), a NUL that cut the name, and zalgo.
  const hostile = [
    ["a right-to-left override", "Annexe\u202Egpj.exe", "must not contain invisible or control characters"],
    ["a zero-width space", "Ad\u200Bmin", "must not contain invisible or control characters"],
    ["a NUL", "Admin\u0000 (teacher)", "must not contain invisible or control characters"],
    ["zalgo", "Z̷̢͈͓̥̝̱̈́͐̽͂a̵̢͙̋l̸g̶o", "has too many accents or marks on one character"],
    ["an emoji", "Ana😀", "must not contain emoji"],
  ] as const;

  let teacher: Client;
  let classId: string;
  let joinCode: string;
  beforeAll(async () => {
    teacher = (await newTeacher(server.baseUrl, "Ms Names")).client;
    const created = await teacher.post("/api/teacher/classes", { name: "Names" });
    classId = created.body.id;
    joinCode = created.body.joinCode;
  });

  it.each(hostile)("refuses %s in every name, and stores nothing", async (_, name, message) => {
    const before = await queryDb(
      server.dbPath,
      "SELECT (SELECT COUNT(*) FROM Teacher) t, (SELECT COUNT(*) FROM Classroom) c, (SELECT COUNT(*) FROM ClassMember) m",
    );
    const player = await newPlayer(server.baseUrl);
    const replies = {
      "display name": await player.patch("/api/profile", { displayName: name }),
      "class member": await player.post("/api/classes/join", { code: joinCode, name }),
      teacher: await new Client(server.baseUrl).post("/api/teacher/signup", { email: uniqueEmail("names"), name, password: GOOD_PASSWORD }),
      "new class": await teacher.post("/api/teacher/classes", { name }),
      "renamed class": await teacher.patch(`/api/teacher/classes/${classId}`, { name }),
    };
    for (const [field, reply] of Object.entries(replies)) {
      expect(reply.status, `${field}: ${reply.text}`).toBe(400);
      expect(reply.body.error.message, field).toMatch(new RegExp(`^\\w+: ${message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    }
    expect(
      await queryDb(server.dbPath, "SELECT (SELECT COUNT(*) FROM Teacher) t, (SELECT COUNT(*) FROM Classroom) c, (SELECT COUNT(*) FROM ClassMember) m"),
    ).toEqual(before);
    expect((await player.get("/api/profile")).body.displayName).not.toBe(name);
    expect((await teacher.get(`/api/teacher/classes/${classId}`)).body.name).toBe("Names");
  });

  it('stores names normalised (NFKC, whitespace folded): a full-width "Ａｄｍｉｎ" is "Admin"', async () => {
    const player = await newPlayer(server.baseUrl);
    expect((await player.patch("/api/profile", { displayName: "  Ａｄｍｉｎ \t Ｏｎｅ " })).body.displayName).toBe("Admin One");
  });

  it("refuses a second member of a class under the same name (case, accents and spacing aside)", async () => {
    const first = await newPlayer(server.baseUrl);
    expect((await first.post("/api/classes/join", { code: joinCode, name: "Admin" })).status).toBe(200);
    for (const copy of ["admin", "ADMIN", " Ádmin ", "Ad min", "Ａｄｍｉｎ"]) {
      const other = new Client(server.baseUrl);
      const reply = await other.post("/api/classes/join", { code: joinCode, name: copy });
      expect(reply.status, copy).toBe(409);
      expect(reply.body.error).toEqual({ code: "name_taken", message: "name: another student in this class uses this name; add an initial or a number" });
      expect(other.cookies.has(PLAYER_COOKIE)).toBe(false); // no player made for a refused join
    }
    // The member themself may join again under their name.
    expect((await first.post("/api/classes/join", { code: joinCode, name: "admin" })).status).toBe(200);
    const roster = (await teacher.get(`/api/teacher/classes/${classId}`)).body.members.map((m: { name: string }) => m.name);
    expect(roster).toEqual(["admin"]);
  });
});

describe("the player cookie", () => {
  it("lasts 180 days, not 400", async () => {
    const client = new Client(server.baseUrl);
    const reply = await fetch(new URL("/api/profile", server.baseUrl), { method: "POST" });
    const cookie = reply.headers.getSetCookie().find((c) => c.startsWith(`${PLAYER_COOKIE}=`));
    expect(cookie).toMatch(/max-age=15552000/i);
    expect(client.cookies.size).toBe(0);
  });

  it("is renewed, at most once a day, when the player comes back", async () => {
    const player = await newPlayer(server.baseUrl);
    // The same day: no new cookie.
    expect((await fetchRaw(player, "/api/progress")).getSetCookie()).toEqual([]);
    // A player last seen two days ago gets the cookie again, with the full lifetime, and is seen today.
    const id = (await player.get("/api/profile")).body.id;
    await setLastSeen(id, Date.now() - 2 * 24 * 60 * 60 * 1000);
    const renewed = (await fetchRaw(player, "/api/progress")).getSetCookie().find((c) => c.startsWith(`${PLAYER_COOKIE}=`));
    expect(renewed).toContain(`${PLAYER_COOKIE}=${player.cookies.get(PLAYER_COOKIE)}`);
    expect(renewed).toMatch(/max-age=15552000/i);
    const [{ lastSeenAt }] = await queryDb(server.dbPath, "SELECT lastSeenAt FROM Player WHERE id = ?", [id]);
    expect(Date.now() - Date.parse(String(lastSeenAt))).toBeLessThan(60_000);
  });
});

async function fetchRaw(client: Client, path: string): Promise<Headers> {
  const response = await fetch(new URL(path, server.baseUrl), { headers: { cookie: client.cookieHeader() } });
  await response.text();
  tally.record(response.status);
  return response.headers;
}

/** Moves a player's lastSeenAt back in time (the test's only write to the database). */
async function setLastSeen(playerId: string, epochMs: number): Promise<void> {
  // ISO text as Prisma keeps it in SQLite; PostgreSQL's timestamp (without zone) ignores the offset.
  await queryDb(server.dbPath, "UPDATE Player SET lastSeenAt = ? WHERE id = ?", [new Date(epochMs).toISOString().replace("Z", "+00:00"), playerId]);
}
