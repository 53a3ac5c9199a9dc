import type { CommandName, HostView, LiveEvent, PlayerView, ReplyOf } from "../../core/live/protocol";
import type { LiveEngine } from "./engine";
import type { ConnectionId } from "./interfaces";

/**
 * The live games as the Socket.IO adapter reaches them: the engine's session and command methods,
 * by connection. One process alone calls its engine (localGames); processes that share games
 * through Redis find each game's owner and forward the call to it (cluster.ts).
 */
export interface LiveGames {
  create(connection: ConnectionId, event: LiveEvent<"host:create">, teacherId: string | null): Promise<{ code: string; hostSecret: string; view: HostView }>;
  /** Whether a game with this code is running (not finished). */
  exists(code: string): Promise<boolean>;
  attachHost(connection: ConnectionId, code: string, hostSecret: string): Promise<HostView>;
  join(connection: ConnectionId, event: LiveEvent<"player:join">): Promise<{ playerSecret: string; view: PlayerView }>;
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
    async create(connection, event, teacherId) {
      const { code, hostSecret } = await engine.create(event, teacherId);
      return { code, hostSecret, view: await engine.attachHost(connection, code, hostSecret) };
    },
    exists: async (code) => engine.exists(code),
    attachHost: (connection, code, hostSecret) => engine.attachHost(connection, code, hostSecret),
    join: (connection, event) => engine.join(connection, event),
    resume: (connection, code, playerSecret) => engine.resume(connection, code, playerSecret),
    command: (connection, name, payload) => engine.command(connection, name, payload),
    detach: (connection) => engine.detach(connection),
    floodKey: (connection) => engine.floodKey(connection),
  };
}
