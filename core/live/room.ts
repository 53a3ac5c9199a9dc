/**
 * A live classroom game as a pure state machine: no sockets, no clock, no database. Every
 * transition takes the current time as an argument and returns a new Room (or throws
 * LiveError), so the rules are tested directly and the server only wires them to I/O.
 *
 *   lobby → intro → playing → reveal → leaderboard → intro (next round) … → podium
 */
import { confusableSkeleton } from "../names";
import type { RoomControl } from "./control";

export const PHASES = ["lobby", "intro", "playing", "reveal", "leaderboard", "podium"] as const;
export type Phase = (typeof PHASES)[number];

/** How long the round title shows before play starts. */
export const INTRO_MS = 5_000;
/** A lecture hall's worth: joins, answers and views stay O(1) per player action (bench/LIVE-LOAD.md). */
export const MAX_PLAYERS = 5_000;
/** What the host's "+30 s" adds to the current phase's clock. */
export const ADD_TIME_MS = 30_000;
/** A phase's clock never runs longer than this from now, however often "+30 s" is pressed. */
export const MAX_REMAINING_MS = 30 * 60_000;

export interface RoomOptions {
  /** Seconds per round; null uses each level's own time limit. */
  roundSeconds: number | null;
  speedBonus: boolean;
}

export interface LivePlayer {
  id: string;
  nickname: string;
  joinedAt: number;
  kicked: boolean;
  /**
   * The hash of the browser's device id (an httpOnly cookie the server sets: see
   * server/live/devices.ts), or null when it sent none. A kicked player's device is banned.
   */
  device: string | null;
  /** Sum of the player's points over all rounds. */
  points: number;
  /** Consecutive finished rounds with at least one star. */
  streak: number;
  /** Rank at the last leaderboard, and the one before (for "▲2"). */
  rank: number | null;
  previousRank: number | null;
}

/** A player's best answer in one round (only the best counts). */
export interface RoundBest {
  score: number;
  stars: number;
  points: number;
  submittedAt: number;
  answer: unknown;
}

export interface Room {
  id: string;
  code: string;
  playlist: string[];
  /** Per-round time limits in seconds, fixed at creation. */
  roundSeconds: number[];
  options: RoomOptions;
  phase: Phase;
  /** -1 in the lobby; the current (or last finished) round otherwise. */
  roundIndex: number;
  phaseStartedAt: number;
  /** When the current timed phase (intro, playing) ends; null for phases the host advances. */
  phaseEndsAt: number | null;
  locked: boolean;
  /** Players who pressed "I'm done" in the current round (or locked in a quiz round's answer). */
  done: string[];
  /** When the host paused the current timed phase (its clock stands still); null while it runs. */
  pausedAt: number | null;
  /** Rounds the host skipped: their answers are kept in storage but count for nothing. */
  skipped: number[];
  /** Device hashes of kicked players: that browser cannot join again, under any nickname. */
  bannedDevices: string[];
  /**
   * When each round's clock started (epoch ms, moved on by pauses as the speed bonus is; null for a
   * round never played): the teachers' reports give each answer's time taken from it.
   */
  roundStarts: (number | null)[];
  players: Record<string, LivePlayer>;
  /** roundIndex → playerId → best answer. */
  rounds: Record<number, Record<string, RoundBest>>;
}

export type LiveErrorCode =
  | "bad_request"
  | "not_found"
  | "forbidden"
  | "wrong_phase"
  | "wrong_round"
  | "too_late"
  | "room_locked"
  | "room_full"
  | "too_many_games"
  | "nickname_taken"
  | "kicked"
  | "rate_limited"
  | "already_answered"
  | "paused"
  | "protocol_mismatch";

export class LiveError extends Error {
  constructor(
    readonly code: LiveErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "LiveError";
  }
}

/** The control state of a new game; also the defaults for control fields a stored game predates. */
export function initialControl(now: number): RoomControl {
  return {
    phase: "lobby",
    roundIndex: -1,
    phaseStartedAt: now,
    phaseEndsAt: null,
    locked: false,
    done: [],
    pausedAt: null,
    skipped: [],
    bannedDevices: [],
    roundStarts: [],
  };
}

export function createRoom(init: { id: string; code: string; playlist: string[]; roundSeconds: number[]; options: RoomOptions }, now: number): Room {
  if (init.playlist.length === 0) throw new LiveError("bad_request", "a game needs at least one level");
  if (init.roundSeconds.length !== init.playlist.length) throw new LiveError("bad_request", "one time limit per round");
  return { ...init, ...initialControl(now), players: {}, rounds: {} };
}

