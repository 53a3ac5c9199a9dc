/** Prisma's "unique constraint failed": a row with this key exists (perhaps created a moment ago by another request). */
export const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "P2002";

/**
 * Runs an upsert again once if it lost a race. Prisma's upsert reads, then inserts when it found
 * nothing: two requests (or two servers starting at once on PostgreSQL) can both find nothing, and
 * the second insert fails on the unique key. Its second run finds the row and reads or updates it.
 */
export async function upsertOnce<T>(upsert: () => Promise<T>): Promise<T> {
  try {
    return await upsert();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return upsert();
  }
}
