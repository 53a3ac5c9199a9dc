import { existsSync } from "node:fs";
import { execSync } from "node:child_process";

/**
 * The end-to-end tests drive Debian's Chromium (Playwright's own browser download cannot reach
 * its host from these machines). Returns its path, installing it with apt when we are root.
 */
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter(Boolean);

export function ensureChromium() {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const isRoot = process.getuid?.() === 0;
  const hasApt = existsSync("/usr/bin/apt-get");
  if (isRoot && hasApt) {
    console.log("Chromium not found: installing Debian's chromium package (about 30 s)…");
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
    if (existsSync("/usr/bin/chromium")) return "/usr/bin/chromium";
  }
  console.error(
    "The end-to-end tests need Chromium and none was found.\n" +
      "  On Debian/Ubuntu: sudo apt-get install -y chromium\n" +
      "  Elsewhere: install Chromium or Chrome and set CHROMIUM_PATH=/path/to/the/binary",
  );
  process.exit(1);
}
