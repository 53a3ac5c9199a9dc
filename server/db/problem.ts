/**
 * A database the server cannot use, said so a person can act on it: which database (the file, or
 * user@host:port/database, never a password), what is wrong, and what to do. The start-up check
 * prints it instead of Prisma's warnings and stack frames; /api/health reports its kind.
 */
export type ProblemKind =
  | "folder-missing"
  | "folder-read-only"
  | "read-only"
  | "not-a-database"
  | "corrupt"
  | "in-use"
  | "busy"
  | "cannot-connect"
  | "authentication-failed"
  | "database-missing"
  | "permission-denied"
  | "cannot-write"
  | "migration-failed";

export class DatabaseProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    /** The file, or user@host:port/database. */
    readonly database: string,
    /** What is wrong, in one sentence. */
    readonly problem: string,
    /** What to do about it. */
    readonly remedy: string,
  ) {
    super(`${database}: ${problem}`);
    this.name = "DatabaseProblem";
  }

  /** The few lines the server prints before it exits. */
  report(): string {
    return [
      "Gradient Arena cannot start: its database is not usable.",
      `  Database: ${this.database}`,
      `  Problem:  ${this.problem}`,
      `  To fix:   ${this.remedy}`,
    ].join("\n");
  }
}

/** The message of anything thrown, with its cause's (driver errors often hide the useful part there). */
export function errorText(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : "";
  return `${error.message}${cause}`;
}

interface ErrorShape {
  code?: unknown;
  meta?: { code?: unknown; driverAdapterError?: { cause?: { originalCode?: unknown; code?: unknown } } };
  cause?: { originalCode?: unknown; code?: unknown };
}

/**
 * Every code an error carries: Prisma's (P2002…), and the database's, which Prisma nests in
 * `meta.driverAdapterError.cause` (raw queries) or a driver adapter error's `cause`.
 */
export function errorCodes(error: unknown): string[] {
  const e = (error ?? {}) as ErrorShape;
  const nested = e.meta?.driverAdapterError?.cause;
  return [e.code, e.meta?.code, nested?.originalCode, nested?.code, e.cause?.originalCode, e.cause?.code].filter(
    (code): code is string => typeof code === "string",
  );
}
