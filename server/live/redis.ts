import { createClient } from "redis";

/**
 * The Redis connections of a process that shares its live games with others (REDIS_URL): one for
 * commands (leases, codes, rate limits, publishing), and subscribers, which Redis dedicates to
 * listening: two for Socket.IO's adapter, one for the forwarding of events between processes.
 */
export type Redis = ReturnType<typeof newClient>;

function newClient(url: string, name: string) {
  const client = createClient({ url, socket: { connectTimeout: 5_000, reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000) } });
  // node-redis reconnects by itself; an error event without a listener would crash the process.
  client.on("error", (error: Error) => console.error(`[redis ${name}] ${error.message}`));
  return client;
}

export interface RedisConnections {
  commands: Redis;
  adapterPub: Redis;
  adapterSub: Redis;
  forwardingSub: Redis;
  close(): Promise<void>;
}

/** Connects every client, or throws a message that names the server and what to do. */
export async function connectRedis(url: string): Promise<RedisConnections> {
  const shown = url.replace(/\/\/[^@/]*@/, "//…@"); // never print a password
  const make = (name: string) => newClient(url, name);
  const commands = make("commands");
  const adapterPub = make("adapter");
  const adapterSub = make("adapter-sub");
  const forwardingSub = make("forwarding-sub");
  const all = [commands, adapterPub, adapterSub, forwardingSub];
  try {
    await Promise.all(all.map((client) => client.connect()));
  } catch (error) {
    for (const client of all) if (client.isOpen) client.destroy();
    throw new Error(`Could not connect to Redis at ${shown} (REDIS_URL): ${(error as Error).message}. Start it, or unset REDIS_URL to run one process alone.`);
  }
  return {
    commands,
    adapterPub,
    adapterSub,
    forwardingSub,
    async close() {
      await Promise.all(all.map((client) => client.close().catch(() => client.destroy())));
    },
  };
}
