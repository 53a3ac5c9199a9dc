import { describe, expect, it } from "vitest";
import type { PlayerView, RoundLevel } from "@/core/live/protocol";
import { LiveViewState, withRoundLevel } from "@/core/live/round-level";
import type { PublicLevel } from "@/core/play/public-level";

const level = (id: string) => ({ id }) as unknown as PublicLevel;
const view = (phase: PlayerView["phase"], index: number | null, withLevel: PublicLevel | null = null, code = "123456") =>
  ({ code, phase, round: index === null ? null : { index, count: 2, levelId: "x", seconds: 60, level: withLevel } }) as unknown as PlayerView;
const held = (roundIndex: number, code = "123456"): RoundLevel => ({ code, roundIndex, level: level(`round ${roundIndex}`) });

describe("a live client's round level", () => {
  it("fills a state's level from the one held, only for the same game and round, in the phases that show it", () => {
    expect(withRoundLevel(view("playing", 0), held(0)).round?.level).toEqual(level("round 0"));
    expect(withRoundLevel(view("playing", 1), held(0)).round?.level).toBeNull(); // another round's level is not this one
    expect(withRoundLevel(view("playing", 0, null, "654321"), held(0)).round?.level).toBeNull(); // another game
    expect(withRoundLevel(view("leaderboard", 0), held(0)).round?.level).toBeNull(); // not shown there
    expect(withRoundLevel(view("reveal", 0, level("sent")), held(0)).round?.level).toEqual(level("sent")); // a view's own level wins
  });

  it("completes the current view when its level comes after it, and keeps a reply's level for the states that follow", () => {
    const client = new LiveViewState<PlayerView>();
    expect(client.acceptView(view("intro", 0)).round?.level).toBeNull();
    expect(client.acceptLevel(held(0))?.round?.level).toEqual(level("round 0"));
    expect(client.acceptView(view("playing", 0)).round?.level).toEqual(level("round 0"));
    const rejoined = new LiveViewState<PlayerView>();
    rejoined.acceptView(view("playing", 1, level("from the reply")));
    expect(rejoined.acceptView(view("reveal", 1)).round?.level).toEqual(level("from the reply"));
  });
});
