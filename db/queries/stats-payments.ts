import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { childOf, keptTable, moneySum, rowsOf, underPrefix } from "./stats-rows";

// Three-tier payments for the dashboard (docs/statistics.md): the claims of
// the people of a division dated in the period, each with its current
// settlement (superseded_at IS NULL — a re-settled claim counts once, with
// its latest result; a claim not yet settled does not count). One scan,
// grouped by GROUPING SETS into the total, the month, the settlement's
// category, the child division and the setting (for the inpatient share), so
// every sum is done in SQL as numeric and only a few dozen rows come back.
//
// paymentsGroups reads the kept sums (stats_payments_month and
// stats_payments_day, migration 0025_stats_preaggregates: the current
// settlements by month or claim date, village now, settled category and
// setting, added and taken back by the triggers on claim_settlements, claims
// and people in the writing transaction). A period's whole months come from
// the month table; a partial month from the day table — its own days, or,
// when it covers more than half the month, the month less the days outside
// it. A county's figure (children: townships) reads the township rollups
// (migration 0029). So a county's year is a few thousand rows, not its claims.
// paymentsGroupsRaw is the same figure from the raw tables: the definition
// and the consistency test's oracle.
//
// Raw index path: people_division (division_code, id) for the division, then
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

export async function paymentsGroupsRaw(db: Db | Tx, a: { prefix: string; childDigits: number; from: string; to: string }): Promise<PaymentsGroup[]> {
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
  return groupsOf(result);
}

function groupsOf(result: unknown): PaymentsGroup[] {
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

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** A piece of a period: whole months [from, to] of the month table, or days of the day table, added (+1) or taken off (−1). */
export type PeriodPiece = { table: "month" | "day"; from: string; to: string; sign: 1 | -1 };

/**
 * The period [from, to] (inclusive ISO dates) as whole months and days:
 * consecutive whole months as one month piece; a partial month as its days,
 * or, when it covers more than half the month, as the month less the days
 * outside the period (fewer day rows to read).
 */
export function periodPieces(from: string, to: string): PeriodPiece[] {
  const pieces: PeriodPiece[] = [];
  const addMonth = (first: string) => {
    const last = pieces[pieces.length - 1];
    if (last && last.table === "month" && last.sign === 1 && dayNumber(first) - dayNumber(last.to) <= 31 && last.to < first) last.to = first;
    else pieces.push({ table: "month", from: first, to: first, sign: 1 });
  };
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const endKey = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  while (y * 12 + m <= endKey) {
    const first = `${y}-${String(m).padStart(2, "0")}-01`;
    const start = dayNumber(first);
    const end = m === 12 ? dayNumber(`${y + 1}-01-01`) - 1 : dayNumber(`${y}-${String(m + 1).padStart(2, "0")}-01`) - 1;
    const lo = Math.max(start, dayNumber(from));
    const hi = Math.min(end, dayNumber(to));
    if (lo === start && hi === end) addMonth(first);
    else if ((hi - lo + 1) * 2 <= end - start + 1) pieces.push({ table: "day", from: isoOf(lo), to: isoOf(hi), sign: 1 });
    else {
      addMonth(first);
      if (lo > start) pieces.push({ table: "day", from: isoOf(start), to: isoOf(lo - 1), sign: -1 });
      if (hi < end) pieces.push({ table: "day", from: isoOf(hi + 1), to: isoOf(end), sign: -1 });
    }
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return pieces;
}

export async function paymentsGroups(db: Db | Tx, a: { prefix: string; childDigits: number; from: string; to: string }): Promise<PaymentsGroup[]> {
  const child = childOf("division_code", a.childDigits);
  const where = underPrefix("division_code", a.prefix);
  const amounts = ["total_cost", "policy_scope_cost", "basic", "critical", "assistance", "tilted", "self_paid"];
  const parts: SQL[] = periodPieces(a.from, a.to).map((p) => {
    const k = sql.raw(p.sign === 1 ? "" : "-");
    const signed = sql.raw(amounts.map((c) => `${p.sign === 1 ? "" : "-"}${c} AS ${c}`).join(", "));
    return p.table === "month"
      ? sql`SELECT to_char(month, 'YYYY-MM') AS month, category, ${child} AS child, setting, ${k}claims AS claims, ${signed}
            FROM ${keptTable("stats_payments_month", a.childDigits)} WHERE ${where} AND month BETWEEN ${p.from}::date AND ${p.to}::date`
      : sql`SELECT to_char(claim_date, 'YYYY-MM') AS month, category, ${child} AS child, setting, ${k}claims AS claims, ${signed}
            FROM ${keptTable("stats_payments_day", a.childDigits)} WHERE ${where} AND claim_date BETWEEN ${p.from}::date AND ${p.to}::date`;
  });
  const result = await db.execute(sql`
    WITH rows AS (${sql.join(parts, sql` UNION ALL `)})
    SELECT CASE WHEN grouping(month) = 0 THEN 'month' WHEN grouping(category) = 0 THEN 'category'
                WHEN grouping(child) = 0 THEN 'child' WHEN grouping(setting) = 0 THEN 'setting' ELSE 'total' END AS grouping,
           coalesce(month, category, child, setting) AS key,
           coalesce(sum(claims), 0)::int AS claims,
           ${moneySum("total_cost")} AS total_cost, ${moneySum("policy_scope_cost")} AS policy_scope_cost,
           ${moneySum("basic")} AS basic, ${moneySum("critical")} AS critical, ${moneySum("assistance")} AS assistance,
           ${moneySum("tilted")} AS tilted, ${moneySum("self_paid")} AS self_paid
    FROM rows
    GROUP BY GROUPING SETS ((), (month), (category), (child), (setting))
    -- A group whose claims were all superseded or moved away is no group (the raw scan has no row for it); the total always is.
    HAVING grouping(month, category, child, setting) = 15 OR sum(claims) <> 0
  `);
  return groupsOf(result);
}
