import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { childOf, moneySum, rowsOf, underPrefix } from "./stats-rows";

// Three-tier payments for the dashboard (docs/statistics.md): the claims of
// the people of a division dated in the period, each with its current
// settlement (superseded_at IS NULL — a re-settled claim counts once, with
// its latest result; a claim not yet settled does not count). One scan,
// grouped by GROUPING SETS into the total, the month, the settlement's
// category, the child division and the setting (for the inpatient share), so
// every sum is done in SQL as numeric and only a few dozen rows come back.
//
// Index path: people_division (division_code, id) for the division, then
// claims_person_date (person_id, claim_date) for the period, then
// claim_settlements_claim (claim_id, superseded_at) for the current row.

export type PaymentsGroup = {
  /** Which grouping the row is: total, month, category, child or setting. */
  grouping: "total" | "month" | "category" | "child" | "setting";
  key: string | null;
  claims: number;
  totalCost: string;
  policyScopeCost: string;
  basic: string;
  critical: string;
  assistance: string;
  tilted: string;
  selfPaid: string;
};

export async function paymentsGroups(db: Db | Tx, a: { prefix: string; childDigits: number; from: string; to: string }): Promise<PaymentsGroup[]> {
  const child = childOf("p.division_code", a.childDigits);
  const result = await db.execute(sql`
    WITH rows AS (
      SELECT to_char(c.claim_date, 'YYYY-MM') AS month, s.category, ${child} AS child, c.setting,
             c.total_cost, c.policy_scope_cost, s.basic, s.critical, s.assistance, s.tilted, s.self_paid
      FROM people p
      JOIN claims c ON c.person_id = p.id AND c.claim_date BETWEEN ${a.from}::date AND ${a.to}::date
      JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
      WHERE ${underPrefix("p.division_code", a.prefix)}
    )
    SELECT CASE WHEN grouping(month) = 0 THEN 'month' WHEN grouping(category) = 0 THEN 'category'
                WHEN grouping(child) = 0 THEN 'child' WHEN grouping(setting) = 0 THEN 'setting' ELSE 'total' END AS grouping,
           coalesce(month, category, child, setting) AS key,
           count(*)::int AS claims,
           ${moneySum("total_cost")} AS total_cost, ${moneySum("policy_scope_cost")} AS policy_scope_cost,
           ${moneySum("basic")} AS basic, ${moneySum("critical")} AS critical, ${moneySum("assistance")} AS assistance,
           ${moneySum("tilted")} AS tilted, ${moneySum("self_paid")} AS self_paid
    FROM rows
    GROUP BY GROUPING SETS ((), (month), (category), (child), (setting))
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    grouping: r.grouping as PaymentsGroup["grouping"],
    key: r.key === null ? null : String(r.key),
    claims: Number(r.claims),
    totalCost: String(r.total_cost),
    policyScopeCost: String(r.policy_scope_cost),
    basic: String(r.basic),
    critical: String(r.critical),
    assistance: String(r.assistance),
    tilted: String(r.tilted),
    selfPaid: String(r.self_paid),
  }));
}
