/**
 * The migrations make the schema: on each database (SQLite's migrations, PostgreSQL's own), the
 * migrated database has exactly the tables and columns of the models in prisma/schema.prisma.
 * A model added to the schema without its migration for one of the two databases fails here.
 * (Models and fields are not renamed with @@map/@map in this schema: names are table names.)
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/db/generated/client";
import { startServer, type TestServer } from "./server-harness";
import { queryDb, testDatabaseKind } from "./test-database";

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.dispose();
});

/** Every model's scalar fields, as the generated client knows them: { Player: ["createdAt", …], … }. */
function modelColumns(): Record<string, string[]> {
  const enums = Prisma as unknown as Record<string, Record<string, string>>;
  return Object.fromEntries(Object.values(Prisma.ModelName).map((model) => [model, Object.values(enums[`${model}ScalarFieldEnum`]).sort()]));
}

/** The database's own tables and columns, without Prisma's bookkeeping table. */
async function databaseColumns(): Promise<Record<string, string[]>> {
  const rows =
    testDatabaseKind() === "postgresql"
      ? await queryDb(server.dbPath, "SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'")
      : await queryDb(
          server.dbPath,
          "SELECT m.name AS t, p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%'",
        );
  const tables: Record<string, string[]> = {};
  for (const { t, c } of rows) if (t !== "_prisma_migrations") (tables[t] ??= []).push(c);
  return Object.fromEntries(Object.entries(tables).map(([t, columns]) => [t, columns.sort()]));
}

describe(`the migrated ${testDatabaseKind()} database`, () => {
  it("has exactly the schema's tables and columns", async () => {
    const expected = modelColumns();
    expect(Object.keys(expected).length).toBeGreaterThan(5);
    expect(await databaseColumns()).toEqual(expected);
  });
});
