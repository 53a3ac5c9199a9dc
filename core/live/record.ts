import type { StoredControl } from "./control";
import { initialControl, isBetterAnswer, type LivePlayer, PHASES, type Phase, type Room, standings } from "./room";

/**
 * A game as it is stored: its fixed setup, its control state, and the rows of its players and
 * answers. Any store (the database, the in-memory one of the tests) hands these back, and the
 * rooms are rebuilt from them by the one pure function below; the teachers' game reports read
 * the same way, so a report shows exactly what the podium showed.
 */
export interface GameRecord {
  id: string;
  code: string;
  playlist: unknown;
  roundSeconds: unknown;
  options: unknown;
  phase: string;
  control: unknown;
  createdAt: Date;
  players: readonly PlayerRecord[];
  /** Every answer, oldest first (not only the best ones). */
  answers: readonly AnswerRecord[];
}

export interface PlayerRecord {
  id: string;
  nickname: string;
  joinedAt: Date;
  kicked: boolean;
  /** The hash of the player's device id (LivePlayer.device); null or absent when none was known. */
  deviceHash?: string | null;
}

export interface AnswerRecord {
  playerId: string;
  roundIndex: number;
  score: number;
  stars: number;
  points: number;
  submittedAt: Date;
  answer: unknown;
}

/**
 * The room a stored game is in: the best answer per player and round (isBetterAnswer, as live
 * play decides it), then points, streaks and ranks derived as the transitions would. `pause`
 * shifts a timed phase by the time the server was away.
 */
export function roomFromRecord(g: GameRecord, pause = 0): Room {
  // Defaults first: a game stored before a control field existed gets the field's initial value.
  const control = { ...initialControl(g.createdAt.getTime()), ...(g.control as Partial<StoredControl>), phase: g.phase as Phase };
  const skipped = new Set(control.skipped);
  const rounds: Room["rounds"] = {};
  for (const a of g.answers) {
    if (skipped.has(a.roundIndex)) continue; // a skipped round's answers earn nothing
    const round = (rounds[a.roundIndex] ??= {});
    if (!isBetterAnswer(a, round[a.playerId])) continue;
    round[a.playerId] = { score: a.score, stars: a.stars, points: a.points, submittedAt: a.submittedAt.getTime(), answer: a.answer };
  }
  const players: Record<string, LivePlayer> = {};
  for (const p of g.players)
    players[p.id] = {
      id: p.id,
      nickname: p.nickname,
      joinedAt: p.joinedAt.getTime(),
      kicked: p.kicked,
      device: p.deviceHash ?? null,
      points: 0,
      streak: 0,
      rank: null,
      previousRank: null,
    };
  return rebuildDerived({
    id: g.id,
    code: g.code,
    playlist: g.playlist as string[],
    roundSeconds: g.roundSeconds as number[],
    options: g.options as Room["options"],
    ...control,
    // A paused clock stood still while the server was away: only a running one is shifted.
    phaseStartedAt: control.phaseStartedAt + (control.pausedAt === null ? pause : 0),
    phaseEndsAt: control.phaseEndsAt === null ? null : control.phaseEndsAt + (control.pausedAt === null ? pause : 0),
    // The round being played keeps its start in step with its clock (the reports' time taken).
    roundStarts:
      control.phase === "playing" && control.pausedAt === null && pause > 0
        ? control.roundStarts.map((start, i) => (i === control.roundIndex && start !== null ? start + pause : start))
        : control.roundStarts,
    players,
    rounds,
  });
}

/**
 * A stored game brought back after a restart. A timed phase gets back the time it had left at
 * its last heartbeat (`aliveAt`), so a restart in the middle of a round does not eat the
 * students' time.
 */
export function restoreRoom(g: GameRecord, aliveAt: number, now: number): Room {
  const timed = (g.control as Partial<StoredControl> | null)?.phaseEndsAt != null;
  return roomFromRecord(g, timed ? Math.max(0, now - aliveAt) : 0);
}

/**
 * Recomputes what the transitions derive from the answers — each player's points, streak and
 * ranks — for a room restored from storage, which keeps only the players and their answers.
 */
export function rebuildDerived(room: Room): Room {
  const players: Record<string, LivePlayer> = Object.fromEntries(
    Object.entries(room.players).map(([id, p]) => [id, { ...p, points: 0, streak: 0, rank: null, previousRank: null }]),
  );
  const after = PHASES.indexOf(room.phase);
  const skipped = new Set(room.skipped);
  for (let r = 0; r <= room.roundIndex; r++) {
    if (skipped.has(r)) continue; // no points, no streak, no leaderboard: the round was not played
    const bests = room.rounds[r] ?? {};
    for (const [id, best] of Object.entries(bests)) if (players[id]) players[id].points += best.points;
    const current = r === room.roundIndex;
    if (!current || after >= PHASES.indexOf("reveal")) {
      for (const p of Object.values(players)) p.streak = (bests[p.id]?.stars ?? 0) > 0 ? p.streak + 1 : 0;
    }
    if (!current || after >= PHASES.indexOf("leaderboard")) {
      const ranked = standings({ ...room, players });
      ranked.forEach((p, i) => {
        players[p.id].previousRank = players[p.id].rank;
        players[p.id].rank = i + 1;
      });
    }
  }
  return { ...room, players };
}
