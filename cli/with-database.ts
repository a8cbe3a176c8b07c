import { dbConfigFromEnv } from "@/db/config";
import { openDb, type DbHandle } from "@/db/client";
import { DatabaseLockedError } from "@/db/folder-lock";
import { migrateDatabase } from "@/db/setup";
import { sweepUploadTemp } from "@/lib/uploads/upload-temp";
import { CliInputError } from "./command";

/**
 * Opens the same database the server uses (DATABASE_URL, else PGlite under
 * DATA_DIR), applies pending migrations, runs `fn`, and closes it. An embedded
 * folder held by a running server is refused with the lock's message.
 * First, like the server at its start, it removes what a killed import left
 * in the temp folders (only of processes that are gone): a CLI import killed
 * mid-file would otherwise leave its upload copy and exceljs's worksheet copy
 * (names, ID numbers) until the next server start.
 */
export async function withDatabase<T>(fn: (handle: DbHandle) => Promise<T>): Promise<T> {
  sweepUploadTemp();
  let handle: DbHandle;
  try {
    handle = await openDb(dbConfigFromEnv());
  } catch (err) {
    if (err instanceof DatabaseLockedError) throw new CliInputError(err.message);
    throw err;
  }
  try {
    await migrateDatabase(handle); // a database left by an older version gets its new tables (and sealed IDs) first
    return await fn(handle);
  } finally {
    await handle.close();
  }
}
