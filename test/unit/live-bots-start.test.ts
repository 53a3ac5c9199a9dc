import { describe, expect, it } from "vitest";
import { answerSchemas } from "@/core/kinds/public-answers";
import { kindOf } from "@/core/kinds/registry";
import { levels } from "@/core/levels/catalog";
import { scoreAnswerSync } from "@/core/scoring";
import { startingAnswer } from "../e2e/live-bots";
import { served } from "./scoring-helpers";

// The projector's tests send "start" bots (test/e2e/live-bots.ts): each answers a round with what a
// player who changes nothing would send. A bot whose answer is refused leaves the projector's
// counts waiting for an answer that never comes, so every level's starting answer must be one the
// server takes: its kind's zod schema, and (for the kinds that do not train) the server's scoring.

const SEEDS = ["live-bots-start-1", "live-bots-start-2", "live-bots-start-3"];

describe("the live bots' starting answer", () => {
  for (const level of levels) {
    it(`is a valid answer on ${level.id} (${level.kind})`, () => {
      for (const seed of SEEDS) {
        const answer = startingAnswer(served(level, seed));
        expect(answer, `${level.id}, seed ${seed}`).toBeDefined();
        const parsed = answerSchemas[served(level, seed).kind].safeParse(answer);
        expect(parsed.success, `${level.id}, seed ${seed}: ${parsed.error?.message}`).toBe(true);
        if (kindOf(level.kind).trains) continue; // scoring trains a network: the schema is the check here
        const outcome = scoreAnswerSync(level, seed, answer);
        expect(outcome.ok ? "accepted" : outcome.message, `${level.id}, seed ${seed}`).toBe("accepted");
      }
    });
  }
});
