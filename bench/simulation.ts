import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import postgres from "postgres";
import { findPolicyVersion } from "@/db/queries/policies";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { simulatePolicyDraft } from "@/lib/policies/simulate-policy-draft";
import { DEMO_POLICY_ID, seedDemoPolicy } from "@/seed/policies";
import { raisedRecord } from "@/seed/policy-draft";
import { setupDatabase } from "@/seed/setup-database";
import { benchDataKeys, scratchPostgres } from "./lib/bench-database";
import { trackPeakRss } from "./lib/peak-memory";

// `npm run bench -- simulation [--people N] [--claims-per-person K] [--keep] [--report FILE]`
// (issue 13, Performance): N people (default 1,000,000) with K claims each
// (default 3) in 2025 and a 2025 enrolment each, generated with SQL on a real
// PostgreSQL scratch database; 20 % of them hold 低保 or 特困 all year. Then
// 政策测算 end to end from the database — simulatePolicyDraft, the use case the
// page runs: every claim of 2025 settled under the version in force (the demo
// county's policy) and under a draft raising 常规医疗救助 by 5 points, tallied,
// plus the premium subsidy of every enrolment under both — beside a bare
// `COPY (SELECT …) TO STDOUT` of the same claim and enrolment rows, drained
// in the same process, measured in the same run. Prints both times, the ratio
// (target ≤ 3×) and the peak RSS (target < 1 GB). `--report FILE` writes the
// whole report (less its timing) as JSON, to compare two builds' results.

const COUNTY = "430524000000";
const YEAR = 2025;

export default async function simulationBench(args: string[]) {
  benchDataKeys();
  const arg = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const people = arg("--people", 1_000_000);
  const perPerson = arg("--claims-per-person", 3);
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const loadAtStart = (await import("node:os")).loadavg()[0]!;
  const uptimeAtStart = uptime();
  const db = await scratchPostgres("simulation");
  const sql = postgres(db.url, { onnotice: () => {}, max: 1 });
  try {
    await setupDatabase(db.handle, { kinds: ["reference", "demo-base"] });
    await seedDemoPolicy(db.handle.db);
    const manager = { db: db.handle.db, actor: systemActor("medical_security", COUNTY, "manager") };
    const ref = await copyPolicyVersion(manager, { policyId: DEMO_POLICY_ID, version: 1 }, { targetPolicyId: "bench-draft", name: "测算基准草案" });
    const stored = (await findPolicyVersion(db.handle.db, ref.policyId, ref.version))!;
    await savePolicyDraft(manager, ref, { json: JSON.stringify(raisedRecord(stored.record as unknown as PolicyRecord)) });

    const villages = (await listCurrentDivisions(db.handle.db, { level: "village" })).map((d) => d.code);
    log(`generating ${people} people, ${people * perPerson} claims, ${people} enrolments (SQL)`);
    const t0 = performance.now();
    await generate(sql, villages, people, perPerson);
    const generateSeconds = (performance.now() - t0) / 1000;
    const [counts] = await sql<{ claims: number; people: number; size: string }[]>`
      SELECT (SELECT count(*) FROM claims)::int AS claims, (SELECT count(*) FROM people)::int AS people, pg_size_pretty(pg_database_size(current_database())) AS size`;
    log(`generated in ${generateSeconds.toFixed(1)} s: ${counts!.people} people, ${counts!.claims} claims, ${counts!.size}`);

    // The bare read: the same claim rows the simulation pages through (its columns, jurisdiction, period, order) and the same enrolments, as COPY.
    const bareClaims = `COPY (SELECT c.id, c.person_id, p.division_code, c.external_id, c.claim_date, c.setting, c.hospital_level, c.special_disease, c.referred, c.in_city,
        c.on_application, c.policy_scope_cost, c.out_of_scope_cost, c.basic_paid, c.critical_paid, c.hospital_waived, c.commercial_paid
      FROM claims c JOIN people p ON p.id = c.person_id
      WHERE c.superseded_at IS NULL AND c.claim_date BETWEEN '${YEAR}-01-01' AND '${YEAR}-12-31' AND p.division_code LIKE '430524%'
      ORDER BY c.person_id, c.claim_date, c.external_id) TO STDOUT`;
    const bareEnrolments = `COPY (SELECT e.id, p.division_code, e.year, e.tier, e.contribution, e.paid_on, e.fee_exempt, c.category
      FROM enrolments e JOIN people p ON p.id = e.person_id
      LEFT JOIN LATERAL (SELECT pc.category FROM person_categories pc WHERE pc.person_id = e.person_id AND pc.from_date <= e.paid_on
        AND (pc.to_date IS NULL OR pc.to_date >= e.paid_on) ORDER BY pc.from_date DESC LIMIT 1) c ON true
      WHERE e.year = ${YEAR} AND p.division_code LIKE '430524%' ORDER BY e.id) TO STDOUT`;
    const copy = async (text: string) => {
      let bytes = 0;
      const t = performance.now();
      const c = process.cpuUsage();
      await pipeline(await sql.unsafe(text).readable(), new Writable({ write: (chunk: Buffer, _e, done) => ((bytes += chunk.length), done()) }));
      return { seconds: (performance.now() - t) / 1000, cpu: cpuSince(c), bytes };
    };
    await copy(bareClaims); // warm the cache for both, so neither pays the first read from disk
    const memory = trackPeakRss();
    log("bare COPY");
    const c1 = await copy(bareClaims);
    const c2 = await copy(bareEnrolments);
    const bare = c1.seconds + c2.seconds;
    log(`bare COPY: ${bare.toFixed(2)} s (${(c1.bytes / 1e6).toFixed(0)} MB claims, ${(c2.bytes / 1e6).toFixed(0)} MB enrolments)`);

    memory.reset();
    log("simulatePolicyDraft");
    const t1 = performance.now();
    const cpu1 = process.cpuUsage();
    const report = await simulatePolicyDraft(manager, { policyId: ref.policyId, version: String(ref.version) }, { from: `${YEAR}-01-01`, to: `${YEAR}-12-31` });
    const simulated = (performance.now() - t1) / 1000;
    const simulatedCpu = cpuSince(cpu1);
    const peak = memory.stop();
    const s = report.summary;

    const lines = [
      `政策测算 benchmark — ${new Date().toISOString()} (load average at start ${loadAtStart.toFixed(2)})`,
      `uptime at start: ${uptimeAtStart}`,
      `uptime at end:   ${uptime()}`,
      `data: ${counts!.people} people (${people} generated + the demo county's base), ${s.claims} claims of ${YEAR} settled, ${s.subsidy.enrolments} enrolments; database ${counts!.size}; generated in ${generateSeconds.toFixed(0)} s`,
      `result: fund ${s.fund.current} → ${s.fund.draft} (${s.fund.diff}); paying less ${s.paying.less}, more ${s.paying.more}, same ${s.paying.same}; problems ${s.problems.personYears}`,
      `bare COPY (claims + enrolments) TO STDOUT: ${bare.toFixed(2)} s  (this process's CPU ${(c1.cpu + c2.cpu).toFixed(2)} s; the server's is not counted)`,
      `simulatePolicyDraft end to end:            ${simulated.toFixed(2)} s  (${Math.round(s.claims / simulated).toLocaleString("en")} claims/s, each settled twice)`,
      `  this process's CPU during it: ${simulatedCpu.toFixed(2)} s (${Math.round(s.claims / simulatedCpu).toLocaleString("en")} claims per CPU-second, reading, settling twice and tallying)`,
      `ratio: ${(simulated / bare).toFixed(2)}× (target ≤ 3×)`,
      `peak RSS during the simulation: ${peak} MB (target < 1024 MB)`,
    ];
    process.stdout.write(`${lines.join("\n")}\n`);
    const reportFile = args.indexOf("--report");
    if (reportFile >= 0) writeFileSync(args[reportFile + 1]!, `${JSON.stringify({ ...report, seconds: undefined }, null, 1)}\n`);
  } finally {
    await sql.end();
    if (args.includes("--keep")) await db.keep();
    else await db.drop();
  }
}

