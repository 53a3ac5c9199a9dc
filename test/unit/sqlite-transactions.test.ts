import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createClient } from "@libsql/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newPrismaClient } from "@/server/db/client";
import type { PrismaClient } from "@/server/db/generated/client";
import { migratedSqlite } from "./sqlite-schema";

// The app's SQLite client keeps each transaction on its one connection (server/db/client.ts,
// sameConnectionTransaction) instead of libsql's new connection after every transaction.
let folder: string;
let file: string;
let prisma: PrismaClient;

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), "ga-transactions-"));
  file = path.join(folder, "app.db");
  (await migratedSqlite(`file:${file}`)).close();
  prisma = newPrismaClient(`file:${file}`);
});

afterAll(async () => {
  await prisma?.$disconnect();
  rmSync(folder, { recursive: true, force: true });
});

/** What another process sees: a connection of its own to the file. */
async function countFromOutside(table: string): Promise<number> {
  const outside = createClient({ url: `file:${file}` });
  try {
    return Number((await outside.execute(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0].n);
  } finally {
    outside.close();
  }
}

const newPlayer = (name: string) => ({ displayName: name, tokenHash: `token-${name}-${Math.random()}` });

describe("transactions on the app's SQLite client", () => {
  it("run on the connection the other statements use (a TEMP table, which only its own connection sees, is still there after one)", async () => {
    await prisma.$executeRawUnsafe('CREATE TEMP TABLE "connectionMark" ("x" INTEGER)');
    await prisma.player.createMany({ data: [newPlayer("a"), newPlayer("b")] }); // a transaction on SQLite
    await prisma.$transaction(async (tx) => void (await tx.player.create({ data: newPlayer("c") })));
    await expect(prisma.$queryRawUnsafe('SELECT COUNT(*) AS n FROM "connectionMark"')).resolves.toEqual([{ n: 0 }]);
    // The connection's settings stay too (server/db/client.ts CONNECTION_PRAGMAS).
    await expect(prisma.$queryRawUnsafe("PRAGMA busy_timeout")).resolves.toEqual([{ timeout: 5000 }]);
    expect(await countFromOutside("Player")).toBe(3);
  });

  it("a transaction that throws is rolled back, and what follows is committed on its own", async () => {
    const before = await countFromOutside("Player");
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.player.create({ data: newPlayer("rolled back") });
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    expect(await countFromOutside("Player")).toBe(before);
    await prisma.player.create({ data: newPlayer("after") });
    expect(await countFromOutside("Player")).toBe(before + 1);
  });

  it("a COMMIT that fails leaves no transaction open behind it: later writes are committed", async () => {
    const before = await countFromOutside("Player");
    // A foreign key checked at COMMIT (deferred) fails the COMMIT itself, not the INSERT.
    await expect(
      prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe("PRAGMA defer_foreign_keys = ON");
        await tx.player.create({ data: newPlayer("kept?") });
        await tx.$executeRawUnsafe(
          `INSERT INTO "LiveGamePlayer" ("id", "gameId", "nickname", "secretHash", "joinedAt") VALUES ('orphan', 'no such game', 'x', 'orphan-secret', '2026-12-01T00:00:00.000+00:00')`,
        );
      }),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await countFromOutside("Player")).toBe(before);
    await prisma.player.create({ data: newPlayer("after the failed commit") });
    expect(await countFromOutside("Player")).toBe(before + 1); // committed: not inside a transaction left open
  });
});
