import type { CommandName, HostView, LiveEvent, PlayerView, ReplyOf } from "../../core/live/protocol";
import type { CodeState, HostIdentity, LiveEngine } from "./engine";
import type { ConnectionId } from "./interfaces";

/**
 * The live games as the Socket.IO adapter reaches them: the engine's session and command methods,
 * by connection. One process alone calls its engine (localGames); processes that share games
 * through Redis find each game's owner and forward the call to it (cluster.ts).
 */
export interface LiveGames {
  /** A new game, hosted by this connection; `host` says who it belongs to and is counted for (openGamesOf). */
  create(connection: ConnectionId, event: LiveEvent<"host:create">, host: HostIdentity): Promise<{ code: string; hostSecret: string; view: HostView }>;
  /**
   * How many games not yet at their podium were created under this host key. In a cluster, the
   * games of this process only: a host's sockets stay on one process (the proxy is sticky), and
   * the creation budgets, which are shared through Redis, bound the rest.
   */
  openGamesOf(key: string): number;
  /** Whether a game with this code is running (not finished), and locked by its host. */
  codeState(code: string): Promise<CodeState>;
  attachHost(connection: ConnectionId, code: string, hostSecret: string): Promise<HostView>;
  /** `device`: the hash of the browser's device cookie (server/live/devices.ts), or null. */
  join(connection: ConnectionId, event: LiveEvent<"player:join">, device: string | null): Promise<{ playerSecret: string; view: PlayerView }>;
  resume(connection: ConnectionId, code: string, playerSecret: string): Promise<PlayerView>;
  command<E extends CommandName>(connection: ConnectionId, name: E, payload: LiveEvent<E>): Promise<ReplyOf<E>>;
  /** The connection closed. */
  detach(connection: ConnectionId): void;
  /** The key of the connection's flood budget (LiveEngine.floodKey). */
  floodKey(connection: ConnectionId): string;
}

/** The games of this process's engine, when no other process shares them. */
export function localGames(engine: LiveEngine): LiveGames {
  return {
    create: (connection, event, host) => engine.createAndAttach(connection, event, host),
    openGamesOf: (key) => engine.openGamesOf(key),
    codeState: async (code) => engine.codeState(code),
    attachHost: (connection, code, hostSecret) => engine.attachHost(connection, code, hostSecret),
    join: (connection, event, device) => engine.join(connection, event, device),
    resume: (connection, code, playerSecret) => engine.resume(connection, code, playerSecret),
    command: (connection, name, payload) => engine.command(connection, name, payload),
    detach: (connection) => engine.detach(connection),
    floodKey: (connection) => engine.floodKey(connection),
  };
}
