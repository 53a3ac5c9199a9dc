import { db } from "./db/client";

/** True when the database answers a trivial query: the readiness half of /api/health. */
export async function databaseAnswers(): Promise<boolean> {
  try {
    await db().$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