const activePlayers = (room: Room) => Object.values(room.players).filter((p) => !p.kicked);

/**
 * A new player, checked against the room's rules (not over, not banned, not locked, not full, the
 * nickname free): O(1), the room's nicknames being indexed (nicknameKeysOf). Adding them is left to
 * addPlayer (a new room, copying the players) or to a server that owns its room and adds them in
 * place (server/live/joins-in-place.ts), so 5,000 joins do not copy a growing room 5,000 times.
 */
export function newPlayer(room: Room, player: { id: string; nickname: string; device?: string | null }, now: number): LivePlayer {
  if (room.phase === "podium") throw new LiveError("wrong_phase", "this game is over");
  const device = player.device ?? null;
  if (device !== null && room.bannedDevices.includes(device)) throw new LiveError("kicked", "you were removed from this game");
  if (room.locked) throw new LiveError("room_locked", "the host has locked this game");
  if (activeCount(room) >= MAX_PLAYERS) throw new LiveError("room_full", "this game is full");
  if (nicknameKeysOf(room.players).has(nicknameKey(player.nickname))) throw new LiveError("nickname_taken", "that nickname is taken in this game");
  return {
    id: player.id,
    nickname: player.nickname,
    joinedAt: now,
    kicked: false,
    device,
    points: 0,
    streak: 0,
    rank: null,
    previousRank: null,
  };
}

export function addPlayer(room: Room, player: { id: string; nickname: string; device?: string | null }, now: number): Room {
  const joined = newPlayer(room, player, now);
  return { ...room, players: playersWith(room.players, { ...room.players }, joined) };
}

/**
 * `target` with `joined` added: a copy of `players` (addPlayer), or `players` itself for a server
 * that adds in place. The counts and the nickname index carried with `players` follow.
 */
export function playersWith(players: Room["players"], target: Room["players"], joined: LivePlayer): Room["players"] {
  const active = activeCounts.get(players);
  const keys = nicknameIndex.get(players);
  const added = !(joined.id in players);
  target[joined.id] = joined;
  if (active !== undefined) activeCounts.set(target, active + (added ? 1 : 0));
  if (keys !== undefined) nicknameIndex.set(target, (target === players ? keys : new Set(keys)).add(nicknameKey(joined.nickname)));
  return target;
}

// Every player's nickname key (kicked players' too: their names stay taken), per players object.
const nicknameIndex = new WeakMap<Room["players"], Set<string>>();

function nicknameKeysOf(players: Room["players"]): Set<string> {
  let keys = nicknameIndex.get(players);
  if (keys === undefined) {
    keys = new Set();
    for (const id in players) keys.add(nicknameKey(players[id].nickname));
    nicknameIndex.set(players, keys);
  }
  return keys;
}

// The skeleton of a nickname, remembered (bounded; cleared when full): building the index of a
// 5,000-player room again after a phase change does not normalize 5,000 strings again.
const nicknameKeys = new Map<string, string>();

/**
 * Nicknames are unique by what they look like: regardless of case, spacing, accents and
 * look-alike letters of other scripts ("Ana", "ana ", "Aná", Cyrillic "Аna"): core/names.ts.
 */
export function nicknameKey(nickname: string): string {
  let key = nicknameKeys.get(nickname);
  if (key === undefined) {
    key = confusableSkeleton(nickname);
    if (nicknameKeys.size >= 20_000) nicknameKeys.clear();
    nicknameKeys.set(nickname, key);
  }
  return key;
}

/** Removes players (the host's × or a selection); their browsers cannot join again under another name. */
export function kickPlayers(room: Room, playerIds: readonly string[]): Room {
  const players = { ...room.players };
  const banned = new Set(room.bannedDevices);
  for (const playerId of playerIds) {
    const player = room.players[playerId];
    if (!player) throw new LiveError("not_found", "no such player in this game");
    players[playerId] = { ...player, kicked: true };
    if (player.device !== null) banned.add(player.device);
  }
  const bannedDevices = banned.size === room.bannedDevices.length ? room.bannedDevices : [...banned];
  return { ...room, players, bannedDevices };
}

export function kickPlayer(room: Room, playerId: string): Room {
  return kickPlayers(room, [playerId]);
}

