import { type LiveErrorCode, LiveError } from "../../core/live/room";
import { defineLimit, waitMessage } from "../limits";
import { IDLE_LOBBY_MS } from "./engine";

/**
 * The limits that keep live games for the classes they are made for (issue 11): how many games a
 * host may have open and create, and how many players one address may add to one game. Counts
 * live in server/limits.ts (this process's memory, or the shared store it is given).
 *
 * The server's own machine is not limited (a teacher hosting on the laptop that runs the server,
 * the tests and the load benchmark's bots); a request forwarded by a proxy is never "the server's
 * own machine", even when the proxy runs on it.
 */

/** Games an anonymous host may have open at once (per address), and a signed-in teacher. */
export const OPEN_GAMES = { anonymous: 3, teacher: 10 } as const;

// New games: an anonymous address 10 an hour; a teacher 30 an hour; and whoever asks, 60 an hour
// per address (a school's teachers share one router; a farm of fresh teacher accounts does not
// get around it).
const anonymousCreations = defineLimit("live-create-anonymous", { points: 10, seconds: 3600 });
const teacherCreations = defineLimit("live-create-teacher", { points: 30, seconds: 3600 });
const addressCreations = defineLimit("live-create-address", { points: 60, seconds: 3600 });

// Joins to one game from one address: 100 in 10 minutes. A class of 40 behind one school router
// fits with room for students who join again from a second browser, and a lecture hall of 100 on
// one network still fits; five scripts at one address no longer fill a room with 1,001 fake
// players (the host kicks the few that get in, all at once, and locks the room).
const joinsPerGame = defineLimit("live-join-address", { points: 100, seconds: 600 });

/** Where a request comes from, as the limits need it. */
export interface Requester {
  address: string;
  /** Whether the connection came straight from the server's own machine (loopback, no proxy header). */
  local: boolean;
}

function refuse(code: LiveErrorCode, wait: number | null, what: string): void {
  if (wait !== null) throw new LiveError(code, waitMessage(wait, what));
}

/** The key a host's open games are counted under. */
export const hostKeyOf = (requester: Requester, teacherId: string | null) => (teacherId ? `teacher|${teacherId}` : `address|${requester.address}`);

/** Refuses a new game when the host already has their open games (a clear message, and how to get more). */
function refuseIfTooManyOpen(requester: Requester, teacherId: string | null, openGames: (key: string) => number): void {
  const max = teacherId ? OPEN_GAMES.teacher : OPEN_GAMES.anonymous;
  if (openGames(hostKeyOf(requester, teacherId)) < max) return;
  const more = teacherId ? "" : `, or sign in as a teacher to host up to ${OPEN_GAMES.teacher}`;
  throw new LiveError(
    "too_many_games",
    `you already have ${max} games open: finish one (a game nobody is connected to ends by itself after ${IDLE_LOBBY_MS / 60_000} minutes in the lobby)${more}`,
  );
}

/** Uses one creation of the host's hourly budgets, or refuses (429-style: "…: wait N s"). */
async function takeCreation(requester: Requester, teacherId: string | null): Promise<void> {
  refuse("rate_limited", await addressCreations.take(requester.address), "too many new games from this network");
  if (teacherId) refuse("rate_limited", await teacherCreations.take(teacherId), "too many new games");
  else refuse("rate_limited", await anonymousCreations.take(requester.address), "too many new games from this network (sign in as a teacher to host more)");
}

/**
 * Refuses a new game when the host already has their open games, or has created too many this
 * hour. (createWithinLimits also counts the creations still under way.)
 */
export async function refuseIfTooManyGames(requester: Requester, teacherId: string | null, openGames: (key: string) => number): Promise<void> {
  if (requester.local) return;
  refuseIfTooManyOpen(requester, teacherId, openGames);
  await takeCreation(requester, teacherId);
}

/** Creations under way per host key: admitted, their game not registered yet. */
const creating = new Map<string, number>();

/**
 * Runs `create` within the host's limits. A creation counts as an open game from the moment it is
 * admitted until `create` settles (its game is registered by then): 20 sockets of one address
 * creating at once made 10 games, not 3, when only registered games were counted.
 */
export async function createWithinLimits<T>(
  requester: Requester,
  teacherId: string | null,
  openGames: (key: string) => number,
  create: () => Promise<T>,
): Promise<T> {
  if (requester.local) return create();
  const key = hostKeyOf(requester, teacherId);
  refuseIfTooManyOpen(requester, teacherId, (k) => openGames(k) + (creating.get(k) ?? 0));
  creating.set(key, (creating.get(key) ?? 0) + 1); // before any await: a concurrent creation sees it
  try {
    await takeCreation(requester, teacherId);
    return await create();
  } finally {
    const left = (creating.get(key) ?? 1) - 1;
    if (left > 0) creating.set(key, left);
    else creating.delete(key);
  }
}

/** Refuses a join when this address has added its budget of players to the game (every join request counts). */
export async function refuseIfJoinFlood(requester: Requester, code: string): Promise<void> {
  if (requester.local) return;
  refuse("rate_limited", await joinsPerGame.take(`${code}|${requester.address}`), "too many players joined this game from your network");
}
