// The last levels of the campaign open only after a star on every level before them. To bench
// any level, the benchmark plays the campaign up to it: it finds an answer worth at least one
// star with the app's own scoring (core/, loaded from source with tsx) and submits it through
// the real API, as a player would. Nothing in the app is bypassed or changed.
import { tsImport } from "tsx/esm/api";

async function loadCore() {
  const [{ levels }, { kindOf }, { scoreAnswerSync }, cc] = await Promise.all([
    tsImport("../../core/levels/catalog.ts", import.meta.url),
    tsImport("../../core/kinds/registry.ts", import.meta.url),
    tsImport("../../core/scoring.ts", import.meta.url),
    tsImport("../../core/kinds/coordinate-change/index.ts", import.meta.url),
  ]);
  return { levels, kindOf, scoreAnswerSync, levelData: cc.levelData };
}

function range(min, max, count) {
  if (!(max > min)) return [min];
  return Array.from({ length: count + 1 }, (_, i) => min + ((max - min) * i) / count);
}

/** Coordinate-change answers that earn at least one star, by a coarse search over the open controls. */
function* solveCoordinateChange(core, level) {
  const kind = core.kindOf(level.kind);
  const config = kind.configSchema.parse(level.config);
  const data = core.levelData(level, config);
  const locked = new Set(level.lockedControls);
  const angles = locked.has("rotate") ? [0] : [...(data.search ? [data.search.best.angleDeg] : []), ...range(-180, 175, 71)];
  for (const representation of config.representations) {
    const f = data.features[representation];
    let xMin = Infinity, xMax = -Infinity, yMin = Infinity, yMax = -Infinity;
    for (let i = 0; i < f.length; i += 2) {
      xMin = Math.min(xMin, f[i]); xMax = Math.max(xMax, f[i]);
      yMin = Math.min(yMin, f[i + 1]); yMax = Math.max(yMax, f[i + 1]);
    }
    const shifts = locked.has("shift") ? [[0, 0]] : [[0, 0], ...range(xMin, xMax, 24).flatMap((x) => range(yMin, yMax, 24).map((y) => [x, y]))];
    for (const rule of config.rules)
      for (const angleDeg of angles)
        for (const shift of shifts) {
          const answer = { representation, rule, angleDeg, shift, scale: [1, 1] };
          const outcome = core.scoreAnswerSync(level, answer);
          if (outcome.ok && outcome.result.stars >= 1) yield answer;
        }
  }
}

/** Plays the campaign up to `levelId` in this browser context (its cookie is the player). */
export async function unlockUpTo(context, baseURL, levelId) {
  const core = await loadCore();
  const index = core.levels.findIndex((l) => l.id === levelId);
  if (index < 0) throw new Error(`unknown level "${levelId}"; levels: ${core.levels.map((l) => l.id).join(", ")}`);
  const profile = await context.request.post(`${baseURL}/api/profile`);
  if (!profile.ok()) throw new Error(`POST /api/profile answered ${profile.status()}`);
  for (const level of core.levels.slice(0, index)) {
    if (level.kind !== "coordinate-change") throw new Error(`cannot unlock past level "${level.id}" (kind ${level.kind}): teach bench/lib/unlock.mjs its kind`);
    // The server scores with the core compiled into the build; if that differs a little from the
    // source loaded here (a stale build), try a few more answers before giving up.
    let last = "no one-star answer found";
    let unlocked = false;
    let tries = 0;
    for (const answer of solveCoordinateChange(core, level)) {
      const res = await context.request.post(`${baseURL}/api/submissions`, { data: { levelId: level.id, answer } });
      const body = await res.json().catch(() => ({}));
      if (res.status() === 201 && body.stars >= 1) {
        unlocked = true;
        break;
      }
      last = `the server answered ${res.status()}: ${JSON.stringify(body).slice(0, 300)}`;
      if (res.status() !== 201 || ++tries >= 25) break;
    }
    if (!unlocked) throw new Error(`could not earn a star on level "${level.id}" (${last}). Is the build stale? Run without --no-build.`);
  }
  return index;
}
