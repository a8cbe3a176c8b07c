import type { DbHandle } from "./client";
import { sealClearIdNumbers } from "./id-at-rest";

/**
 * The migrations, then the one step SQL cannot do: ID numbers still in clear
 * (a database from before encryption at rest) are sealed with the keys from
 * the environment and the clear column emptied (db/id-at-rest.ts).
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  await handle.migrate();
  await sealClearIdNumbers(handle);
}
