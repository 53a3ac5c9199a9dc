import { PrismaLibSQL } from "@prisma/adapter-libsql";
import { PrismaClient } from "./generated/client";
import { databaseUrl } from "./database-url";

// One client per process. Next's route handlers and the custom server are bundled separately,
// so the instance lives on globalThis rather than in module state.
const holder = globalThis as typeof globalThis & { __gradientArenaPrisma?: PrismaClient };

export function db(): PrismaClient {
  holder.__gradientArenaPrisma ??= new PrismaClient({
    adapter: new PrismaLibSQL({ url: databaseUrl() }),
  });
  return holder.__gradientArenaPrisma;
}

export async function disconnectDb(): Promise<void> {
  await holder.__gradientArenaPrisma?.$disconnect();
  holder.__gradientArenaPrisma = undefined;
}
