import { existsSync } from "node:fs";

/**
 * How the end-to-end tests and the benchmarks start Chromium: one list of flags and one binary
 * lookup, for playwright.config.ts, scripts/ensure-chromium.mjs and every bench script.
 * (Types for TypeScript callers: chromium.d.mts.)
 */

/**
 * Headless, no sandbox (containers run as root), no GPU (software WebGL only slows tiny models).
 * The rest stop Chromium's background calls to Google's services: these machines reach only the
 * npm registry, and without the flags Chromium floods the closed network with refused connections.
 */
export const CHROMIUM_ARGS = Object.freeze([
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
]);

/** Debian's package (Playwright's own browser download cannot reach its host from here), then the usual names. */
const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium binary to use: $CHROMIUM_PATH if it exists, else the first system one found, else null. */
export function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, ...SYSTEM_PATHS];
  return candidates.find((p) => p !== undefined && p !== "" && existsSync(p)) ?? null;
}

/**
 * Options for Playwright's `chromium.launch()` (and `use.launchOptions`).
 * @param {string} executablePath
 */
export function chromiumLaunchOptions(executablePath) {
  return { executablePath, args: [...CHROMIUM_ARGS] };
}
