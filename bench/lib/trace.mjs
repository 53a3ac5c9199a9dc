// The whole cost of a drag step on the renderer's main thread, from a Chromium trace. The
// view's own measure ends when the handler returns; the canvases are rasterized afterwards, when
// the frame is committed (LayerTreeHost::DoUpdateLayers), and style/layout/paint run in the
// frame's lifecycle update. Neither is inside "coordinate-change:step".
export const TRACE_CATEGORIES = ["toplevel", "benchmark", "blink", "devtools.timeline"];

export function summarizeTrace(buffer, steps) {
  const parsed = JSON.parse(buffer.toString("utf8"));
  const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;
  const names = new Map();
  for (const e of events) if (e.ph === "M" && e.name === "thread_name") names.set(`${e.pid}:${e.tid}`, e.args.name);

  // The page's renderer main thread: the one that handled the pointer moves.
  const moves = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ph === "X" && e.name === "EventDispatch" && e.args?.data?.type === "pointermove" && names.get(key) === "CrRendererMain")
      moves.set(key, (moves.get(key) ?? 0) + 1);
  }
  const main = [...moves.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!main) return null;
  const own = events.filter((e) => e.ph === "X" && `${e.pid}:${e.tid}` === main).sort((a, b) => a.ts - b.ts);

  // Thread CPU time (tdur) where the trace has it: other processes on a busy machine inflate
  // wall time, not CPU time. Falls back to wall time (dur).
  const cpu = (e) => e.tdur ?? e.dur;
  const sum = (name) => own.filter((e) => e.name === name).reduce((a, e) => a + cpu(e), 0);
  // Busy time: outermost tasks only (tasks can nest).
  let busy = 0;
  let end = -Infinity;
  for (const e of own) {
    if (e.name !== "ThreadControllerImpl::RunTask" || e.ts < end) continue;
    busy += cpu(e);
    end = e.ts + e.dur;
  }
  const input = sum("EventHandler::handleMouseMoveEvent");
  const lifecycle = sum("WebFrameWidgetImpl::UpdateLifecycle");
  const raster = sum("LayerTreeHost::DoUpdateLayers");
  const frames = own.filter((e) => e.name === "ProxyMain::BeginMainFrame").length;
  // The pointermove dispatch holds the whole measured step (flushSync): its thread CPU time is
  // the step's cost without the time the thread spent descheduled on a busy machine.
  const stepCpu = own
    .filter((e) => e.name === "EventDispatch" && e.args?.data?.type === "pointermove")
    .map((e) => cpu(e) / 1000)
    .sort((a, b) => a - b);
  const pct = (sorted, p) => Number((sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN).toFixed(2));
  const perStep = (us) => Number((us / 1000 / steps).toFixed(2));
  const commitDurations = own
    .filter((e) => e.name === "LayerTreeHost::DoUpdateLayers")
    .map((e) => cpu(e) / 1000)
    .sort((a, b) => a - b);
  return {
    clock: own.some((e) => e.tdur !== undefined) ? "thread CPU time" : "wall time",
    frames,
    busyMsPerStep: perStep(busy),
    parts: [
      { part: "pointer-move handling (contains the measured step)", msPerStep: perStep(input) },
      { part: "canvas rasterization at frame commit (LayerTreeHost::DoUpdateLayers)", msPerStep: perStep(raster) },
      { part: "style, layout, paint (frame lifecycle update)", msPerStep: perStep(lifecycle) },
      { part: "everything else on the main thread", msPerStep: perStep(busy - input - raster - lifecycle) },
    ],
    stepCpuMs: { n: stepCpu.length, p50: pct(stepCpu, 50), p95: pct(stepCpu, 95), p99: pct(stepCpu, 99), max: pct(stepCpu, 100) },
    rasterMsPerFrame: { p50: pct(commitDurations, 50), p95: pct(commitDurations, 95), max: pct(commitDurations, 100) },
  };
}
