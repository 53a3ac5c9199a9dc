// The custom server (server/main.ts and what it imports from server/ and core/) as one ES module,
// bundled by esbuild at each start, packages left to node_modules. Loading TypeScript through tsx's
// loader hooks cost about 4.5 s of CPU per start on the 2-core test machine, the bundle about 2 s
// (the API tests start some 50 servers per run); bundling takes a quarter of a second.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const OUT_DIR = path.resolve("node_modules/.cache/gradient-arena");
const STALE_MS = 24 * 60 * 60_000;

/** Bundles the server and returns the file to import: named by its content, so that servers starting at once share it safely. */
export async function bundleServer() {
  const result = await build({
    entryPoints: ["server/main.ts"],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    write: false,
    logLevel: "warning",
  });
  const code = result.outputFiles[0].contents;
  const file = path.join(OUT_DIR, `server-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!existsSync(file)) {
    mkdirSync(OUT_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file); // atomic: a server starting beside this one never reads half a file
  } else {
    const now = new Date();
    utimesSync(file, now, now); // in use: not old
  }
  removeOldBundles(file);
  return file;
}

/** Bundles of earlier code, unused for a day (a server still running one has long loaded it). */
function removeOldBundles(current) {
  for (const name of readdirSync(OUT_DIR)) {
    const file = path.join(OUT_DIR, name);
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
    if (file !== current && Date.now() - modified > STALE_MS) rmSync(file, { force: true });
  }
}
