import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { monitoringFlags } from "@/db/schema";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { DEMO_COUNTY } from "@/lib/demo/demo-divisions";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { DEMO_CLAIMS_YEAR } from "./claims";

// Demo step: `monitoring run` for the demo claims' year, as a 医保 manager of
// the county would start it, so the flags of 因病返贫致贫监测 exist after the
// first `npm start`. Runs while the demo has no flag; a later run adds nothing.
export async function seedDemoMonitoring(db: Db): Promise<Record<string, number> | null> {
  const [stored] = await db.select({ n: sql<number>`count(*)::int` }).from(monitoringFlags);
  if ((stored?.n ?? 0) > 0) return null;
  const r = await runMonitoring({ db, actor: systemActor("medical_security", DEMO_COUNTY, "manager") }, { year: DEMO_CLAIMS_YEAR });
  return r.new > 0 ? { "monitoring flags": r.new } : null;
}
