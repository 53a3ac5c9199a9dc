// Preloaded (`node --require`) into the Prisma CLI: its Wasm schema engine leaves timers of a
// minute or so behind when its work is done, which keeps Node alive 11–60 s after `migrate deploy`,
// `migrate diff` or `db push` finished. Unreferenced, they no longer hold the process open.
const LONG_MS = 5_000;
for (const name of ["setTimeout", "setInterval"]) {
  const original = globalThis[name];
  globalThis[name] = function (callback, ms, ...args) {
    const timer = original.call(this, callback, ms, ...args);
    if (typeof ms === "number" && ms >= LONG_MS && typeof timer?.unref === "function") timer.unref();
    return timer;
  };
}
