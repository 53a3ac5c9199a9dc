/**
 * Training levels against a real server: the server trains the submitted answer itself (tfjs,
 * CPU backend, the level's seed) and stores that score, equal to what core/ computes here in
 * another process; live rounds on a training level are scored the same way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { levels } from "@/core/levels/catalog";
import { kindOf } from "@/core/kinds/registry";
import { answerChoices } from "@/core/kinds/choices";
import { scoreAnswer } from "@/core/scoring";
import { referenceAnswers } from "../reference";
import { newPlayer, startServer, type Player, type TestServer } from "./server-harness";
import { closeAll, createGame, joinGame, startRound } from "./live-client";

const trainingLevels = levels.filter((l) => kindOf(l.kind).trains);
const first = trainingLevels[0];

let server: TestServer;
let player: Player;

async function expected(levelId: string, answer: unknown) {
  const outcome = await scoreAnswer(levels.find((l) => l.id === levelId)!, answer);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.result;
}

beforeAll(async () => {
  server = await startServer();
  player = await newPlayer(server.baseUrl);
  // Play the campaign up to the first training level, as a player would.
  for (const level of levels.slice(0, levels.indexOf(first))) {
    const res = await player.submit(level.id, referenceAnswers[level.id]);
    if (res.status !== 201) throw new Error(`${level.id}: ${res.status} ${res.text}`);
  }
}, 180_000);

afterAll(async () => {
  closeAll();
  await server?.dispose();
});

describe("a training level through the API", () => {
  it("exists: the course has training levels", () => {
    expect(trainingLevels.length).toBeGreaterThanOrEqual(5);
  });

  it("stores the score the server's own training gives, equal to core's in this process", { timeout: 120_000 }, async () => {
    const answers = answerChoices(first);
    const allowed = [];
    for (const answer of answers) if ((await scoreAnswer(first, answer)).ok) allowed.push(answer);
    expect(allowed.length).toBeGreaterThan(1);
    for (const answer of allowed) {
      const res = await player.submit(first.id, answer, { score: 1, stars: 3 }); // a forged score is ignored
      expect(res.status, res.text).toBe(201);
      const mine = await expected(first.id, answer);
      expect(res.body.score).toBe(mine.score);
      expect(res.body.stars).toBe(mine.stars);
    }
  });

  it("the reference answer earns three stars; the best is kept", { timeout: 120_000 }, async () => {
    const res = await player.submit(first.id, referenceAnswers[first.id]);
    expect(res.status).toBe(201);
    expect(res.body.stars).toBe(3);
    expect(res.body.best.stars).toBe(3);
    expect((await player.progress())[first.id].stars).toBe(3);
  });

  it("refuses an answer outside the level's choices, naming the field, and stores nothing", async () => {
    const before = (await player.progress())[first.id].attempts;
    const bogus = Object.fromEntries(Object.keys(referenceAnswers[first.id] as object).map((key) => [key, "not-a-choice"]));
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
    const naive = kindOf(first.kind).initialAnswer(first, kindOf(first.kind).configSchema.parse(first.config));
    const [a, b] = await Promise.all([
      ada.client.ok("player:answer", { roundIndex: 0, answer: referenceAnswers[first.id] }),
      bob.client.ok("player:answer", { roundIndex: 0, answer: naive }),
    ]);
    expect(a).toMatchObject({ stars: 3, score: (await expected(first.id, referenceAnswers[first.id])).score });
    expect(b).toMatchObject({ score: (await expected(first.id, naive)).score });
    expect(b.stars).toBeLessThan(3);
  });
});
