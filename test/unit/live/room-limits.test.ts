/**
 * server/live/room-limits.ts and server/live/devices.ts on their own (memory counts, no server):
 * how many games a host may have open and create, joins per address and game, the server's own
 * machine left alone, and the device cookie a handshake hands out.
 */
import type { IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { LiveError } from "@/core/live/room";
import { DEVICE_COOKIE, deviceFromCookieHeader, deviceOf, issueDeviceCookie } from "@/server/live/devices";
import { createWithinLimits, hostKeyOf, OPEN_GAMES, refuseIfJoinFlood, refuseIfTooManyGames } from "@/server/live/room-limits";

async function refusal(promise: Promise<unknown>): Promise<LiveError | null> {
  try {
    await promise;
    return null;
  } catch (error) {
    if (error instanceof LiveError) return error;
    throw error;
  }
}

const remote = (address: string) => ({ address, local: false });
const none = () => 0;

describe("new games", () => {
  it("creations at once from one address: 3 games, the others refused; creations under way count as open games until they settle", async () => {
    const who = remote("198.51.100.77");
    const registered = new Map<string, number>();
    const make = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5)); // the store's write
      registered.set(hostKeyOf(who, null), (registered.get(hostKeyOf(who, null)) ?? 0) + 1);
      return "game";
    };
    const outcomes = await Promise.all(
      Array.from({ length: 20 }, () => refusal(createWithinLimits(who, null, (key) => registered.get(key) ?? 0, make)).then((e) => e?.code ?? "ok")),
    );
    expect(outcomes.filter((o) => o === "ok")).toHaveLength(OPEN_GAMES.anonymous);
    expect(outcomes.filter((o) => o !== "ok").every((o) => o === "too_many_games")).toBe(true);
    // A creation that fails frees its place.
    const other = remote("198.51.100.78");
    expect(await refusal(createWithinLimits(other, null, none, () => Promise.reject(new LiveError("room_full", "no code"))))).toMatchObject({
      code: "room_full",
    });
    const slow = () => new Promise((resolve) => setTimeout(resolve, 5));
    const atOnce = await Promise.all(Array.from({ length: OPEN_GAMES.anonymous }, () => refusal(createWithinLimits(other, null, none, slow))));
    expect(atOnce).toEqual(Array(OPEN_GAMES.anonymous).fill(null));
  });

  it("an anonymous host: 3 open at once, with a message that says how to get more", async () => {
    const who = remote("198.51.100.1");
    expect(hostKeyOf(who, null)).toBe("address|198.51.100.1");
    expect(await refusal(refuseIfTooManyGames(who, null, () => OPEN_GAMES.anonymous - 1))).toBeNull();
    const refused = await refusal(refuseIfTooManyGames(who, null, () => OPEN_GAMES.anonymous));
    expect(refused?.code).toBe("too_many_games");
    expect(refused?.message).toMatch(/^you already have 3 games open: .*sign in as a teacher to host up to 10$/);
  });

  it("a signed-in teacher: 10 open at once, counted for the teacher", async () => {
    const who = remote("198.51.100.2");
    expect(hostKeyOf(who, "t1")).toBe("teacher|t1");
    expect(await refusal(refuseIfTooManyGames(who, "t1", () => 9))).toBeNull();
    expect((await refusal(refuseIfTooManyGames(who, "t1", () => 10)))?.code).toBe("too_many_games");
  });

  it("an anonymous address creates 10 games an hour, then waits (whatever it finished meanwhile)", async () => {
    const who = remote("198.51.100.3");
    for (let i = 0; i < 10; i++) expect(await refusal(refuseIfTooManyGames(who, null, none))).toBeNull();
    const refused = await refusal(refuseIfTooManyGames(who, null, none));
    expect(refused?.code).toBe("rate_limited");
    expect(refused?.message).toMatch(/^too many new games from this network \(sign in as a teacher to host more\): wait \d+ s$/);
    // A teacher at the same address is not held back by the anonymous budget.
    expect(await refusal(refuseIfTooManyGames(who, "t3", none))).toBeNull();
  });

  it("a teacher creates 30 an hour; one address 60 an hour whoever asks (fresh teacher accounts do not get around it)", async () => {
    const who = remote("198.51.100.4");
    for (let i = 0; i < 30; i++) expect(await refusal(refuseIfTooManyGames(who, "t4", none))).toBeNull();
    expect((await refusal(refuseIfTooManyGames(who, "t4", none)))?.message).toMatch(/^too many new games: wait \d+ s$/);
    let allowed = 0;
    for (let i = 0; i < 40; i++) if ((await refusal(refuseIfTooManyGames(who, `farm-${i}`, none))) === null) allowed++;
    expect(allowed).toBe(60 - 31); // the refused try counted for the address too
  });

  it("the server's own machine is not limited", async () => {
    const local = { address: "127.0.0.1", local: true };
    for (let i = 0; i < 100; i++) expect(await refusal(refuseIfTooManyGames(local, null, () => 50))).toBeNull();
  });
});

describe("joins per address and game", () => {
  it("100 in 10 minutes, then wait; another game or address has its own budget", async () => {
    const who = remote("198.51.100.5");
    for (let i = 0; i < 100; i++) expect(await refusal(refuseIfJoinFlood(who, "111111"))).toBeNull();
    const refused = await refusal(refuseIfJoinFlood(who, "111111"));
    expect(refused?.code).toBe("rate_limited");
    expect(refused?.message).toMatch(/^too many players joined this game from your network: wait \d+ s$/);
    expect(await refusal(refuseIfJoinFlood(who, "222222"))).toBeNull();
    expect(await refusal(refuseIfJoinFlood(remote("198.51.100.6"), "111111"))).toBeNull();
    for (let i = 0; i < 500; i++) expect(await refusal(refuseIfJoinFlood({ address: "::1", local: true }, "111111"))).toBeNull();
  });
});

describe("the device cookie", () => {
  const request = (cookie?: string) => ({ headers: cookie === undefined ? {} : { cookie } }) as IncomingMessage;

  it("is given on a handshake without one: httpOnly, SameSite=Lax, for the whole site; and is the connection's device", () => {
    const handshake = request("ga_teacher=abc");
    const headers: Record<string, unknown> = { "set-cookie": ["io=1"] };
    issueDeviceCookie(headers, handshake);
    const cookies = headers["set-cookie"] as string[];
    expect(cookies).toHaveLength(2);
    expect(cookies[1]).toMatch(new RegExp(`^${DEVICE_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; Max-Age=15552000; HttpOnly; SameSite=Lax$`));
    const id = cookies[1].slice(DEVICE_COOKIE.length + 1, DEVICE_COOKIE.length + 44);
    expect(deviceOf(handshake)).toBe(id);
  });

  it("is kept when the browser has one; a malformed one is not believed", () => {
    const id = "A".repeat(43);
    const headers: Record<string, unknown> = {};
    const handshake = request(`x=1; ${DEVICE_COOKIE}=${id}`);
    issueDeviceCookie(headers, handshake);
    expect(headers["set-cookie"]).toBeUndefined();
    expect(deviceOf(handshake)).toBe(id);
    expect(deviceFromCookieHeader(`${DEVICE_COOKIE}=short`)).toBeNull();
    expect(deviceFromCookieHeader(undefined)).toBeNull();
    expect(deviceOf(request())).toBeNull(); // no cookie and no handshake of ours
  });
});
