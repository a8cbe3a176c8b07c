import type { DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/setup";
import { isDemoDatabase, isEmptyDatabase, SEED_STEPS, type SeedStep } from "./steps";

// Above db/ and lib/: the seed steps put the demo data in through the use cases.

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
