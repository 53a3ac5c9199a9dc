// `npm run db:migration -- <name>`: writes the SQL that takes the last committed schema to the
// current prisma/schema.prisma into prisma/migrations/<timestamp>_<name>/migration.sql.
// (`prisma migrate dev` cannot be used: its shadow database is broken with driver adapters.)
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <name>   (lowercase letters, digits and underscores)");
  process.exit(1);
}

const prisma = path.resolve("node_modules/.bin/prisma");
let from = ["--from-empty"];
try {
  const committed = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { encoding: "utf8" });
  const file = path.join(mkdtempSync(path.join(tmpdir(), "ga-schema-")), "schema.prisma");
  writeFileSync(file, committed);
  from = ["--from-schema-datamodel", file];
} catch {
  console.log("No committed schema found: diffing from an empty database.");
}

const sql = execFileSync(prisma, ["migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"], { encoding: "utf8" });
if (!/\b(CREATE|ALTER|DROP)\b/i.test(sql)) {
  console.log("The schema has not changed since the last commit: no migration written.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql — review it, commit it; the server applies it at the next start.`);
