import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type GeneraliseAnswer, type GeneraliseView, PROBE, probeCounts } from "../../core/kinds/generalise/public";
import { classAnswers } from "../../core/live/class-answers";
import { type ServerLiveRounds, serverLiveRounds } from "../../server/live/rounds";
import { levelById, served } from "./scoring-helpers";

// Memorise or generalise in a live game: the class's choices as the projector draws them (labels
// without the controls the level locks, how many stopped at each epoch), and the round's probe
// computed ahead by the engine's warm-up, so the synchronous view finds it cached.

describe("the class's choices at the reveal", () => {
  it("Stop in time: one bar per stopping point (its size and regulariser are locked), and how many stopped at each epoch", () => {
    const level = served(levelById("stop-in-time"));
    const view = level.view as GeneraliseView;
    const answer = (epochs: number): GeneraliseAnswer => ({ ...PROBE, epochs, prediction: view.prediction.options[0].id });
    const [early, late] = [view.stops[2], view.stops[view.stops.length - 1]];
    const result = classAnswers(
      level,
      null,
      [answer(early), answer(early), answer(late)].map((a, i) => ({ answer: a, score: [1, 0.9, 0.4][i], stars: 0 })),
    );
    if (result?.type !== "choices") throw new Error(String(result?.type));
    expect(result.choices).toEqual([
      { label: `stop at ${early}`, count: 2, score: 1, best: true },
      { label: `stop at ${late}`, count: 1, score: 0.4, best: false },
    ]);
    expect(result.stops).toEqual([
      { epoch: early, count: 2 },
      { epoch: late, count: 1 },
    ]);
  });

  it("Memorise or generalise: the open controls name each choice", () => {
    const level = served(levelById("memorise-or-generalise"));
    const view = level.view as GeneraliseView;
    const a: GeneraliseAnswer = { size: "small", regulariser: "l2", epochs: view.stops[0], prediction: view.prediction.options[0].id };
    const result = classAnswers(level, null, [{ answer: a, score: 0.5, stars: 1 }]);
    if (result?.type !== "choices") throw new Error(String(result?.type));
    expect(result.choices.map((c) => c.label)).toEqual([`small, l2, stop at ${view.stops[0]}`]);
    expect(result.stops).toEqual([{ epoch: view.stops[0], count: 1 }]);
  });
});

describe("a live round's probe, computed ahead", () => {
  let rounds: ServerLiveRounds;
  beforeAll(async () => {
    // The instance secret from the environment: no database.
    vi.stubEnv("GA_INSTANCE_SECRET", "unit-test-instance-secret-of-at-least-32-chars");
    rounds = await serverLiveRounds();
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it("after the warm-up, the round's view is built without training the probe in one block; without it, it is not", async () => {
    const warmed = { gameId: "warm-game", roundIndex: 0, levelId: "stop-in-time" };
    await rounds.prepare(warmed);
    const before = probeCounts.inOneBlock;
    const started = performance.now();
    const level = rounds.level(warmed);
    const took = performance.now() - started;
    expect(level.kind).toBe("generalise");
    expect(probeCounts.inOneBlock, "the probe was found computed").toBe(before);
    console.log(`a warmed generalise round's view: ${took.toFixed(1)} ms`);

    // The control: a round nobody prepared trains its probe in one block when its view is asked for.
    rounds.level({ gameId: "cold-game", roundIndex: 0, levelId: "stop-in-time" });
    expect(probeCounts.inOneBlock).toBe(before + 1);
  });

  it("a round of another kind prepares nothing and still serves its view", async () => {
    const round = { gameId: "warm-game", roundIndex: 1, levelId: "rules-or-examples" };
    await rounds.prepare(round);
    expect(rounds.level(round).kind).toBe("concept");
  });
});
