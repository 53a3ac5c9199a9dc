/**
 * One insert for the answers of every game that arrive in the same turn of the event loop.
 *
 * Each room already stores its answers in batches (room-runtime's persistAnswer), but a batch per
 * game is still one statement per game: 100 rooms answering at once made about 250 statements,
 * and Prisma's cost per statement (its query compiler, SQLite's commit) was half of the server's
 * CPU in that burst (bench/LIVE-LOAD.md). The batches that reach the store before the event loop
 * turns go out as one statement; if it fails, each game's batch is tried alone, so one game's
 * problem (a game deleted meanwhile) does not fail another game's answers.
 */
export type InsertRows<Row> = (rows: readonly Row[]) => Promise<void>;

interface Waiting<Row> {
  rows: readonly Row[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

export function coalescedInserts<Row>(insert: InsertRows<Row>): InsertRows<Row> {
  let waiting: Waiting<Row>[] = [];

  async function flush(): Promise<void> {
    const batches = waiting;
    waiting = [];
    try {
      await insert(batches.flatMap((b) => b.rows));
      for (const b of batches) b.resolve();
    } catch (error) {
      if (batches.length === 1) return batches[0].reject(error);
      // All or none per game still holds: each batch alone is one statement.
      await Promise.all(
        batches.map((b) =>
          insert(b.rows).then(
            () => b.resolve(),
            (alone: unknown) => b.reject(alone),
          ),
        ),
      );
    }
  }

  return (rows) =>
    new Promise<void>((resolve, reject) => {
      if (rows.length === 0) return resolve();
      if (waiting.length === 0) setImmediate(() => void flush());
      waiting.push({ rows, resolve, reject });
    });
}
