import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";

/**
 * The PostgreSQL adapter for the Prisma CLI (`migrate deploy`, `migrate diff`), not for the app.
 *
 * @prisma/adapter-pg 6.19.3 cannot describe the catalog column types `name` and `"char"` (and their
 * arrays) that the schema engine reads while migrating, so `migrate deploy` fails with "Column
 * type 'name' could not be deserialized" (prisma/orm#27403). This subclass makes its connections
 * report those columns as `text` / `text[]`, which is what their values are.
 *
 * It wraps the adapter's one query method, which is private: the version is pinned in
 * package.json, and this throws at once if a new version renamed it.
 */

const NAME = 19;
const CHAR = 18;
const TEXT = 25;
const NAME_ARRAY = 1003;
const CHAR_ARRAY = 1002;
const TEXT_ARRAY = 1009;

// pg parses text[] (but not name[] or "char"[]) into arrays; its TypeId type lists no array types.
const parseTextArray = (pg.types.getTypeParser as (oid: number) => (value: string) => string[])(TEXT_ARRAY);

interface Field {
  dataTypeID: number;
}
interface QueryResult {
  fields: Field[];
  rows: unknown[][];
}
type PerformIO = (query: unknown) => Promise<QueryResult>;
interface Queryable {
  performIO?: PerformIO;
}
interface Transactional extends Queryable {
  startTransaction(isolationLevel?: unknown): Promise<Queryable>;
}

/** Rewrites one result in place: catalog types become text, their arrays text[] (pg leaves those as "{a,b}" strings). */
export function remapCatalogTypes(result: QueryResult): QueryResult {
  result.fields.forEach((field, column) => {
    if (field.dataTypeID === NAME || field.dataTypeID === CHAR) field.dataTypeID = TEXT;
    else if (field.dataTypeID === NAME_ARRAY || field.dataTypeID === CHAR_ARRAY) {
      field.dataTypeID = TEXT_ARRAY;
      for (const row of result.rows) if (typeof row[column] === "string") row[column] = parseTextArray(row[column] as string);
    }
  });
  return result;
}

function wrapQueries<T extends Queryable>(queryable: T): T {
  const performIO = queryable.performIO;
  if (typeof performIO !== "function") {
    throw new Error("@prisma/adapter-pg changed: its connections have no performIO method to wrap (server/db/pg-migrate-adapter.ts expects 6.19.3)");
  }
  queryable.performIO = async (query) => remapCatalogTypes(await performIO.call(queryable, query));
  return queryable;
}

/** Wraps an adapter and every transaction it starts (the schema engine reads the catalog in both). */
function wrapAdapter<T>(adapter: T): T {
  // performIO is private in the adapter's types: reach it through the shape declared above.
  const transactional = adapter as unknown as Transactional;
  wrapQueries(transactional);
  const startTransaction = transactional.startTransaction.bind(transactional);
  transactional.startTransaction = async (isolationLevel) => wrapQueries(await startTransaction(isolationLevel));
  return adapter;
}

export class PrismaPgForMigrations extends PrismaPg {
  override async connect() {
    return wrapAdapter(await super.connect());
  }
  override async connectToShadowDb() {
    return wrapAdapter(await super.connectToShadowDb());
  }
}
