import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { childOf, keptTable, moneySum, rowsOf, underPrefix } from "./stats-rows";

// Premium subsidy (资助参保) for the dashboard (docs/statistics.md): the
// subsidy rows of the enrolment years, for the people now in the division.
// One row per person and year (subsidies_person_year), so "people" counts
// person-years. Two grouped scans: by child division × category (counts,
// subsidy, personal) and by funding source (the jsonb lines summed), every
// sum in SQL as numeric.
//
// subsidyGroups and subsidyBySource read the kept sums (stats_subsidy_year,
// stats_subsidy_source, migration 0025_stats_preaggregates: per year, village
// now and category or funding source, kept by the triggers on subsidies and
// people in the writing transaction); the *Raw functions compute the same
// from the raw tables (the definition and the consistency test's oracle).
// Above a township they read the township rollups (migration 0029).
// Raw index path: people_division for the division, then
// subsidies_person_year (person_id, year).

export type SubsidyGroup = { child: string; category: string; people: number; subsidy: string; personal: string };
export type SourceSum = { source: string; amount: string };

export async function subsidyGroupsRaw(db: Db | Tx, a: { prefix: string; childDigits: number; years: readonly number[] }): Promise<SubsidyGroup[]> {
  const child = childOf("p.division_code", a.childDigits);
  const result = await db.execute(sql`
    SELECT ${child} AS child, s.category, count(*)::int AS people, ${moneySum("s.subsidy")} AS subsidy, ${moneySum("s.personal")} AS personal
    FROM people p
    JOIN subsidies s ON s.person_id = p.id AND s.year = ANY(${`{${a.years.map((y) => Math.trunc(y)).join(",")}}`}::int[])
    WHERE ${underPrefix("p.division_code", a.prefix)}
    GROUP BY 1, 2
    ORDER BY 1, 2
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    child: String(r.child),
    category: String(r.category),
    people: Number(r.people),
    subsidy: String(r.subsidy),
    personal: String(r.personal),
  }));
}

export async function subsidyBySourceRaw(db: Db | Tx, a: { prefix: string; years: readonly number[] }): Promise<SourceSum[]> {
  const result = await db.execute(sql`
    SELECT x->>'source' AS source, ${moneySum("(x->>'amount')::numeric")} AS amount
    FROM people p
    JOIN subsidies s ON s.person_id = p.id AND s.year = ANY(${`{${a.years.map((y) => Math.trunc(y)).join(",")}}`}::int[])
    CROSS JOIN LATERAL jsonb_array_elements(s.funding) x
    WHERE ${underPrefix("p.division_code", a.prefix)}
    GROUP BY 1
    ORDER BY 1
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ source: String(r.source), amount: String(r.amount) }));
}

const yearsArray = (years: readonly number[]) => `{${years.map((y) => Math.trunc(y)).join(",")}}`;

export async function subsidyGroups(db: Db | Tx, a: { prefix: string; childDigits: number; years: readonly number[] }): Promise<SubsidyGroup[]> {
  const child = childOf("division_code", a.childDigits);
  const result = await db.execute(sql`
    SELECT ${child} AS child, category, sum(people)::int AS people, ${moneySum("subsidy")} AS subsidy, ${moneySum("personal")} AS personal
    FROM ${keptTable("stats_subsidy_year", a.childDigits)}
    WHERE ${underPrefix("division_code", a.prefix)} AND year = ANY(${yearsArray(a.years)}::int[])
    GROUP BY 1, 2
    HAVING sum(people) <> 0
    ORDER BY 1, 2
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    child: String(r.child),
    category: String(r.category),
    people: Number(r.people),
    subsidy: String(r.subsidy),
    personal: String(r.personal),
  }));
}

export async function subsidyBySource(db: Db | Tx, a: { prefix: string; years: readonly number[] }): Promise<SourceSum[]> {
  const result = await db.execute(sql`
    SELECT source, ${moneySum("amount")} AS amount
    FROM ${keptTable("stats_subsidy_source", a.prefix.length <= 9 ? 9 : 12)}
    WHERE ${underPrefix("division_code", a.prefix)} AND year = ANY(${yearsArray(a.years)}::int[])
    GROUP BY 1
    HAVING sum(lines) <> 0
    ORDER BY 1
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({ source: String(r.source), amount: String(r.amount) }));
}
