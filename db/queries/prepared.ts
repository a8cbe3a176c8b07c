import { PgTransaction } from "drizzle-orm/pg-core";
import type { Db, Tx } from "../client";

// Drizzle builds a query's SQL text from its builder on every call — for a
// small select with a join about 0.3–0.6 ms of CPU on this project's machine,
// more than PostgreSQL takes to answer it. The lookups made on every request
// (the API token and its account, the session and its user, the calendar's
// fingerprint) are built once per database handle instead, with placeholders
// for their values (`sql.placeholder`), and run with `.execute(values)`.
// A prepared query runs on the handle it was made on, never inside a caller's
// transaction: given a transaction, `preparedOn` answers null and the caller
// builds the query as before, so the transaction still sees its own writes.

const cache = new WeakMap<object, Map<string, unknown>>();

export function preparedOn<Q>(db: Db | Tx, name: string, build: (db: Db) => Q): Q | null {
  if (db instanceof PgTransaction) return null;
  let queries = cache.get(db);
  if (!queries) cache.set(db, (queries = new Map()));
  let query = queries.get(name) as Q | undefined;
  if (query === undefined) {
    query = build(db as Db);
    queries.set(name, query);
  }
  return query;
}
