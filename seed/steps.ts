import { sql } from "drizzle-orm";
import type { DbHandle } from "@/db/client";
import { users } from "@/db/schema";
import { seedHolidaySchedules } from "./calendar";
import { seedDemoCounty } from "./demo-county";
import { seedDemoEnrolment } from "./enrolment";
import { seedDemoCurrentYearEnrolment } from "./enrolment-current-year";
import { seedDemoPolicy, seedPolicyPresets } from "./policies";
import { seedDemoPolicyDraft } from "./policy-draft";
import { seedDemoRosters } from "./rosters";
import { seedDemoClaims } from "./claims";
import { seedDemoApplications } from "./applications";
import { seedDemoMonitoring } from "./monitoring";
import { seedDemoMonitoringOutcomes } from "./monitoring-outcomes";
import { seedDemoNotices } from "./notices";
import { refreshDemoPasswords } from "./demo-passwords";
import { ensureDemoAccounts } from "./demo-actors";

// What `db setup` / the first `npm start` puts into a database, in order.
//
// Reference data (holiday schedules, policy presets) goes into every database
// and each step skips what is already there. Demo data goes only into the demo
// county: the base step runs on an empty database (no users), and each later
// demo step runs when the demo county is present and its own tables are still
// empty — so a step is its own transaction (bulk steps use the real import
// paths, which open their own), a crash mid-way is finished on the next start,
// and a new version's demo data appears on an existing demo database.
//
// A capability adds its step here: `{ name, kind, run }`, run returning counts
// for the summary line (or null when it had nothing to do).

export type SeedStep = {
  name: string;
  kind: "reference" | "demo-base" | "demo";
  run: (handle: DbHandle) => Promise<Record<string, number> | null>;
};

export const SEED_STEPS: SeedStep[] = [
  {
    name: "holiday schedules",
    kind: "reference",
    run: async ({ db }) => {
      const years = await seedHolidaySchedules(db);
      return years.length ? { "holiday years": years.length } : null;
    },
  },
  {
    name: "policy presets",
    kind: "reference",
    run: async ({ db }) => {
      const stored = await seedPolicyPresets(db);
      return stored.length ? { "policy presets": stored.length } : null;
    },
  },
  {
    name: "demo county",
    kind: "demo-base",
    run: async ({ db }) => db.transaction((tx) => seedDemoCounty(tx)),
  },
  // After the base step: on a new database the demo county must exist first.
  { name: "county policy", kind: "demo", run: async ({ db }) => seedDemoPolicy(db) },
  // After the county policy: a draft of its next revision for 政策测算 (never activated, so nothing below depends on it).
  { name: "policy draft", kind: "demo", run: async ({ db }) => seedDemoPolicyDraft(db) },
  // After the county policy: consolidation ranks categories by the policy in force.
  { name: "monthly rosters", kind: "demo", run: seedDemoRosters },
  // After the rosters: the enrolment file is drawn from the consolidated categories.
  { name: "enrolment ledger", kind: "demo", run: async ({ db }) => seedDemoEnrolment(db) },
  // Last: claims are settled under the categories the rosters step consolidated.
  { name: "settlement records", kind: "demo", run: async ({ db }) => seedDemoClaims(db) },
  // After the claims: applicants with settlement records come first.
  { name: "on-application cases", kind: "demo", run: async ({ db }) => seedDemoApplications(db) },
  // After the claims and the approved applications: both enter the year's burden.
  { name: "monitoring flags", kind: "demo", run: async ({ db }) => seedDemoMonitoring(db) },
  // After the on-application cases: the notices publish the cases the county approved.
  { name: "quarterly notices", kind: "demo", run: async ({ db }) => seedDemoNotices(db) },
  // After the flags: about one in five followed to an outcome (open and closed flags on the worklist and the dashboard).
  { name: "monitoring outcomes", kind: "demo", run: async ({ db }) => seedDemoMonitoringOutcomes(db) },
  // Last, so that no earlier step's figures change: the current year's enrolments for the dashboard.
  { name: "current-year enrolment", kind: "demo", run: async ({ db }) => seedDemoCurrentYearEnrolment(db) },
  // A demo database made before the security auditor existed gets the account (seed/demo-actors.ts).
  { name: "security auditor account", kind: "demo", run: async ({ db }) => (await ensureDemoAccounts(db, ["shenji.auditor"]), null) },
  // Every start: the published demo password never expires into a forced change (seed/demo-passwords.ts).
  { name: "demo passwords", kind: "demo", run: async ({ db }) => refreshDemoPasswords(db) },
];

export async function isEmptyDatabase(handle: DbHandle): Promise<boolean> {
  const [row] = await handle.db.select({ n: sql<number>`count(*)::int` }).from(users);
  return (row?.n ?? 0) === 0;
}

/** The demo county is present: its county division and the demo administrator exist. */
export async function isDemoDatabase(handle: DbHandle): Promise<boolean> {
  const rows = await handle.raw.query<{ ok: boolean }>(
    "select exists (select 1 from divisions where code = '430524000000') and exists (select 1 from users where username = 'yibao.clerk') as ok",
  );
  return rows[0]?.ok === true;
}
