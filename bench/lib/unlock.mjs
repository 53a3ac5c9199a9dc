// The later levels of the campaign open only after a star on every level before them. To bench
// any level, a benchmark plays the campaign up to it through the real API, as a player would:
// it submits each earlier level's reference answer (test/reference/, the answers the unit tests
// prove earn three stars). Nothing in the app is bypassed or changed.
import { tsImport } from "tsx/esm/api";

/** Plays the campaign up to `levelId` in this browser context (its cookie is the player). Returns the level's index. */
export async function unlockUpTo(context, baseURL, levelId) {
  const [{ levels }, { referenceAnswers }] = await Promise.all([
    tsImport("../../core/levels/catalog.ts", import.meta.url),
    tsImport("../../test/reference/index.ts", import.meta.url),
  ]);
  const index = levels.findIndex((l) => l.id === levelId);
  if (index < 0) throw new Error(`unknown level "${levelId}"; levels: ${levels.map((l) => l.id).join(", ")}`);
  const profile = await context.request.post(`${baseURL}/api/profile`);
  if (!profile.ok()) throw new Error(`POST /api/profile answered ${profile.status()}`);
  for (const level of levels.slice(0, index)) {
    const res = await context.request.post(`${baseURL}/api/submissions`, { data: { levelId: level.id, answer: referenceAnswers[level.id] }, timeout: 120_000 });
    const body = await res.json().catch(() => ({}));
    if (res.status() !== 201 || !(body.stars >= 1)) {
      throw new Error(
        `could not earn a star on level "${level.id}": the server answered ${res.status()}: ${JSON.stringify(body).slice(0, 300)}. Is the build stale? Run without --no-build.`,
      );
    }
  }
  return index;
}
