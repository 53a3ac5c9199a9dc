// The class progress dashboard at classroom scale: 40 students × every level of the campaign
// (27 today), about 3 attempts each, seeded straight into a throwaway database. Measures
//  - GET /api/teacher/classes/:id/progress and progress.csv on the real server (20 runs each);
//  - the page in Chromium: server render + hydration until the grid is interactive, and a
//    re-sort of the 40 rows.
// A benchmark, not a test: it prints numbers and passes or fails nothing.
//   node bench/dashboard.mjs            (needs a production build in .next)
//   BENCH_PORT=3402 node bench/dashboard.mjs
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID, randomBytes } from "node:crypto";
import { createClient } from "@libsql/client";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../scripts/chromium.mjs";
import { ensureChromium } from "../scripts/ensure-chromium.mjs";
import { summarize, table } from "./lib/stats.mjs";

const STUDENTS = 40;
const RUNS = 20;
const port = Number(process.env.BENCH_PORT ?? 3301);
const base = `http://127.0.0.1:${port}`;
const dir = mkdtempSync(path.join(tmpdir(), "ga-bench-dashboard-"));
const dbPath = path.join(dir, "bench.db");

// scripts/start.mjs sets NODE_ENV=production itself: whatever this shell has must not leak in.
const { NODE_ENV: _shellNodeEnv, ...inherited } = process.env;
/** @type {Record<string, string | undefined>} */
const env = { ...inherited, PORT: String(port), HOST: "127.0.0.1", DATABASE_URL: `file:${dbPath}` };
const server = spawn(process.execPath, ["scripts/start.mjs", "--no-build"], {
  env: /** @type {NodeJS.ProcessEnv} */ (env),
  stdio: ["ignore", "ignore", "inherit"],
});
const stop = () => server.kill("SIGTERM");
process.on("exit", stop);

