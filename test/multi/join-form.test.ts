/**
 * The join form (POST /api/live/join, issue 12) when processes share live games through Redis: a
 * student's form reaches a process that does not run the game, which joins them through the
 * game's owner (the same path as the socket's player:join); the game page rendered by a third
 * process shows them in the game; their socket there resumes the same player.
 *
 * Needs GA_TEST_POSTGRES_URL and GA_TEST_REDIS_URL (`npm test`'s PostgreSQL pass); skipped without them.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { closeAll, createGame, liveClient, PROTOCOL } from "../api/live-client";
import { type LaunchedServer, launchServer } from "../api/server-harness";
import { createPostgresDatabase } from "../api/test-database";

const postgresUrl = process.env.GA_TEST_POSTGRES_URL;
const redisUrl = process.env.GA_TEST_REDIS_URL;

describe.skipIf(!(postgresUrl && redisUrl))("the join form across processes", () => {
  const servers: LaunchedServer[] = [];
  let database: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;

  beforeAll(async () => {
    if (redisUrl === "unavailable") throw new Error("npm test could not start a throwaway Redis: see its output above");
    database = await createPostgresDatabase();
    // One after another: starts at once on a busy 2-core machine can each take over 90 s.
    for (let i = 0; i < 3; i++) {
      const server = await launchServer(database.url, { REDIS_URL: redisUrl! });
      servers.push(server);
      const outcome = await server.outcome;
      if (outcome !== "ready") throw new Error(`process ${i + 1} did not start (${JSON.stringify(outcome)}):\n${server.output()}`);
    }
  }, 400_000);

  afterAll(async () => {
    closeAll();
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    await database?.drop();
  });

  it("joins through the game's owner, and another process renders and resumes the player", async () => {
    const [owner, formProcess, pageProcess] = servers;
    const game = await createGame(owner.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });

    // The join link, rendered by a process that does not run the game: it knows the code.
    const joinPage = await (await fetch(`${formProcess.baseUrl}/join?code=${game.code}`)).text();
    expect(joinPage).toContain('action="/api/live/join"');

    const reply = await fetch(`${formProcess.baseUrl}/api/live/join`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: formProcess.baseUrl },
      body: new URLSearchParams({ code: game.code, nickname: "Far Away" }).toString(),
    });
    expect(reply.status).toBe(303);
    expect(reply.headers.get("location")).toBe(`/live/${game.code}`);
    await game.host.waitLast<HostView>((v) => v.players.some((p) => p.nickname === "Far Away"), "the host (on the owner) to see the player");

    const playerCookie = reply.headers.getSetCookie().find((c) => c.startsWith(`ga_live_${game.code}=`))!;
    const pair = playerCookie.split(";")[0];
    const page = await (await fetch(`${pageProcess.baseUrl}/live/${game.code}`, { headers: { cookie: pair } })).text();
    expect(page).toContain("You&#x27;re in!");
    expect(page).toContain("Far Away");

    const phone = await liveClient(pageProcess.baseUrl);
    const resumed = await phone.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: pair.split("=")[1] });
    expect(resumed.view.me.nickname).toBe("Far Away");
    await game.host.waitLast<HostView>((v) => v.players.some((p) => p.nickname === "Far Away" && p.connected), "the player connected");

    // A taken nickname is refused by the owner's room, as over a socket.
    const taken = await fetch(`${formProcess.baseUrl}/api/live/join`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", origin: formProcess.baseUrl },
      body: new URLSearchParams({ code: game.code, nickname: "far away" }).toString(),
    });
    expect(new URL(taken.headers.get("location")!, formProcess.baseUrl).searchParams.get("problem")).toBe("nickname_taken");
  }, 120_000);
});
