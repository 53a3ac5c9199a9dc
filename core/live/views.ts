import type { CommonView, HostView, PlayerView, StandingRow } from "./protocol";
import { activeCount, answeredCount, roundWinner, standings, starSpread, type Room } from "./room";

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

/** The part every socket shares: build it once per broadcast, then add each player's own part. */
export function commonView(room: Room, now: number): CommonView {
  const round =
    room.roundIndex >= 0
      ? { index: room.roundIndex, count: room.playlist.length, levelId: room.playlist[room.roundIndex], seconds: room.roundSeconds[room.roundIndex] }
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
    phaseEndsAt: room.phaseEndsAt,
    playerCount: activeCount(room),
    submittedCount: room.roundIndex >= 0 ? answeredCount(room, room.roundIndex) : 0,
    speedBonus: room.options.speedBonus,
    locked: room.locked,
    reveal: revealed
      ? {
          winner: winner && { nickname: winner.player.nickname, score: winner.best.score, stars: winner.best.stars, answer: winner.best.answer },
          spread: starSpread(room, room.roundIndex),
        }
      : null,
    leaderboard: showBoard ? leaderboardRows(room) : null,
  };
}

export function playerView(room: Room, common: CommonView, playerId: string): PlayerView {
  const p = room.players[playerId];
  const best = room.roundIndex >= 0 ? room.rounds[room.roundIndex]?.[playerId] : undefined;
  return {
    ...common,
    role: "player",
    me: {
      playerId,
      nickname: p.nickname,
      points: p.points,
      rank: p.rank,
      rankChange: rankChange(p.rank, p.previousRank),
      streak: p.streak,
      roundBest: best ? { score: best.score, stars: best.stars, points: best.points } : null,
    },
  };
}

export function hostView(room: Room, common: CommonView, connected: (playerId: string) => boolean): HostView {
  const bests = room.roundIndex >= 0 ? (room.rounds[room.roundIndex] ?? {}) : {};
  return {
    ...common,
    role: "host",
    players: standings(room).map((p) => ({
      playerId: p.id,
      nickname: p.nickname,
      points: p.points,
      submitted: Boolean(bests[p.id]),
      connected: connected(p.id),
    })),
    spread: starSpread(room, Math.max(0, room.roundIndex)),
  };
}
