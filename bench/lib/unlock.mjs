// The later levels of the campaign open only after a star on every level before them. To bench
// any level, a benchmark plays the campaign up to it through the real API, as a player would:
// it reads each earlier level as served (each attempt draws its own instance) and submits the
// reference solver's answer to it (test/reference/, which the unit tests prove earns three stars).
// Nothing in the app is bypassed or changed.
import { tsImport } from "tsx/esm/api";

/** Plays the campaign up to `levelId` in this browser context (its cookie is the player). Returns the level's index. */
export async function unlockUpTo(context, baseURL, levelId) {
  const [{ levels }, { solve }] = await Promise.all([
    tsImport("../../core/levels/catalog.ts", import.meta.url),
    tsImport("../../test/reference/index.ts", import.meta.url),
  ]);
  const index = levels.findIndex((l) => l.id === levelId);
  if (index < 0) throw new Error(`unknown level "${levelId}"; levels: ${levels.map((l) => l.id).join(", ")}`);
  const profile = await context.request.post(`${baseURL}/api/profile`);
  if (!profile.ok()) throw new Error(`POST /api/profile answered ${profile.status()}`);
  for (const level of levels.slice(0, index)) {
    const served = await context.request.get(`${baseURL}/api/levels/${level.id}`);
    if (!served.ok()) throw new Error(`GET /api/levels/${level.id} answered ${served.status()}`);
    const shown = await served.json();
    const data = { levelId: level.id, attempt: shown.attempt, answer: solve(shown) };
    const res = await context.request.post(`${baseURL}/api/submissions`, { data, timeout: 120_000 });
    const body = await res.json().catch(() => ({}));
    if (res.status() !== 201 || !(body.stars >= 1)) {
      throw new Error(
        `could not earn a star on level "${level.id}": the server answered ${res.status()}: ${JSON.stringify(body).slice(0, 300)}. Is the build stale? Run without --no-build.`,
      );
    }
  }
  return index;
}
