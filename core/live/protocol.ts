import { z } from "zod";
import { NICKNAME, nameSchema } from "../names";
import type { PublicLevel } from "../play/public-level";
import type { ClassAnswers } from "./class-answers";
import { type LiveErrorCode, MAX_PLAYERS, type Phase } from "./room";

/**
 * The live-game protocol over Socket.IO, typed both ways. Every client → server event has a zod
 * schema here (its payload type is the schema's input) and is acknowledged with { ok: true, … }
 * or { ok: false, error }; its reply type is in LiveReplies. Server → client events are
 * "live:state" (a whole view: the host's, on every change that concerns it; a player's only when
 * a new server takes their game over), "live:common" and "live:me" (a player's view in two parts:
 * the part every player shares, once per change for the whole room, and the player's own part,
 * only when it changed for them: see MyPart), "live:level" (the round's level, once per round:
 * see RoundInfo.level) and "live:kicked". A player's view in full comes in the reply to a join or
 * resume; clients merge the parts into it (core/live/round-level.ts LiveViewState). The server
 * passes these types to `new Server<…>`, the pages to `Socket<…>`.
 *
 * Session events (creating, joining, resuming a game) are handled by the engine's own methods;
 * every other event is an in-game command, applied from the table in ./commands.ts — adding one
 * here makes the compiler ask for its table entry.
 */
import { LIVE_PROTOCOL_VERSION } from "./version";

export { LIVE_PROTOCOL_VERSION };

export const gameCode = z.string().regex(/^\d{6}$/, "a game code is 6 digits");
const secret = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a valid secret");
const levelId = z.string().min(1).max(64);
const playerId = z.string().min(1).max(40);

/** The rules of every name (core/names.ts), with the nicknames' own character set and 2–20 characters. */
export const nickname = nameSchema(NICKNAME);

const version = {
  protocolVersion: z.literal(LIVE_PROTOCOL_VERSION, { message: `this page is out of date (protocol ${LIVE_PROTOCOL_VERSION} expected): reload it` }),
};

/**
 * The largest selection one host:kick removes. Not the room's size (MAX_PLAYERS, 5,000): a
 * message is at most 64 KB (server/sockets.ts), and 2,500 of the server's player ids (16
 * characters) are about 48 KB; a bigger message would close the host's connection instead of
 * getting an answer. A selection is made by hand, one checkbox at a time.
 */
export const MAX_KICK_AT_ONCE = Math.min(2_500, MAX_PLAYERS);

export const liveEvents = {
  /** A host opens a game. */
  "host:create": z.object({
    ...version,
    playlist: z.array(levelId).min(1).max(30),
    options: z.object({ roundSeconds: z.number().int().min(15).max(600).nullable(), speedBonus: z.boolean() }),
  }),
  /** A host (re)attaches to their game after a reload or a reconnect. */
  "host:resume": z.object({ ...version, code: gameCode, hostSecret: secret }),
  "host:advance": z.object({ expectedPhase: z.enum(["lobby", "intro", "playing", "reveal", "leaderboard", "podium"]) }),
  /** Removes one player ({ playerId }) or several at once ({ playerIds }, up to MAX_KICK_AT_ONCE). */
  "host:kick": z
    .object({ playerId: playerId.optional(), playerIds: z.array(playerId).min(1).max(MAX_KICK_AT_ONCE).optional() })
    .refine((kick) => (kick.playerId === undefined) !== (kick.playerIds === undefined), { message: "give playerId or playerIds (one of them)" }),
  "host:lock": z.object({ locked: z.boolean() }),
  // The host's clock and round controls take an empty object, and nothing else: a payload with
  // anything in it is a mistake (or junk), not a command.
  /** Stops the clock of the intro or the round being played; answers are refused ("paused") until host:unpause. */
  "host:pause": z.strictObject({}),
  "host:unpause": z.strictObject({}),
  /** +30 s on the clock of the intro or the round being played (paused or not). */
  "host:addTime": z.strictObject({}),
  /** Ends the round being introduced or played without scoring it, and moves on (core/live/room.ts skipRound). */
  "host:skip": z.strictObject({}),
  /** Ends the game now: the round being played counts as it stands, then the podium (core/live/room.ts endGameNow). */
  "host:end": z.strictObject({}),
  /** The join page checks a code before asking for a nickname (rate-limited). */
  "player:check": z.object({ ...version, code: gameCode }),
  "player:join": z.object({ ...version, code: gameCode, nickname, previousSecret: secret.optional() }),
  /** A player comes back (reload, dropped Wi-Fi) with the secret their browser kept. */
  "player:resume": z.object({ ...version, code: gameCode, playerSecret: secret }),
  "player:answer": z.object({ roundIndex: z.number().int().min(0).max(100), answer: z.unknown() }),
  /** "I'm done" with the round: when every connected player is done, the round ends early. */
  "player:done": z.object({ roundIndex: z.number().int().min(0).max(100) }),
} as const;
export type LiveEventName = keyof typeof liveEvents;
/** A payload as the server sees it, once parsed. */
export type LiveEvent<E extends LiveEventName> = z.output<(typeof liveEvents)[E]>;
/** A payload as a client sends it. */
export type LivePayload<E extends LiveEventName> = z.input<(typeof liveEvents)[E]>;