export function setLocked(room: Room, locked: boolean): Room {
  return { ...room, locked };
}

// Every phase starts with its clock running: a pause belongs to the phase it was pressed in.
function enterRound(room: Room, roundIndex: number, now: number): Room {
  return { ...room, phase: "intro", roundIndex, phaseStartedAt: now, phaseEndsAt: now + INTRO_MS, done: [], pausedAt: null };
}

function enterPlaying(room: Room, now: number): Room {
  const roundStarts = withRoundStart(room, now);
  return { ...room, phase: "playing", phaseStartedAt: now, phaseEndsAt: now + room.roundSeconds[room.roundIndex] * 1000, pausedAt: null, roundStarts };
}

/** The round's start set to `start` (the rounds before it that never started stay null). */
function withRoundStart(room: Room, start: number): (number | null)[] {
  const starts = Array.from({ length: Math.max(room.roundStarts.length, room.roundIndex + 1) }, (_, i) => room.roundStarts[i] ?? null);
  starts[room.roundIndex] = start;
  return starts;
}

/** playing → reveal: streaks are settled when a round ends. */
function enterReveal(room: Room, now: number): Room {
  const bests = room.rounds[room.roundIndex] ?? {};
  const players = Object.fromEntries(Object.entries(room.players).map(([id, p]) => [id, { ...p, streak: (bests[id]?.stars ?? 0) > 0 ? p.streak + 1 : 0 }]));
  return { ...room, players, phase: "reveal", phaseStartedAt: now, phaseEndsAt: null, pausedAt: null };
}

/** reveal → leaderboard: ranks are recomputed and the previous ones kept for rank changes. */
function enterLeaderboard(room: Room, now: number): Room {
  const ranks = new Map(standings(room).map((p, i) => [p.id, i + 1]));
  const players = Object.fromEntries(Object.entries(room.players).map(([id, p]) => [id, { ...p, previousRank: p.rank, rank: ranks.get(id) ?? null }]));
  return { ...room, players, phase: "leaderboard", phaseStartedAt: now, phaseEndsAt: null, pausedAt: null };
}

/** The host's "next" button: whatever comes next from the current phase. */
export function advance(room: Room, now: number): Room {
  switch (room.phase) {
    case "lobby":
      if (activeCount(room) === 0) throw new LiveError("wrong_phase", "wait for at least one player");
      return enterRound(room, 0, now);
    case "intro":
      return enterPlaying(room, now);
    case "playing":
      return enterReveal(room, now);
    case "reveal":
      return enterLeaderboard(room, now);
    case "leaderboard":
      if (room.roundIndex + 1 < room.playlist.length) return enterRound(room, room.roundIndex + 1, now);
      return endGame(room, now);
    case "podium":
      throw new LiveError("wrong_phase", "this game is over");
  }
}

/** The game is over: the podium (after the last leaderboard, or when an abandoned game is ended). */
export function endGame(room: Room, now: number): Room {
  if (room.phase === "podium") return room;
  return { ...room, phase: "podium", phaseStartedAt: now, phaseEndsAt: null, pausedAt: null };
}

/** Time-driven transitions: the intro and the round end on the server's clock (which a pause stops). */
export function tick(room: Room, now: number): Room {
  if (room.phaseEndsAt === null || room.pausedAt !== null || now < room.phaseEndsAt) return room;
  if (room.phase === "intro") return enterPlaying(room, now);
  if (room.phase === "playing") return enterReveal(room, now);
  return room;
}

// ── Host controls: pause, more time, skip ────────────────────────────────────────────────

const TIMED_ONLY = "only a clock that is running can be changed: the round's intro or the round being played";

/** The host stops the clock of the intro or the round; answers wait until it runs again. */
export function pause(room: Room, now: number): Room {
  if (room.phaseEndsAt === null) throw new LiveError("wrong_phase", TIMED_ONLY);
  if (room.pausedAt !== null) throw new LiveError("wrong_phase", "the game is already paused");
  return { ...room, pausedAt: now };
}

/**
 * The clock runs again with the time it had left. The phase's start moves by the pause too, so the
 * speed bonus counts only the time the clock ran.
 */
