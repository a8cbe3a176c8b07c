import type { Db, Tx } from "./client";

/** Runs `fn` in one transaction: the change and its audit row commit together or not at all. */
export function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(fn);
}
