/**
 * Issue 11, finding 1, in Chromium: an attacker's pages, served by a tiny server of their own on
 * another port of 127.0.0.1 (the same site, another origin) and under the host name "localhost"
 * (another site), try what the finding did — a hidden text/plain form that joins the attacker's
 * class or resumes the attacker's player, same-site fetches that submit an answer and rename the
 * player, and a WebSocket to the live server — against a victim who plays and is in a class.
 * Every one is refused, and the victim's player, name, classes and progress stay as they were.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { APIRequestContext, Page } from "@playwright/test";
import { solve } from "../reference";
import { expect, test, waitForProfile } from "../e2e/helpers";

const LEVEL = "rules-or-examples";

/** The attacker's site: HTML pages served from memory, on 127.0.0.1 (reached also as localhost). */
class AttackerSite {
  private pages = new Map<string, string>();
  private servers: Server[] = [];
  port = 0;

  async start(): Promise<void> {
    const handler = (req: { url?: string }, res: import("node:http").ServerResponse) => {
      const html = this.pages.get(req.url ?? "");
      res.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
      res.end(html ?? "not found");
    };
    const first = createServer(handler);
    await new Promise<void>((resolve) => first.listen(0, "127.0.0.1", resolve));
    this.port = (first.address() as AddressInfo).port;
    this.servers.push(first);
    // "localhost" may resolve to ::1 first: answer there too when the machine has IPv6 loopback.
    const second = createServer(handler);
    await new Promise<void>((resolve) => {
      second.once("error", () => resolve());
      second.listen(this.port, "::1", () => {
        this.servers.push(second);
        resolve();
      });
    });
  }

  page(path: string, html: string): void {
    this.pages.set(path, `<!doctype html><html><body>${html}</body></html>`);
  }

