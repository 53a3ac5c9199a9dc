/**
 * How many database statements (SQLite) or pooled-connection uses (PostgreSQL) this process has
 * finished: a counter that moves while the database works. /api/health reads it to tell a
 * database that is slow because a queue of writes is ahead of its probe (the counter moves) from
 * one that is stuck (it does not).
 */
let finished = 0;

export function noteDatabaseProgress(): void {
  finished++;
}

export function databaseProgress(): number {
  return finished;
}
