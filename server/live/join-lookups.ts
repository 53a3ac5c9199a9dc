import { db } from "../db/client";
import { hashSecret, looksLikeSecret } from "../secrets";

/**
 * What the join page and the game page read on the server, from the database every process
 * shares (a cluster's games are stored as they change): whether a game is running, and which
 * player a browser's join cookie (app/api/live/join) belongs to.
 */

/** Whether a game with this code is running (not yet over). */
export async function isGameRunning(code: string): Promise<boolean> {
  return (await db().liveGame.count({ where: { code, endedAt: null } })) > 0;
}

export interface JoinedPlayer {
  nickname: string;
  /** The player's secret, for the page's socket to resume with (it came from this browser's own cookie). */
  secret: string;
  /** Whether the game is in its lobby (the page says "You're in!" before its socket has connected). */
  inLobby: boolean;
}

/** The player of this browser's join cookie in the running game with this code; null if none, kicked, or over. */
export async function joinedPlayer(code: string, secret: string | undefined): Promise<JoinedPlayer | null> {
  if (!secret || !looksLikeSecret(secret)) return null;
  const player = await db().liveGamePlayer.findUnique({
    where: { secretHash: hashSecret(secret) },
    select: { nickname: true, kicked: true, game: { select: { code: true, phase: true, endedAt: true } } },
  });
  if (!player || player.kicked || player.game.code !== code || player.game.endedAt !== null) return null;
  return { nickname: player.nickname, secret, inLobby: player.game.phase === "lobby" };
}
