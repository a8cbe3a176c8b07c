import { countUsers } from "./queries/users";
import { seedDemoCounty } from "./seed/demo-county";
import type { DbHandle } from "./client";

export type SetupResult = { migrated: true; seeded: false } | { migrated: true; seeded: true; counts: Record<string, number> };

/** Applies migrations and seeds the demo county when the database has no users yet. Safe to run again. */
export async function setupDatabase(handle: DbHandle, opts: { seed?: boolean } = {}): Promise<SetupResult> {
  await handle.migrate();
  if (opts.seed === false || (await countUsers(handle.db)) > 0) return { migrated: true, seeded: false };
  const counts = await handle.db.transaction((tx) => seedDemoCounty(tx));
  return { migrated: true, seeded: true, counts };
}
