import type { CommonView, LiveView, MyPart, PlayerView, RoundLevel } from "./protocol";
import type { Phase } from "./room";

/** Phases in which a round's level is on the phones and the projector. */
export const phaseShowsRoundLevel = (phase: Phase) => phase === "intro" || phase === "playing" || phase === "reveal";

/**
 * The level a client holds after a message: the one a view carries (a reply to a join or resume),
 * or the one it held. A client holds one round's level at a time.
 */
export function heldLevelAfter(view: LiveView, held: RoundLevel | null): RoundLevel | null {
  if (view.round?.level) return { code: view.code, roundIndex: view.round.index, level: view.round.level };
  return held;
}

/**
 * A "live:state" view as the screens need it: with the round's level filled in from the one the
 * client holds ("live:state" leaves it out: see RoundInfo.level). A view of another round, or one
 * that arrives before its "live:level", stays without it until that comes.
 */
export function withRoundLevel<V extends LiveView>(view: V, held: RoundLevel | null): V {
  const round = view.round;
  if (!round || round.level || !held || !phaseShowsRoundLevel(view.phase)) return view;
  if (held.code !== view.code || held.roundIndex !== round.index) return view;
  return { ...view, round: { ...round, level: held.level } };
}

/**
 * A live client's view: every "live:state", "live:common", "live:me", "live:level" and reply goes
 * through `accept…`, which returns the view to show. Used by the pages' hook and by the test clients.
 */
export class LiveViewState<V extends LiveView = LiveView> {
  view: V | null = null;
  private held: RoundLevel | null = null;
  /** A player's own part for a phase the common part has not reached yet (see MyPart). */
  private pending: MyPart | null = null;

  /** A whole view (a "live:state" message, or the view in a reply). */
  acceptView(view: V): V {
    this.held = heldLevelAfter(view, this.held);
    this.pending = null;
    this.view = withRoundLevel(view, this.held);
    return this.view;
  }

  /**
   * "live:common": the part of a player's view every player shares, merged with their own part
   * (the one held, or the one waiting for this phase). Before a player view is held (a join not
   * yet answered), nothing: the reply brings the whole view.
   */
  acceptCommon(common: CommonView): V | null {
    const shown: LiveView | null = this.view;
    if (shown?.role !== "player" || shown.code !== common.code) return this.view;
    const me = this.pending && partOf(this.pending, common) ? this.pending.me : shown.me;
    this.pending = null;
    const merged: PlayerView = { ...common, role: "player", me };
    this.view = withRoundLevel(merged, this.held) as V; // a player's view: V is PlayerView (or LiveView)
    return this.view;
  }

  /** "live:me": the player's own part, at once if it belongs to the phase shown, or with the common part of its phase. */
  acceptMe(part: MyPart): V | null {
    const shown: LiveView | null = this.view;
    if (shown?.role !== "player" || shown.code !== part.code) return this.view;
    if (!partOf(part, shown)) {
      this.pending = part;
      return this.view;
    }
    const merged: PlayerView = { ...shown, me: part.me };
    this.view = merged as V;
    return this.view;
  }

  /** A "live:level" message: the current view, now with its level when it is this round's. */
  acceptLevel(message: RoundLevel): V | null {
    this.held = message;
    if (this.view) this.view = withRoundLevel(this.view, this.held);
    return this.view;
  }
}

/** The player's own part a reply carries (OwnPartReply), if any: clients pass it to `acceptMe`. */
export function ownPartOf(reply: unknown): MyPart | undefined {
  if (typeof reply !== "object" || reply === null || !("ok" in reply) || reply.ok !== true || !("mine" in reply)) return undefined;
  return (reply as { mine?: MyPart }).mine;
}

const partOf = (part: MyPart, view: Pick<CommonView, "phase" | "round">) => part.phase === view.phase && part.roundIndex === (view.round?.index ?? -1);
