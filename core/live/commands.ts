import type { CommandName, LiveEvent, ReplyOf } from "./protocol";
import {
  type AnswerChange,
  addTime,
  advance,
  answerChange,
  everyoneDone,
  kickPlayers,
  LiveError,
  markDone,
  pause,
  type Room,
  type RoundBest,
  setLocked,
  skipRound,
  endGameNow,
  unpause,
  withAnswer,
} from "./room";

/**
 * The in-game commands, one entry each: the role that may send it, its pure transition, the rows
 * it saves and who sees the result. The engine (server/live/engine.ts) applies any entry the same
 * way, and the Socket.IO adapter binds them all in one loop, so a new host command is a
 * transition, an entry here, its schema in ./protocol.ts and its UI — nothing else.
 *
 * What the engine does for every entry, so no entry has to say it:
 *  - the room's control state (./control.ts) is saved whenever the transition changed it;
 *  - a change of phase or deadline is shown to everyone and re-arms the round clock;
 *  - a player whose saved row now says "kicked" is told so and unbound;
 *  - the acknowledgement waits until every write of the command is stored.
 */

/**
 * What a connection is bound to: one game (its id as well as its code, which a later game may
 * reuse), in one role. It is the actor of every command the connection sends.
 */
export type LiveBinding = { role: "host"; gameId: string; code: string } | { role: "player"; gameId: string; code: string; playerId: string };

export type Role = LiveBinding["role"];
export type ActorOf<R extends Role> = Extract<LiveBinding, { role: R }>;

/** A row to save besides the control state. */
export type RecordSave = { kind: "player"; playerId: string } | { kind: "answer"; playerId: string; roundIndex: number; answer: RoundBest };

/** What a transition returns when it has more to say than the new room. */
export interface Step<R> {
  room: Room;
  reply: R;
  saves?: RecordSave[];
}

/**
 * A re-scored answer: the browser sends only its answer; the server's scorer decides, on the
 * round's instance. `oneShot`: the round is a quiz, whose first answer is final.
 */
export type LiveScore = { ok: true; score: number; stars: number; answer: unknown; oneShot: boolean } | { ok: false; message: string };

/** A round of a game: which instance of which level everyone plays (its seed is derived from the game and the index). */
export interface RoundRef {
  gameId: string;
  roundIndex: number;
  levelId: string;
}

/** Work a command may need before its transition, through services the engine is given. */
export interface CommandServices {
  score(round: RoundRef, answer: unknown): Promise<LiveScore>;
}

/** What the engine knows that a room does not: which players have a connection open. */
export interface TransitionContext {
  now: number;
  isConnected(playerId: string): boolean;
  /** How many players (not kicked) are connected, when the engine knows it: "everyone done?" then costs O(1) until it may be true. */
  connectedCount?: number;
  /**
   * How the room takes an answer: withAnswer (a new room) by default; the server records it in
   * the room it owns without copying every player (server/live/answers-in-place.ts).
   */
  recordAnswer?: (room: Room, change: AnswerChange) => Room;
}

export interface CommandBroadcast {
  /** The host's view: at once (the host's own click), or throttled (a player's action). */
  host: "now" | "throttled";
  /** The acting player's own view too, once the command's writes are stored. */
  actor?: boolean;
}

/** A command with nothing to reply may return just the room; one with a reply returns a Step. */
type TransitionResult<E extends CommandName> = Record<never, never> extends ReplyOf<E> ? Room | Step<ReplyOf<E>> : Step<ReplyOf<E>>;

interface CommandSpec<E extends CommandName, R extends Role, P> {
  role: R;
  /** Asynchronous work before the transition (re-scoring an answer); the room may change meanwhile. */
  prepare?: (payload: LiveEvent<E>, context: { room: Room; actor: ActorOf<R>; services: CommandServices }) => Promise<P>;
  /** The pure transition, on the room as it is once `prepare` is done. */
  transition: (room: Room, payload: LiveEvent<E>, context: TransitionContext & { actor: ActorOf<R>; prepared: P }) => TransitionResult<E>;
  broadcast: CommandBroadcast;
}

/** A table entry as the engine sees it: `prepare` hands back the transition to apply. */
export interface LiveCommand<E extends CommandName> {
  role: Role;
  broadcast: CommandBroadcast;
  prepare(
    payload: LiveEvent<E>,
    context: { room: Room; actor: LiveBinding; services: CommandServices },
  ): Promise<(room: Room, context: TransitionContext) => Step<ReplyOf<E>>>;
}

function defineCommand<E extends CommandName, R extends Role, P = undefined>(spec: CommandSpec<E, R, P>): LiveCommand<E> {
  return {
    role: spec.role,
    broadcast: spec.broadcast,
    async prepare(payload, { room, actor, services }) {
      if (actor.role !== spec.role) throw new LiveError("forbidden", ROLE_REFUSALS[spec.role]);
      const self = actor as ActorOf<R>; // checked just above
      // With no `prepare`, P is its default (undefined): nothing was prepared.
      const prepared = spec.prepare ? await spec.prepare(payload, { room, actor: self, services }) : (undefined as P);
      return (current, context) => {
        const result: Room | Step<ReplyOf<E>> = spec.transition(current, payload, { ...context, actor: self, prepared });
        // A bare room comes only from a command whose reply is empty (TransitionResult).
        return "reply" in result ? result : { room: result, reply: {} as ReplyOf<E> };
      };
    },
  };
}

