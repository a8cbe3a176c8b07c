import { sql } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { ApplicationStep } from "@/lib/applications/domain/states";
import type { TimelinessFact } from "@/lib/applications/domain/timeliness";

// The timeliness view's one query (lib/applications/domain/timeliness.ts says
// what it counts). Each case of the division and acceptance year gives one
// fact per step it has started: the step's start and end dates come from the
// case's own columns (accepted_on, forwarded_on, approved_on, paid_on,
// refused_on); the days a 退回补正 suspended the township clock come from the
// transitions (a return up to the next resume or refusal). Dates become
// working days through the calendar's ordinals, passed in as one int[]
// (ord(d) = $ordinals[d - $base + 1]), so PostgreSQL groups without a per-row
// calendar lookup and only a few hundred groups come back.

export async function timelinessFacts(
  db: Db | Tx,
  opts: {
    prefix: string;
    year: number;
    today: string;
    base: string;
    ordinals: readonly number[];
    /** Only the cases accepted in this inclusive range (the dashboard's period; the range lies in `year`). */
    accepted?: { from: string; to: string };
    /** Only the cases whose applicant now lives within this prefix (a village's dashboard figure). */
    applicantPrefix?: string;
  },
): Promise<TimelinessFact[]> {
  const ord = (d: string) => sql.raw(`cal.o[(${d} - cal.b) + 1]`);
  const accepted = opts.accepted ? sql`AND a.accepted_on BETWEEN ${opts.accepted.from}::date AND ${opts.accepted.to}::date` : sql``;
  const applicant = opts.applicantPrefix
    ? sql`AND EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id AND p.division_code LIKE ${`${opts.applicantPrefix}%`})`
    : sql``;
  const result = await db.execute<{ township_code: string; step: ApplicationStep; done: boolean; used: number | null; overdue: boolean; n: number }>(sql`
    WITH cal AS (SELECT ${`{${opts.ordinals.join(",")}}`}::int[] AS o, ${opts.base}::date AS b),
    scope AS (
      SELECT a.id, a.township_code, a.state, a.accepted_on, a.forwarded_on, a.approved_on, a.paid_on, a.refused_on, a.due_on, a.clock_paused_on
      FROM applications a
      WHERE a.township_code LIKE ${`${opts.prefix}%`} AND a.year = ${opts.year} ${accepted} ${applicant}
    ),
    stops AS (
      SELECT t.application_id, t.action, t.on_date,
             lead(t.on_date) OVER (PARTITION BY t.application_id ORDER BY t.id) AS until_on
      FROM application_transitions t
      WHERE t.action IN ('return_for_documents', 'resume_review', 'refuse')
        -- Only the cases ever returned (the partial index application_transitions_returns).
        AND t.application_id IN (SELECT r.application_id FROM application_transitions r JOIN scope s ON s.id = r.application_id WHERE r.action = 'return_for_documents')
    ),
    pauses AS (
      SELECT s.application_id, sum(${ord("s.until_on")} - ${ord("s.on_date")})::int AS paused
      FROM stops s, cal
      WHERE s.action = 'return_for_documents' AND s.until_on IS NOT NULL
      GROUP BY s.application_id
    ),
    facts AS (
      SELECT s.township_code, v.step, v.started, v.ended, v.open, v.paused,
             (v.open AND s.clock_paused_on IS NULL AND s.due_on < ${opts.today}::date) AS overdue
      FROM scope s
      LEFT JOIN pauses p ON p.application_id = s.id
      CROSS JOIN LATERAL (VALUES
        ('township', s.accepted_on, coalesce(s.forwarded_on, CASE WHEN s.state = 'refused' THEN s.refused_on END),
         s.state IN ('accepted', 'township_review', 'returned'), coalesce(p.paused, 0)),
        ('county', s.forwarded_on, coalesce(s.approved_on, CASE WHEN s.state = 'refused' THEN s.refused_on END),
         s.state IN ('forwarded', 'county_review', 'joint_meeting'), 0),
        ('payment', s.approved_on, s.paid_on, s.state IN ('approved', 'in_batch', 'payment_failed'), 0)
      ) AS v(step, started, ended, open, paused)
      WHERE v.started IS NOT NULL AND (v.ended IS NOT NULL OR v.open)
    )
    SELECT f.township_code, f.step, (f.ended IS NOT NULL) AS done,
           CASE WHEN f.ended IS NOT NULL THEN ${ord("f.ended")} - ${ord("f.started")} - f.paused END AS used,
           f.overdue, count(*)::int AS n
    FROM facts f, cal
    GROUP BY 1, 2, 3, 4, 5
  `);
  const rows = Array.isArray(result) ? result : (result as { rows: typeof result }).rows;
  return (rows as unknown as { township_code: string; step: ApplicationStep; done: boolean; used: number | null; overdue: boolean; n: number }[]).map((r) => ({
    townshipCode: r.township_code,
    step: r.step,
    done: r.done,
    usedDays: r.used === null ? null : Number(r.used),
    overdue: r.overdue,
    cases: Number(r.n),
  }));
}
