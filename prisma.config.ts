// Prisma runs offline here only with the JS engine and a driver adapter (see README, "Database").
import { defineConfig } from "prisma/config";
import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { databaseUrl } from "./server/db/database-url";

export default defineConfig({
  engine: "js",
  experimental: { adapter: true },
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaLibSQL({ url: databaseUrl() });
  },
});
