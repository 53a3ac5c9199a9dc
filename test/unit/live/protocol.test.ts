import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { gameCode, LIVE_PROTOCOL_VERSION, type LiveEventName, liveEvents, MAX_KICK_AT_ONCE, nickname } from "@/core/live/protocol";

const V = LIVE_PROTOCOL_VERSION;
/** A well-formed 32-byte base64url secret (43 characters, no padding). */
const SECRET = Buffer.from(Array.from({ length: 32 }, (_, i) => i * 7 + 3)).toString("base64url");
const SECRET2 = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJK-_0123";
const HUGE = "x".repeat(200_000);

const valid: Record<LiveEventName, Record<string, unknown>> = {
  "host:create": { protocolVersion: V, playlist: ["level-1", "level-2"], options: { roundSeconds: 60, speedBonus: true } },
  "host:resume": { protocolVersion: V, code: "123456", hostSecret: SECRET },
  "host:advance": { expectedPhase: "lobby" },
  "host:kick": { playerId: "player-1" },
  "host:lock": { locked: true },
  "host:pause": {},
  "host:unpause": {},
  "host:addTime": {},
  "host:skip": {},
  "host:end": {},
  "player:check": { protocolVersion: V, code: "012345" },
  "player:join": { protocolVersion: V, code: "123456", nickname: "Ana" },
  "player:resume": { protocolVersion: V, code: "123456", playerSecret: SECRET },
  "player:answer": { roundIndex: 0, answer: { weights: [0.1, -0.2], bias: 0.5 } },
  "player:done": { roundIndex: 0 },
};
const versioned: LiveEventName[] = ["host:create", "host:resume", "player:check", "player:join", "player:resume"];

const schema = (name: LiveEventName): z.ZodType => liveEvents[name];
const accepts = (name: LiveEventName, payload: unknown) => schema(name).safeParse(payload).success;
const withField = (name: LiveEventName, patch: Record<string, unknown>) => ({ ...valid[name], ...patch });
const without = (name: LiveEventName, key: string) => Object.fromEntries(Object.entries(valid[name]).filter(([k]) => k !== key));

describe("liveEvents", () => {
  it("has exactly the known client → server events (update this test when adding one)", () => {
    expect(Object.keys(liveEvents).sort()).toEqual(Object.keys(valid).sort());
  });

  it.each(Object.keys(valid) as LiveEventName[])("%s accepts a valid payload", (name) => {
    const result = schema(name).safeParse(valid[name]);
    expect(result.error).toBeUndefined();
    expect(result.success).toBe(true);
  });

  it.each(Object.keys(valid) as LiveEventName[])("%s rejects non-objects", (name) => {
    for (const bad of [null, undefined, "payload", 42, [valid[name]]]) expect(accepts(name, bad), JSON.stringify(bad)).toBe(false);
  });

  // The host's payload-less commands take exactly {} (see host-controls.test.ts): the others strip.
  const strict = ["host:pause", "host:unpause", "host:addTime", "host:skip", "host:end"];
  it.each((Object.keys(valid) as LiveEventName[]).filter((name) => !strict.includes(name)))("%s silently strips unknown keys, even huge ones", (name) => {
    const result = schema(name).safeParse({ ...valid[name], junk: HUGE, __proto__x: 1 });
    expect(result.success).toBe(true);
    expect(result.data).not.toHaveProperty("junk");
    expect(result.data).not.toHaveProperty("__proto__x");
  });
});

describe("protocolVersion", () => {
  it.each(versioned)("%s rejects another version with a message telling to reload", (name) => {
    for (const bad of [V + 1, V - 1, String(V), null]) {
      const result = schema(name).safeParse(withField(name, { protocolVersion: bad }));
      expect(result.success, `protocolVersion ${JSON.stringify(bad)}`).toBe(false);
      const issue = result.error!.issues.find((i) => i.path.join(".") === "protocolVersion");
      expect(issue?.message).toMatch(/reload/);
      expect(issue?.message).toContain(`protocol ${V}`);
    }
  });

  it.each(versioned)("%s rejects a missing version with the same message", (name) => {
    const result = schema(name).safeParse(without(name, "protocolVersion"));
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === "protocolVersion")?.message).toMatch(/out of date.*reload/);
  });

  it("events sent inside an attached game carry no version", () => {
    for (const name of ["host:advance", "host:kick", "host:lock", "player:answer"] as const) {
      expect(accepts(name, valid[name])).toBe(true);
      expect(valid[name]).not.toHaveProperty("protocolVersion");
    }
  });
});

