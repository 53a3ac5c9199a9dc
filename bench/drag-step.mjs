// Benchmark 1: one drag step of the coordinate-change view.
//
// The view measures itself: every pointer-drag step runs inside flushSync and ends with
// performance.measure("coordinate-change:step"), which covers the state update, the React
// render, both canvas redraws and the accuracy recount. This benchmark opens the real level
// page of the production build, drags the "before" plot with real mouse input (Chromium's
// input pipeline, CDP Input.dispatchMouseEvent via Playwright), and reads the measures back.
//
// Point counts other than the level's own: the page receives the level (with its dataset spec,
// e.g. {"generator":"halfPlane","params":{"count":300,…}}) in the server-rendered RSC payload,
// and the browser generates the points from that spec. For the "500 points" scenarios the
// benchmark rewrites that one number in the HTML on its way to the browser (Playwright
// page.route), so the unchanged production bundle draws, transforms and scores 500 points.
//
// Each scenario is also traced (Chromium trace, lib/trace.mjs) to see the main thread's whole
// cost per step, including the canvas rasterization that happens after the measured step, when
// the frame is committed. One extra pass runs under the V8 sampling profiler (lib/cpu-profile.mjs)
// to split the step's JavaScript time.
import { unlockUpTo } from "./lib/unlock.mjs";
import { summarize } from "./lib/stats.mjs";
import { startCpuProfile, stopCpuProfile } from "./lib/cpu-profile.mjs";
import { summarizeTrace, TRACE_CATEGORIES } from "./lib/trace.mjs";

export const BUDGET_MS = 8;

export const PROFILES = {
  desktop: { label: "desktop 1280×900 @1x", context: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 }, cpuThrottle: 1 },
  phone: {
    label: "phone 390×844 @3x",
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottle: 1,
  },
  "phone-slow": {
    label: "phone 390×844 @3x, CPU 4× slower",
    context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
    cpuThrottle: 4,
  },
};