/** CPU seconds (user + system) of this process since `start`: on a shared machine, what one core did. */
function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1e6;
}

function uptime(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" }).trim();
  } catch {
    return "(uptime unavailable)";
  }
}

/** People, 20 % of them 低保 or 特困 all year, K claims each in the year (costs spread by a hash), one enrolment each. */
async function generate(sql: postgres.Sql, villages: readonly string[], people: number, perPerson: number): Promise<void> {
  await sql.unsafe("SET work_mem = '256MB'");
  const list = villages.map((v) => `'${v}'`).join(",");
  await sql.unsafe(`
    CREATE TEMP TABLE gen_people AS
    SELECT portal_uuid7() AS id, i, (ARRAY[${list}])[1 + i % ${villages.length}] AS division_code
    FROM generate_series(1, ${people}) i`);
  await sql.unsafe(`
    INSERT INTO people (id, id_number, name, sex, birth_date, division_code)
    SELECT id, '9' || lpad(i::text, 17, '0'), '测算' || i, CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, date '1960-01-01' + (i % 20000), division_code
    FROM gen_people`);
  await sql.unsafe(`
    INSERT INTO person_categories (person_id, category, from_date, source)
    SELECT id, CASE WHEN i % 10 = 0 THEN 'tekun' ELSE 'dibao' END, date '${YEAR - 1}-01-01', 'bench SQL' FROM gen_people WHERE i % 5 = 0`);
  await sql.unsafe(`
    INSERT INTO enrolments (person_id, year, tier, contribution, paid_on, fee_exempt)
    SELECT id, ${YEAR}, 1, 380.00, date '${YEAR}-01-20', 'no' FROM gen_people`);
  await sql.unsafe(`
    INSERT INTO claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
    SELECT 'SIM-' || g.i || '-' || k, g.id, date '${YEAR}-01-01' + (abs(hashtext(g.i || '/' || k)) % 360),
           CASE WHEN k % 3 = 0 THEN 'outpatient' ELSE 'inpatient' END, '隆回县人民医院', 2,
           t.total, round(t.total * 0.9, 2), t.total - round(t.total * 0.9, 2), round(t.total * 0.9 * 0.6, 2), NULL
    FROM gen_people g CROSS JOIN generate_series(1, ${perPerson}) k
    CROSS JOIN LATERAL (SELECT (CASE WHEN abs(hashtext(g.i::text)) % 200 = 0 THEN 60000 ELSE 800 + abs(hashtext(g.i || 'c' || k)) % 9000 END)::numeric(14, 2) AS total) t`);
  await sql.unsafe("DROP TABLE gen_people");
  await sql.unsafe("RESET work_mem");
  for (const table of ["people", "person_categories", "enrolments", "claims"]) await sql.unsafe(`VACUUM ANALYZE ${table}`);
}
