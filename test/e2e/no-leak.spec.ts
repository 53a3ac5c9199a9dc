import type { Page } from "@playwright/test";
import { io } from "socket.io-client";
import { secretsOf } from "../../core/kinds/instances";
import { levels } from "../../core/levels/catalog";
import type { Level } from "../../core/levels/format";
import { LIVE_PROTOCOL_VERSION } from "../../core/live/version";
import { expect, joinLiveGame, openAnyLevel, servedLevel, test, waitForProfile } from "./helpers";
import { answerKeyOf, query, readable, seedMaker } from "./no-leak-keys";

// No answer key reaches a browser before it is earned (issue 10). An anonymous visitor opens the
// home page, the campaign, /join, /live/000000, a level it has not unlocked, then (unlocked) every
// level's page; a player joins a live game from the page and plays into a round. Every body the
// browser receives is kept — HTML, flight (RSC) payloads, JavaScript chunks, JSON, Socket.IO
// frames and polling responses — and searched for the answer key of each instance that visitor was
// served: the test draws the same instance from the same seed (the server's instance secret, read
// from the end-to-end database, and the scope) with core's kinds, and takes from the kind's review
// of a right answer what gives it away (right option ids, orders, expected numbers, hidden angles
// and origins, run seeds), plus the level's explanation, whys and hints. The JavaScript chunks
// must not carry any level of the catalog (its brief, explanation, whys or hints): the bundle
// does not import the catalog, whatever test/unit/client-imports.test.ts's import walk misses
// (a dynamic path, a server module inlined by the bundler).

interface Body {
  url: string;
  type: string;
  text: string;
}

/** Keeps every response body and WebSocket frame the page receives. */
function capture(page: Page) {
  const bodies: Body[] = [];
  const reads: Promise<void>[] = [];
  page.on("response", (response) => {
    reads.push(
      response
        .text()
        .then((text) => void bodies.push({ url: response.url(), type: response.headers()["content-type"] ?? "", text: readable(text) }))
        .catch(() => undefined), // a redirect or an aborted request has no body
    );
  });
  page.on("websocket", (socket) => {
    socket.on("framereceived", (frame) => bodies.push({ url: `${socket.url()} (frame)`, type: "websocket", text: readable(String(frame.payload)) }));
  });
  return {
    bodies,
    /** Every body read so far, once the reads in flight have finished. */
    async all(): Promise<Body[]> {
      await Promise.all(reads);
      return bodies;
    },
  };
}

/** Where each key of `keys` appears in `bodies`: "<level> “<key>…” in <url>". */
function leaks(bodies: Body[], keysByLevel: Map<string, string[]>): string[] {
  const found: string[] = [];
  for (const [levelId, keys] of keysByLevel)
    for (const key of keys) for (const body of bodies) if (body.text.includes(key)) found.push(`${levelId}: “${key.slice(0, 60)}” in ${body.url}`);
  return found;
}

const isScript = (body: Body) => /javascript/.test(body.type) || /\.js(\?|$)/.test(new URL(body.url).pathname);

/** What only the level catalog holds (a bundle that imported it would carry these). */
const catalogText = (level: Level) => [level.brief, ...secretsOf(level)].filter((s) => s.length >= 12);

async function profileId(page: Page): Promise<string> {
  const response = await page.request.post("/api/profile");
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { id: string }).id;
}

/** Every level opens for this player: a one-star best on each, written as the server would. */
async function unlockEveryLevel(playerId: string): Promise<void> {
  const [{ createdAt }] = await query("SELECT createdAt FROM Player WHERE id = ?", [playerId]);
  const at = String(createdAt);
  await query(
    `INSERT INTO BestResult (playerId, levelId, score, stars, attempts, firstTryStars, achievedAt, updatedAt) VALUES ${levels.map(() => "(?, ?, ?, ?, ?, ?, ?, ?)").join(", ")}`,
    levels.flatMap((l) => [playerId, l.id, 0.5, 1, 1, 1, at, at]),
  );
}

