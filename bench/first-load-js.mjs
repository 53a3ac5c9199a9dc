// Benchmark 2: first-load JavaScript per route.
//
// `next build` (Next 16) no longer prints route sizes, so this measures what a browser really
// fetches: each route is opened in a fresh browser context (empty cache, no cookie — a first
// visit), and every response of resource type "script" received until the page is loaded and
// the network has been idle for 500 ms is counted. On the level page that includes the
// challenge view, which next/dynamic loads as a separate chunk after hydration.
//
// Sizes: "raw" is the decoded body; "gzip" is that body compressed with node:zlib gzipSync at
// its default level (what a gzip-compressing proxy or CDN would send); "wire" is the encoded body
// size the browser actually received from this server (equal to raw when it did not compress).
//
// Link prefetching: in production, next/link prefetches the routes its links point to once the
// page is idle, and the prefetched RSC payload pulls in those routes' client chunks (the landing
// page's links bring /join's and /play's JavaScript along). That is not needed to show or use
// the page, so the first-load figure is taken with prefetch requests (header
// Next-Router-Prefetch) refused; a second load with prefetching on gives what it adds.
//
// Level pages: a level opens only after the levels before it, so for /play/<level> the fresh
// context first plays the campaign up to it through the API (bench/lib/unlock.mjs); its browser
// cache stays empty. One level of each challenge kind is measured, and the table says which
// pages fetch TensorFlow.js (recognised by a string only tfjs-core's code contains; its chunks
// are split by the bundler, so its weight is read as the difference from other level pages).
import { gzipSync } from "node:zlib";
import { unlockUpTo } from "./lib/unlock.mjs";

/** One level per challenge kind, so each kind's view chunk is measured. */
export const LEVEL_ROUTES = [
  "/play/rules-or-examples", // concept
  "/play/turn-the-axes", // coordinate-change
  "/play/fit-a-line", // tune-weights
  "/play/pick-a-learning-rate", // learning-rate (trains)
  "/play/order-the-training-loop", // training-loop
  "/play/chain-rule-one-neuron", // chain-rule
  "/play/downhill-by-hand", // downhill
  "/play/backward-pass-branch", // backward-pass
  "/play/vanishing-gradients", // deep-training (trains)
  "/play/classification-heads", // output-head
  "/play/what-the-layers-see", // digits (trains)
];
export const ROUTES = ["/", "/play", "/host", ...LEVEL_ROUTES];
const TFJS_MARKER = "Cannot evaluate flag";

/**
 * @typedef {{ url: string, status: number, raw: number, gzip: number, wire: number, encoding: string, tfjs: boolean }} Script one script response
 * @typedef {{ route: string, files: number, raw: number, gzip: number, wire: number, serverCompressed: boolean, loadsTfjs: boolean,
 *   prefetchesRefused?: number, documentChars: number, scripts: Script[] }} RouteLoad one load of a route, sizes in bytes
 * @typedef {{ files: number, raw: number, gzip: number, urls: string[] }} Prefetched what link prefetching adds
 * @typedef {RouteLoad & { prefetched: Prefetched, sharedRaw: number, sharedGzip: number, routeOnlyRaw: number, routeOnlyGzip: number }} RouteResult
 */

/** @returns {Promise<RouteLoad>} */
async function measureRoute(browser, baseURL, route, { prefetch }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  let prefetches = 0;
  if (!prefetch) {
    await context.route("**/*", (r) => {
      if (!("next-router-prefetch" in r.request().headers())) return r.continue();
      prefetches++;
      return r.abort();
    });
  }
  const level = /^\/play\/([^/]+)$/.exec(route)?.[1];
  if (level) await unlockUpTo(context, baseURL, level);
  const page = await context.newPage();
  const pending = [];
  /** @type {Script[]} */
  const scripts = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    pending.push(
      (async () => {
        const body = await response.body().catch(() => null);
        const sizes = await response
          .request()
          .sizes()
          .catch(() => null);
        if (!body) return;
        scripts.push({
          url: new URL(response.url()).pathname,
          status: response.status(),
          raw: body.length,
          gzip: gzipSync(body).length,
          wire: sizes ? sizes.responseBodySize : body.length,
          encoding: response.headers()["content-encoding"] ?? "none",
          tfjs: body.includes(TFJS_MARKER),
        });
      })(),
    );
  });
  try {
    await page.goto(`${baseURL}${route}`, { waitUntil: "load" });
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    // The level page is interactive once next/dynamic has loaded and drawn the challenge view.
    if (level) await page.getByTestId("kind-view").waitFor({ state: "visible", timeout: 15_000 });
    await page.waitForLoadState("networkidle", { timeout: 15_000 }).catch(() => {});
    await Promise.all(pending);
    const html = await page.evaluate(() => document.documentElement.outerHTML.length);
    scripts.sort((a, b) => b.raw - a.raw);
    /** @param {"raw" | "gzip" | "wire"} key */
    const sum = (key) => scripts.reduce((a, s) => a + s[key], 0);
    return {
      route,
      files: scripts.length,
      raw: sum("raw"),
      gzip: sum("gzip"),
      wire: sum("wire"),
      serverCompressed: scripts.some((s) => s.encoding !== "none"),
      loadsTfjs: scripts.some((s) => s.tfjs),
      ...(!prefetch && { prefetchesRefused: prefetches }),
      documentChars: html,
      scripts,
    };
  } finally {
    await context.close();
  }
}

/** @returns {Promise<RouteResult[]>} */
export async function benchFirstLoadJs(browser, { baseURL, routes = ROUTES }) {
  const loads = [];
  for (const route of routes) {
    const first = await measureRoute(browser, baseURL, route, { prefetch: false });
    const withPrefetch = await measureRoute(browser, baseURL, route, { prefetch: true });
    const extra = withPrefetch.scripts.filter((s) => !first.scripts.some((f) => f.url === s.url));
    const prefetched = {
      files: extra.length,
      raw: extra.reduce((a, s) => a + s.raw, 0),
      gzip: extra.reduce((a, s) => a + s.gzip, 0),
      urls: extra.map((s) => s.url),
    };
    loads.push({ ...first, prefetched });
  }
  // What every route loads (framework, React, the app's shell) versus what a route adds.
  const shared = new Set(loads[0]?.scripts.map((s) => s.url));
  for (const r of loads.slice(1)) for (const url of [...shared]) if (!r.scripts.some((s) => s.url === url)) shared.delete(url);
  return loads.map((r) => {
    const own = r.scripts.filter((s) => !shared.has(s.url));
    const sharedRaw = r.raw - own.reduce((a, s) => a + s.raw, 0);
    const sharedGzip = r.gzip - own.reduce((a, s) => a + s.gzip, 0);
    return { ...r, sharedRaw, sharedGzip, routeOnlyRaw: r.raw - sharedRaw, routeOnlyGzip: r.gzip - sharedGzip };
  });
}
