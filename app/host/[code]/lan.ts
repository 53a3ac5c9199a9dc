import { networkInterfaces } from "node:os";

/**
 * The addresses students' phones can open this server at: the machine's IPv4 addresses on its
 * networks, with the port it listens on. None when the server listens only on one address
 * (HOST=127.0.0.1, say): then that address is the only one, and it is said so.
 */
export function lanOrigins(env: NodeJS.ProcessEnv = process.env): { origins: string[]; listensOn: string | null } {
  const host = env.HOST ?? "0.0.0.0";
  const port = Number(env.PORT ?? 3000);
  const suffix = port === 80 ? "" : `:${port}`;
  if (host !== "0.0.0.0" && host !== "::") return { origins: isLoopback(host) ? [] : [`http://${host}${suffix}`], listensOn: host };
  const origins = Object.values(networkInterfaces())
    .flat()
    .filter((a) => a && a.family === "IPv4" && !a.internal)
    .map((a) => `http://${a!.address}${suffix}`);
  return { origins, listensOn: null };
}

const isLoopback = (host: string) => host === "localhost" || host.startsWith("127.") || host === "::1";
