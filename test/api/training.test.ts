/**
 * Training levels against a real server: the server trains the submitted answer itself (tfjs,
 * CPU backend, the level's seed) and stores that score, equal to what core/ computes here in
 * another process; live rounds on a training level are scored the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { learningRate as learningRateKind, type LearningRateView } from "@/core/kinds/learning-rate";
import { starsFor } from "@/core/scoring";
import { newPlayer, startServer, type Player, type TestServer } from "./server-harness";
import { closeAll, createGame, joinGame, roundLevel, solvedAnswer, startRound } from "./live-client";
import { served, submitSolved, unlockUpTo } from "./play";

const trainingLevels = levels.filter((l) => kindOf(l.kind).trains);
const first = trainingLevels[0];

let server: TestServer;
let player: Player;

beforeAll(async () => {
  server = await startServer();
  player = await newPlayer(server.baseUrl);
  // Play the campaign up to the first training level, as a player would.
  await unlockUpTo(
    player,
    levels.map((l) => l.id),
    first.id,
  );
}, 180_000);

afterAll(async () => {
  closeAll();
  await server?.dispose();
});

describe("a training level through the API", () => {
  it("exists: the course has training levels", () => {
    expect(trainingLevels.length).toBeGreaterThanOrEqual(5);
    expect(first.kind).toBe("learning-rate"); // the tests below read its view
  });

  it("a fresh player's committed answer, solved from what they were served, earns three stars", { timeout: 120_000 }, async () => {
    const fresh = await newPlayer(server.baseUrl);
    await unlockUpTo(
      fresh,
      levels.map((l) => l.id),
      first.id,
    );
    const res = await submitSolved(fresh, first.id);
    expect(res.status, res.text).toBe(201);
    expect(res.body).toMatchObject({ outcomeStars: 3, stars: 3, best: { stars: 3, firstTryStars: 3 } });
    // The review carries the run spec: the browser trains the committed answer with the server's numbers.
    expect(res.body.review).toMatchObject({ run: { seed: expect.any(String), epochs: expect.any(Number) }, evaluation: { score: res.body.score } });
  });

  it("stores the score the server's own training gives, equal to core's in this process; trying every choice in turn earns at most ★", {
    timeout: 120_000,
  }, async () => {
    const rates = ((await served(player, first.id)).view as LearningRateView).rates;
    expect(rates.length).toBeGreaterThan(1);
    let missed = false;
    for (const learningRate of rates) {
      // Each submission moves the player on to a new attempt (another variant, other prediction ids).
      const level = await served(player, first.id);
      const answer = { learningRate, prediction: (level.view as LearningRateView).prediction.options[0].id };
      const res = await player.submit(first.id, answer, { attempt: level.attempt, score: 1, stars: 3 }); // a forged score is ignored
      expect(res.status, res.text).toBe(201);
      // The review carries the run spec: core trains it here, in another process, to the stored score.
      const mine = await learningRateKind.train(res.body.review.run, answer);
      expect(res.body.score).toBe(mine.evaluation.score);
      expect(res.body.outcomeStars).toBe(starsFor(first, mine.evaluation.score));
      // After the first miss, a right choice is capped by the cool-down.
      expect(res.body.stars).toBe(missed ? Math.min(1, res.body.outcomeStars) : res.body.outcomeStars);
      missed ||= res.body.outcomeStars < 3;
    }
    expect(missed).toBe(true);
    expect((await player.progress())[first.id].stars).toBeLessThanOrEqual(1);
  });

  it("refuses an answer outside the level's choices, or a prediction of another attempt, naming the field, and stores nothing", async () => {
    const before = (await player.progress())[first.id].attempts;
    const level = await served(player, first.id);
    const prediction = (level.view as LearningRateView).prediction.options[0].id;
    for (const [answer, field] of [
      [{ learningRate: "not-a-choice", prediction }, "answer.learningRate"],
      [{ learningRate: 0.5, prediction }, "answer.learningRate"],
      [{ learningRate: 0.3, prediction: "a00000" }, "answer.prediction"],
    ] as const) {
      const res = await player.submit(first.id, answer, { attempt: level.attempt });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(field);
    }
    expect((await player.progress())[first.id].attempts).toBe(before);
  });
});

describe("a live round on a training level", () => {
  it("scores each player's answer by training it on the server", { timeout: 120_000 }, async () => {
    const game = await createGame(server.baseUrl, [first.id], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    await startRound(game);
    const round = (await roundLevel(bob.client)).view as LearningRateView;
    // The starting rate, with a prediction (predict, then run: both are committed together).
    const naive = { ...(kindOf(first.kind).initialAnswer(round) as object), prediction: round.prediction.options[0].id };
    const solved = await solvedAnswer(ada.client);
    const [a, b] = await Promise.all([
      ada.client.ok("player:answer", { roundIndex: 0, answer: solved }),
      bob.client.ok("player:answer", { roundIndex: 0, answer: naive }),
    ]);
    // ★★★ here is the target within full marks (score 1); the starting rate crawls on every variant (score 0).
    expect(a).toMatchObject({ stars: 3, score: 1, lockedIn: false });
    expect(b).toMatchObject({ stars: 0, score: 0 });
  });
});
