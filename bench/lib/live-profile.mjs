// Where the server's time goes during the measured broadcasts: reads the V8 CPU profile the
// server wrote (node --cpu-prof) and adds up, inside the given time windows only, the self time
// per function, per area (package or source folder), and the inclusive time of the app's own
// functions. Profile timestamps and the windows both use the machine's monotonic clock
// (CLOCK_MONOTONIC via process.hrtime in the bench, V8 TimeTicks in the server).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The server's bundle (scripts/server-bundle.mjs) file by file: esbuild opens each module with a `// <path>` line. */
const bundleModules = new Map();
const BUNDLE = /node_modules\/\.cache\/gradient-arena\/server-[0-9a-f]+\.mjs$/;
const isBundle = (url) => BUNDLE.test(url.replace(/^file:\/\//, ""));
const MODULE_LINE = /^\/\/ ((?:server|core|lib|components|app)\/[\w./-]+\.tsx?)$/;

/** The source file a line of the server's bundle comes from (0-based line), or null if unknown. */
function bundleSource(file, line) {
  if (!bundleModules.has(file)) {
    const starts = [];
    try {
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((text, i) => {
          const match = MODULE_LINE.exec(text);
          if (match) starts.push({ line: i, source: match[1] });
        });
    } catch {} // a bundle removed meanwhile: its functions keep the bundle's name
    bundleModules.set(file, starts);
  }
  let source = null;
  for (const start of bundleModules.get(file)) {
    if (start.line > line) break;
    source = start.source;
  }
  return source;
}

function shortUrl(url, line = 0) {
  if (!url) return "";
  const clean = url.replace(/^file:\/\//, "");
  if (isBundle(clean)) return bundleSource(clean, line) ?? clean;
  const nm = clean.lastIndexOf("node_modules/");
  if (nm >= 0) return clean.slice(nm + "node_modules/".length);
  const main = clean.indexOf("/work/main/");
  if (main >= 0) return clean.slice(main + "/work/main/".length);
  return clean.replace(process.cwd() + "/", "");
}

function areaOf(callFrame) {
  const { functionName, url } = callFrame;
  if (functionName === "(garbage collector)") return "GC";
  if (functionName === "(idle)") return "idle";
  if (functionName === "(program)" || functionName === "(root)") return "(program: native, outside JS)";
  const u = shortUrl(url, callFrame.lineNumber);
  if (!u) return "V8 builtins / native (JSON.stringify, …)";
  if (u.startsWith("node:")) return `node internals (${u.split("/")[0].replace("node:", "")}${u.includes("/") ? "/" + u.split("/")[1] : ""})`;
  const pkg = u.startsWith("@") ? u.split("/").slice(0, 2).join("/") : u.split("/")[0];
  if (url.includes("node_modules/") && !isBundle(url)) return pkg;
  return u.split("/").slice(0, 2).join("/"); // core/live, server/live, …
}

/** The main thread's .cpuprofile in a folder (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile; thread 0). */
export function readProfile(dir) {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .sort();
  const main = files.find((f) => f.split(".")[4] === "0") ?? files[0];
  if (!main) return null;
  return JSON.parse(readFileSync(path.join(dir, main), "utf8"));
}

/**
 * windows: [{ label, startUs, endUs }] in monotonic µs. Returns ms per area and per function
 * (self), inclusive ms for app functions (server/, core/) and socket.io's emit, and the number of
 * samples inside the windows.
 */
export function analyzeProfile(profile, windows) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const sorted = [...windows].sort((a, b) => a.startUs - b.startUs);
  const inWindow = (t) => sorted.some((w) => t >= w.startUs && t <= w.endUs);

  const areas = new Map();
  const selfFns = new Map();
  const inclusive = new Map();
  const add = (map, key, us) => map.set(key, (map.get(key) ?? 0) + us);
  let t = profile.startTime;
  let windowUs = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (!inWindow(t)) continue;
    windowUs += dt;
    const node = byId.get(profile.samples[i]);
    const cf = node.callFrame;
    add(areas, areaOf(cf), dt);
    add(selfFns, `${cf.functionName || "(anonymous)"}  ${shortUrl(cf.url, cf.lineNumber)}${cf.url ? `:${cf.lineNumber + 1}` : ""}`, dt);
    // Inclusive time: every distinct app function on the stack, plus socket.io's emit.
    const seen = new Set();
    for (let id = node.id; id !== undefined; id = parent.get(id)) {
      const f = byId.get(id).callFrame;
      const u = shortUrl(f.url, f.lineNumber);
      const interesting = u.startsWith("server/") || u.startsWith("core/") || (u.startsWith("socket.io/") && f.functionName === "emit");
      if (!interesting) continue;
      const key = `${f.functionName || "(anonymous)"}  ${u}:${f.lineNumber + 1}`;
      if (seen.has(key)) continue;
      seen.add(key);
      add(inclusive, key, dt);
    }
  }
  const top = (map, n) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: Number((us / 1000).toFixed(1)) }));
  return { windowMs: Number((windowUs / 1000).toFixed(1)), areas: top(areas, 20), selfFunctions: top(selfFns, 25), inclusive: top(inclusive, 20) };
}