export function unpause(room: Room, now: number): Room {
  if (room.pausedAt === null || room.phaseEndsAt === null) throw new LiveError("wrong_phase", "the game is not paused");
  const stopped = Math.max(0, now - room.pausedAt);
  const roundStarts = room.phase === "playing" ? withRoundStart(room, room.phaseStartedAt + stopped) : room.roundStarts;
  return { ...room, pausedAt: null, phaseStartedAt: room.phaseStartedAt + stopped, phaseEndsAt: room.phaseEndsAt + stopped, roundStarts };
}

/** +30 s on the current phase's clock (paused or not), up to 30 minutes left. */
export function addTime(room: Room, now: number): Room {
  if (room.phaseEndsAt === null) throw new LiveError("wrong_phase", TIMED_ONLY);
  const left = (room.pausedAt ?? now) < room.phaseEndsAt ? room.phaseEndsAt - (room.pausedAt ?? now) : 0;
  if (left + ADD_TIME_MS > MAX_REMAINING_MS) throw new LiveError("bad_request", `the clock can have at most ${MAX_REMAINING_MS / 60_000} minutes left`);
  return { ...room, phaseEndsAt: room.phaseEndsAt + ADD_TIME_MS };
}

/**
 * The host skips the round being introduced or played: it is not scored. Answers already given
 * stay stored (the report can show them) but earn nothing: their points are taken back, no streak
 * is extended or broken, and there is no reveal. The game moves to the next round's intro, or
 * after the last round to the leaderboard (then the podium).
 */
export function skipRound(room: Room, now: number): Room {
  if (room.phase !== "intro" && room.phase !== "playing") throw new LiveError("wrong_phase", "only a round being introduced or played can be skipped");
  const index = room.roundIndex;
  const bests = room.rounds[index] ?? {};
  const players = { ...room.players };
  for (const id in bests) if (players[id]) players[id] = { ...players[id], points: players[id].points - bests[id].points };
  const { [index]: _dropped, ...rounds } = room.rounds;
  const skipped: Room = { ...room, players, rounds, skipped: [...room.skipped, index], done: [] };
  return index + 1 < room.playlist.length ? enterRound(skipped, index + 1, now) : enterLeaderboard(skipped, now);
}

/**
 * The host ends the game now (the lesson is over): a round being played counts as it stands, as if
 * its clock had run out; a round only introduced is skipped (nobody could answer it yet); the ranks
 * are settled and the game goes to the podium. Refused in the lobby (nothing was played: close the
 * page instead) and once the game is over.
 */
export function endGameNow(room: Room, now: number): Room {
  if (room.phase === "lobby") throw new LiveError("wrong_phase", "no round has been played yet");
  if (room.phase === "podium") throw new LiveError("wrong_phase", "this game is over");
  let settled = room;
  if (room.phase === "intro") settled = { ...room, skipped: [...room.skipped, room.roundIndex], done: [] };
  if (room.phase === "playing") settled = enterReveal(room, now);
  return endGame(enterLeaderboard(settled, now), now);
}

/** Milliseconds left on the current phase's clock (standing still while paused); null without one. */
export function remainingMs(room: Room, now: number): number | null {
  if (room.phaseEndsAt === null) return null;
  return Math.max(0, room.phaseEndsAt - (room.pausedAt ?? now));
}

/**
 * Points for an answer: 1000 for three stars, in proportion to the stars earned. With the speed
 * bonus on, an answer loses up to half its value as the clock runs down (full value at the start
 * of the round, half at the buzzer). A player's answer worth the most points is the one that
 * counts for the round (on equal points, the higher score).
 */
export function pointsFor(stars: number, elapsedMs: number, roundMs: number, speedBonus: boolean): number {
  const speed = speedBonus ? 1 - 0.5 * Math.min(1, Math.max(0, elapsedMs / roundMs)) : 1;
  return Math.round(((1000 * stars) / 3) * speed);
}

/**
 * The one rule for "best answer" in a round, used live (recordAnswer) and when a room is rebuilt
 * from its stored answers: more points, or as many points with a higher score.
 */
export function isBetterAnswer(candidate: Pick<RoundBest, "points" | "score">, previous: Pick<RoundBest, "points" | "score"> | undefined): boolean {
  return !previous || candidate.points > previous.points || (candidate.points === previous.points && candidate.score > previous.score);
}

export interface ScoredSubmission {
  playerId: string;
  roundIndex: number;
  score: number;
  stars: number;
  answer: unknown;
  /** A quiz round takes one answer: the first is final (and counts as "I'm done"). */
  oneShot?: boolean;
}

