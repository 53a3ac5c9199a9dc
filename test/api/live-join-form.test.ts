/**
 * The join form that works before the join page's JavaScript has arrived (issue 12, slow school
 * Wi-Fi): GET /join?code=… checks the code on the server and renders the nickname step; the form
 * posts to /api/live/join, which joins through the live engine as player:join does, keeps the
 * player's secret in an httpOnly cookie, and sends the browser to /live/<code>, rendered in the game.
 */
import { describe, expect, it } from "vitest";
import type { HostView } from "@/core/live/protocol";
import { createGame, liveClient, liveTestServer, PROTOCOL, type HostGame } from "./live-client";

const server = liveTestServer();

interface FormReply {
  status: number;
  location: string | null;
  cookies: string[];
  json: { error?: { code: string } } | null;
}

/** Posts the join form as a browser on this site would (Origin: the server's own), unless `headers` say otherwise. */
async function postForm(fields: Record<string, string>, headers: Record<string, string> = {}): Promise<FormReply> {
  const res = await fetch(`${server.baseUrl}/api/live/join`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: server.baseUrl, ...headers },
    body: new URLSearchParams(fields).toString(),
  });
  const text = await res.text();
  let json: FormReply["json"] = null;
  try {
    json = JSON.parse(text);
  } catch {
    // a redirect has no body
  }
  return { status: res.status, location: res.headers.get("location"), cookies: res.headers.getSetCookie(), json };
}

/** The cookie pairs ("name=value") a reply set, for the next request's Cookie header. */
const cookieHeader = (cookies: string[]) => cookies.map((c) => c.split(";")[0]).join("; ");

async function getPage(path: string, cookie = ""): Promise<{ status: number; location: string | null; html: string }> {
  const res = await fetch(`${server.baseUrl}${path}`, { redirect: "manual", headers: cookie ? { cookie } : {} });
  return { status: res.status, location: res.headers.get("location"), html: await res.text() };
}

const problemOf = (reply: FormReply) => new URL(reply.location ?? "/", server.baseUrl).searchParams.get("problem");

async function lobby(): Promise<HostGame> {
  return createGame(server.baseUrl, ["turn-the-axes"], { roundSeconds: 60, speedBonus: false });
}

describe("the join page, rendered on the server", () => {
  it("comes straight at the nickname step, with a suggestion, for a running game's code", async () => {
    const game = await lobby();
    const page = await getPage(`/join?code=${game.code.slice(0, 3)}%20${game.code.slice(3)}`); // "758 061", pasted
    expect(page.status).toBe(200);
    expect(page.html).toContain('action="/api/live/join"');
    expect(page.html).toMatch(/id="nickname"[^>]*value="[^"]+"/);
    expect(page.html).toContain(`name="code" value="${game.code}"`);
  });

  it("says so at the code step when no game has the code, or it is locked", async () => {
    const unknown = await getPage("/join?code=000000");
    expect(unknown.html).toContain("No game with that code is running");
    expect(unknown.html).not.toContain('id="nickname"');
    const game = await lobby();
    await game.host.ok("host:lock", { locked: true });
    const locked = await getPage(`/join?code=${game.code}`);
    expect(locked.html).toContain("The host has locked this game.");
    expect(locked.html).not.toContain('id="nickname"');
  });
});

describe("the game page, /live/<code>", () => {
  it("says that no game is running for an unknown or malformed code, and offers the join page", async () => {
    for (const code of ["000000", "12ab"]) {
      const page = await getPage(`/live/${code}`);
      expect(page.status).toBe(200);
      expect(page.html).toContain(`No game is running with code ${code}`);
      expect(page.html).toMatch(/href="\/join"/);
      expect(page.html).not.toContain("Join this game first");
    }
  });

  it("for a running game this browser has not joined, does not say that no game runs", async () => {
    const game = await lobby();
    const page = await getPage(`/live/${game.code}`);
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("No game is running");
  });
});

