import pg from "pg";
import { describePostgresUrl } from "./database-url";
import { DatabaseProblem, errorCodes, errorText } from "./problem";

/**
 * Connects to PostgreSQL once before anything else does, so a wrong host, password or database
 * name is said in one line (naming user@host:port/database, never the password) instead of a
 * Prisma stack trace from the first migration.
 */

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The PostgreSQL code (or Node's network code) of an error from pg, or from Prisma, which wraps it.
 */
function postgresCode(error: unknown): string {
  return errorCodes(error).find((code) => !/^P\d{4}$/.test(code)) ?? "";
}

/** The database's own words: Prisma puts them after "Message:" under lines about the call. */
function postgresWords(error: unknown): string {
  const text = errorText(error);
  return (text.match(/Message: `([^`]*)`/)?.[1] ?? text.replace(/\s+/g, " ").trim()).slice(0, 200);
}

/** A failed connection or write, as a DatabaseProblem. */
export function postgresProblem(url: string, error: unknown): DatabaseProblem {
  const where = describePostgresUrl(url);
  const parsed = safeUrl(url);
  const host = parsed?.hostname || "localhost";
  const port = parsed?.port || "5432";
  const user = decodeURIComponent(parsed?.username ?? "") || "(the default user)";
  const database = decodeURIComponent(parsed?.pathname.replace(/^\//, "") ?? "") || user;
  const code = postgresCode(error);
  const text = postgresWords(error);
  switch (code) {
    case "ECONNREFUSED":
      return new DatabaseProblem(
        "cannot-connect",
        where,
        `cannot connect: nothing accepts connections at ${host}:${port} (connection refused).`,
        "start PostgreSQL, or correct the host and port in DATABASE_URL.",
      );
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new DatabaseProblem("cannot-connect", where, `cannot connect: the host ${host} is not known.`, "correct the host name in DATABASE_URL.");
    case "28P01":
    case "28000":
      return new DatabaseProblem(
        "authentication-failed",
        where,
        `authentication failed for user ${user} (${text}).`,
        "check the user name and password in DATABASE_URL, and that the server's pg_hba.conf lets this user in from here.",
      );
    case "3D000":
      return new DatabaseProblem(
        "database-missing",
        where,
        `the database ${database} does not exist.`,
        `create it (createdb -h ${host} -p ${port} -U ${user} ${database}), or correct the database name in DATABASE_URL.`,
      );
    case "42501":
      return new DatabaseProblem(
        "permission-denied",
        where,
        `user ${user} may not create or change tables here (${text}).`,
        `let ${user} own the database (ALTER DATABASE ${database} OWNER TO ${user}), or use a user that does.`,
      );
    case "25006":
      return new DatabaseProblem(
        "cannot-write",
        where,
        "the database accepts no writes (a read-only standby, or default_transaction_read_only is on).",
        "point DATABASE_URL at the primary server, or turn default_transaction_read_only off for this database.",
      );
    default:
      if (/timeout|timed out/i.test(text)) {
        return new DatabaseProblem(
          "cannot-connect",
          where,
          `cannot connect: ${host}:${port} did not answer within ${CONNECT_TIMEOUT_MS / 1000} s.`,
          "check that PostgreSQL runs there and that no firewall is in the way.",
        );
      }
      return new DatabaseProblem("cannot-connect", where, `cannot use the database: ${text}`, "check that PostgreSQL runs and that DATABASE_URL is right.");
  }
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Throws a DatabaseProblem unless the database at `url` accepts a connection and a query. */
export async function checkPostgresConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on("error", () => undefined); // a dropped connection after the check is not this check's business
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw postgresProblem(url, error);
  } finally {
    await client.end().catch(() => undefined);
  }
}