/** Events that open or resume a binding; the engine has a method for each. */
export const SESSION_EVENTS = ["host:create", "host:resume", "player:check", "player:join", "player:resume"] as const satisfies readonly LiveEventName[];
export type SessionEventName = (typeof SESSION_EVENTS)[number];
/** In-game commands: every other event, one entry each in core/live/commands.ts. */
export type CommandName = Exclude<LiveEventName, SessionEventName>;

/** An acknowledgement with nothing more to say than { ok: true }. */
export type NoReply = Record<never, never>;

/**
 * An interactive round's answer: its score at once. A quiz round's answer is final and its result
 * sealed until the reveal (the phone shows "Locked in"), so the reply says only that.
 */
export type AnswerReply =
  | {
      score: number;
      stars: number;
      points: number;
      /** Whether this answer became the player's best of the round. */
      improved: boolean;
      best: { score: number; stars: number; points: number };
      lockedIn: false;
    }
  | { lockedIn: true };

/** The reply to an interactive round's answer, with its score. */
export type ScoredAnswerReply = Extract<AnswerReply, { lockedIn: false }>;

/**
 * The reply to a player's answer or "I'm done" carries their own part when it changed, instead of
 * a "live:me" beside the acknowledgement (one socket write per answer, not two); the player's
 * other connections (another tab) get it as "live:me".
 */
export interface OwnPartReply {
  mine?: MyPart;
}

/** What each event's acknowledgement carries besides ok: true (events not listed: nothing). */
export interface LiveReplies {
  "host:create": { code: string; hostSecret: string; view: HostView };
  "host:resume": { view: HostView };
  "player:join": { playerSecret: string; view: PlayerView };
  "player:resume": { view: PlayerView };
  "player:answer": AnswerReply & OwnPartReply;
  "player:done": OwnPartReply;
  /** How many players were removed (already removed ones count too). */
  "host:kick": { kicked: number };
}
export type ReplyOf<E extends LiveEventName> = E extends keyof LiveReplies ? LiveReplies[E] : NoReply;

export type LiveAck<T> = ({ ok: true } & T) | { ok: false; error: { code: LiveErrorCode; message: string } };

/** Client → server: a payload and an acknowledgement callback, per event. */
export type ClientToServerEvents = {
  [E in LiveEventName]: (payload: LivePayload<E>, ack: (reply: LiveAck<ReplyOf<E>>) => void) => void;
};

export interface KickedNotice {
  message: string;
}

/** Server → client. */
export interface ServerToClientEvents {
  "live:state": (view: LiveView) => void;
  /** The part of the view every player of a game shares (its round without the level): one message for the whole room. */
  "live:common": (view: CommonView) => void;
  /** A player's own part, when it changed for them. */
  "live:me": (part: MyPart) => void;
  "live:level": (message: RoundLevel) => void;
  "live:kicked": (notice: KickedNotice) => void;
}
export type ServerEventName = keyof ServerToClientEvents;

/**
 * Socket.IO's per-socket data: nothing. What a connection is bound to (a game, in one role:
 * LiveBinding in ./commands.ts) is kept by the engine per connection id (server/live/engine.ts),
 * so a kick unbinds in one place, and no handler can read an untyped binding from the socket.
 */