test("a visitor's pages, flight payloads, scripts and API answers carry no answer key", async ({ device }) => {
  test.setTimeout(600_000);
  const page = await device();
  const captured = capture(page);
  const seedOf = await seedMaker();

  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.goto("/play");
  await waitForProfile(page);
  const playerId = await profileId(page);
  for (const path of ["/join", "/live/000000", `/play/${levels.at(-1)!.id}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }

  await unlockEveryLevel(playerId);
  const keysByLevel = new Map<string, string[]>();
  for (const level of levels) {
    await openAnyLevel(page, level.id);
    const { attempt } = await servedLevel(page, level.id);
    keysByLevel.set(level.id, await answerKeyOf(level, seedOf(`solo|${playerId}|${level.id}|${attempt}`)));
  }
  await page.goto("/play");
  await page.waitForLoadState("networkidle");

  const bodies = await captured.all();
  const scripts = bodies.filter(isScript);
  // The search sees what the browser got: every level's public brief is found (in its page's HTML or flight payload), and scripts were loaded.
  expect(scripts.length, "JavaScript chunks captured").toBeGreaterThan(5);
  for (const level of levels)
    expect(
      bodies.some((b) => !isScript(b) && b.text.includes(level.brief)),
      `${level.id}'s brief in what the browser received`,
    ).toBe(true);

  expect(leaks(bodies, keysByLevel), "answer keys in what the visitor received").toEqual([]);
  expect(leaks(scripts, new Map(levels.map((l) => [l.id, catalogText(l)]))), "the level catalog in a JavaScript chunk").toEqual([]);
});

test("a player in a live round receives no answer key before the reveal", async ({ device, baseURL }) => {
  test.setTimeout(300_000);
  const playlist = ["what-learning-needs", "order-the-training-loop"];
  const host = io(baseURL!, { transports: ["websocket"], forceNew: true });
  type Ack = { ok: boolean; code?: string; error?: { message: string } };
  const send = (event: string, payload: unknown) =>
    new Promise<Ack>((resolve) =>
      host.timeout(60_000).emit(event, payload, (err: unknown, ack: Ack) => resolve(err ? { ok: false, error: { message: String(err) } } : ack)),
    );
  try {
    await new Promise<void>((resolve) => host.once("connect", () => resolve()));
    const created = await send("host:create", { protocolVersion: LIVE_PROTOCOL_VERSION, playlist, options: { roundSeconds: 120, speedBonus: false } });
    expect(created.ok, created.error?.message).toBe(true);
    const code = created.code!;

    const phone = await device();
    const captured = capture(phone);
    await joinLiveGame(phone, code, "Curious");
    for (const phase of ["lobby", "intro"]) {
      const advanced = await send("host:advance", { expectedPhase: phase });
      expect(advanced.ok, advanced.error?.message).toBe(true);
    }
    // The round is on the phone: its questions, and the page's own scripts for the kind's view.
    await expect(phone.locator('section[data-testid^="question-"]').first()).toBeVisible();
    await phone.waitForLoadState("networkidle");

    const [{ id: gameId }] = await query("SELECT id FROM LiveGame WHERE code = ? ORDER BY createdAt DESC", [code]);
    const seedOf = await seedMaker();
    const keysByLevel = new Map<string, string[]>();
    for (const [round, levelId] of playlist.entries()) {
      const level = levels.find((l) => l.id === levelId)!;
      keysByLevel.set(`${levelId} (round ${round + 1})`, await answerKeyOf(level, seedOf(`live|${gameId}|${round}`)));
    }
    const bodies = await captured.all();
    expect(
      bodies.some((b) => b.type === "websocket" || /socket\.io/.test(b.url)),
      "Socket.IO traffic captured",
    ).toBe(true);
    // The search sees the round as the phone got it: the level's title is there.
    expect(bodies.some((b) => b.text.includes(levels.find((l) => l.id === playlist[0])!.title))).toBe(true);
    expect(leaks(bodies, keysByLevel), "answer keys in what the phone received before the reveal").toEqual([]);
  } finally {
    host.disconnect();
  }
});
