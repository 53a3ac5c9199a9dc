import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findLevel } from "@/core/levels/catalog";
import { answersTo } from "./coordinate-answers";
import { chapter2Player, newPlayer, Player, startServer, type TestServer } from "./server-harness";

/** A player's progress without chapter 1, which chapter2Player finished to open chapter 2. */
function chapter2Progress<T>(progress: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(progress).filter(([id]) => findLevel(id)?.chapter !== "rules-from-data"));
}

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await server?.dispose();
});

/**
 * A well-formed answer to turn-the-axes, for the requests refused before any instance is read (no
 * profile, a locked or unknown level, a malformed body): each attempt draws its own boundary, so
 * the answers that are scored are worked out from the instance served (coordinate-answers.ts).
 */
const WELL_FORMED = { representation: "raw", rule: "x>0", angleDeg: 35, shift: [0, 0], scale: [1, 1] } as const;

describe("profile", () => {
  it("POST /api/profile creates an anonymous player with an httpOnly, SameSite=Lax cookie", async () => {
    const player = new Player(server.baseUrl);
    const created = await player.post("/api/profile");
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), displayName: expect.any(String), createdAt: expect.any(String) });
    expect(created.body.displayName.length).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(created.body.createdAt))).toBe(false);
    expect(Math.abs(Date.parse(created.body.createdAt) - Date.now())).toBeLessThan(60_000);

    const header = created.setCookies.find((c) => c.startsWith("ga_player="));
    expect(header, `Set-Cookie headers: ${JSON.stringify(created.setCookies)}`).toBeDefined();
    const attributes = header!.split(";").map((a) => a.trim().toLowerCase());
    expect(attributes).toContain("httponly");
    expect(attributes).toContain("samesite=lax");
    expect(attributes).toContain("path=/");
    expect(attributes).not.toContain("secure"); // COOKIE_SECURE is not set in the tests
    expect(attributes.find((a) => a.startsWith("max-age="))).toBe(`max-age=${60 * 60 * 24 * 180}`); // 180 days, renewed on use (server/players.ts)
    // A 32-byte random secret, base64url.
    expect(player.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The profile never echoes the secret.
    expect(created.text).not.toContain(player.cookie!);
  });

  it("POST /api/profile again returns the same player (200) and sets no new cookie", async () => {
    const player = await chapter2Player(server.baseUrl);
    const cookie = player.cookie;
    const first = await player.get("/api/profile");
    const again = await player.post("/api/profile");
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(again.setCookies.filter((c) => c.startsWith("ga_player="))).toEqual([]);
    expect(player.cookie).toBe(cookie);
  });

  it("two browsers get two different players", async () => {
    const a = await chapter2Player(server.baseUrl);
    const b = await chapter2Player(server.baseUrl);
    expect(a.cookie).not.toBe(b.cookie);
    const [pa, pb] = await Promise.all([a.get("/api/profile"), b.get("/api/profile")]);
    expect(pa.body.id).not.toBe(pb.body.id);
  });

  it("GET /api/profile is 401 without a cookie and returns the profile with one", async () => {
    const anonymous = await new Player(server.baseUrl).get("/api/profile");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ error: { code: "no_profile", message: expect.stringContaining("POST /api/profile") } });

    const player = new Player(server.baseUrl);
    const created = await player.post("/api/profile");
    const read = await player.get("/api/profile");
    expect(read.status).toBe(200);
    expect(read.body).toEqual(created.body);
  });

  it("PATCH /api/profile renames the player (whitespace collapsed) and the name sticks", async () => {
    const player = await chapter2Player(server.baseUrl);
    const renamed = await player.patch("/api/profile", { displayName: "  Ada \t  Lovelace\n " });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe("Ada Lovelace");
    expect((await player.get("/api/profile")).body.displayName).toBe("Ada Lovelace");

    const exactly24 = "x".repeat(24);
    const longest = await player.patch("/api/profile", { displayName: exactly24 });
    expect(longest.status).toBe(200);
    expect(longest.body.displayName).toBe(exactly24);

    const accented = await player.patch("/api/profile", { displayName: "Zoë Ångström-Ñ 99" });
    expect(accented.status).toBe(200);
    expect((await player.get("/api/profile")).body.displayName).toBe("Zoë Ångström-Ñ 99");
  });

  it.each([
    ["empty", ""],
    ["only whitespace", "   \t "],
    ["25 characters", "y".repeat(25)],
    ["angle brackets", "<script>x</script>"],
    ["a lone angle bracket", "Bob > Alice"],
    ["a NUL control character", "Ada\u0000Lovelace"],
    ["a bell control character", "Ada\u0007"],
    ["a right-to-left override", "Ada\u202Eecalevol"],
    ["a number", 42],
    ["null", null],
    ["an object", { first: "Ada" }],
  ])("PATCH /api/profile rejects a displayName that is %s with 400 naming the field", async (_label, displayName) => {
    const player = await chapter2Player(server.baseUrl);
    const before = (await player.get("/api/profile")).body.displayName;
    const response = await player.patch("/api/profile", { displayName });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe("invalid_body");
    expect(response.body.error.message).toMatch(/^displayName: /);
    expect((await player.get("/api/profile")).body.displayName).toBe(before);
  });

  it("PATCH /api/profile rejects a missing displayName, invalid JSON and requests without a profile", async () => {
    const player = await chapter2Player(server.baseUrl);
    const missing = await player.patch("/api/profile", {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^displayName: /);

    const notJson = await player.patch("/api/profile", undefined, { rawBody: "{displayName: 'Ada'" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error).toEqual({ code: "invalid_json", message: "body must be JSON" });

    const anonymous = await new Player(server.baseUrl).patch("/api/profile", { displayName: "Mallory" });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("no_profile");
  });

  it("a random or malformed cookie is nobody: 401 everywhere, and POST /api/profile makes a new player", async () => {
    const owner = await chapter2Player(server.baseUrl);
    const ownerId = (await owner.get("/api/profile")).body.id;
    const miss = await owner.play("turn-the-axes", (a) => a.withStars(0));
    expect(miss.response.status).toBe(201);

    const forgedCookies = [
      randomBytes(32).toString("base64url"), // well-formed but unknown
      "not-a-token",
      owner.cookie!.slice(0, 42), // a prefix of a real one
      owner.cookie!.slice(0, 42) + (owner.cookie!.endsWith("A") ? "B" : "A"), // one character off
      "' OR 1=1 --",
    ];
    for (const cookie of forgedCookies) {
      const forger = new Player(server.baseUrl, cookie);
      const profile = await forger.get("/api/profile");
      expect(profile.status, `cookie ${cookie}`).toBe(401);
      expect((await forger.get("/api/progress")).status, `cookie ${cookie}`).toBe(401);
      const submission = await forger.submit("turn-the-axes", WELL_FORMED, { attempt: 1 });
      expect(submission.status, `cookie ${cookie}`).toBe(401);
      expect(submission.body.error.code).toBe("no_profile");
      expect((await forger.patch("/api/profile", { displayName: "Mallory" })).status, `cookie ${cookie}`).toBe(401);
    }

    // Creating a profile with a forged cookie replaces it with a fresh, different player.
    const forger = new Player(server.baseUrl, randomBytes(32).toString("base64url"));
    const created = await forger.post("/api/profile");
    expect(created.status).toBe(201);
    expect(created.body.id).not.toBe(ownerId);
    expect(forger.cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The owner is untouched by all that.
    expect(chapter2Progress(await owner.progress())).toEqual({ "turn-the-axes": { stars: 0, score: miss.expected.score, attempts: 1, firstTryStars: 0 } });
    expect((await owner.get("/api/profile")).body.displayName).not.toBe("Mallory");
  });
});

describe("submissions", () => {
  it("GET /api/progress is 401 without a profile and empty for a new player", async () => {
    const anonymous = await new Player(server.baseUrl).get("/api/progress");
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error.code).toBe("no_profile");

    const player = await newPlayer(server.baseUrl);
    const id = (await player.get("/api/profile")).body.id;
    const progress = await player.get("/api/progress");
    expect(progress.status).toBe(200);
    expect(progress.body).toEqual({ playerId: id, levels: {} });
  });

  it("POST /api/submissions without a profile is 401 and stores nothing", async () => {
    const anonymous = new Player(server.baseUrl);
    const response = await anonymous.submit("turn-the-axes", WELL_FORMED, { attempt: 1 });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe("no_profile");
    expect(anonymous.cookie).toBeNull(); // submitting does not create a profile on the side
  });

  it("the reference solver's answer to the instance served earns 3 stars, and /api/progress reads it back", async () => {
    const player = await chapter2Player(server.baseUrl);
    const { response, expected } = await player.play("turn-the-axes", (a) => a.right);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      levelId: "turn-the-axes",
      attempt: 1,
      score: 1,
      outcomeStars: 3,
      stars: 3,
      cap: { stars: 3, reasons: [] },
      verdict: { title: "Perfect!", note: null },
      metrics: { accuracy: 1, correct: 300, total: 300 },
      best: { score: 1, stars: 3, attempts: 1, firstTryStars: 3 },
      improved: true,
      rank: expect.any(Number),
      nextLevelId: "turn-and-shift",
      review: { answer: expected.answer },
      explanation: expect.stringContaining("representation"),
      next: { id: "turn-the-axes", attempt: 2, rules: { cooldownUntil: null, hintCost: 0 } },
    });
    expect(response.body.rank).toBeGreaterThanOrEqual(1);
    expect(chapter2Progress(await player.progress())).toEqual({ "turn-the-axes": { stars: 3, score: 1, attempts: 1, firstTryStars: 3 } });
  });

  it("the whole chapter's solved instances unlock level after level", async () => {
    const player = await chapter2Player(server.baseUrl);
    const chain = [
      ["turn-the-axes", "turn-and-shift"],
      ["turn-and-shift", "admissions"],
      ["admissions", "circles"],
    ] as const;
    for (const [levelId, next] of chain) {
      // Other tests share this server: the rank is one more than the three-star bests already there.
      const before = await player.get(`/api/levels/${levelId}/leaderboard`);
      expect(before.status).toBe(200);
      const perfectBefore = before.body.entries.filter((e: { score: number; stars: number }) => e.stars === 3).length;
      expect(perfectBefore).toBeLessThan(10);
      const { response } = await player.play(levelId, (a) => a.right);
      expect(response.status, `${levelId}: ${response.text}`).toBe(201);
      expect(response.body).toMatchObject({ levelId, score: 1, stars: 3, improved: true, nextLevelId: next, rank: perfectBefore + 1 });
    }
    expect(chapter2Progress(await player.progress())).toEqual({
      "turn-the-axes": { stars: 3, score: 1, attempts: 1, firstTryStars: 3 },
      "turn-and-shift": { stars: 3, score: 1, attempts: 1, firstTryStars: 3 },
      admissions: { stars: 3, score: 1, attempts: 1, firstTryStars: 3 },
    });
  });

  it("after a miss the next tries earn at most ★ (the cool-down), a capped try says why, and the best is never lowered", async () => {
    const player = await chapter2Player(server.baseUrl);

    const { response: naive, expected: missed } = await player.play("turn-the-axes", (a) => a.withStars(0));
    expect(naive.status).toBe(201);
    expect(missed.score).toBeLessThan(0.9);
    expect(naive.body).toMatchObject({
      attempt: 1,
      score: missed.score,
      outcomeStars: 0,
      stars: 0,
      verdict: { title: "Not there yet", note: null },
      metrics: { ...missed.metrics, total: 300 },
      best: { score: missed.score, stars: 0, attempts: 1, firstTryStars: 0 },
      improved: true, // a first attempt is always an improvement on nothing
      rank: null, // no star: not ranked
    });
    // The next attempt is served with the cool-down the miss started: about 10 minutes.
    const cooldown = naive.body.next.rules.cooldownUntil - Date.now();
    expect(cooldown).toBeGreaterThan(9 * 60_000);
    expect(cooldown).toBeLessThanOrEqual(10 * 60_000);
    expect(chapter2Progress(await player.progress())).toEqual({ "turn-the-axes": { stars: 0, score: missed.score, attempts: 1, firstTryStars: 0 } });

    // Worth two stars, capped at one.
    const { response: better, expected: twoStars } = await player.play("turn-the-axes", (a) => a.withStars(2));
    expect(better.status).toBe(201);
    expect(better.body).toMatchObject({ attempt: 2, score: twoStars.score, outcomeStars: 2, stars: 1, cap: { stars: 1 }, improved: true });
    expect(better.body.verdict).toEqual({
      title: "Passed — 1 of 3 stars",
      note: expect.stringMatching(/^Worth ★★ — but after a miss, this try is capped at ★ \(next ★★★ try in \d+ min\)\.$/),
    });
    expect(better.body.best).toEqual({ score: twoStars.score, stars: 1, attempts: 2, firstTryStars: 0 });

    const { response: worse, expected: missedAgain } = await player.play("turn-the-axes", (a) => a.withStars(0));
    expect(worse.body).toMatchObject({ score: missedAgain.score, stars: 0, best: { score: twoStars.score, stars: 1, attempts: 3 }, improved: false });

    const { response: right } = await player.play("turn-the-axes", (a) => a.right);
    expect(right.body).toMatchObject({ score: 1, outcomeStars: 3, stars: 1, improved: true, best: { score: 1, stars: 1, attempts: 4, firstTryStars: 0 } });
    expect(right.body.verdict.note).toMatch(/^Right — but after a miss/);
    expect(chapter2Progress(await player.progress())).toEqual({ "turn-the-axes": { stars: 1, score: 1, attempts: 4, firstTryStars: 0 } });
  });

  it("a locked level is 403 and stores nothing; a 0-star result does not unlock the next level", async () => {
    const player = await chapter2Player(server.baseUrl);

    // A locked level serves no instance either: any well-formed answer is refused.
    expect((await player.get("/api/levels/turn-and-shift")).status).toBe(403);
    const locked = await player.submit("turn-and-shift", WELL_FORMED, { attempt: 1 });
    expect(locked.status).toBe(403);
    expect(locked.body.error).toEqual({ code: "level_locked", message: expect.stringMatching(/^levelId: /) });
    const lockedLater = await player.submit("admissions", { ...WELL_FORMED, rule: "x>0 and y>0", angleDeg: 0, shift: [50, 800] }, { attempt: 1 });
    expect(lockedLater.status).toBe(403);
    expect(chapter2Progress(await player.progress())).toEqual({});

    // Zero stars on the first level keeps the second locked.
    const zero = await player.play("turn-the-axes", (a) => a.withStars(0));
    expect(zero.response.body.stars).toBe(0);
    expect((await player.submit("turn-and-shift", WELL_FORMED, { attempt: 1 })).status).toBe(403);
    expect(chapter2Progress(await player.progress())).toEqual({ "turn-the-axes": { stars: 0, score: zero.expected.score, attempts: 1, firstTryStars: 0 } });

    // One star is enough.
    const oneStar = await player.play("turn-the-axes", (a) => a.withStars(1));
    expect(oneStar.response.body).toMatchObject({ stars: 1, improved: true });
    expect((await player.play("turn-and-shift", (a) => a.right)).response.status).toBe(201);
    // The level after that is still locked.
    expect((await player.submit("circles", WELL_FORMED, { attempt: 1 })).status).toBe(403);
    expect(chapter2Progress(await player.progress())).toEqual({
      "turn-the-axes": { stars: 1, score: oneStar.expected.score, attempts: 2, firstTryStars: 0 },
      "turn-and-shift": { stars: 3, score: 1, attempts: 1, firstTryStars: 3 },
    });
  });

  it("an unknown level is 404 and stores nothing", async () => {
    const player = await chapter2Player(server.baseUrl);
    for (const levelId of ["no-such-level", "TURN-THE-AXES", "turn-the-axes ", "__proto__", "constructor"]) {
      const response = await player.submit(levelId, WELL_FORMED, { attempt: 1 });
      expect(response.status, `levelId ${JSON.stringify(levelId)}: ${response.text}`).toBe(404);
      expect(response.body.error.code).toBe("unknown_level");
      expect(response.body.error.message).toMatch(/^levelId: /);
    }
    expect(chapter2Progress(await player.progress())).toEqual({});
  });

  it("ignores a forged score and stars, in the body and inside the answer", async () => {
    const player = await chapter2Player(server.baseUrl);

    const forgedInBody = { score: 1, stars: 3, best: { score: 1, stars: 3, attempts: 0 }, improved: true };
    const { response: inBody, expected: first } = await player.play("turn-the-axes", (a) => a.withStars(0), forgedInBody);
    expect(inBody.status).toBe(201);
    expect(inBody.body).toMatchObject({ score: first.score, stars: 0, best: { score: first.score, stars: 0, attempts: 1, firstTryStars: 0 } });

    const served = await player.served("turn-the-axes");
    const second = answersTo(served).withStars(0);
    const inAnswer = await player.submit(
      "turn-the-axes",
      { ...second.answer, score: 1, stars: 3, accuracy: 1, metrics: { accuracy: 1 } },
      { attempt: served.attempt },
    );
    expect(inAnswer.status).toBe(201);
    expect(inAnswer.body).toMatchObject({ score: second.score, stars: 0, metrics: { ...second.metrics, total: 300 } });
    const bestScore = Math.max(first.score, second.score);
    expect(inAnswer.body.best).toEqual({ score: bestScore, stars: 0, attempts: 2, firstTryStars: 0 });

    expect(chapter2Progress(await player.progress())).toEqual({ "turn-the-axes": { stars: 0, score: bestScore, attempts: 2, firstTryStars: 0 } });
    // And no star means the next level is still locked.
    expect((await player.submit("turn-and-shift", WELL_FORMED, { attempt: 1 })).status).toBe(403);
  });

  describe("malformed submissions are 4xx with a message naming the field, and change nothing", () => {
    let player: Player;
    // Set by the first (0-star) try, in beforeAll.
    const expectedProgress = { "turn-the-axes": { stars: 0, score: Number.NaN, attempts: 1, firstTryStars: 0 } };
    /** The attempt being played (a malformed submission does not move it on). */
    const attemptNow = async (): Promise<number> => (await player.get("/api/levels/turn-the-axes")).body.attempt;

    beforeAll(async () => {
      player = await chapter2Player(server.baseUrl);
      const miss = await player.play("turn-the-axes", (a) => a.withStars(0));
      expect(miss.response.status).toBe(201);
      expectedProgress["turn-the-axes"].score = miss.expected.score;
    });

    // A body that names a level names the attempt being played, so its answer is what is refused.
    const post = async (rawBody: string) =>
      player.post("/api/submissions", undefined, {
        rawBody: rawBody.replace(/^\{"levelId":"turn-the-axes",/, `{"levelId":"turn-the-axes","attempt":${await attemptNow()},`),
      });

    it.each([
      ["not JSON", "levelId=turn-the-axes", "invalid_json", /^body must be JSON$/],
      ["truncated JSON", '{"levelId":"turn-the-axes","answer":{', "invalid_json", /^body must be JSON$/],
      ["an empty body", "", "invalid_json", /^body must be JSON$/],
      [
        "NaN (not JSON)",
        `{"levelId":"turn-the-axes","answer":{"representation":"raw","rule":"x>0","angleDeg":NaN,"shift":[0,0],"scale":[1,1]}}`,
        "invalid_json",
        /^body must be JSON$/,
      ],
      ["a JSON array", "[1,2,3]", "invalid_body", /expected object/],
      ["JSON null", "null", "invalid_body", /expected object/],
      [
        "angleDeg 1e400 (Infinity)",
        `{"levelId":"turn-the-axes","answer":{"representation":"raw","rule":"x>0","angleDeg":1e400,"shift":[0,0],"scale":[1,1]}}`,
        "invalid_answer",
        /^answer\.angleDeg: /,
      ],
      [
        "angleDeg -1e400 (-Infinity)",
        `{"levelId":"turn-the-axes","answer":{"representation":"raw","rule":"x>0","angleDeg":-1e400,"shift":[0,0],"scale":[1,1]}}`,
        "invalid_answer",
        /^answer\.angleDeg: /,
      ],
      [
        "shift 1e400 (Infinity)",
        `{"levelId":"turn-the-axes","answer":{"representation":"raw","rule":"x>0","angleDeg":35,"shift":[1e400,0],"scale":[1,1]}}`,
        "invalid_answer",
        /^answer\.shift\.0: /,
      ],
    ])("%s", async (_label, rawBody, code, message) => {
      const response = await post(rawBody);
      expect(response.status).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toMatch(message);
      expect(chapter2Progress(await player.progress())).toEqual(expectedProgress);
    });

    it.each([
      ["no answer", { levelId: "turn-the-axes" }, "invalid_body", /^answer: /],
      ["no levelId", { answer: WELL_FORMED }, "invalid_body", /^levelId: /],
      ["a numeric levelId", { levelId: 1, answer: WELL_FORMED }, "invalid_body", /^levelId: /],
      ["an empty levelId", { levelId: "", answer: WELL_FORMED }, "invalid_body", /^levelId: /],
      ["a 65-character levelId", { levelId: "a".repeat(65), answer: WELL_FORMED }, "invalid_body", /^levelId: /],
      ["a null answer", { levelId: "turn-the-axes", answer: null }, "invalid_answer", /^answer: /],
      ["a string answer", { levelId: "turn-the-axes", answer: "35 degrees" }, "invalid_answer", /^answer: /],
      ["angleDeg as a string", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, angleDeg: "35" } }, "invalid_answer", /^answer\.angleDeg: /],
      ["angleDeg missing", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, angleDeg: undefined } }, "invalid_answer", /^answer\.angleDeg: /],
      ["angleDeg 1e300", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, angleDeg: 1e300 } }, "invalid_answer", /^answer\.angleDeg: /],
      ["angleDeg 361", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, angleDeg: 361 } }, "invalid_answer", /^answer\.angleDeg: /],
      ["shift with one number", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, shift: [0] } }, "invalid_answer", /^answer\.shift/],
      ["shift with three numbers", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, shift: [0, 0, 0] } }, "invalid_answer", /^answer\.shift/],
      ["shift 1e7", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, shift: [0, 1e7] } }, "invalid_answer", /^answer\.shift\.1: /],
      ["scale -1e300", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, scale: [-1e300, 1] } }, "invalid_answer", /^answer\.scale\.0: /],
      [
        "an unknown representation",
        { levelId: "turn-the-axes", answer: { ...WELL_FORMED, representation: "magic" } },
        "invalid_answer",
        /^answer\.representation: /,
      ],
      ["an unknown rule", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, rule: "always" } }, "invalid_answer", /^answer\.rule: /],
      // Well-formed, but the level does not allow it.
      ["the locked origin moved", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, shift: [0.1, 0] } }, "invalid_answer", /^answer\.shift: .*locked/],
      ["the locked scale moved", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, scale: [2, 1] } }, "invalid_answer", /^answer\.scale: .*locked/],
      [
        "a representation this level does not offer",
        { levelId: "turn-the-axes", answer: { ...WELL_FORMED, representation: "polar" } },
        "invalid_answer",
        /^answer\.representation: /,
      ],
      ["a rule this level does not offer", { levelId: "turn-the-axes", answer: { ...WELL_FORMED, rule: "x>0 and y>0" } }, "invalid_answer", /^answer\.rule: /],
    ])("%s", async (_label, body, code, message) => {
      const response = await player.post("/api/submissions", { attempt: await attemptNow(), ...body });
      expect(response.status, response.text).toBe(400);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toMatch(message);
      expect(chapter2Progress(await player.progress())).toEqual(expectedProgress);
    });

    it.each([
      ["no attempt", () => ({ levelId: "turn-the-axes", answer: WELL_FORMED }), 400, "invalid_body", /^attempt: /],
      ["attempt 0", () => ({ levelId: "turn-the-axes", answer: WELL_FORMED, attempt: 0 }), 400, "invalid_body", /^attempt: /],
      [
        "an attempt already played",
        (attempt: number) => ({ levelId: "turn-the-axes", answer: WELL_FORMED, attempt: attempt - 1 }),
        409,
        "stale_attempt",
        /reload it$/,
      ],
      [
        "an attempt not served yet",
        (attempt: number) => ({ levelId: "turn-the-axes", answer: WELL_FORMED, attempt: attempt + 1 }),
        409,
        "stale_attempt",
        /reload it$/,
      ],
    ])("%s", async (_label, body, status, code, message) => {
      const response = await player.post("/api/submissions", body(await attemptNow()));
      expect(response.status, response.text).toBe(status);
      expect(response.body.error.code).toBe(code);
      expect(response.body.error.message).toMatch(message);
      expect(chapter2Progress(await player.progress())).toEqual(expectedProgress);
    });

    it("a body over 16 KB is 413, even when it is otherwise a valid 3-star submission", async () => {
      const served = await player.served("turn-the-axes");
      const answer = answersTo(served).right.answer;
      const response = await player.post("/api/submissions", { levelId: "turn-the-axes", attempt: served.attempt, answer, padding: "x".repeat(17 * 1024) });
      expect(response.status).toBe(413);
      expect(response.body.error.code).toBe("too_large");
      expect(response.body.error.message).toMatch(/16384 bytes/);
      expect(chapter2Progress(await player.progress())).toEqual(expectedProgress);
    });

    // The limit counts bytes, not UTF-16 characters: ~30 KB of "é" (15 000 characters) is refused.
    it("a body over 16 KB in bytes (but under 16 K characters) is 413 too", async () => {
      const body = JSON.stringify({ levelId: "turn-the-axes", attempt: await attemptNow(), answer: WELL_FORMED, padding: "é".repeat(15_000) });
      expect(body.length).toBeLessThan(16 * 1024);
      expect(Buffer.byteLength(body)).toBeGreaterThan(16 * 1024);
      const response = await player.post("/api/submissions", undefined, { rawBody: body });
      if (response.status === 201) expectedProgress["turn-the-axes"].attempts += 1; // keep the other tests' bookkeeping right
      expect(response.status).toBe(413);
    });

    it("a body just under 16 KB is still accepted (and its padding ignored)", async () => {
      const served = await player.served("turn-the-axes");
      const miss = answersTo(served).withStars(0);
      const body = { levelId: "turn-the-axes", attempt: served.attempt, answer: miss.answer, padding: "" };
      body.padding = "x".repeat(16 * 1024 - JSON.stringify(body).length);
      expect(JSON.stringify(body).length).toBe(16 * 1024);
      const attemptsBefore = expectedProgress["turn-the-axes"].attempts;
      const response = await player.post("/api/submissions", body);
      expect(response.status, response.text).toBe(201);
      expect(response.body).toMatchObject({ score: miss.score, stars: 0, best: { attempts: attemptsBefore + 1 } });
      expectedProgress["turn-the-axes"].attempts = attemptsBefore + 1;
      expectedProgress["turn-the-axes"].score = Math.max(expectedProgress["turn-the-axes"].score, miss.score);
      expect(chapter2Progress(await player.progress())).toEqual(expectedProgress);
    });
  });
});
