import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { findChromium } from "./chromium.mjs";

/**
 * The end-to-end tests and benchmarks drive the system's Chromium (Playwright's own browser
 * download cannot reach its host from these machines). Returns its path, installing Debian's
 * package with apt when we are root; otherwise says what to install and exits.
 * @returns {string}
 */
export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package (about 30 s)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    const installed = findChromium();
    if (installed) return installed;
  }
  console.error(
    "The end-to-end tests need Chromium and none was found.\n" +
      "  On Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/binary",
  );
  process.exit(1);
}