describe("gameCode", () => {
  it.each(["123456", "000000", "012345", "999999"])("accepts %j", (code) => {
    expect(gameCode.safeParse(code).success).toBe(true);
  });

  it.each(["12345", "1234567", "12a456", "abcdef", " 123456", "123456 ", "123 456", "１２３４５６", "", "1".repeat(100_000)])("rejects %j", (code) => {
    const result = gameCode.safeParse(code);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].message).toBe("a game code is 6 digits");
  });

  it("rejects a number", () => {
    expect(gameCode.safeParse(123456).success).toBe(false);
  });

  it.each(["host:resume", "player:check", "player:join", "player:resume"] as const)("%s refuses 5-digit and non-numeric codes", (name) => {
    expect(accepts(name, withField(name, { code: "12345" }))).toBe(false);
    expect(accepts(name, withField(name, { code: "abc123" }))).toBe(false);
    expect(accepts(name, withField(name, { code: 123456 }))).toBe(false);
    expect(accepts(name, without(name, "code"))).toBe(false);
  });
});

describe("secrets", () => {
  it("the fixture is a 43-character base64url string", () => {
    expect(SECRET).toHaveLength(43);
    expect(SECRET2).toHaveLength(43);
  });

  const badSecrets = [
    ["42 characters", SECRET.slice(0, 42)],
    ["44 characters", SECRET + "A"],
    ["standard base64 with padding", Buffer.alloc(32, 250).toString("base64")],
    ["a '+' inside", "+" + SECRET.slice(1)],
    ["a '/' inside", "/" + SECRET.slice(1)],
    ["a space inside", " " + SECRET.slice(1)],
    ["empty", ""],
    ["huge", HUGE],
    ["a number", 12345],
  ] as const;

  it.each(badSecrets)("host:resume rejects a hostSecret with %s", (_, secret) => {
    expect(accepts("host:resume", withField("host:resume", { hostSecret: secret }))).toBe(false);
  });

  it.each(badSecrets)("player:resume rejects a playerSecret with %s", (_, secret) => {
    expect(accepts("player:resume", withField("player:resume", { playerSecret: secret }))).toBe(false);
  });

  it.each(badSecrets)("player:join rejects a previousSecret with %s", (_, secret) => {
    expect(accepts("player:join", withField("player:join", { previousSecret: secret }))).toBe(false);
  });

  it("accepts any 43-character base64url secret, and previousSecret is optional", () => {
    expect(accepts("host:resume", withField("host:resume", { hostSecret: SECRET2 }))).toBe(true);
    expect(accepts("player:resume", withField("player:resume", { playerSecret: SECRET2 }))).toBe(true);
    expect(accepts("player:join", withField("player:join", { previousSecret: SECRET2 }))).toBe(true);
    expect(accepts("player:join", without("player:join", "previousSecret"))).toBe(true);
    expect(accepts("host:resume", without("host:resume", "hostSecret"))).toBe(false);
    expect(accepts("player:resume", without("player:resume", "playerSecret"))).toBe(false);
  });
});

