import type { PublicLevel } from "../play/public-level";
import { type ClassAnswers, classAnswers } from "./class-answers";
import { phaseShowsRoundLevel } from "./round-level";
import type { CommonView, HostView, Me, PlayerView, StandingRow } from "./protocol";
import { activeCount, answeredCount, remainingMs, type RoundBest, roundWinner, standings, starSpread, type Room } from "./room";

/**
 * What each socket may see of a room. Players never get another player's answer; the round's
 * best answer is shown to everyone only from the reveal on.
 */
export function leaderboardRows(room: Room, size = 10): StandingRow[] {
  return standings(room)
    .slice(0, size)
    .map((p, i) => ({
      playerId: p.id,
      nickname: p.nickname,
      points: p.points,
      rank: p.rank ?? i + 1,
      rankChange: rankChange(p.rank, p.previousRank),
      streak: p.streak,
    }));
}

const rankChange = (rank: number | null, previous: number | null) => (rank !== null && previous !== null ? previous - rank : null);

/**
 * What the server adds to a room's view about the round itself (server/live/room-runtime.ts): the
 * round's level as everyone plays it, and from the reveal on the teaching (null while prepared).
 */
export interface RoundContent {
  level: PublicLevel | null;
  reveal: { review: unknown; explanation: string } | null;
}

/** Phases in which a round's level is on the phones and the projector. */
export const showsRoundLevel = (room: Room) => phaseShowsRoundLevel(room.phase);

/** The part every socket shares: build it once per broadcast, then add each player's own part. */
export function commonView(room: Room, now: number, content: RoundContent = { level: null, reveal: null }): CommonView {
  const round =
    room.roundIndex >= 0
      ? {
          index: room.roundIndex,
          count: room.playlist.length,
          levelId: room.playlist[room.roundIndex],
          seconds: room.roundSeconds[room.roundIndex],
          level: showsRoundLevel(room) ? content.level : null,
        }
      : null;
  // The reveal is shown once; the leaderboard that follows does not carry it again (smaller
  // broadcasts to every player).
  const revealed = room.phase === "reveal";
  const winner = revealed ? roundWinner(room, room.roundIndex) : null;
  const showBoard = room.phase === "leaderboard" || room.phase === "podium";
  return {
    code: room.code,
    phase: room.phase,
    round,
    serverNow: now,
    // While paused no countdown runs: the time left is in remainingMs.
    phaseEndsAt: room.pausedAt === null ? room.phaseEndsAt : null,
    playerCount: activeCount(room),
    submittedCount: room.roundIndex >= 0 ? answeredCount(room, room.roundIndex) : 0,
    doneCount: room.phase === "playing" ? room.done.filter((id) => !room.players[id]?.kicked).length : 0,
    speedBonus: room.options.speedBonus,
    locked: room.locked,
    paused: room.pausedAt !== null,
    remainingMs: remainingMs(room, now),
    reveal: revealed
      ? {
          winner: winner && { nickname: winner.player.nickname, score: winner.best.score, stars: winner.best.stars, answer: winner.best.answer },
          spread: starSpread(room, room.roundIndex),
          review: content.reveal?.review ?? null,
          explanation: content.reveal?.explanation ?? null,
        }
      : null,
    leaderboard: showBoard ? leaderboardRows(room) : null,
  };
}

/**
 * A quiz round before its reveal: each answer is locked in, and its result is sealed until the
 * reveal, so that neither a phone nor the projector tells the room which option is right.
 */
export const isSealed = (room: Room, level: PublicLevel | null | undefined) => room.phase === "playing" && level?.attempts === "quiz";
const sealed = (room: Room, common: CommonView) => isSealed(room, common.round?.level);

/**
 * A player's own part of their view. `sealed`: isSealed for the round's level; `done`: whether
 * the player is done with the round being played (a set of room.done, made once for a whole room).
 */
export function playerPart(room: Room, playerId: string, sealed: boolean, done: (playerId: string) => boolean): Me {
  const p = room.players[playerId];
  const answered = room.roundIndex >= 0 ? room.rounds[room.roundIndex]?.[playerId] : undefined;
  const best = sealed ? undefined : answered;
  return {
    playerId,
    nickname: p.nickname,
    // Sealed, the total leaves out the round's answer too: it would tell whether it was right.
    points: sealed && answered ? p.points - answered.points : p.points,
    rank: p.rank,
    rankChange: rankChange(p.rank, p.previousRank),
    streak: p.streak,
    roundBest: best ? { score: best.score, stars: best.stars, points: best.points } : null,
    done: room.phase === "playing" && done(playerId),
  };
}

/** Whether two own parts say the same (a part is sent again only when it changed). */
export function sameMe(a: Me, b: Me): boolean {
  const x = a.roundBest;
  const y = b.roundBest;
  const sameBest = x === y || (x !== null && y !== null && x.score === y.score && x.stars === y.stars && x.points === y.points);
  return (
    sameBest &&
    a.playerId === b.playerId &&
    a.nickname === b.nickname &&
    a.points === b.points &&
    a.rank === b.rank &&
    a.rankChange === b.rankChange &&
    a.streak === b.streak &&
    a.done === b.done
  );
}

/** A player's whole view: the common part and their own (a reply to a join or resume). */
export function playerView(room: Room, common: CommonView, playerId: string): PlayerView {
  return { ...common, role: "player", me: playerPart(room, playerId, sealed(room, common), (id) => room.done.includes(id)) };
}

export function hostView(room: Room, common: CommonView, connected: (playerId: string) => boolean): HostView {
  const bests = room.roundIndex >= 0 ? (room.rounds[room.roundIndex] ?? {}) : {};
  const done = new Set(room.phase === "playing" ? room.done : []);
  return {
    ...common,
    role: "host",
    players: standings(room).map((p) => ({
      playerId: p.id,
      nickname: p.nickname,
      points: p.points,
      submitted: Boolean(bests[p.id]),
      done: done.has(p.id),
      connected: connected(p.id),
    })),
    spread: sealed(room, common) ? null : starSpread(room, Math.max(0, room.roundIndex)),
    classAnswers: room.phase === "reveal" ? revealedClassAnswers(room, common) : null,
  };
}

// The answers of a revealed round no longer change: the summary is made once per round's answers
// and review (the host's view is sent again on every reconnect, kick or lock).
const summaries = new WeakMap<Record<string, RoundBest>, { review: unknown; summary: ClassAnswers | null }>();

/**
 * The class's answers to the round just played, for the projector (core/live/class-answers.ts):
 * only at the reveal, once its review is ready (it holds the right answer), from the answers of
 * players still in the game. Players never receive it.
 */
function revealedClassAnswers(room: Room, common: CommonView): ClassAnswers | null {
  const level = common.round?.level;
  const review = common.reveal?.review;
  if (!level || review === null || review === undefined) return null;
  const bests = room.rounds[room.roundIndex] ?? {};
  const known = summaries.get(bests);
  if (known && known.review === review) return known.summary;
  const answers = Object.entries(bests)
    .filter(([id]) => room.players[id] && !room.players[id].kicked)
    .map(([, best]) => ({ answer: best.answer, score: best.score, stars: best.stars }));
  let summary: ClassAnswers | null;
  try {
    summary = classAnswers(level, review, answers);
  } catch (error) {
    // A summary is a picture for the projector: a kind's surprise must not stop the game.
    console.error(`live game ${room.code}: the class's answers could not be summed up`, error);
    summary = null;
  }
  summaries.set(bests, { review, summary });
  return summary;
}