/** Rewrites the dataset's point count inside the RSC payload of the level's HTML. */
async function overridePointCount(page, levelId, count) {
  let rewrites = 0;
  await page.route(
    (url) => url.pathname === `/play/${levelId}`,
    async (route) => {
      if (route.request().resourceType() !== "document") return route.continue();
      const response = await route.fetch().catch(() => null);
      if (!response) return route.abort().catch(() => {});
      const html = await response.text();
      // Inside the inline flight data the JSON is a JS string, so quotes are escaped: \"count\":300
      const body = html.replace(
        /(\\?"dataset\\?":\{\\?"generator\\?":\\?"[^"\\]+\\?",\\?"seed\\?":\\?"[^"\\]*\\?",\\?"params\\?":\{\\?"count\\?":)\d+/g,
        (_, head) => {
          rewrites++;
          return `${head}${count}`;
        },
      );
      const headers = { ...response.headers() };
      delete headers["content-length"];
      delete headers["content-encoding"];
      await route.fulfill({ response, body, headers });
    },
  );
  return () => rewrites;
}

async function runScenario(browser, { baseURL, storageState, levelId, points, profileId, steps, warmup, cpuProfile = false, trace = false }) {
  const t0 = Date.now();
  const profile = PROFILES[profileId];
  const context = await browser.newContext({ ...profile.context, storageState });
  const page = await context.newPage();
  try {
    const rewrites = points === "native" ? null : await overridePointCount(page, levelId, points);
    await page.goto(`${baseURL}/play/${levelId}`, { waitUntil: "load" });
    const canvas = page.getByTestId("before-canvas");
    await canvas.waitFor({ state: "visible", timeout: 30_000 });
    await page.waitForFunction(() => {
      const c = /** @type {HTMLCanvasElement | null} */ (document.querySelector('[data-testid="before-canvas"]'));
      return c && c.width > 0 && /of \d+ points/.test(document.querySelector(".scoreline")?.textContent ?? "");
    });
    if (rewrites && rewrites() !== 1) throw new Error(`expected to rewrite the point count once in /play/${levelId}, rewrote ${rewrites()} times`);
    const scoreline = async () => (await page.locator(".scoreline").textContent()) ?? "";
    const before = await scoreline();
    const pointCount = Number(/of (\d+) points/.exec(before)?.[1]);
    if (points !== "native" && pointCount !== points) throw new Error(`the page shows ${pointCount} points, expected ${points}`);
    const backing = await page.evaluate(() => {
      const c = /** @type {HTMLCanvasElement} */ (document.querySelector('[data-testid="before-canvas"]'));
      return `${c.width}×${c.height}`;
    });

    const cdp = await context.newCDPSession(page);
    if (profile.cpuThrottle > 1) await cdp.send("Emulation.setCPUThrottlingRate", { rate: profile.cpuThrottle });

    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    const r = 0.32 * Math.min(box.width, box.height);
    // Around the plot's centre, 2° per step: in the rotate mode every step turns the axes.
    const at = (i) => [cx + r * Math.cos((i * 2 * Math.PI) / 180), cy + r * Math.sin((i * 2 * Math.PI) / 180)];

    await page.mouse.move(...at(0));
    await page.mouse.down();
    for (let i = 1; i <= warmup; i++) await page.mouse.move(...at(i));
    await page.evaluate(() => performance.clearMeasures("coordinate-change:step"));
    if (trace) await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    if (cpuProfile) await startCpuProfile(cdp);
    const started = Date.now();
    for (let i = warmup + 1; i <= warmup + steps; i++) await page.mouse.move(...at(i));
    const wallMs = Date.now() - started;
    const js = cpuProfile ? await stopCpuProfile(cdp, { baseURL }) : undefined;
    const durations = await page.evaluate(() => performance.getEntriesByName("coordinate-change:step").map((e) => e.duration));
    const mainThread = trace ? summarizeTrace(await browser.stopTracing(), durations.length) : undefined;
    await page.mouse.up();
    const after = await scoreline();
    if (durations.length === 0) throw new Error(`no "coordinate-change:step" measures on /play/${levelId}: did the drag reach the canvas?`);

    return {
      level: levelId,
      points: pointCount,
      pointsSource: points === "native" ? "level" : "rewritten",
      profile: profileId,
      profileLabel: profile.label,
      canvasBackingStore: backing,
      cpuThrottle: profile.cpuThrottle,
      moves: steps,
      measuredSteps: durations.length,
      wallMsPerMove: Number((wallMs / steps).toFixed(1)),
      accuracyBefore: /Accuracy ([\d.]+%)/.exec(before)?.[1],
      accuracyAfter: /Accuracy ([\d.]+%)/.exec(after)?.[1],
      stepMs: summarize(durations, BUDGET_MS),
      ...(mainThread && { mainThread }),
      ...(js && { js: { ...js, msPerStep: Number((js.jsMs / durations.length).toFixed(2)) } }),
      scenarioSeconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
    };
  } finally {
    await context.close();
  }
}

/**
 * The scenarios: every level at its own point count on each unthrottled profile; the first level
 * also at each extra point count. Throttled profiles run only once, at the last level's last
 * count (they are slow to run), and so does the pass under the sampling profiler.
 */
export async function benchDragStep(browser, { baseURL, levels, points, profiles, steps, slowSteps, warmup, profilePass = true, log = console.log }) {
  const results = [];
  const profiled = [];
  for (const levelId of levels) {
    const storageState = await playerUpTo(browser, baseURL, levelId);
    const counts = ["native", ...(levelId === levels[0] ? points : [])];
    const isLast = (count) => levelId === levels.at(-1) && count === counts.at(-1);
    const level = { baseURL, storageState, levelId, warmup };
    for (const count of counts) {
      for (const profileId of profiles) {
        const throttled = PROFILES[profileId].cpuThrottle > 1;
        if (throttled && !isLast(count)) continue;
        const result = await runScenario(browser, { ...level, points: count, profileId, steps: throttled ? slowSteps : steps, trace: true });
        if (count !== "native" && results.some((r) => r.level === levelId && r.profile === profileId && r.points === result.points)) continue; // the level already has that many
        log(
          `  ${levelId} · ${result.points} points · ${result.profileLabel}: step p50 ${result.stepMs.p50} ms, p95 ${result.stepMs.p95} ms, max ${result.stepMs.max} ms; main thread ${result.mainThread?.busyMsPerStep} ms CPU per step (${result.measuredSteps} steps, ${result.scenarioSeconds} s)`,
        );
        results.push(result);
      }
    }
    if (profilePass && isLast(counts.at(-1))) profiled.push(...(await profiledPass(browser, { ...level, points: counts.at(-1) }, { profiles, steps, log })));
  }
  return { scenarios: results, profiled };
}

/** A player who has played the campaign up to the level (one per level), as a storage state. */
async function playerUpTo(browser, baseURL, levelId) {
  const setup = await browser.newContext();
  await unlockUpTo(setup, baseURL, levelId);
  const storageState = await setup.storageState();
  await setup.close();
  return storageState;
}

/** A separate pass under the sampling profiler (which slows JavaScript down), to split the step's JS time. */
async function profiledPass(browser, scenario, { profiles, steps, log }) {
  const profileId = profiles.includes("phone") ? "phone" : profiles.find((p) => PROFILES[p].cpuThrottle === 1);
  if (!profileId) return [];
  const result = await runScenario(browser, { ...scenario, profileId, steps: Math.min(steps, 40), cpuProfile: true });
  if (!result.js) throw new Error("the profiled pass returned no profile");
  log(
    `  profiled: ${scenario.levelId} · ${result.points} points · ${result.profileLabel}: ${result.js.msPerStep} ms of JavaScript per step (${result.scenarioSeconds} s)`,
  );
  return [result];
}