describe("nickname", () => {
  it.each([
    ["Ana", "Ana"],
    ["  Ana  ", "Ana"],
    ["Ana   Maria", "Ana Maria"],
    ["  Ana \t\n Maria  ", "Ana Maria"],
    ["Ana\u00a0Maria", "Ana Maria"], // no-break space is whitespace too
    ["Jose\u0301", "José"], // NFC
    ["O'Brien", "O'Brien"],
    ["Jean-Luc", "Jean-Luc"],
    ["Dr. Who", "Dr. Who"],
    ["snake_case", "snake_case"],
    ["R2-D2", "R2-D2"],
    ["Zoë", "Zoë"],
    ["Nguyễn", "Nguyễn"],
    ["李小龙", "李小龙"],
    ["Ωmega", "Ωmega"],
    ["ab", "ab"],
    ["x".repeat(20), "x".repeat(20)],
    ["   " + "y".repeat(20) + "   ", "y".repeat(20)], // trimmed before the length check
  ])("accepts %j as %j", (input, output) => {
    const result = nickname.safeParse(input);
    expect(result.success).toBe(true);
    expect(result.data).toBe(output);
  });

  it.each([
    ["empty", "", "must be at least 2 characters"],
    ["one letter", "A", "must be at least 2 characters"],
    ["one letter padded", "  A  ", "must be at least 2 characters"],
    ["spaces only", "     ", "must be at least 2 characters"],
    ["21 characters", "x".repeat(21), "must be at most 20 characters"],
    ["two words of 21 characters after collapsing", "abcdefghij   abcdefghij", "must be at most 20 characters"],
    ["emoji", "Ana😀", "must not contain emoji"], // the rule of every name (core/names.ts)
    ["an HTML tag", "<script>", "may use letters, digits, spaces and . _ ' -"],
    ["a script injection", "<b>Ana</b>", "may use letters, digits, spaces and . _ ' -"],
    ["a zero-width space", "An\u200Ba", "must not contain invisible or control characters"],
    ["a right-to-left override", "Ana\u202Emoc", "must not contain invisible or control characters"],
    ["a slash", "Ana/Bob", "may use letters, digits, spaces and . _ ' -"],
    ["a semicolon", "Ana;", "may use letters, digits, spaces and . _ ' -"],
    ["a double quote", 'Ana"', "may use letters, digits, spaces and . _ ' -"],
    ["an ampersand", "Tom & Jerry", "may use letters, digits, spaces and . _ ' -"],
  ])("rejects %s", (_, input, message) => {
    const result = nickname.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toContain(message);
  });

  it("rejects a huge string and non-strings", () => {
    expect(nickname.safeParse(HUGE).success).toBe(false);
    expect(nickname.safeParse(42).success).toBe(false);
    expect(nickname.safeParse(null).success).toBe(false);
  });

  /** Scripts whose names need combining marks (Devanagari, Thai, Tamil) are accepted. */
  it.each([
    ["Hindi अनिल (Anil)", "अनिल"],
    ["Thai สมศักดิ์", "สมศักดิ์"],
    ["Tamil தமிழ்", "தமிழ்"],
  ])("accepts %s", (_, name) => {
    expect(nickname.safeParse(name).success).toBe(true);
  });

  it.each([[".."], ["- -"], ["'_'"]])("refuses a nickname with no letter or digit: %j", (name) => {
    expect(nickname.safeParse(name).success).toBe(false);
  });

  it("player:join applies the transform to the nickname", () => {
    const result = liveEvents["player:join"].safeParse(withField("player:join", { nickname: "  Tensor    Tom " }));
    expect(result.success).toBe(true);
    expect(result.data?.nickname).toBe("Tensor Tom");
    expect(accepts("player:join", withField("player:join", { nickname: "<script>" }))).toBe(false);
    expect(accepts("player:join", withField("player:join", { nickname: "A" }))).toBe(false);
    expect(accepts("player:join", withField("player:join", { nickname: HUGE }))).toBe(false);
    expect(accepts("player:join", without("player:join", "nickname"))).toBe(false);
  });
});

describe("host:create", () => {
  const create = (patch: Record<string, unknown>) => accepts("host:create", withField("host:create", patch));
  const opts = (roundSeconds: unknown, speedBonus: unknown = false) => ({ options: { roundSeconds, speedBonus } });

  it("accepts playlists of 1 to 30 levels and rejects empty or longer ones", () => {
    expect(create({ playlist: ["a"] })).toBe(true);
    expect(create({ playlist: Array.from({ length: 30 }, (_, i) => `level-${i}`) })).toBe(true);
    expect(create({ playlist: [] })).toBe(false);
    expect(create({ playlist: Array.from({ length: 31 }, (_, i) => `level-${i}`) })).toBe(false);
    expect(create({ playlist: "level-1" })).toBe(false);
  });

  it("level ids are 1 to 64 characters", () => {
    expect(create({ playlist: ["x".repeat(64)] })).toBe(true);
    expect(create({ playlist: [""] })).toBe(false);
    expect(create({ playlist: ["x".repeat(65)] })).toBe(false);
    expect(create({ playlist: [HUGE] })).toBe(false);
    expect(create({ playlist: [42] })).toBe(false);
  });

  it.each([15, 16, 60, 600, null])("accepts roundSeconds %j", (s) => {
    expect(create(opts(s))).toBe(true);
  });

  it.each([14, 601, 0, -30, 30.5, "30", undefined, Number.NaN, Number.POSITIVE_INFINITY])("rejects roundSeconds %j", (s) => {
    expect(create(opts(s))).toBe(false);
  });

  it("speedBonus must be a boolean and options are required", () => {
    expect(create(opts(60, true))).toBe(true);
    expect(create(opts(60, "yes"))).toBe(false);
    expect(create(opts(60, 1))).toBe(false);
    expect(create({ options: { roundSeconds: 60 } })).toBe(false);
    expect(accepts("host:create", without("host:create", "options"))).toBe(false);
    expect(accepts("host:create", without("host:create", "playlist"))).toBe(false);
  });
});

