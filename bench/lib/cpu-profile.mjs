// Where the JavaScript time of a drag goes: a V8 sampling profile (CDP Profiler) of the renderer,
// its self time grouped into a few buckets. The production bundle is minified, so the buckets go
// by kind of work and by chunk rather than by function name. Native work outside JS (style,
// layout, canvas rasterization) shows up as "(program)" here, mixed with idle time, so it is
// left out: the trace (lib/trace.mjs) measures it.

const CANVAS_CALLS = new Set([
  "arc",
  "fill",
  "stroke",
  "fillRect",
  "clearRect",
  "beginPath",
  "closePath",
  "moveTo",
  "lineTo",
  "save",
  "restore",
  "setLineDash",
  "fillText",
  "measureText",
  "strokeText",
  "rect",
  "set fillStyle",
  "set strokeStyle",
  "set lineWidth",
  "set font",
  "set textAlign",
  "fillStyle",
  "strokeStyle",
  "lineWidth",
  "font",
  "textAlign",
  "getContext",
]);

export async function startCpuProfile(cdp) {
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 }); // µs
  await cdp.send("Profiler.start");
}

// Functions Playwright injects into the page to drive the mouse.
const HARNESS = new Set(["setupDragListeners", "window.__cleanupDrag", "__cleanupDrag", "evaluate"]);

/**
 * The bucket a sample's self time goes to: idle, garbage collection, a kind of native call, or
 * the chunk its script came from (`labelOf`).
 * @param {{ functionName: string, url: string }} callFrame
 * @param {(url: string) => Promise<string>} labelOf
 */
async function bucketOf({ functionName: name, url }, labelOf) {
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)" || name === "(root)") return "idle"; // native work outside JS, and idle: see the trace instead
  if (url) return labelOf(url);
  if (CANVAS_CALLS.has(name)) return "canvas 2D calls (recording)";
  return HARNESS.has(name) ? "benchmark harness" : "other native calls";
}

/** "name file.js:line:column" for a function in a script, "name (native)" for a native one. */
function functionKey({ functionName, url, lineNumber, columnNumber }) {
  const where = url ? `${new URL(url).pathname.split("/").pop()}:${lineNumber + 1}:${columnNumber + 1}` : "(native)";
  return `${functionName || "(anonymous)"} ${where}`;
}

/** Stops the profiler; returns ms of JS self time per bucket, and the busiest functions. */
export async function stopCpuProfile(cdp, { baseURL }) {
  const { profile } = await cdp.send("Profiler.stop");
  await cdp.send("Profiler.disable");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = profile.timeDeltas[i + 1] ?? 0; // the time until the next sample belongs to this one
    selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + dt);
  }

  // Label chunks by what they contain.
  const chunkLabels = new Map();
  const labelOf = async (url) => {
    if (chunkLabels.has(url)) return chunkLabels.get(url);
    let label = `other JS (${new URL(url).pathname.split("/").pop()})`;
    try {
      const text = await (await fetch(url.startsWith("http") ? url : new URL(url, baseURL))).text();
      if (text.includes("coordinate-change:step")) label = "view chunk JS (CoordinateChangeView, plot.ts)";
      else if (text.includes("__reactFiber$")) label = "React DOM";
      else if (text.includes("black iff x′ > 0") || text.includes("halfPlane")) label = "app JS (core: datasets, math, scoring)";
    } catch {
      // keep the file name
    }
    chunkLabels.set(url, label);
    return label;
  };

  const buckets = {};
  const functions = new Map();
  const otherNative = new Map();
  const add = (bucket, us) => (buckets[bucket] = (buckets[bucket] ?? 0) + us);
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    const name = callFrame.functionName;
    const bucket = await bucketOf(callFrame, labelOf);
    add(bucket, us);
    if (bucket === "other native calls") otherNative.set(name || "(anonymous)", (otherNative.get(name || "(anonymous)") ?? 0) + us);
    if (callFrame.url || CANVAS_CALLS.has(name)) {
      const key = functionKey(callFrame);
      functions.set(key, (functions.get(key) ?? 0) + us);
    }
  }
  const ms = (us) => Number((us / 1000).toFixed(1));
  const totalUs = Object.values(buckets).reduce((a, b) => a + b, 0);
  const busyUs = totalUs - (buckets.idle ?? 0);
  return {
    jsMs: ms(busyUs),
    buckets: Object.entries(buckets)
      .filter(([b]) => b !== "idle")
      .sort((a, b) => b[1] - a[1])
      .map(([bucket, us]) => ({ bucket, ms: ms(us), share: Number((us / busyUs).toFixed(3)) })),
    otherNative: [...otherNative.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([fn, us]) => ({ fn, ms: ms(us) })),
    topFunctions: [...functions.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([fn, us]) => ({ fn, ms: ms(us) })),
  };
}
