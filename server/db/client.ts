import { AsyncLocalStorage } from "node:async_hooks";
import { type Client, type Config, type InStatement, LibsqlError, type ResultSet, type Transaction, type TransactionMode } from "@libsql/client";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { PrismaClient as PostgresPrismaClient } from "./generated-postgresql/client";
import { databaseUrl, isPostgresUrl } from "./database-url";
import { noteDatabaseProgress } from "./progress";

// One client per process. Next's route handlers and the custom server are bundled separately,
// so the instance lives on globalThis rather than in module state.
const holder = globalThis as typeof globalThis & { __gradientArenaPrisma?: PrismaClient };

/** Connections per process on PostgreSQL: processes × pool must stay under the server's max_connections (100 by default). */
const POSTGRES_POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);

/**
 * A client for a database URL (db() holds the one for DATABASE_URL): PostgreSQL for postgres:// and postgresql:// URLs, else the SQLite file.
 * Both clients are generated from the same models (prisma/postgresql/schema.prisma is a generated
 * copy of prisma/schema.prisma, checked by a unit test), so the app sees one type: the SQLite
 * client's. The PostgreSQL client is the same API over another query compiler.
 */
export function newPrismaClient(url: string): PrismaClient {
  if (isPostgresUrl(url)) {
    const adapter = new ObservedPg(
      { connectionString: url, max: POSTGRES_POOL_SIZE },
      { onPoolError: (error) => console.error(`[database] a pooled PostgreSQL connection failed: ${error.message}`) },
    );
    return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new ConfiguredLibSQL({ url }) });
}

/** The PostgreSQL adapter, counting each pooled connection handed back as progress (server/db/progress.ts). */
class ObservedPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.underlyingDriver().on("release", noteDatabaseProgress);
    return adapter;
  }
}

/**
 * How long an SQLite statement waits for another process's write lock (a sqlite3 shell, a backup)
 * before it fails with SQLITE_BUSY. The driver is synchronous, so the wait blocks the event loop:
 * long enough for another process's short write, short of a frozen server. Within this process
 * nothing waits: the adapter runs one statement or transaction at a time.
 */
export const BUSY_TIMEOUT_MS = 5_000;

/**
 * Settings SQLite keeps per connection, not in the file:
 *  - the busy timeout above;
 *  - synchronous = NORMAL: in WAL mode (set in the file at start) a commit is appended to the WAL
 *    without an fsync; the WAL is synced at each checkpoint. A commit survives the process being
 *    killed (the kill -9 tests), and the file is never corrupted; only a power cut or an OS crash
 *    can roll back the last commits. FULL syncs at every commit, and the driver is synchronous:
 *    each write blocked the event loop for its fsync (6 ms on an idle disk here, far more on a
 *    busy one), and a burst of game creations stalled the server, /api/health included, for
 *    seconds (bench/CREATE-FLOOD.md).
 */
const CONNECTION_PRAGMAS = [`PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}`, "PRAGMA synchronous = NORMAL"];

/**
 * The libsql adapter with CONNECTION_PRAGMAS set on its connection, its transactions kept on that
 * connection (see `sameConnectionTransaction`), and a turn of the event loop before each
 * statement outside a transaction (see `turn`).
 */
class ConfiguredLibSQL extends PrismaLibSQL {
  override createClient(config: Config): Client {
    return configured(super.createClient(config), CONNECTION_PRAGMAS);
  }
}

/**
 * Waits for the event loop's next turn. The driver runs each statement synchronously and its
 * promises settle at once, so a queue of statements (a burst of game creations: a thousand
 * writes waiting for the adapter's lock) drained in one go of microtasks, and no socket message,
 * timer or HTTP request (/api/health) was served until the last one was done: 1,000 inserts held
 * the event loop for 2.5 s. Taking a turn before each statement lets them in between.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

function configured(client: Client, pragmas: readonly string[]): Client {
  const execute = client.execute.bind(client) as (statement: InStatement) => Promise<ResultSet>;
  let fresh = true; // the pragmas are set before the connection's first statement
  const ready = async () => {
    if (!fresh) return;
    for (const pragma of pragmas) await execute(pragma);
    fresh = false;
  };
  const wrap =
    <A extends unknown[], R>(method: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await turn();
      await ready();
      const result = await method(...args);
      noteDatabaseProgress();
      return result;
    };
  client.execute = wrap(client.execute.bind(client) as (...args: unknown[]) => Promise<never>) as Client["execute"];
  client.batch = wrap(client.batch.bind(client));
  client.executeMultiple = wrap(client.executeMultiple.bind(client));
  client.transaction = wrap((mode?: TransactionMode) => sameConnectionTransaction(execute, mode)) as Client["transaction"];
  return client;
}

/**
 * A transaction on the client's own connection. libsql's client gives its connection to each
 * transaction and opens a new one for what follows: a new file handle, the schema parsed again
 * at its first statement, the pragmas set again, and the old connection left open for the
 * garbage collector. A 5,000-player game opened 2,469 connections (each batch of joins was a
 * createMany, a transaction), and reopening was a tenth of the joins' CPU (bench/LIVE-LOAD.md). Prisma's
 * adapter holds its lock from the transaction's start to its commit or rollback, so no other
 * statement can run on the connection meanwhile: keeping the transaction on it is safe.
 */
async function sameConnectionTransaction(execute: (sql: InStatement) => Promise<ResultSet>, mode: TransactionMode = "write"): Promise<Transaction> {
  await execute(BEGIN[mode]);
  let closed = false;
  const open = () => {
    if (closed) throw new LibsqlError("The transaction is closed", "TRANSACTION_CLOSED");
  };
  // Ends the transaction whatever happened inside it: SQLite may already have rolled it back
  // (some errors do), and then ROLLBACK fails with "no transaction is active", which is the end wanted.
  const rollback = async () => {
    if (closed) return;
    closed = true;
    await execute("ROLLBACK").catch(() => {});
  };
  const inside = async (statement: InStatement) => {
    open();
    return execute(statement);
  };
  return {
    execute: inside,
    async batch(statements) {
      const results: ResultSet[] = [];
      for (const statement of statements) results.push(await inside(statement));
      return results;
    },
    async executeMultiple() {
      throw new LibsqlError("executeMultiple is not used in a transaction here", "NOT_IMPLEMENTED");
    },
    rollback,
    async commit() {
      open();
      try {
        await execute("COMMIT");
        closed = true;
      } catch (error) {
        // A COMMIT that failed (the file busy past the timeout) leaves the transaction open: end
        // it, or every later statement on the connection would run inside it.
        await rollback();
        throw error;
      }
    },
    close: () => void rollback(),
    get closed() {
      return closed;
    },
  };
}

const BEGIN: Record<TransactionMode, string> = { write: "BEGIN IMMEDIATE", read: "BEGIN TRANSACTION READONLY", deferred: "BEGIN DEFERRED" };

export function db(): PrismaClient {
  const scoped = transactionScope.getStore();
  if (scoped) return scoped;
  holder.__gradientArenaPrisma ??= newPrismaClient(databaseUrl());
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