  async stop(): Promise<void> {
    await Promise.all(this.servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/**
 * The classic JSON-by-form trick: a text/plain form whose one field's name and value, joined by
 * "=", read as JSON. It submits itself as soon as the page loads.
 */
function textPlainForm(action: string, json: Record<string, string>): string {
  const body = JSON.stringify({ ...json, pad: "" });
  const name = body.slice(0, -2); // …,"pad":"   (the "=" the browser adds lands inside the pad string)
  const value = body.slice(-2); //   "}
  const attribute = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&#39;");
  return `<form method="POST" action="${action}" enctype="text/plain"><input type="hidden" name='${attribute(name)}' value='${attribute(value)}'></form>
<script>document.forms[0].submit()</script>`;
}

/** What the victim's browser holds and the server says about them. */
async function victimState(page: Page) {
  const get = async (path: string) => (await page.request.get(path)).json();
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).sort();
  return { profile: await get("/api/profile"), progress: await get("/api/progress"), classes: await get("/api/classes/mine"), cookies };
}

test.describe("another site's page cannot act as the visitor", () => {
  const attacker = new AttackerSite();
  test.beforeAll(() => attacker.start());
  test.afterAll(() => attacker.stop());

  test("forms that join a class or resume a player, same-site fetches and a WebSocket are all refused", async ({ page, playwright, baseURL }) => {
    test.slow(); // two sites, several navigations, on a busy 2-core machine
    const app = new URL(baseURL!);
    const api = (path: string) => new URL(path, app).href;

    // The attacker: a teacher with a class, and a player of their own with a resume code.
    const attackerApi: APIRequestContext = await playwright.request.newContext({ baseURL });
    const email = `mallory.${Date.now()}@evil.example`;
    expect((await attackerApi.post("/api/teacher/signup", { data: { email, name: "Mallory", password: "seven lanterns over the harbour" } })).status()).toBe(
      201,
    );
    const attackerClass = await (await attackerApi.post("/api/teacher/classes", { data: { name: "Mallory's class" } })).json();
    const attackerPlayer = await playwright.request.newContext({ baseURL });
    const { resumeCode } = await (await attackerPlayer.post("/api/classes/join", { data: { code: attackerClass.joinCode, name: "Mallory" } })).json();

    // The victim plays, names themself, scores a level and is in their teacher's class.
    await page.goto("/play");
    await waitForProfile(page);
    expect((await page.request.patch("/api/profile", { data: { displayName: "Victim" } })).status()).toBe(200);
    const served = async () => (await page.request.get(`/api/levels/${LEVEL}`)).json();
    const first = await served();
    expect((await page.request.post("/api/submissions", { data: { levelId: LEVEL, attempt: first.attempt, answer: solve(first) } })).status()).toBe(201);
    const next = await served();
    const submission = { levelId: LEVEL, attempt: next.attempt, answer: solve(next) };
    const teacherApi = await playwright.request.newContext({ baseURL });
    expect(
      (
        await teacherApi.post("/api/teacher/signup", {
          data: { email: `teacher.${Date.now()}@school.example`, name: "Ms Victim", password: "seven lanterns over the harbour" },
        })
      ).status(),
    ).toBe(201);
    const victimClass = await (await teacherApi.post("/api/teacher/classes", { data: { name: "Victim's class" } })).json();
    expect((await page.request.post("/api/classes/join", { data: { code: victimClass.joinCode, name: "Victim" } })).status()).toBe(200);
    const before = await victimState(page);

    attacker.page("/join", textPlainForm(api("/api/classes/join"), { code: attackerClass.joinCode, name: "Victim" }));
    attacker.page("/resume", textPlainForm(api("/api/resume"), { code: resumeCode }));
    const sameSite = `http://127.0.0.1:${attacker.port}`; // another port of the same host: the same site, and its cookies go along
    const otherSite = `http://localhost:${attacker.port}`; // another host name: another site

    // 1. The hidden forms, from both of the attacker's origins: each is answered 403 and sets no cookie.
    for (const origin of [sameSite, otherSite]) {
      for (const [path, target] of [
        ["/join", "/api/classes/join"],
        ["/resume", "/api/resume"],
      ]) {
        const answered = page.waitForResponse((r) => r.url() === api(target) && r.request().method() === "POST");
        await page.goto(`${origin}${path}`);
        const response = await answered;
        expect(response.status(), `${origin}${path}`).toBe(403);
        expect((await response.json()).error.code).toBe("foreign_origin");
        expect(await response.headerValue("set-cookie")).toBeNull();
      }
    }

    // 2. Same-site fetches with the victim's cookies: a text/plain submission (no CORS needed),
    // and a rename with PATCH (which needs a CORS preflight this server never grants).
    attacker.page("/blank", "<p>nothing to see</p>");
    await page.goto(`${sameSite}/blank`);
    const submitted = page.waitForResponse((r) => r.url() === api("/api/submissions"));
    const outcome = await page.evaluate(
      async ({ submissions, profile, answer }) => {
        const post = await fetch(submissions, {
          method: "POST",
          mode: "no-cors",
          credentials: "include",
          headers: { "content-type": "text/plain" },
          body: answer,
        });
        const rename = await fetch(profile, {
          method: "PATCH",
          credentials: "include",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ displayName: "Pwned" }),
        }).then(
          (r) => `answered ${r.status}`,
          (e: Error) => `blocked: ${e.name}`,
        );
        return { post: post.type, rename };
      },
      { submissions: api("/api/submissions"), profile: api("/api/profile"), answer: JSON.stringify(submission) },
    );
    expect((await submitted).status()).toBe(403);
    expect(outcome.post).toBe("opaque"); // the page learns nothing either
    expect(outcome.rename).toBe("blocked: TypeError");

    // 3. A WebSocket to the live server, from both origins: the handshake is refused.
    for (const origin of [sameSite, otherSite]) {
      await page.goto(`${origin}/blank`);
      const socket = await page.evaluate(
        (url) =>
          new Promise<string>((resolve) => {
            const ws = new WebSocket(url);
            ws.onopen = () => resolve("open");
            ws.onerror = () => resolve("refused");
            setTimeout(() => resolve("timeout"), 10_000);
          }),
        `ws://${app.host}/socket.io/?EIO=4&transport=websocket`,
      );
      expect(socket, origin).toBe("refused");
    }

    // The victim: the same player, name, classes and progress, and the same cookie.
    await page.goto("/play");
    expect(await victimState(page)).toEqual(before);
    expect(before.profile.displayName).toBe("Victim");
    expect(before.classes.classes.map((c: { className: string }) => c.className)).toEqual(["Victim's class"]);
    // And the attacker's class has only the attacker in it.
    const roster = await (await attackerApi.get(`/api/teacher/classes/${attackerClass.id}`)).json();
    expect(roster.members.map((m: { name: string }) => m.name)).toEqual(["Mallory"]);

    // The game's own pages still work in this browser.
    const own = await page.evaluate(() => fetch("/api/profile", { method: "POST" }).then((r) => r.status));
    expect(own).toBe(200);

    await Promise.all([attackerApi.dispose(), attackerPlayer.dispose(), teacherApi.dispose()]);
  });
});