describe("POST /api/live/join (the nickname form)", () => {
  it("joins the game, keeps the secret in an httpOnly cookie, and renders the game page in the lobby", async () => {
    const game = await lobby();
    const reply = await postForm({ code: game.code, nickname: "Form Student" });
    expect(reply.status).toBe(303);
    expect(reply.location).toBe(`/live/${game.code}`);
    const playerCookie = reply.cookies.find((c) => c.startsWith(`ga_live_${game.code}=`));
    expect(playerCookie).toMatch(/HttpOnly/i);
    expect(reply.cookies.some((c) => c.startsWith("ga_device=") && /HttpOnly/i.test(c))).toBe(true);
    // The host sees the new player.
    await game.host.waitLast<HostView>((v) => v.players.some((p) => p.nickname === "Form Student"), "the player in the host's view");
    // The game page is rendered in the lobby for that browser, before any socket.
    const cookie = cookieHeader(reply.cookies);
    const page = await getPage(`/live/${game.code}`, cookie);
    expect(page.html).toContain("You&#x27;re in!");
    expect(page.html).toContain("Form Student");
    // The page's socket resumes the same player with the secret the cookie holds.
    const secret = playerCookie!.split(";")[0].split("=")[1];
    const phone = await liveClient(server.baseUrl);
    const resumed = await phone.ok("player:resume", { ...PROTOCOL, code: game.code, playerSecret: secret });
    expect(resumed.view.me.nickname).toBe("Form Student");
    // Coming back to the join link: straight to the game.
    const again = await getPage(`/join?code=${game.code}`, cookie);
    expect(again.location).toMatch(new RegExp(`/live/${game.code}$`));
  });

  it("sends a refused nickname back to the join page, which says why in the socket join's words", async () => {
    const game = await lobby();
    const short = await postForm({ code: game.code, nickname: "A" });
    expect(short.status).toBe(303);
    expect(problemOf(short)).toBe("nickname");
    const page = await getPage(short.location!);
    expect(page.html).toMatch(/Nickname[^<]*characters/);
    expect(page.html).toContain('id="nickname"');

    expect((await postForm({ code: game.code, nickname: "Twin" })).status).toBe(303);
    expect(problemOf(await postForm({ code: game.code, nickname: "twin" }))).toBe("nickname_taken");
    expect(problemOf(await postForm({ code: game.code, nickname: "Emoji 😀" }))).toBe("nickname");
  });

  it("refuses an unknown code and a locked room, joining nobody", async () => {
    expect(problemOf(await postForm({ code: "000000", nickname: "Nobody" }))).toBe("not_found");
    const game = await lobby();
    await game.host.ok("host:lock", { locked: true });
    const locked = await postForm({ code: game.code, nickname: "Late Student" });
    expect(problemOf(locked)).toBe("room_locked");
    expect(locked.cookies.some((c) => c.startsWith(`ga_live_${game.code}=`))).toBe(false);
    const view = game.host.states.at(-1) as HostView;
    expect(view.players).toHaveLength(0);
  });

  it("keeps a kicked device out under another nickname", async () => {
    const game = await lobby();
    const first = await postForm({ code: game.code, nickname: "Troll One" });
    const view = await game.host.waitLast<HostView>((v) => v.players.length === 1, "the player in the host's view");
    await game.host.ok("host:kick", { playerId: view.players[0].playerId });
    const device = cookieHeader(first.cookies.filter((c) => c.startsWith("ga_device=")));
    expect(problemOf(await postForm({ code: game.code, nickname: "Troll Two" }, { cookie: device }))).toBe("kicked");
  });

  it("refuses requests no join page of this site sends", async () => {
    const game = await lobby();
    const fields = { code: game.code, nickname: "Forged" };
    for (const headers of [{ origin: "http://evil.example" }, { origin: "null" }, { origin: `http://localhost:${server.port}` }]) {
      const reply = await postForm(fields, headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
      expect(reply.json?.error?.code).toBe("foreign_origin");
      expect(reply.cookies).toEqual([]);
    }
    // A form names its sender: without Origin, Sec-Fetch-Site must say this site sent it.
    const withoutOrigin = (site?: string) =>
      fetch(`${server.baseUrl}/api/live/join`, {
        method: "POST",
        redirect: "manual",
        headers: { "content-type": "application/x-www-form-urlencoded", ...(site ? { "sec-fetch-site": site } : {}) },
        body: new URLSearchParams(fields).toString(),
      });
    for (const site of [undefined, "cross-site", "same-site", "none"]) expect((await withoutOrigin(site)).status, String(site)).toBe(403);
    const sameOrigin = await withoutOrigin("same-origin");
    expect(sameOrigin.status).toBe(303);
    expect(sameOrigin.headers.get("location")).toBe(`/live/${game.code}`);
    const view = await game.host.waitLast<HostView>((v) => v.players.length === 1, "one player");
    expect(view.players.map((p) => p.nickname)).toEqual(["Forged"]);
  });

  it("validates the request: form encoding only, a 6-digit code", async () => {
    const json = await fetch(`${server.baseUrl}/api/live/join`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/json", origin: server.baseUrl },
      body: JSON.stringify({ code: "123456", nickname: "Json" }),
    });
    expect(json.status).toBe(415);
    const badCode = await postForm({ code: "12ab56", nickname: "Coder" });
    expect(badCode.status).toBe(400);
    expect(badCode.json?.error?.code).toBe("invalid_body");
    const huge = await postForm({ code: "123456", nickname: "x".repeat(20_000) });
    expect(huge.status).toBe(413);
  });
});