/** A player may act in the round being played: in the game, not kicked, the right round, in time. */
function checkPlaying(room: Room, playerId: string, roundIndex: number, now: number): LivePlayer {
  const player = room.players[playerId];
  if (!player) throw new LiveError("not_found", "you are not in this game");
  if (player.kicked) throw new LiveError("kicked", "you were removed from this game");
  if (room.phase !== "playing") throw new LiveError("wrong_phase", "answers are accepted only while a round is being played");
  if (room.pausedAt !== null) throw new LiveError("paused", "the host has paused the game: answer when the clock runs again");
  if (roundIndex !== room.roundIndex)
    throw new LiveError("wrong_round", `this is for round ${roundIndex + 1}, but round ${room.roundIndex + 1} is being played`);
  if (room.phaseEndsAt !== null && now >= room.phaseEndsAt) throw new LiveError("too_late", "time is up for this round");
  return player;
}

/**
 * What one answer changes, and nothing else: the player's entry and, if it is their new best, the
 * round's best for them. Pure and O(1): recording it is left to withAnswer (a new room, copying
 * the players and the round's bests) or to a server that owns its room and updates it in place
 * (server/live/answers-in-place.ts), so a burst of 2,000 answers does not copy a 2,000-player
 * room 2,000 times.
 */
export interface AnswerChange {
  roundIndex: number;
  candidate: RoundBest;
  /** The player's best of the round after this answer (the candidate if it improved). */
  best: RoundBest;
  improved: boolean;
  /** The player's entry after the answer (their new total); the same object if it did not improve. */
  player: LivePlayer;
  /** The player's first answer of the round: one more player has answered. */
  first: boolean;
  /** A quiz round's answer also marks the player done. */
  done: boolean;
}

/**
 * Scores an answer against the room: refused outside the playing phase, for another round, after
 * the deadline (server clock), from a kicked player, or a second answer to a one-shot (quiz) round.
 */
export function answerChange(room: Room, submission: ScoredSubmission, now: number): AnswerChange {
  const player = checkPlaying(room, submission.playerId, submission.roundIndex, now);
  const previous = room.rounds[room.roundIndex]?.[player.id];
  if (submission.oneShot && previous) throw new LiveError("already_answered", "your answer to this quiz round is locked in: a quiz round takes one answer");

  // The round's length as played (with any time the host added), and the time its clock ran.
  const roundMs = (room.phaseEndsAt ?? now) - room.phaseStartedAt;
  const points = pointsFor(submission.stars, now - room.phaseStartedAt, roundMs, room.options.speedBonus);
  const candidate: RoundBest = { score: submission.score, stars: submission.stars, points, submittedAt: now, answer: submission.answer };
  const base = { roundIndex: room.roundIndex, candidate, first: !previous, done: Boolean(submission.oneShot) && !room.done.includes(player.id) };
  if (previous && !isBetterAnswer(candidate, previous)) return { ...base, best: previous, improved: false, player, done: false };
  return { ...base, best: candidate, improved: true, player: { ...player, points: player.points - (previous?.points ?? 0) + points } };
}

/** The room after an answer (a new room: the players and the round's bests are copied). */
export function withAnswer(room: Room, change: AnswerChange): Room {
  if (!change.improved) return room;
  const id = change.player.id;
  const roundBests = room.rounds[change.roundIndex] ?? {};
  const players = { ...room.players, [id]: change.player };
  const bests = { ...roundBests, [id]: change.candidate };
  // The player is active: an answer keeps the active count, and adds one answerer if it is their first.
  const active = activeCounts.get(room.players);
  if (active !== undefined) activeCounts.set(players, active);
  const answered = room.rounds[change.roundIndex] ? answeredCounts.get(roundBests) : { players: room.players, count: 0 };
  if (answered?.players === room.players) answeredCounts.set(bests, { players, count: answered.count + (change.first ? 1 : 0) });
  const recorded: Room = { ...room, players, rounds: { ...room.rounds, [change.roundIndex]: bests } };
  return change.done ? withDone(recorded, id) : recorded;
}

/**
 * Records a re-scored answer (answerChange, then withAnswer). Returns the room and whether this
 * answer became the player's best.
 */
export function recordAnswer(room: Room, submission: ScoredSubmission, now: number): { room: Room; candidate: RoundBest; best: RoundBest; improved: boolean } {
  const change = answerChange(room, submission, now);
  return { room: withAnswer(room, change), candidate: change.candidate, best: change.best, improved: change.improved };
}

