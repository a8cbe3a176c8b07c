import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { rowsOf, underPrefix } from "./stats-rows";

// On-application cases for the dashboard (docs/statistics.md): the cases
// accepted in the period, grouped by child division and current state, with
// how many are open in a step past its due date — the same rule as the
// timeliness view (db/queries/application-timeliness.ts): a case in a step
// (township, county or payment) whose clock is not suspended and whose due
// date is before today. A case belongs to the township that accepted it
// (township_code, the case's jurisdiction key); below a township, to the
// village its applicant lives in now. Index path: applications_year_township.

export type ApplicationsGroup = { child: string; state: string; cases: number; approved: number; overdue: number };

/** States in which a step's clock runs (the timeliness view's open steps). */
const IN_STEP = ["accepted", "township_review", "returned", "forwarded", "county_review", "joint_meeting", "approved", "in_batch", "payment_failed"];

export async function applicationsGroups(
  db: Db | Tx,
  a: {
    /** township_code LIKE this (a county's or township's prefix; a village's township). */
    townshipPrefix: string;
    /** Only applicants now living within this prefix (a village), or null. */
    applicantPrefix: string | null;
    /** Children by township_code (≤ 9 digits) or by the applicant's village (12). */
    childDigits: number;
    years: readonly number[];
    from: string;
    to: string;
    today: string;
  },
): Promise<ApplicationsGroup[]> {
  if (!Number.isInteger(a.childDigits) || a.childDigits < 2 || a.childDigits > 12) throw new Error(`childDigits out of range: ${a.childDigits}`);
  const column = a.childDigits <= 9 ? "a.township_code" : "p.division_code";
  const child = sql.raw(`rpad(substr(${column}, 1, ${a.childDigits}), 12, '0')`);
  const applicant = a.applicantPrefix ? sql`AND ${underPrefix("p.division_code", a.applicantPrefix)}` : sql``;
  const result = await db.execute(sql`
    SELECT ${child} AS child, a.state, count(*)::int AS cases,
           (count(*) FILTER (WHERE a.approved_on IS NOT NULL AND a.state <> 'refused'))::int AS approved,
           (count(*) FILTER (WHERE a.state = ANY(${`{${IN_STEP.join(",")}}`}::text[]) AND a.clock_paused_on IS NULL AND a.due_on < ${a.today}::date))::int AS overdue
    FROM applications a
    JOIN people p ON p.id = a.person_id
    WHERE a.year = ANY(${`{${a.years.map((y) => Math.trunc(y)).join(",")}}`}::int[])
      AND ${underPrefix("a.township_code", a.townshipPrefix)}
      AND a.accepted_on BETWEEN ${a.from}::date AND ${a.to}::date
      ${applicant}
    GROUP BY 1, 2
    ORDER BY 1, 2
  `);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    child: String(r.child),
    state: String(r.state),
    cases: Number(r.cases),
    approved: Number(r.approved),
    overdue: Number(r.overdue),
  }));
}