async function waitForHealth() {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

// Plausible answers where the dashboard tallies wrong choices; {} elsewhere (a quiz left blank).
const ANSWERS = {
  "pick-a-learning-rate": [{ learningRate: 10 }, { learningRate: 0.001 }],
  "vanishing-gradients": [
    { activation: "sigmoid", init: "he", optimizer: "momentum", architecture: "plain" },
    { activation: "tanh", init: "he", optimizer: "momentum", architecture: "plain" },
  ],
  initialisation: [{ activation: "relu", init: "tiny", optimizer: "momentum", architecture: "plain" }],
  optimizers: [{ activation: "relu", init: "he", optimizer: "sgd", architecture: "plain" }],
  "what-the-layers-see": [{ depth: 1, width: 4, examples: 200 }],
};

try {
  await waitForHealth();
  const signup = await fetch(`${base}/api/teacher/signup`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email: `bench-${Date.now()}@school.example`, name: "Bench", password: "benchmark password 40x27" }),
  });
  if (signup.status !== 201) throw new Error(`sign-up: ${signup.status}`);
  const teacherId = (await signup.json()).id;
  const cookie = signup.headers
    .getSetCookie()
    .find((c) => c.startsWith("ga_teacher="))
    ?.split(";")[0];
  if (!cookie) throw new Error("sign-up set no ga_teacher cookie");

  const db = createClient({ url: `file:${dbPath}` });
  const [{ createdAt: sample }] = (await db.execute({ sql: "SELECT createdAt FROM Teacher WHERE id = ?", args: [teacherId] })).rows;
  // Dates in the same form Prisma wrote them.
  const date = (ms) => (typeof sample === "number" || typeof sample === "bigint" ? ms : new Date(ms).toISOString());
  const classId = randomUUID();
  await db.execute({
    sql: "INSERT INTO Classroom (id, teacherId, name, joinCode, lockedChapters, createdAt) VALUES (?, ?, 'Bench class', 'BENCH9', '[]', ?)",
    args: [classId, teacherId, date(Date.now())],
  });
  const levelIds = (await (await fetch(`${base}/api/teacher/classes/${classId}/progress`, { headers: { cookie } })).json()).levels.map((l) => l.id);

  let seed = 7;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const statements = [];
  let attemptCount = 0;
  const start = Date.now() - 14 * 24 * 3600_000;
  for (let s = 0; s < STUDENTS; s++) {
    const playerId = randomUUID();
    statements.push({
      sql: "INSERT INTO Player (id, displayName, tokenHash, createdAt, lastSeenAt) VALUES (?, ?, ?, ?, ?)",
      args: [playerId, `Student ${s + 1}`, randomBytes(32).toString("hex"), date(start), date(start)],
    });
    statements.push({
      sql: "INSERT INTO ClassMember (id, classId, playerId, name, joinedAt) VALUES (?, ?, ?, ?, ?)",
      args: [randomUUID(), classId, playerId, `Student ${String(s + 1).padStart(2, "0")}`, date(start)],
    });
    // Each student got a bit further than the last; about 3 attempts per level.
    const reached = Math.max(1, Math.round(levelIds.length * (0.4 + 0.6 * (s / STUDENTS))));
    let t = start + s * 60_000;
    for (const levelId of levelIds.slice(0, reached)) {
      const attempts = 1 + Math.floor(rand() * 5);
      let best = { score: 0, stars: 0 };
      for (let a = 0; a < attempts; a++) {
        const score = Math.min(1, rand() * 0.6 + a * 0.15);
        const stars = score >= 0.95 ? 3 : score >= 0.8 ? 2 : score >= 0.6 ? 1 : 0;
        const choices = ANSWERS[levelId] ?? [{}];
        t += 30_000 + Math.floor(rand() * 300_000);
        statements.push({
          sql: "INSERT INTO LevelAttempt (id, playerId, levelId, answer, score, stars, timeSpentMs, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          args: [
            randomUUID(),
            playerId,
            levelId,
            JSON.stringify(choices[Math.floor(rand() * choices.length)]),
            score,
            stars,
            Math.floor(rand() * 600_000),
            date(t),
          ],
        });
        attemptCount++;
        if (score > best.score) best = { score, stars };
      }
      statements.push({
        sql: "INSERT INTO BestResult (playerId, levelId, score, stars, attempts, achievedAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?)",
        args: [playerId, levelId, best.score, best.stars, attempts, date(t), date(t)],
      });
    }
  }
  await db.batch(statements, "write");
  db.close();

  const time = async (url) => {
    const t0 = performance.now();
    const res = await fetch(url, { headers: { cookie } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
    return { ms: performance.now() - t0, bytes: Buffer.byteLength(body) };
  };
  const rows = [];
  for (const [label, url] of [
    ["GET …/progress (JSON)", `${base}/api/teacher/classes/${classId}/progress`],
    ["GET …/progress.csv", `${base}/api/teacher/classes/${classId}/progress.csv`],
  ]) {
    await time(url); // warm-up (route compile, prepared statements)
    const runs = [];
    let bytes = 0;
    for (let i = 0; i < RUNS; i++) {
      const run = await time(url);
      runs.push(run.ms);
      bytes = run.bytes;
    }
    const s = summarize(runs);
    rows.push([label, s.n, s.p50, s.p95, s.max, `${(bytes / 1024).toFixed(0)} kB`]);
  }

  const browser = await chromium.launch(chromiumLaunchOptions(ensureChromium()));
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addCookies([{ name: "ga_teacher", value: cookie.split("=")[1], url: base }]);
  const page = await context.newPage();
  const pageRuns = [];
  const sortRuns = [];
  const reactRuns = [];
  for (let i = 0; i < 6; i++) {
    const t0 = Date.now();
    await page.goto(`${base}/teacher/classes/${classId}/progress`);
    await page.getByTestId("progress-grid").waitFor();
    // Interactive = hydrated: the sort control answers.
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-testid="sort"]');
      return el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
    });
    if (i > 0) pageRuns.push(Date.now() - t0);
    const sortMs = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const select = /** @type {HTMLSelectElement} */ (document.querySelector('[data-testid="sort"]'));
          const t = performance.now();
          select.value = select.value === "stars" ? "name" : "stars";
          select.dispatchEvent(new Event("change", { bubbles: true }));
          // React handles a change event synchronously: this is its render and commit.
          const react = performance.now() - t;
          requestAnimationFrame(() => setTimeout(() => resolve({ react, frame: performance.now() - t }), 0));
        }),
    );
    sortRuns.push(sortMs.frame);
    reactRuns.push(sortMs.react);
  }
  const cells = await page.locator('[data-testid="progress-grid"] tbody td').count();
  // What a teacher sees at this scale (looked at by hand, not compared).
  await page.screenshot({ path: path.join("test-results", "screenshots", "dashboard-bench-40-students.png") });
  await browser.close();
  const p = summarize(pageRuns);
  const so = summarize(sortRuns);
  rows.push(["page: load until interactive", p.n, p.p50, p.p95, p.max, `${cells} cells`]);
  const re = summarize(reactRuns);
  rows.push(["page: re-sort 40 rows, React render+commit", re.n, re.p50, re.p95, re.max, ""]);
  rows.push(["page: re-sort 40 rows, until next frame", so.n, so.p50, so.p95, so.max, ""]);

  console.log(`${STUDENTS} students × ${levelIds.length} levels, ${attemptCount} attempts\n`);
  console.log(table(["measure", "n", "p50 ms", "p95 ms", "max ms", "size"], rows));
} finally {
  stop();
  await new Promise((r) => server.once("exit", r));
  rmSync(dir, { recursive: true, force: true });
}
