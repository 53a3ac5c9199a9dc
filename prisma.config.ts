// Prisma runs offline here only with the JS engine and a driver adapter (see README, "Database").
// DATABASE_URL chooses the database: postgres:// or postgresql:// selects PostgreSQL, with its
// generated schema copy and its own migrations; anything else is the embedded SQLite file.
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaPgForMigrations } from "./server/db/pg-migrate-adapter";
import { databaseUrl, isPostgresUrl } from "./server/db/database-url";

const url = databaseUrl();
const postgres = isPostgresUrl(url);

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: postgres ? "prisma/postgresql/schema.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/postgresql/migrations" : "prisma/migrations" },
  async adapter() {
    return postgres ? new PrismaPgForMigrations({ connectionString: url, allowExitOnIdle: true }) : new PrismaLibSQL({ url });
  },
});