export type SocketData = Record<never, never>;

export interface StandingRow {
  playerId: string;
  nickname: string;
  points: number;
  rank: number;
  /** Positive: places gained since the last leaderboard. */
  rankChange: number | null;
  streak: number;
}

export interface RoundInfo {
  index: number;
  count: number;
  levelId: string;
  /** Seconds the round lasts. */
  seconds: number;
  /**
   * The round's level as everyone plays it: the public projection of the round's instance (the
   * same for every player; never its answer key), from the intro to the reveal. It is the largest
   * part of a view (500 points are 11 KB), so it travels once per round per connection: in the
   * reply to a join or resume, or in one "live:level" message, encoded once for the whole room.
   * A "live:state" message carries null here; clients fill it in (core/live/round-level.ts).
   */
  level: PublicLevel | null;
}

/** "live:level": the level of a game's round, sent once per round to each connection. */
export interface RoundLevel {
  code: string;
  roundIndex: number;
  level: PublicLevel;
}

export interface Reveal {
  /** The round's best answer and who gave it, shown to everyone once the round is over. */
  winner: { nickname: string; score: number; stars: number; answer: unknown } | null;
  spread: { stars: [number, number, number, number]; notSubmitted: number };
  /**
   * The teaching, only from the reveal on: the kind's review of the best answer (or of the starting
   * answer when nobody answered) and the level's explanation. Null for a moment while it is prepared.
   */
  review: unknown | null;
  explanation: string | null;
}

/** What every socket in a game sees. */
export interface CommonView {
  code: string;
  phase: Phase;
  round: RoundInfo | null;
  /** Server time when the view was made, and when the current phase ends: clients correct for clock skew. */
  serverNow: number;
  phaseEndsAt: number | null;
  playerCount: number;
  submittedCount: number;
  /** Players done with the round ("I'm done", or a quiz answer locked in). */
  doneCount: number;
  speedBonus: boolean;
  locked: boolean;
  /**
   * The host paused the clock (intro or round): answers are refused until it runs again. While
   * paused, phaseEndsAt is null (no countdown runs) and remainingMs holds still.
   */
  paused: boolean;
  /** Milliseconds left on the phase's clock when the view was made (frozen while paused); null without a clock. */
  remainingMs: number | null;
  reveal: Reveal | null;
  /** Top ten, at the leaderboard and podium. */
  leaderboard: StandingRow[] | null;
}

export interface PlayerView extends CommonView {
  role: "player";
  me: {
    playerId: string;
    nickname: string;
    points: number;
    rank: number | null;
    rankChange: number | null;
    streak: number;
    /**
     * My best answer this round, with the server's score. Null until I answer, and during a quiz
     * round until its reveal (the answer is locked in: `done`), whose result stays sealed till then.
     */
    roundBest: { score: number; stars: number; points: number } | null;
    /** I said "I'm done" with this round (or locked in a quiz answer). */
    done: boolean;
  };
}

/** A player's own part of their view. */
export type Me = PlayerView["me"];

/**
 * "live:me": a player's own part, with the phase and round it belongs to. A phase change sends
 * it just before the room's "live:common": a client holding another phase keeps it until that
 * common part comes, so the screen never shows one phase with the other's results (a quiz round's
 * result with the round still being played, say).
 */
export interface MyPart {
  code: string;
  phase: Phase;
  /** -1 in the lobby, as CommonView.round is null there. */
  roundIndex: number;
  me: Me;
}

export interface HostView extends CommonView {
  role: "host";
  players: { playerId: string; nickname: string; points: number; submitted: boolean; done: boolean; connected: boolean }[];
  /**
   * Live progress during a round: how many players are at 0–3 stars, without their answers. Null
   * during a quiz round, whose results stay sealed until the reveal (the projector is in the room).
   */
  spread: { stars: [number, number, number, number]; notSubmitted: number } | null;
  /** At the reveal: what the class answered, as counts (no names), once the review is ready (core/live/class-answers.ts). */
  classAnswers: ClassAnswers | null;
}

export type LiveView = PlayerView | HostView;