export const ROLE_REFUSALS: Record<Role, string> = {
  host: "only the host of this game can do that",
  player: "join a game first",
};

/** The last connected player to be done ends the round at once, as the clock would. */
export function endRoundIfAllDone(room: Room, { now, isConnected, connectedCount }: TransitionContext): Room {
  return everyoneDone(room, isConnected, connectedCount) ? advance(room, now) : room;
}

export const liveCommands: { [E in CommandName]: LiveCommand<E> } = {
  "host:advance": defineCommand({
    role: "host",
    // A double click must not skip a phase: the host says which phase it is advancing from.
    transition: (room, { expectedPhase }, { now }) => {
      if (room.phase !== expectedPhase) throw new LiveError("wrong_phase", `the game is already in "${room.phase}"`);
      return advance(room, now);
    },
    broadcast: { host: "now" },
  }),

  "host:kick": defineCommand({
    role: "host",
    // One player or a selection; their devices are banned with them (room.bannedDevices). Kicking
    // the last players who were not done ends the round, as their "I'm done" would.
    transition: (room, payload, context) => {
      const playerIds = [...new Set(payload.playerIds ?? (payload.playerId === undefined ? [] : [payload.playerId]))];
      return {
        // The engine's count of connected players still has the kicked ones: counted afresh here.
        room: endRoundIfAllDone(kickPlayers(room, playerIds), { ...context, connectedCount: undefined }),
        reply: { kicked: playerIds.length },
        saves: playerIds.map((playerId) => ({ kind: "player" as const, playerId })),
      };
    },
    broadcast: { host: "now" },
  }),

  "host:lock": defineCommand({
    role: "host",
    transition: (room, { locked }) => setLocked(room, locked),
    broadcast: { host: "now" },
  }),

  // The clock of the intro or the round: every player sees "paused" and the time left at once.
  "host:pause": defineCommand({
    role: "host",
    transition: (room, _payload, { now }) => pause(room, now),
    broadcast: { host: "now" },
  }),

  "host:unpause": defineCommand({
    role: "host",
    transition: (room, _payload, { now }) => unpause(room, now),
    broadcast: { host: "now" },
  }),

  "host:addTime": defineCommand({
    role: "host",
    transition: (room, _payload, { now }) => addTime(room, now),
    broadcast: { host: "now" },
  }),

  "host:skip": defineCommand({
    role: "host",
    transition: (room, _payload, { now }) => skipRound(room, now),
    broadcast: { host: "now" },
  }),

  "host:end": defineCommand({
    role: "host",
    transition: (room, _payload, { now }) => endGameNow(room, now),
    broadcast: { host: "now" },
  }),

  "player:answer": defineCommand({
    role: "player",
    // The server's score, on the round's instance: the browser only sends its answer.
    prepare: async ({ roundIndex, answer }, { room, services }) => {
      const levelId = room.playlist[roundIndex];
      if (!levelId) throw new LiveError("wrong_round", `there is no round ${roundIndex + 1} in this game`);
      const outcome = await services.score({ gameId: room.id, roundIndex, levelId }, answer);
      if (!outcome.ok) throw new LiveError("bad_request", outcome.message);
      return outcome;
    },
    // A quiz round's first answer is final and counts as "I'm done"; an interactive round's can be
    // improved until the clock ends. An answer never ends a round by itself being the last one.
    transition: (room, { roundIndex }, context) => {
      const { playerId } = context.actor;
      const { score, stars, answer, oneShot } = context.prepared;
      const change = answerChange(room, { playerId, roundIndex, score, stars, answer, oneShot }, context.now);
      const { candidate, best, improved } = change;
      const recorded = (context.recordAnswer ?? withAnswer)(room, change);
      return {
        room: oneShot ? endRoundIfAllDone(recorded, context) : recorded,
        // A quiz answer's result stays sealed until the reveal: a phone that showed "right" or
        // "wrong" at once would tell the neighbours which option to pick.
        reply: oneShot
          ? { lockedIn: true as const }
          : {
              score: candidate.score,
              stars: candidate.stars,
              points: candidate.points,
              improved,
              best: { score: best.score, stars: best.stars, points: best.points },
              lockedIn: false as const,
            },
        // Every answer is kept, not only the best: the best is derived again on a rebuild.
        saves: [{ kind: "answer", playerId, roundIndex, answer: candidate }],
      };
    },
    broadcast: { host: "throttled", actor: true },
  }),

  "player:done": defineCommand({
    role: "player",
    transition: (room, { roundIndex }, context) => endRoundIfAllDone(markDone(room, context.actor.playerId, roundIndex, context.now), context),
    broadcast: { host: "throttled", actor: true },
  }),
};