export const withDone = (room: Room, playerId: string): Room => (room.done.includes(playerId) ? room : { ...room, done: [...room.done, playerId] });

/** A player says "I'm done" with the round being played (an answer is not needed: they may give up). */
export function markDone(room: Room, playerId: string, roundIndex: number, now: number): Room {
  checkPlaying(room, playerId, roundIndex, now);
  return withDone(room, playerId);
}

/**
 * Every connected player is done with the round: it can end early. Never because everyone
 * submitted once (an interactive round can be improved until the clock ends), and a player whose
 * phone dropped does not hold the room up; with nobody connected, the clock decides.
 * `connectedCount`, when the caller knows it, is how many players (not kicked) are connected.
 */
export function everyoneDone(room: Room, isConnected: (playerId: string) => boolean, connectedCount?: number): boolean {
  if (room.phase !== "playing") return false;
  // `done` holds each player once: fewer done than connected players means someone connected is
  // not done, without looking at every player (each answer of a quiz round asks).
  if (connectedCount !== undefined && room.done.length < connectedCount) return false;
  const done = new Set(room.done);
  let connected = 0;
  for (const id in room.players) {
    const p = room.players[id];
    if (p.kicked || !isConnected(id)) continue;
    if (!done.has(id)) return false;
    connected++;
  }
  return connected > 0;
}

/** Active players by points (highest first); ties go to whoever joined first. */
export function standings(room: Room): LivePlayer[] {
  return activePlayers(room).sort((a, b) => b.points - a.points || a.joinedAt - b.joinedAt || a.id.localeCompare(b.id));
}

/** The best answer of a round, shown to everyone at the reveal. */
export function roundWinner(room: Room, roundIndex: number): { player: LivePlayer; best: RoundBest } | null {
  const bests = Object.entries(room.rounds[roundIndex] ?? {}).filter(([id]) => room.players[id] && !room.players[id].kicked);
  if (bests.length === 0) return null;
  bests.sort(([, a], [, b]) => b.score - a.score || a.submittedAt - b.submittedAt);
  const [id, best] = bests[0];
  return { player: room.players[id], best };
}

/** How many players reached 0, 1, 2 and 3 stars this round (and how many have not submitted). */
export function starSpread(room: Room, roundIndex: number): { stars: [number, number, number, number]; notSubmitted: number } {
  const bests = room.rounds[roundIndex] ?? {};
  const stars: [number, number, number, number] = [0, 0, 0, 0];
  let notSubmitted = 0;
  for (const p of activePlayers(room)) {
    const best = bests[p.id];
    if (best) stars[best.stars]++;
    else notSubmitted++;
  }
  return { stars, notSubmitted };
}

// ── Counts carried from one room to the next ─────────────────────────────────────────────
// After every answer the views need how many players are active and how many of them have
// answered, and the hub asks whether everyone has. Counting them afresh is a pass over every
// player: in a 2,000-player room, a burst of answers at the buzzer then costs O(players²) and
// stalls the server. So the transitions that change a count by a known amount (an answer, a join)
// hand it on to the room they return, keyed by the immutable objects counted; a room whose count
// is not known is counted once.
const activeCounts = new WeakMap<Room["players"], number>();
const answeredCounts = new WeakMap<Record<string, RoundBest>, { players: Room["players"]; count: number }>();

/**
 * For a server that records answers in place (server/live/answers-in-place.ts): the number of
 * active players with an answer in `bests`, the round's bests it has just updated, for `players`.
 */
export function setAnsweredCount(bests: Record<string, RoundBest>, players: Room["players"], count: number): void {
  answeredCounts.set(bests, { players, count });
}

export function activeCount(room: Room): number {
  let count = activeCounts.get(room.players);
  if (count === undefined) {
    count = 0;
    for (const id in room.players) if (!room.players[id].kicked) count++;
    activeCounts.set(room.players, count);
  }
  return count;
}

/** Active players with an answer in the round. */
export function answeredCount(room: Room, roundIndex: number): number {
  const bests = room.rounds[roundIndex];
  if (!bests) return 0;
  const known = answeredCounts.get(bests);
  if (known?.players === room.players) return known.count;
  let count = 0;
  for (const id in bests) if (room.players[id] && !room.players[id].kicked) count++;
  answeredCounts.set(bests, { players: room.players, count });
  return count;
}
