import type { DbHandle } from "./client";
import { sealClearIdNumbers } from "./id-at-rest";
import { isDemoDatabase, isEmptyDatabase, SEED_STEPS, type SeedStep } from "@/seed/steps";

/**
 * The migrations, then the one step SQL cannot do: ID numbers still in clear
 * (a database from before encryption at rest) are sealed with the keys from
 * the environment and the clear column emptied (db/id-at-rest.ts).
 */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  await handle.migrate();
  await sealClearIdNumbers(handle);
}

export type SetupResult = { seeded: boolean; counts: Record<string, number> };

/**
 * Applies migrations, then the seed steps (seed/steps.ts): reference data
 * always, the demo county on an empty database, later demo steps on the demo
 * county. Safe to run again: every step skips what is already there.
 */
export async function setupDatabase(
  handle: DbHandle,
  opts: { seed?: boolean; kinds?: readonly SeedStep["kind"][] } = {},
): Promise<SetupResult> {
  await migrateDatabase(handle);
  const counts: Record<string, number> = {};
  if (opts.seed === false) return { seeded: false, counts };
  const empty = await isEmptyDatabase(handle);
  for (const step of SEED_STEPS) {
    if (opts.kinds && !opts.kinds.includes(step.kind)) continue;
    if (step.kind === "demo-base" && !empty) continue;
    if (step.kind === "demo" && !(await isDemoDatabase(handle))) continue;
    const result = await step.run(handle);
    if (result) Object.assign(counts, result);
  }
  return { seeded: Object.keys(counts).length > 0, counts };
}
