// prisma/schema.prisma is the one schema source. A generated Prisma client is tied to one
// provider, so PostgreSQL gets a generated copy, prisma/postgresql/schema.prisma: the same models
// with provider "postgresql" and its own client folder. A unit test fails when the committed copy
// differs from what this script writes.
//
//   node scripts/postgres-schema.mjs           writes the copy
//   node scripts/postgres-schema.mjs --check   exits 1 when the copy is out of date
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE_SCHEMA = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs: do not edit. Edit the source,\n" +
  "// then run `npm run db:migration -- <name>`, which regenerates this copy and writes both migrations.\n\n";

/** Each change: what it replaces in the source (exactly once), and with what. */
const CHANGES = [
  { name: "the provider", from: /(datasource db \{[^}]*?provider\s*=\s*)"sqlite"/, to: '$1"postgresql"' },
  // The driver adapter supplies the connection; the URL only has to look like PostgreSQL's.
  { name: "the placeholder URL", from: /(datasource db \{[^}]*?url\s*=\s*)"file:[^"]*"/, to: '$1"postgresql://localhost/unused"' },
  // Relative to prisma/postgresql/ now; a folder of its own beside the SQLite client.
  { name: "the client folder", from: /(generator client \{[^}]*?output\s*=\s*)"\.\.\/server\/db\/generated"/, to: '$1"../../server/db/generated-postgresql"' },
];

/**
 * The PostgreSQL copy of a schema source.
 * @param {string} source the text of prisma/schema.prisma
 * @returns {string}
 */
export function postgresSchema(source) {
  let schema = source;
  for (const change of CHANGES) {
    if (!change.from.test(schema)) throw new Error(`prisma/schema.prisma: cannot find ${change.name} to change for PostgreSQL (${change.from})`);
    schema = schema.replace(change.from, change.to);
  }
  return HEADER + schema;
}

/** True when the committed copy is what the source generates. */
export function postgresSchemaIsCurrent() {
  try {
    return readFileSync(POSTGRES_SCHEMA, "utf8") === postgresSchema(readFileSync(SOURCE_SCHEMA, "utf8"));
  } catch {
    return false;
  }
}

/** Writes the copy; returns true when it changed. */
export function writePostgresSchema() {
  if (postgresSchemaIsCurrent()) return false;
  writeFileSync(POSTGRES_SCHEMA, postgresSchema(readFileSync(SOURCE_SCHEMA, "utf8")));
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  if (process.argv.includes("--check")) {
    if (postgresSchemaIsCurrent()) process.exit(0);
    console.error("prisma/postgresql/schema.prisma is out of date: run `node scripts/postgres-schema.mjs` (or `npm run db:migration -- <name>`).");
    process.exit(1);
  }
  console.log(writePostgresSchema() ? "Wrote prisma/postgresql/schema.prisma." : "prisma/postgresql/schema.prisma is up to date.");
}
