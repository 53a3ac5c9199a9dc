import { db } from "./client";
import { databaseKind } from "./database-url";
import type { Prisma } from "./generated/client";
import { errorCodes } from "./problem";

/**
 * A transaction that behaves as if it ran alone, on both databases.
 *
 * SQLite runs one writer at a time, so a read-then-write transaction is safe there as it is. On
 * PostgreSQL two such transactions interleave: two first submissions both find no best and both
 * create one (a unique-constraint error), or a lower score read before a higher one committed is
 * written over it. Run at SERIALIZABLE, PostgreSQL instead aborts all but one of the conflicting
 * transactions, and this runs an aborted one again (a few times, after a short random pause), so
 * every caller gets the answer it would have had alone.
 */

// 40 submissions at once by one player to one level needed up to 8 runs of one transaction (measured on PostgreSQL 15).
const MAX_ATTEMPTS = 20;
/** Waiting for a pooled connection and running: generous, since a burst queues behind the pool. */
const MAX_WAIT_MS = 15_000;
const TIMEOUT_MS = 15_000;

/** Prisma's codes (and PostgreSQL's, when Prisma passes them through) for "run it again". */
const RETRYABLE_PRISMA = new Set(["P2034", "P2002"]); // write conflict or deadlock; a unique key created by a concurrent transaction
const RETRYABLE_POSTGRES = new Set(["40001", "40P01", "23505"]); // serialization failure, deadlock, unique violation

/** True for an error that a second run of the same transaction may not meet. */
export function isRetryable(error: unknown): boolean {
  return errorCodes(error).some((code) => RETRYABLE_PRISMA.has(code) || RETRYABLE_POSTGRES.has(code));
}

const pause = (attempt: number) => new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 5 * 2 ** attempt)));

/** Runs `work` in a serializable transaction, again after a conflict; rethrows anything else, or the last conflict. */
export async function serializableTransaction<T>(work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const options =
    databaseKind() === "postgresql"
      ? { isolationLevel: "Serializable" as const, maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS }
      : { maxWait: MAX_WAIT_MS, timeout: TIMEOUT_MS }; // SQLite: one writer at a time is already serializable
  for (let attempt = 1; ; attempt++) {
    try {
      return await db().$transaction(work, options);
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
      await pause(attempt);
    }
  }
}