describe("host events", () => {
  it.each(["lobby", "intro", "playing", "reveal", "leaderboard", "podium"])("host:advance accepts expectedPhase %j", (phase) => {
    expect(accepts("host:advance", { expectedPhase: phase })).toBe(true);
  });

  it.each(["finished", "Lobby", "", 0, null, undefined])("host:advance rejects expectedPhase %j", (phase) => {
    expect(accepts("host:advance", { expectedPhase: phase })).toBe(false);
  });

  it("host:kick takes a player id of 1 to 40 characters", () => {
    expect(accepts("host:kick", { playerId: "p" })).toBe(true);
    expect(accepts("host:kick", { playerId: "x".repeat(40) })).toBe(true);
    expect(accepts("host:kick", { playerId: "" })).toBe(false);
    expect(accepts("host:kick", { playerId: "x".repeat(41) })).toBe(false);
    expect(accepts("host:kick", { playerId: HUGE })).toBe(false);
    expect(accepts("host:kick", { playerId: 7 })).toBe(false);
    expect(accepts("host:kick", {})).toBe(false);
  });

  it("host:kick takes a selection of up to MAX_KICK_AT_ONCE ids, whose message fits in the server's 64 KB", () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `p${String(i).padStart(15, "0")}`); // 16 characters, as the server's
    expect(accepts("host:kick", { playerIds: ids(MAX_KICK_AT_ONCE) })).toBe(true);
    expect(accepts("host:kick", { playerIds: ids(MAX_KICK_AT_ONCE + 1) })).toBe(false);
    expect(accepts("host:kick", { playerIds: [] })).toBe(false);
    // As Socket.IO frames it: 42["host:kick",{…},ack] with a little to spare.
    expect(JSON.stringify(["host:kick", { playerIds: ids(MAX_KICK_AT_ONCE) }]).length + 16).toBeLessThan(64 * 1024);
  });

  it("host:lock takes a boolean", () => {
    expect(accepts("host:lock", { locked: false })).toBe(true);
    expect(accepts("host:lock", { locked: "true" })).toBe(false);
    expect(accepts("host:lock", { locked: 1 })).toBe(false);
    expect(accepts("host:lock", {})).toBe(false);
  });
});

describe("player:answer", () => {
  it.each([0, 1, 29, 100])("accepts roundIndex %j", (roundIndex) => {
    expect(accepts("player:answer", { roundIndex, answer: null })).toBe(true);
  });

  it.each([-1, 101, 1.5, "0", null, undefined])("rejects roundIndex %j", (roundIndex) => {
    expect(accepts("player:answer", { roundIndex, answer: null })).toBe(false);
  });

  it("passes any answer through untouched (the server re-scores it), but the key must be present", () => {
    const answer = {
      weights: [
        [1, 2],
        [3, 4],
      ],
      note: "hi",
    };
    const result = liveEvents["player:answer"].safeParse({ roundIndex: 3, answer });
    expect(result.data).toEqual({ roundIndex: 3, answer });
    // zod 4: a z.unknown() property is still a required key (an explicit undefined is fine).
    expect(accepts("player:answer", { roundIndex: 3 })).toBe(false);
    expect(accepts("player:answer", { roundIndex: 3, answer: undefined })).toBe(true);
    // Documented: the schema does not bound the answer's size; the transport limit does.
    expect(accepts("player:answer", { roundIndex: 3, answer: HUGE })).toBe(true);
  });
});
