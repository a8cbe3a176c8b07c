import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { childOf, rowsOf, underPrefix } from "./stats-rows";

// Monitoring flags (因病返贫致贫监测) for the dashboard (docs/statistics.md):
// the flags of the years the period touches, of the people now in the
// division (people.division_code of the flagged person), grouped by child
// division, status and outcome. Index path: people_division, then
// monitoring_flags_once (person_id, year, rule_id).

export type MonitoringGroup = { child: string; status: "open" | "closed"; outcome: string | null; flags: number };

export async function monitoringGroups(db: Db | Tx, a: { prefix: string; childDigits: number; years: readonly number[] }): Promise<MonitoringGroup[]> {
  const child = childOf("p.division_code", a.childDigits);
  const result = await db.execute(sql`
    SELECT ${child} AS child, f.status, f.outcome, count(*)::int AS flags
    FROM people p
    JOIN monitoring_flags f ON f.person_id = p.id AND f.year = ANY(${`{${a.years.map((y) => Math.trunc(y)).join(",")}}`}::int[])
    WHERE ${underPrefix("p.division_code", a.prefix)}
    GROUP BY 1, 2, 3
    ORDER BY 1, 2, 3
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    child: String(r.child),
    status: r.status === "closed" ? "closed" : "open",
    outcome: r.outcome === null ? null : String(r.outcome),
    flags: Number(r.flags),
  }));
}
