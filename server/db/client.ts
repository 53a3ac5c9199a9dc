import { AsyncLocalStorage } from "node:async_hooks";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgresql/client";
import { databaseUrl, isPostgresUrl } from "./database-url";

// One client per process. Next's route handlers and the custom server are bundled separately,
// so the instance lives on globalThis rather than in module state.
const holder = globalThis as typeof globalThis & { __gradientArenaPrisma?: PrismaClient };

/** Connections per process on PostgreSQL: processes × pool must stay under the server's max_connections (100 by default). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * The client for DATABASE_URL: PostgreSQL for postgres:// and postgresql:// URLs, else the SQLite file.
 * Both clients are generated from the same models (prisma/postgresql/schema.prisma is a generated
 * copy of prisma/schema.prisma, checked by a unit test), so the app sees one type: the SQLite
 * client's. The PostgreSQL client is the same API over another query compiler.
 */
function createClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new PrismaPg(
      { connectionString: url, max: POSTGRES_POOL_SIZE },
      { onPoolError: (error) => console.error(`[database] a pooled PostgreSQL connection failed: ${error.message}`) },
    );
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new PrismaLibSQL({ url }) });
}

export function db(): PrismaClient {
  const scoped = transactionScope.getStore();
  if (scoped) return scoped;
  holder.__gradientArenaPrisma ??= createClient(databaseUrl());
  return holder.__gradientArenaPrisma;
}

const transactionScope = new AsyncLocalStorage<PrismaClient>();

/**
 * Runs `body` with db() answering `transaction` (an interactive transaction's client), so code
 * written against db() can join a transaction it knows nothing of: server/live/fenced-store.ts
 * runs the live store's writes after its fencing check, in one transaction.
 */
export function inTransaction<T>(transaction: unknown, body: () => Promise<T>): Promise<T> {
  return transactionScope.run(transaction as PrismaClient, body);
}

export async function disconnectDb(): Promise<void> {
  await holder.__gradientArenaPrisma?.$disconnect();
  holder.__gradientArenaPrisma = undefined;
}
