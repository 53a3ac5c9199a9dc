/**
 * Training levels against a real server: the server trains the submitted answer itself (tfjs,
 * CPU backend, the level's seed) and stores that score, equal to what core/ computes here in
 * another process; live rounds on a training level are scored the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { answerChoices } from "@/core/kinds/choices";
import { allInstances } from "@/core/kinds/instances";
import { scoreAnswer } from "@/core/scoring";
import { staticAnswers } from "../reference";
import { newPlayer, startServer, type Player, type TestServer } from "./server-harness";
import { closeAll, createGame, joinGame, roundLevel, solvedAnswer, startRound } from "./live-client";
import { submitSolved, unlockUpTo } from "./play";

const trainingLevels = levels.filter((l) => kindOf(l.kind).trains);
const first = trainingLevels[0];

let server: TestServer;
let player: Player;

/** What core scores here, in another process. (The training levels have one variant today, whatever the seed.) */
async function expected(levelId: string, answer: unknown) {
  const outcome = await scoreAnswer(levels.find((l) => l.id === levelId)!, "any seed", answer);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

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
    const answers = answerChoices(first, allInstances(first)![0]);
    const allowed = [];
    for (const answer of answers) if ((await scoreAnswer(first, "any seed", answer)).ok) allowed.push(answer);
    expect(allowed.length).toBeGreaterThan(1);
    let missed = false;
    for (const answer of allowed) {
      const res = await player.submit(first.id, answer, { score: 1, stars: 3 }); // a forged score is ignored
      expect(res.status, res.text).toBe(201);
      const mine = await expected(first.id, answer);
      expect(res.body.score).toBe(mine.score);
      expect(res.body.outcomeStars).toBe(mine.stars);
      // After the first miss, a right choice is capped by the cool-down.
      expect(res.body.stars).toBe(missed ? Math.min(1, mine.stars) : mine.stars);
      missed ||= mine.stars < 3;
    }
    expect(missed).toBe(true);
    expect((await player.progress())[first.id].stars).toBeLessThanOrEqual(1);
  });

  it("refuses an answer outside the level's choices, naming the field, and stores nothing", async () => {
    const before = (await player.progress())[first.id].attempts;
    const bogus = Object.fromEntries(Object.keys(staticAnswers[first.id] as object).map((key) => [key, "not-a-choice"]));
    const res = await player.submit(first.id, bogus);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^answer\./);
    expect((await player.progress())[first.id].attempts).toBe(before);
  });
});

describe("a live round on a training level", () => {
  it("scores each player's answer by training it on the server", { timeout: 120_000 }, async () => {
    const game = await createGame(server.baseUrl, [first.id], { roundSeconds: 60, speedBonus: false });
    const ada = await joinGame(server.baseUrl, game.code, "Ada");
    const bob = await joinGame(server.baseUrl, game.code, "Bob");
    await startRound(game);
    const naive = kindOf(first.kind).initialAnswer((await roundLevel(bob.client)).view);
    const solved = await solvedAnswer(ada.client);
    const [a, b] = await Promise.all([
      ada.client.ok("player:answer", { roundIndex: 0, answer: solved }),
      bob.client.ok("player:answer", { roundIndex: 0, answer: naive }),
    ]);
    expect(a).toMatchObject({ stars: 3, score: (await expected(first.id, solved)).score, lockedIn: false });
    expect(b).toMatchObject({ score: (await expected(first.id, naive)).score });
    expect(b.stars).toBeLessThan(3);
  });
});
