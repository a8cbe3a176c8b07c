import { sql, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../client";
import type { ApplicationStep } from "@/lib/applications/domain/states";
import type { TimelinessFact } from "@/lib/applications/domain/timeliness";
import { holidayScheduleFingerprintSql } from "./calendar";
import { rowsOf, underPrefix } from "./stats-rows";

// The timeliness facts (lib/applications/domain/timeliness.ts says what they
// count). The dashboard counts them from the cases on each request
// (timelinessFacts: a period, an applicant's village); the managers' view
// reads them stored per acceptance year and township (migration 0028:
// storedTimelinessFacts, after refreshTimelinessFacts has recounted the
// townships whose cases changed). Both count with factsCtes.
// Each case of the division and acceptance year gives one fact per step it
// has started: the step's start and end dates come from the
// case's own columns (accepted_on, forwarded_on, approved_on, paid_on,
// refused_on); the days a 退回补正 suspended the township clock come from the
// transitions (a return up to the next resume or refusal). Dates become
// working days through the calendar's ordinals, passed in as one int[]
// (ord(d) = $ordinals[d - $base + 1]), so PostgreSQL groups without a per-row
// calendar lookup and only a few hundred groups come back.

type Calendar = { base: string; ordinals: readonly number[] };

/**
 * The CTEs `cal`, `scope`, `stops`, `pauses` and `facts` over the cases that
 * `where` selects (alias a): one fact per step a case has started (its start,
 * its end or null, open, the paused working days, the due date and whether
 * the clock is suspended). Shared by the per-request facts (the dashboard)
 * and the stored ones (the timeliness view).
 */
function factsCtes(where: SQL, cal: Calendar): SQL {
  const ord = (d: string) => sql.raw(`cal.o[(${d} - cal.b) + 1]`);
  return sql`
    WITH cal AS (SELECT ${`{${cal.ordinals.join(",")}}`}::int[] AS o, ${cal.base}::date AS b),
    scope AS (
      SELECT a.id, a.township_code, a.state, a.accepted_on, a.forwarded_on, a.approved_on, a.paid_on, a.refused_on, a.due_on, a.clock_paused_on
      FROM applications a
      WHERE ${where}
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
      SELECT s.township_code, v.step, v.started, v.ended, v.open, v.paused, s.due_on, (s.clock_paused_on IS NOT NULL) AS suspended,
             ${ord("v.ended")} - ${ord("v.started")} - v.paused AS used
      FROM scope s
      LEFT JOIN pauses p ON p.application_id = s.id
      CROSS JOIN cal
      CROSS JOIN LATERAL (VALUES
        ('township', s.accepted_on, coalesce(s.forwarded_on, CASE WHEN s.state = 'refused' THEN s.refused_on END),
         s.state IN ('accepted', 'township_review', 'returned'), coalesce(p.paused, 0)),
        ('county', s.forwarded_on, coalesce(s.approved_on, CASE WHEN s.state = 'refused' THEN s.refused_on END),
         s.state IN ('forwarded', 'county_review', 'joint_meeting'), 0),
        ('payment', s.approved_on, s.paid_on, s.state IN ('approved', 'in_batch', 'payment_failed'), 0)
      ) AS v(step, started, ended, open, paused)
      WHERE v.started IS NOT NULL AND (v.ended IS NOT NULL OR v.open)
    )`;
}

type FactRow = { township_code: string; step: ApplicationStep; done: boolean; used: number | null; overdue: boolean | null; n: number };

function toFacts(result: unknown): TimelinessFact[] {
  return rowsOf<FactRow>(result).map((r) => ({
    townshipCode: r.township_code,
    step: r.step,
    done: r.done,
    usedDays: r.used === null ? null : Number(r.used),
    overdue: r.overdue === true,
    cases: Number(r.n),
  }));
}

/**
 * The facts counted from the cases on this request: the dashboard's
 * applications figure (a period within the year, an applicant's village).
 */
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
  const accepted = opts.accepted ? sql`AND a.accepted_on BETWEEN ${opts.accepted.from}::date AND ${opts.accepted.to}::date` : sql``;
  const applicant = opts.applicantPrefix
    ? sql`AND EXISTS (SELECT 1 FROM people p WHERE p.id = a.person_id AND p.division_code LIKE ${`${opts.applicantPrefix}%`})`
    : sql``;
  const where = sql`a.township_code LIKE ${`${opts.prefix}%`} AND a.year = ${opts.year} ${accepted} ${applicant}`;
  const result = await db.execute(sql`
    ${factsCtes(where, opts)}
    SELECT f.township_code, f.step, (f.ended IS NOT NULL) AS done,
           CASE WHEN f.ended IS NOT NULL THEN f.used END AS used,
           (f.open AND NOT f.suspended AND f.due_on < ${opts.today}::date) AS overdue, count(*)::int AS n
    FROM facts f
    GROUP BY 1, 2, 3, 4, 5
  `);
  return toFacts(result);
}

// ---- The stored facts (migration 0027 says how they are kept current) ----

/**
 * Recounts one township's stored facts of one acceptance year, in one
 * transaction: under the source row's lock, the change rows visible now are
 * taken, the facts are counted again from the cases (a later statement: it
 * sees every change those rows stand for), and exactly those change rows are
 * deleted. A change committed meanwhile keeps its row for the next read.
 */
