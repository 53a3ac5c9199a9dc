// Slow school Wi-Fi (issue 12): how long a phone waits, on a 400 kbps link with 400 ms of latency,
// for what a student needs. Chromium's own network emulation (CDP Network.emulateNetworkConditions)
// throttles a fresh context (empty cache, as on a student's first visit); the server runs on this
// machine. Measured from the start of the navigation:
//  - /join?code=…  usable: its field (the nickname step, the server having checked the code) is in
//    the page and takes input (before hydration too);
//  - /join?code=…  to the lobby: the nickname step with its suggestion, Join, and "You're in!" on
//    /live/<code> (the server renders both steps: a click before hydration posts the form);
//  - a training level (pick-a-learning-rate, unlocked through the API first): its controls usable
//    (the page hydrated: Submit carries React's handlers and is enabled).
// A benchmark, not a test: it prints numbers and passes or fails nothing.
//   node bench/slow-wifi.mjs [--runs 3] [--port 3304]       (needs a production build in .next)
import { chromium } from "playwright-core";
import { io } from "socket.io-client";
import { tsImport } from "tsx/esm/api";
import { chromiumLaunchOptions, findChromium } from "../scripts/chromium.mjs";
import { startServer } from "./lib/server.mjs";

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const RUNS = Number(arg("runs", 3));
const PORT = Number(arg("port", 3304));
const SLOW = { offline: false, latency: 400, downloadThroughput: 400_000 / 8, uploadThroughput: 400_000 / 8 };
const LEVEL = "pick-a-learning-rate";

const server = await startServer({ port: PORT, env: { WARM_TRAINING: "0" } });
const base = server.baseURL;
const browser = await chromium.launch(chromiumLaunchOptions(findChromium() ?? "/usr/bin/chromium"));

/**
 * A phone-sized context whose every request goes through the slow link (`slow: false`: unthrottled),
 * and its traffic so far: requests made, and bytes received as they went over the wire.
 */
async function slowPage({ slow = true } = {}) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  if (slow) await cdp.send("Network.emulateNetworkConditions", SLOW);
  const traffic = { requests: 0, bytes: 0, scripts: 0, scriptBytes: 0 };
  const types = new Map();
  cdp.on("Network.requestWillBeSent", (e) => {
    traffic.requests++;
    types.set(e.requestId, e.type);
  });
  cdp.on("Network.loadingFinished", (e) => {
    traffic.bytes += e.encodedDataLength;
    if (types.get(e.requestId) === "Script") {
      traffic.scripts++;
      traffic.scriptBytes += e.encodedDataLength;
    }
  });
  return { context, page, traffic };
}

/** "12 requests, 310 kB (240 kB of script in 9 files)": what a step waited for. */
const describeTraffic = (t) =>
  `${t.requests} requests, ${Math.round(t.bytes / 1000)} kB (${Math.round(t.scriptBytes / 1000)} kB of script in ${t.scripts} files)`;

/** A game in its lobby, created over a socket as the host page would. */
async function createGame() {
  const { LIVE_PROTOCOL_VERSION } = await tsImport("../core/live/version.ts", import.meta.url);
  const socket = io(base, { transports: ["websocket"], forceNew: true });
  await new Promise((resolve) => socket.once("connect", () => resolve(undefined)));
  const ack = await socket.timeout(30_000).emitWithAck("host:create", {
    protocolVersion: LIVE_PROTOCOL_VERSION,
    playlist: ["turn-the-axes"],
    options: { roundSeconds: 60, speedBonus: true },
  });
  if (!ack.ok) throw new Error(`host:create: ${ack.error.message}`);
  return { code: ack.code, socket };
}

const hydrated = (page, selector) =>
  page.waitForFunction(
    (s) => {
      const el = document.querySelector(s);
      return el && !el.disabled && Object.keys(el).some((k) => k.startsWith("__reactProps$"));
    },
    selector,
    { timeout: 120_000 },
  );

