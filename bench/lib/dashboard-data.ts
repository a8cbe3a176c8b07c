import postgres from "postgres";
import { openDb, type DbHandle } from "@/db/client";
import { benchAdminUrl } from "./bench-database";

// The dashboard bench's data beyond the two rosters it imports through the
// use cases (bench/dashboard.ts says why each step is SQL): category changes,
// enrolments, claims with their settlements, and the --keep database.

/** The day the figures are asked for, its year, and the demo county. */
export const ON = "2026-11-30";
export const YEAR = 2026;
export const COUNTY = "430524000000";

/** The summary tables the triggers keep (migrations 0025/0029), vacuumed after generation. */
export const STATS_TABLES = ["stats_payments_day", "stats_payments_month", "stats_coverage_person", "stats_coverage_step", "stats_subsidy_year", "stats_subsidy_source"];

/**
 * The --keep database: reused when a finished generation left its mark
 * (bench_generated), else made afresh. Never dropped by the bench.
 */
export async function keptDatabase(name: string): Promise<{ handle: DbHandle; url: string; reused: boolean; drop: () => Promise<void> }> {
  const admin = postgres(benchAdminUrl(), { onnotice: () => {}, max: 1 });
  const url = new URL(benchAdminUrl());
  url.pathname = `/${name}`;
  let reused = false;
  if ((await admin`SELECT 1 FROM pg_database WHERE datname = ${name}`).length > 0) {
    const probe = postgres(url.toString(), { onnotice: () => {}, max: 1 });
    reused = (await probe`SELECT 1 FROM pg_tables WHERE tablename = 'bench_generated'`).length > 0;
    await probe.end();
    if (!reused) await admin.unsafe(`DROP DATABASE ${name} WITH (FORCE)`);
  }
  if (!reused) await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const handle = await openDb({ kind: "postgres", url: url.toString() });
  return { handle, url: url.toString(), reused, drop: () => handle.close() };
}

/** March–December: each month 1 % of the people (by a hash of their id) move to the next category in the list; the old row ends the day before. */
export async function categoryChanges(sql: postgres.Sql): Promise<void> {
  const cats = (await sql<{ category: string }[]>`SELECT DISTINCT category FROM person_categories ORDER BY 1`).map((r) => r.category);
  if (cats.length < 2) return;
  const next = cats.map((c, i) => `WHEN '${c}' THEN '${cats[(i + 1) % cats.length]}'`).join(" ");
  for (let m = 3; m <= 12; m++) {
    const first = `${YEAR}-${String(m).padStart(2, "0")}-01`;
    await sql.unsafe(`
      WITH moved AS (
        UPDATE person_categories SET to_date = date '${first}' - 1
        WHERE to_date IS NULL AND from_date < date '${first}' AND abs(hashtext(person_id::text || '${m}')) % 100 = 0
        RETURNING person_id, category)
      INSERT INTO person_categories (person_id, category, from_date, source)
      SELECT person_id, CASE category ${next} END, date '${first}', 'bench SQL ${first.slice(0, 7)}' FROM moved`);
  }
}

/** 2026 enrolments for 99.3 % of the people holding a category, paid after the January roster (the subsidy follows the category held that day). */
export async function enrol(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    INSERT INTO enrolments (person_id, year, tier, contribution, paid_on, fee_exempt)
    SELECT DISTINCT person_id, ${YEAR}, 1, 380.00, date '${YEAR}-01-20', 'no' FROM person_categories
    WHERE abs(hashtext(person_id::text)) % 1000 >= 7
    ON CONFLICT (person_id, year) DO NOTHING`);
}

/**
 * 3 claims per person over 2026 and one current settlement each. Costs spread
 * by a hash so that a few people carry large bills (the monitoring run has
 * someone to flag); tiers add up to the bill (self-paid = the rest).
 */
export async function claims(sql: postgres.Sql): Promise<void> {
  await sql.unsafe("SET work_mem = '256MB'");
  await sql.unsafe(`
    CREATE TEMP TABLE gen_claims AS
    SELECT gen_random_uuid() AS id, p.id AS person_id, k,
           date '${YEAR}-01-01' + (abs(hashtext(p.id::text || k)) % 330) AS claim_date,
           (CASE WHEN abs(hashtext(p.id::text)) % 200 = 0 THEN 60000 ELSE 800 + abs(hashtext(p.id::text || k || 'c')) % 9000 END)::numeric(14, 2) AS total
    FROM people p CROSS JOIN generate_series(1, 3) k
    WHERE p.division_code LIKE '430524%'`);
  await sql.unsafe(`
    INSERT INTO claims (id, external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
    SELECT id, 'BENCH-' || id, person_id, claim_date, CASE WHEN k = 3 THEN 'outpatient' ELSE 'inpatient' END, '隆回县人民医院', 2,
           total, round(total * 0.9, 2), total - round(total * 0.9, 2), round(total * 0.9 * 0.6, 2), round(total * 0.9 * 0.1, 2)
    FROM gen_claims`);
  await sql.unsafe(`
    INSERT INTO claim_settlements (claim_id, category, policy_version_id, basic, critical, assistance, tilted, self_paid, trace)
    SELECT g.id, coalesce(pc.category, 'ordinary'), (SELECT min(id) FROM policy_versions),
           round(g.total * 0.9 * 0.6, 2), round(g.total * 0.9 * 0.1, 2), round(g.total * 0.9 * 0.15, 2), 0,
           g.total - round(g.total * 0.9 * 0.6, 2) - round(g.total * 0.9 * 0.1, 2) - round(g.total * 0.9 * 0.15, 2), '[]'::jsonb
    FROM gen_claims g
    LEFT JOIN LATERAL (SELECT category FROM person_categories x WHERE x.person_id = g.person_id AND x.from_date <= g.claim_date
                       AND (x.to_date IS NULL OR x.to_date >= g.claim_date) ORDER BY x.from_date DESC LIMIT 1) pc ON true`);
  await sql.unsafe("DROP TABLE gen_claims");
  await sql.unsafe("RESET work_mem");
}
