import { existsSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

// Next.js would otherwise send anonymous telemetry to its public host: nothing leaves this machine.
process.env.NEXT_TELEMETRY_DISABLED = "1";

/** Inputs of the production build: if any is newer than the last build, build again. */
const INPUTS = ["app", "components", "core", "public", "next.config.js", "package-lock.json", "tsconfig.json"];

function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function buildIfStale({ force = false } = {}) {
  const stamp = ".next/BUILD_ID";
  const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
  if (!force && built > 0 && INPUTS.every((entry) => newestMtime(entry) <= built)) return false;
  console.log(force ? "Building the app…" : "The production build is missing or out of date: building it (about a minute)…");
  execFileSync(path.resolve("node_modules/.bin/next"), ["build"], { stdio: "inherit" });
  return true;
}