async function joinRun(i) {
  const { code, socket } = await createGame();
  const { context, page, traffic } = await slowPage();
  const t0 = Date.now();
  await page.goto(`${base}/join?code=${code}`, { waitUntil: "commit", timeout: 120_000 });
  // Usable: the page's field is there and takes input (no JavaScript needed). The server checks the
  // link's code, so this is the nickname step; it was the code field while the page checked it itself.
  const field = page.locator("#nickname, #game-code").first();
  await field.waitFor({ timeout: 120_000 });
  if (!(await field.isEditable())) throw new Error("the join page's field does not take input");
  const usable = Date.now() - t0;
  // The nickname step, with its suggestion (rendered on the server once it has checked the code).
  const nickname = page.getByLabel("Your nickname");
  await nickname.waitFor({ timeout: 120_000 });
  await page.waitForFunction(
    () => {
      const field = document.querySelector("#nickname");
      return field instanceof HTMLInputElement && field.value !== "";
    },
    null,
    { timeout: 120_000 },
  );
  const atNickname = { ms: Date.now() - t0, ...traffic };
  await nickname.fill(`Slow Student ${i}`);
  await page.getByRole("button", { name: "Join", exact: true }).click();
  await page.getByRole("heading", { name: "You're in!" }).waitFor({ timeout: 120_000 });
  const lobby = Date.now() - t0;
  const atLobby = { ...traffic };
  await context.close();
  socket.disconnect();
  return { usable, lobby, atNickname, atLobby };
}

/**
 * Everything /join?code=… loads once it has hydrated (unthrottled, network idle): what a student
 * waited for before the nickname step when that step needed the page's JavaScript and a socket.
 */
async function joinPageWhole() {
  const { code, socket } = await createGame();
  const { context, page, traffic } = await slowPage({ slow: false });
  await page.goto(`${base}/join?code=${code}`, { waitUntil: "networkidle", timeout: 120_000 });
  await hydrated(page, "#nickname");
  const whole = { ...traffic };
  await context.close();
  socket.disconnect();
  return whole;
}

async function levelRun() {
  const [{ levels }, { solve }] = await Promise.all([
    tsImport("../core/levels/catalog.ts", import.meta.url),
    tsImport("../test/reference/index.ts", import.meta.url),
  ]);
  const { context, page } = await slowPage();
  // Unlock through the API (not throttled: page.request does not go through the page's network).
  await context.request.post(`${base}/api/profile`);
  for (const level of levels.slice(
    0,
    levels.findIndex((l) => l.id === LEVEL),
  )) {
    const served = await (await context.request.get(`${base}/api/levels/${level.id}`)).json();
    const res = await context.request.post(`${base}/api/submissions`, {
      data: { levelId: level.id, attempt: served.attempt, answer: solve(served) },
      timeout: 120_000,
    });
    if (!res.ok()) throw new Error(`unlocking ${level.id}: ${res.status()} ${await res.text()}`);
  }
  const t0 = Date.now();
  await page.goto(`${base}/play/${LEVEL}`, { waitUntil: "commit", timeout: 120_000 });
  await page.locator('[data-testid="kind-view"] input[type="radio"]').first().waitFor({ timeout: 120_000 });
  const controlsShown = Date.now() - t0;
  await hydrated(page, '[data-testid="submit"]');
  const usable = Date.now() - t0;
  await context.close();
  return { controlsShown, usable };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const joins = [];
  for (let i = 0; i < RUNS; i++) joins.push(await joinRun(i));
  const whole = await joinPageWhole();
  const levelsRuns = [];
  for (let i = 0; i < RUNS; i++) levelsRuns.push(await levelRun());
  const row = (name, xs) => `| ${name} | ${xs.map((x) => (x / 1000).toFixed(1)).join(" / ")} | **${(median(xs) / 1000).toFixed(1)}** |`;
  console.log(`400 kbps, 400 ms latency, empty cache, ${RUNS} runs (seconds)\n`);
  console.log("| measure | runs | median |\n|---|---|---|");
  console.log(
    row(
      "/join usable (its field takes input)",
      joins.map((r) => r.usable),
    ),
  );
  console.log(
    row(
      "/join → in the lobby",
      joins.map((r) => r.lobby),
    ),
  );
  console.log(
    row(
      `${LEVEL}: controls shown`,
      levelsRuns.map((r) => r.controlsShown),
    ),
  );
  console.log(
    row(
      `${LEVEL}: controls work (hydrated, Submit enabled)`,
      levelsRuns.map((r) => r.usable),
    ),
  );
  console.log("\nWhat each step waited for (first run):");
  console.log(`- before the nickname step (${(joins[0].atNickname.ms / 1000).toFixed(1)} s): ${describeTraffic(joins[0].atNickname)}`);
  console.log(`- before "You're in!": ${describeTraffic(joins[0].atLobby)}`);
  console.log(`- /join?code=… in all, hydrated (unthrottled): ${describeTraffic(whole)}`);
} finally {
  await browser.close();
  await server.stop();
}
