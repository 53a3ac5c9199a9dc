import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema, SOURCE_SCHEMA } from "../../scripts/postgres-schema.mjs";

/**
 * prisma/schema.prisma is the one schema source; prisma/postgresql/schema.prisma is generated
 * from it for PostgreSQL's client and migrations. Editing the source without regenerating the copy
 * (`npm run db:migration -- <name>` does, or `node scripts/postgres-schema.mjs`) fails here.
 */
describe("the PostgreSQL schema copy", () => {
  const source = readFileSync(SOURCE_SCHEMA, "utf8");
  const copy = readFileSync(POSTGRES_SCHEMA, "utf8");

  it("is what scripts/postgres-schema.mjs generates from prisma/schema.prisma", () => {
    expect(copy, "prisma/postgresql/schema.prisma is out of date: run `node scripts/postgres-schema.mjs`").toBe(postgresSchema(source));
  });

  it("differs from the source only in its provider, placeholder URL, client folder and header", () => {
    expect(copy).toMatch(/provider = "postgresql"/);
    expect(copy).toMatch(/output\s+= "\.\.\/\.\.\/server\/db\/generated-postgresql"/);
    const models = (schema: string) => schema.slice(schema.indexOf("\nmodel "));
    expect(models(copy)).toBe(models(source));
  });

  it("refuses a source it cannot convert, rather than writing a copy for the wrong database", () => {
    expect(() => postgresSchema(source.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(/cannot find the provider/);
  });
});