export async function refreshTimelinessFacts(
  db: Db,
  opts: { year: number; townshipCode: string; calendar: string; base: string; ordinals: readonly number[] },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`INSERT INTO application_timeliness_sources (year, township_code) VALUES (${opts.year}, ${opts.townshipCode}) ON CONFLICT DO NOTHING`);
    const [source] = rowsOf<{ calendar: string | null }>(
      await tx.execute(sql`SELECT calendar FROM application_timeliness_sources WHERE year = ${opts.year} AND township_code = ${opts.townshipCode} FOR UPDATE`),
    );
    const seen = rowsOf<{ id: string }>(
      await tx.execute(sql`SELECT id::text AS id FROM application_timeliness_changes WHERE year = ${opts.year} AND township_code = ${opts.townshipCode}`),
    ).map((r) => r.id);
    // Another read refreshed it while this one waited for the lock.
    if (seen.length === 0 && source?.calendar === opts.calendar) return;
    await tx.execute(sql`DELETE FROM application_timeliness_facts WHERE year = ${opts.year} AND township_code = ${opts.townshipCode}`);
    await tx.execute(sql`
      ${factsCtes(sql`a.township_code = ${opts.townshipCode} AND a.year = ${opts.year}`, opts)}
      INSERT INTO application_timeliness_facts (year, township_code, step, done, used_days, due_on, paused, cases)
      SELECT ${opts.year}::smallint, f.township_code, f.step, (f.ended IS NOT NULL),
             CASE WHEN f.ended IS NOT NULL THEN f.used END,
             CASE WHEN f.ended IS NULL THEN f.due_on END,
             (f.ended IS NULL AND f.suspended), count(*)::int
      FROM facts f
      GROUP BY 1, 2, 3, 4, 5, 6, 7
    `);
    if (seen.length > 0) {
      await tx.execute(sql`DELETE FROM application_timeliness_changes WHERE id IN (${sql.join(seen.map((id) => sql`${id}::bigint`), sql`, `)})`);
    }
    await tx.execute(sql`UPDATE application_timeliness_sources SET calendar = ${opts.calendar} WHERE year = ${opts.year} AND township_code = ${opts.townshipCode}`);
  });
}

/**
 * The view's read in one statement (one snapshot, one round trip): the calendar's fingerprint
 * (holidayScheduleFingerprint), the townships whose facts are stale against it (a change logged since
 * they were counted, or counted with another calendar), and —
 * only when there is none — the stored facts as storedTimelinessFacts reads them. With a stale
 * township `facts` is null: the caller recounts with `calendar` and reads the facts again.
 */
export async function currentTimelinessFacts(
  db: Db | Tx,
  opts: { prefix: string; year: number; today: string },
): Promise<{ calendar: string; stale: string[]; facts: TimelinessFact[] | null }> {
  const result = await db.execute(sql`
    WITH fp AS (SELECT ${holidayScheduleFingerprintSql()} AS calendar),
    stale AS (
      SELECT township_code FROM application_timeliness_changes c
      WHERE c.year = ${opts.year} AND ${underPrefix("c.township_code", opts.prefix)}
      UNION
      SELECT township_code FROM application_timeliness_sources s, fp
      WHERE s.year = ${opts.year} AND ${underPrefix("s.township_code", opts.prefix)} AND s.calendar IS DISTINCT FROM fp.calendar
    )
    SELECT true AS head, (SELECT calendar FROM fp) AS calendar, (SELECT array_agg(township_code ORDER BY township_code) FROM stale) AS stale,
           NULL::text AS township_code, NULL::text AS step, NULL::boolean AS done, NULL::int AS used, NULL::boolean AS overdue, NULL::int AS n
    UNION ALL
    SELECT false, NULL, NULL, f.township_code, f.step, f.done, f.used_days,
           (NOT f.done AND NOT f.paused AND f.due_on < ${opts.today}::date), sum(f.cases)::int
    FROM application_timeliness_facts f
    WHERE f.year = ${opts.year} AND ${underPrefix("f.township_code", opts.prefix)} AND NOT EXISTS (SELECT 1 FROM stale)
    GROUP BY 4, 5, 6, 7, 8
  `);
  const rows = rowsOf<FactRow & { head: boolean; calendar: string | null; stale: string[] | string | null }>(result);
  const head = rows.find((r) => r.head)!;
  const stale = arrayOf(head.stale);
  return { calendar: head.calendar!, stale, facts: stale.length > 0 ? null : toFacts(rows.filter((r) => !r.head)) };
}

// A text[] arrives as an array from postgres.js and PGlite alike; as its literal ('{a,b}') should a driver not parse it.
function arrayOf(value: string[] | string | null): string[] {
  if (value === null) return [];
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, "").split(",").filter((v) => v !== "");
}

/** The stored facts of the prefix's townships for one acceptance year, overdue decided against `today`. */
export async function storedTimelinessFacts(db: Db | Tx, opts: { prefix: string; year: number; today: string }): Promise<TimelinessFact[]> {
  const result = await db.execute(sql`
    SELECT f.township_code, f.step, f.done, f.used_days AS used,
           (NOT f.done AND NOT f.paused AND f.due_on < ${opts.today}::date) AS overdue, sum(f.cases)::int AS n
    FROM application_timeliness_facts f
    WHERE f.year = ${opts.year} AND ${underPrefix("f.township_code", opts.prefix)}
    GROUP BY 1, 2, 3, 4, 5
  `);
  return toFacts(result);
}
