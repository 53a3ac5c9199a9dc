import { describe, expect, it } from "vitest";
import type { CommonView, MyPart, PlayerView, RoundLevel } from "@/core/live/protocol";
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

  it("puts a player's view together from its parts: the common part with the own part of the same phase, never one phase with another's", () => {
    const me = (points: number, stars: number | null = null) =>
      ({
        playerId: "p",
        nickname: "Ada",
        points,
        rank: null,
        rankChange: null,
        streak: 0,
        roundBest: stars === null ? null : { score: 1, stars, points },
        done: false,
      }) as PlayerView["me"];
    const common = (phase: PlayerView["phase"], index: number | null) => {
      const { me: _me, role: _role, ...rest } = view(phase, index);
      return rest as CommonView;
    };
    const part = (phase: PlayerView["phase"], roundIndex: number, mine: PlayerView["me"], code = "123456"): MyPart => ({ code, phase, roundIndex, me: mine });
    const client = new LiveViewState<PlayerView>();
    // Parts before a whole view (a join not answered yet) show nothing: the reply brings it all.
    expect(client.acceptCommon(common("intro", 0))).toBeNull();
    expect(client.acceptMe(part("lobby", -1, me(5)))).toBeNull();
    client.acceptView({ ...view("playing", 0, level("round 0")), role: "player", me: me(0) });
    // Its own part for the phase shown: at once.
    expect(client.acceptMe(part("playing", 0, me(333, 1)))).toMatchObject({ phase: "playing", me: { points: 333 } });
    // The common part of a new phase keeps the own part held, and the level held.
    expect(client.acceptCommon(common("playing", 0))).toMatchObject({ me: { points: 333 }, round: { level: level("round 0") } });
    // An own part ahead of the phase shown waits for that phase's common part, and comes with it.
    expect(client.acceptMe(part("reveal", 0, me(333, 3)))?.me.roundBest).toMatchObject({ stars: 1 });
    expect(client.acceptCommon(common("reveal", 0))).toMatchObject({ phase: "reveal", me: { roundBest: { stars: 3 } } });
    // Another game's parts change nothing.
    const shown = client.view;
    expect(client.acceptMe(part("reveal", 0, me(9), "654321"))).toBe(shown);
    expect(client.acceptCommon({ ...common("leaderboard", 0), code: "654321" })).toBe(shown);
  });
});
