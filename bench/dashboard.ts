import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import * as schema from "@/db/schema";
import { coverageGroups } from "@/db/queries/coverage-stats";
import type { Db } from "@/db/client";
import { listCurrentDivisions } from "@/db/queries/divisions";
import { users } from "@/db/schema";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { loadActiveUser } from "@/lib/auth/resolve-session-user";
import { ROSTER_DEPARTMENTS } from "@/lib/departments/departments";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { getCoverage } from "@/lib/statistics/get-coverage";
import { getCoverageFigure } from "@/lib/statistics/get-coverage-figure";
import { getPaymentsFigure } from "@/lib/statistics/get-payments-figure";
import { getSubsidyFigure } from "@/lib/statistics/get-subsidy-figure";
import type { Period } from "@/lib/statistics/domain/dashboard";
import { statsDb } from "@/lib/statistics/stats-db";
import { runSubsidies } from "@/lib/enrolment/run-subsidies";
import { bulkTransaction } from "@/db/bulk";
import { openDb } from "@/db/client";
import { seedDemoPolicy } from "@/seed/policies";
import { setupDatabase } from "@/seed/setup-database";
import { benchAdminUrl, benchDataKeys, scratchPostgres } from "./lib/bench-database";
import { bareCoverageSql, barePaymentsSql, bareSubsidySql } from "./lib/dashboard-bare-sql";
import { categoryChanges, claims, COUNTY, enrol, keptDatabase, ON, STATS_TABLES, YEAR } from "./lib/dashboard-data";
import { pair2, type Row } from "./lib/paired-timing";
import { trackPeakRss } from "./lib/peak-memory";
import { startReplicaPair } from "./lib/replica";
import { writeDepartmentFile } from "./lib/roster-rows";

// `npm run bench -- dashboard [--people N] [--runs R] [--max-seconds S]
// [--monitoring-seconds M] [--no-monitoring] [--no-figures] [--no-replica] [--keep] [--rebuild-stats]`
// (issue 12, Performance): N people (default 1,000,000; the README also
// shows --people 5000000) with 3 claims each and a year of rosters on a real
// PostgreSQL 15, then the dashboard's data queries at county and township
// level, R (default 100) requests each, p50/p95, beside the same aggregate
// as one bare GROUP BY over the raw tables in the same run — on the primary
// and on a real streaming standby (bench/lib/replica.ts) opened through
// DATABASE_READ_URL's code path (openDb's readUrl, statsDb). The figures are
// every dashboard use case there is: getCoverage (stats coverage),
// getCoverageFigure, getPaymentsFigure, getSubsidyFigure. Then the full monitoring
// recompute (runMonitoring over the county) and the peak RSS.
//
// How the data is made (printed with the figures):
//   - January and February 2026 rosters of the four departments through the
//     product's bulk path: importRoster (COPY) and consolidateMonth, the same
//     use cases the upload page runs; February is the steady month (在册, 1 %
//     减少, 1 % 新增).
//   - March–December: each month 1 % of the people change category, written
//     with SQL into person_categories (closing the old row the day before, as
//     consolidation does). Ten more steady imports would take 10 × 20–60 s
//     on this machine and add only this shape to what the dashboard reads.
//   - Premium subsidies: runSubsidies, the enrolment import's own bulk step.
//   - Enrolments for 2026 (99.3 % of the assisted) and 3 claims per person
//     with their current settlement: INSERT … SELECT generate_series. The
//     claims import settles row by row in Node and would take far longer at
//     3,000,000 rows; what the dashboard and monitoring read is the same
//     tables either way.
//   - The dashboard's figures read the kept summary tables (migration
//     0025_stats_preaggregates), which the triggers fill as the rows above
//     are written: the generation steps' times include that upkeep.
// --rebuild-stats: the steps written with SQL (category changes, enrolments,
// claims) run with the summary tables' triggers off (session_replication_role
// = replica on the bench's own connection), and stats_rebuild() — the
// migration's backfill from the raw tables — fills the kept figures once at
// the end. Each of those statements' triggers recomputes every person it
// touched: at 5 M people the enrolments' one INSERT alone ran over 20 minutes
// under load. The product's own steps (importRoster, consolidateMonth,
// runSubsidies) keep their triggers. Without it, the triggers' sums are
// checked against the rebuild.
// --keep: generate into bench_dashboard_keep_<N> on BENCH_DATABASE_URL's
// server and leave it there; a later run with --keep and the same N measures
// it again without generating (no standby then: the standby's primary is the
// bench's own, gone after the run). Drop it by hand when done.
// Targets (issue 12): county-level p95 < 50 ms and ≤ 1/5 of the bare GROUP
// BY; monitoring of everyone < 30 s; peak RSS < 500 MB.


export default async function dashboardBench(args: string[]) {
  benchDataKeys();
  const arg = (name: string, dflt: number) => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : dflt;
  };
  const people = arg("--people", 1_000_000);
  const runs = arg("--runs", 100);
  // A measurement stops after its R requests or this many seconds, whichever comes first (the count is printed).
  const capSeconds = arg("--max-seconds", 300);
  const monitoringCap = arg("--monitoring-seconds", 900);
  const keep = args.includes("--keep");
  const rebuildStats = args.includes("--rebuild-stats");
  const withReplica = !args.includes("--no-replica") && !keep;
  const withMonitoring = !args.includes("--no-monitoring");
  // --no-figures: generation (or a kept database) and the monitoring run only.
  const withFigures = !args.includes("--no-figures");
  const memory = trackPeakRss();
  const log = (line: string) => process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  const started = new Date();
  const loadAtStart = (await import("node:os")).loadavg()[0]!;

  const pair = withReplica ? await startReplicaPair(benchAdminUrl(), log) : null;
  const dir = mkdtempSync(path.join(tmpdir(), "bench-dashboard-"));
  const kept = keep ? await keptDatabase(`bench_dashboard_keep_${people}`) : null;
  const db = kept ?? (await scratchPostgres("dashboard", {
    ...(pair ? { adminUrl: pair.primaryAdminUrl, readUrl: pair.standbyUrl } : {}),
  }));
  const reused = kept?.reused ?? false;
  try {
    // The demo county (divisions, accounts) and its policy, without the demo's own rosters, claims and cases:
    // consolidation only goes forward, and the demo has consolidated up to its seeding month.
    if (!reused) {
      await setupDatabase(db.handle, { kinds: ["reference", "demo-base"] });
      await seedDemoPolicy(db.handle.db);
    } else await db.handle.migrate();
    const villages = (await listCurrentDivisions(db.handle.db, { level: "village" })).map((d) => d.code);
    // One connection for the whole run, never replaced: the generation's temporary table and
    // session_replication_role live on it, and postgres.js otherwise retires a connection after
    // 30–60 minutes (max_lifetime) — the 5 M run lost its gen_claims table that way after 48 minutes.
    const sql = postgres(db.url, { onnotice: () => {}, max: 1, max_lifetime: null });
    const steps: { step: string; seconds: number; how: string; peakMb: number }[] = [];
    // Each step's own peak RSS (from the RSS it started at), so the whole run's peak can be put down to a step.
    const timed = async (step: string, how: string, f: () => Promise<unknown>) => {
      log(step);
      const stepMemory = trackPeakRss();
      const t = performance.now();
      await f();
      steps.push({ step, how, seconds: (performance.now() - t) / 1000, peakMb: stepMemory.stop() });
    };

    if (!reused) {
    // About 94 % of roster rows are distinct people (one in ten on two lists: bench/lib/roster-rows.ts).
    const rows = Math.round(people / 0.94);
    for (const [month, label] of [
      [1, "2026-01"],
      [2, "2026-02"],
    ] as const) {
      await timed(`rosters ${label}: import (4 departments) + consolidation`, "importRoster + consolidateMonth (COPY)", async () => {
        for (const department of ROSTER_DEPARTMENTS) {
          const file = path.join(dir, `${department}-${month}.csv`);
          await writeDepartmentFile(file, department, rows, villages, month, YEAR - 1);
          const ctx = { db: db.handle.db, actor: systemActor(department, COUNTY) };
          const r = await importRoster(ctx, { department, month: label, path: file, fileName: path.basename(file) });
          if (r.rejected.length) throw new Error(`roster rows rejected: ${JSON.stringify(r.rejected.slice(0, 3))}`);
          rmSync(file);
        }
        await consolidateMonth({ db: db.handle.db, actor: systemActor("medical_security", COUNTY) }, label);
      });
    }
    // Replica role: no trigger fires on this connection (the kept figures are rebuilt at the end).
    const sqlStep = async (f: () => Promise<void>) => {
      if (rebuildStats) await sql.unsafe("SET session_replication_role = replica");
      try {
        await f();
      } finally {
        if (rebuildStats) await sql.unsafe("RESET session_replication_role");
      }
    };
    const untriggered = rebuildStats ? ", summary triggers off" : "";
    await timed("category changes 2026-03 … 2026-12 (1 % a month)", `SQL into person_categories${untriggered}`, () => sqlStep(() => categoryChanges(sql)));
    await timed("enrolments 2026", `INSERT … SELECT${untriggered}`, () => sqlStep(() => enrol(sql)));
    await timed("premium subsidies 2026", "runSubsidies (the enrolment import's bulk step)", () =>
      bulkTransaction(db.handle.db, (tx) => runSubsidies(tx, { year: YEAR, scopePrefix: scopePrefix(COUNTY), fromStaging: false })),
    );
    await timed("claims, 3 per person, and their settlements", `INSERT … SELECT generate_series${untriggered}`, () => sqlStep(() => claims(sql)));
    for (const table of ["people", "person_categories", "enrolments", "claims", "claim_settlements", ...STATS_TABLES]) await sql.unsafe(`VACUUM ANALYZE ${table}`);
    if (keep) await sql.unsafe("CREATE TABLE bench_generated (at timestamptz NOT NULL DEFAULT now())");
    }
    // The kept sums against a rebuild from the raw tables (what stats_rebuild() costs, and that the triggers kept them right).
    const [kept1] = await sql<{ n: number; total: string }[]>`SELECT count(*)::int AS n, coalesce(sum(self_paid), 0)::text AS total FROM stats_payments_month`;
    const tRebuild = performance.now();
    if (!reused) await sql`SELECT stats_rebuild()`;
    const rebuildS = (performance.now() - tRebuild) / 1000;
    const [kept2] = await sql<{ n: number; total: string }[]>`SELECT count(*)::int AS n, coalesce(sum(self_paid), 0)::text AS total FROM stats_payments_month`;
    if (!reused && !rebuildStats && kept1!.total !== kept2!.total) throw new Error(`kept payments ${kept1!.total} ≠ rebuilt ${kept2!.total}`);
    if (!reused) for (const table of STATS_TABLES) await sql.unsafe(`VACUUM ANALYZE ${table}`);
    const [statsSize] = await sql<{ rows: string; size: string }[]>`
      SELECT (SELECT count(*) FROM stats_payments_day) || ' day, ' || (SELECT count(*) FROM stats_payments_month) || ' month, '
             || (SELECT count(*) FROM stats_coverage_step) || ' coverage step, ' || (SELECT count(*) FROM stats_coverage_person) || ' person step rows' AS rows,
             pg_size_pretty((SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE left(c.relname, 6) = 'stats_' AND c.relkind = 'r')::bigint) AS size`;
    const [counts] = await sql<{ people: number; categories: number; enrolments: number; subsidies: number; claims: number; size: string }[]>`
      SELECT (SELECT count(*) FROM people)::int AS people, (SELECT count(*) FROM person_categories)::int AS categories,
             (SELECT count(*) FROM enrolments)::int AS enrolments, (SELECT count(*) FROM subsidies)::int AS subsidies, (SELECT count(*) FROM claims)::int AS claims,
             pg_size_pretty(pg_database_size(current_database())) AS size`;
    const catchUp = pair ? await pair.catchUp() : 0;

    // Two handles on the same scratch database: db.handle was opened with the standby as its read URL
    // (DATABASE_READ_URL's path), so statsDb(ctx) routes the figures there; primaryOnly has no read URL.
    const primaryOnly = await openDb({ kind: "postgres", url: db.url });
    const township = villages[0]!.slice(0, 9) + "000";
    const servers: { name: string; db: Db; sql: postgres.Sql }[] = [{ name: "primary", db: primaryOnly.db, sql }];
    let standbySql: postgres.Sql | null = null;
    if (pair && db.handle.read) {
      standbySql = postgres(pair.standbyUrl(db.url), { onnotice: () => {}, max: 1 });
      servers.push({ name: "standby", db: db.handle.db, sql: standbySql });
    }
    const period: Period = { kind: "range", from: `${YEAR}-01-01`, to: ON, label: `${YEAR}年1—11月` };
    const figures = [
      { name: "getCoverage", real: (ctx: UseCaseContext, division: string) => getCoverage(ctx, { on: ON, division }), bare: bareCoverageSql },
      { name: "getCoverageFigure", real: (ctx: UseCaseContext, division: string) => getCoverageFigure(ctx, { division, period }), bare: bareCoverageSql },
      { name: "getPaymentsFigure", real: (ctx: UseCaseContext, division: string) => getPaymentsFigure(ctx, { division, period }), bare: barePaymentsSql },
      { name: "getSubsidyFigure", real: (ctx: UseCaseContext, division: string) => getSubsidyFigure(ctx, { division, period }), bare: bareSubsidySql },
    ];
    const results: Row[] = [];
    const figuresMemory = trackPeakRss();
    for (const server of withFigures ? servers : []) {
      const manager = await contextOf(server.db, "yibao.manager");
      const reads = statsDb(manager) === db.handle.read ? "standby" : "primary";
      if (reads !== server.name) throw new Error(`statsDb reads the ${reads}, expected the ${server.name}`);
      for (const figure of figures) {
        for (const [level, division, childDigits] of [
          ["county", COUNTY, 9],
          ["township", township, 12],
        ] as const) {
          log(`${figure.name} ${level} on the ${server.name}`);
          const r = await pair2(
            `${figure.name}, ${level}`,
            server.name,
            runs,
            capSeconds,
            () => figure.real(manager, division).then(() => 1),
            () => server.sql.unsafe(figure.bare(division, childDigits)).then((rows) => rows.length),
          );
          results.push(r);
          // Each figure as it is measured, so that a run stopped later still leaves them.
          log(`  ${r.runs} requests (bare ${r.bareRuns}): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms; bare p50 ${r.bare50.toFixed(1)} ms, p95 ${r.bare95.toFixed(1)} ms`);
        }
      }
    }
    await primaryOnly.close();
    const figuresPeak = figuresMemory.stop();
    // The plans of the county figure: getCoverage's own grouped query (its SQL caught by a drizzle logger) and the bare GROUP BY.
    const caught: { text: string; params: unknown[] }[] = [];
    const logged = postgres(db.url, { onnotice: () => {}, max: 1 });
    const loggingDb = drizzle(logged, { schema, logger: { logQuery: (text, params) => void caught.push({ text, params }) } }) as unknown as Db;
    await coverageGroups(loggingDb, scopePrefix(COUNTY), 9, ON);
    await logged.end();
    const plans: string[] = [];
    for (const [label, text, params] of !withFigures ? [] : [
      ["getCoverage's grouped query (db/queries/coverage-stats.ts), county", caught[0]!.text, caught[0]!.params],
      ["bare GROUP BY, county", bareCoverageSql(COUNTY, 9), []],
      ["payments: bare GROUP BY, county", barePaymentsSql(COUNTY, 9), []],
    ] as const) {
      const plan = await sql.unsafe(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params as never[]);
      plans.push(`${label}:\n${plan.map((r) => `  ${String(r["QUERY PLAN"])}`).join("\n")}`);
    }

    log(withMonitoring ? "monitoring run (the whole county)" : "monitoring run skipped (--no-monitoring)");
    const monitoringMemory = trackPeakRss();
    let t = performance.now();
    let run: Awaited<ReturnType<typeof runMonitoring>> | null = null;
    if (withMonitoring) {
      // Bounded (--monitoring-seconds): past it the run's statement is cancelled and its transaction rolls back.
      let timer: NodeJS.Timeout | undefined;
      const cancelled = new Promise<"timeout">((resolve) => {
        timer = setTimeout(() => resolve("timeout"), monitoringCap * 1000);
      });
      const running = runMonitoring({ db: db.handle.db, actor: systemActor("medical_security", COUNTY, "manager"), now: () => new Date(`${ON}T02:00:00Z`) }, { year: YEAR });
      const outcome = await Promise.race([running, cancelled]);
      clearTimeout(timer);
      if (outcome === "timeout") {
        // The run alternates statements with work in Node: cancel until one of its statements is hit and the run gives up.
        let settled = false;
        void running.catch(() => undefined).finally(() => (settled = true));
        for (let k = 0; k < 600 && !settled; k++) {
          await sql`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'`;
          await new Promise((r) => setTimeout(r, 100));
        }
        await running.catch(() => undefined);
      } else run = outcome;
    }
    const monitoringS = (performance.now() - t) / 1000;
    if (withMonitoring) log(run ? `  monitoring: ${monitoringS.toFixed(1)} s` : `  monitoring: not finished after ${monitoringCap} s, cancelled`);
    const monitoringPeak = monitoringMemory.stop();
    t = performance.now();
    if (withMonitoring) await sql`SELECT c.person_id, sum(s.self_paid) FROM claims c JOIN claim_settlements s ON s.claim_id = c.id AND s.superseded_at IS NULL
              WHERE c.claim_date >= ${`${YEAR}-01-01`} AND c.claim_date <= ${`${YEAR}-12-31`} GROUP BY c.person_id`.execute();
    const bareMonitoringS = (performance.now() - t) / 1000;
    const lagAfter = pair ? await pair.lagBytes() : 0;
    await standbySql?.end();
    await sql.end();
    const peak = memory.stop();

    const n = (x: number) => x.toLocaleString("en-US");
    const ms = (x: number) => `${x.toFixed(1)} ms`;
    const os = await import("node:os");
    console.log(`\ndashboard bench, ${started.toISOString().slice(0, 16).replace("T", " ")} UTC, ${os.cpus().length} cores, load ${loadAtStart.toFixed(1)} at start, ${os.loadavg()[0]!.toFixed(1)} at the end (1-minute load average)`);
    console.log(`data: ${n(counts!.people)} people (${n(people)} asked, with the demo county's own residents), ${n(counts!.categories)} category rows, ${n(counts!.enrolments)} enrolments, ${n(counts!.subsidies)} subsidies, ${n(counts!.claims)} claims; database ${counts!.size}`);
    console.log(pair ? `standby: ${pair.ownPrimary ? "of the bench's own PostgreSQL 15 primary (the machine's server refuses replication connections)" : "of the machine's server"}; caught up ${catchUp.toFixed(0)} ms after loading, ${n(lagAfter)} bytes behind after the monitoring run` : "standby: not started (--no-replica)");
    console.log(`kept summary tables: ${statsSize!.rows}; ${statsSize!.size}` + (reused ? "" : `; stats_rebuild() from the raw tables ${rebuildS.toFixed(1)} s (the migration's backfill at this size), ${rebuildStats ? "which filled them (--rebuild-stats: the SQL steps ran without the triggers)" : "the same payments sums as the triggers kept"}`));
    if (reused) console.log(`generation: reused the database bench_dashboard_keep_${people} (--keep)`);
    else {
      console.log(`\n| step (${rebuildStats ? "the SQL steps without" : "with"} the summary tables' triggers) | how | time | peak RSS |\n|---|---|---|---|`);
      for (const s of steps) console.log(`| ${s.step} | ${s.how} | ${s.seconds.toFixed(1)} s | ${s.peakMb} MB |`);
    }
    console.log(`\n| request | server | requests | p50 | p95 | bare GROUP BY runs | bare p50 | bare p95 | p95 ÷ bare p95 | target (county: p95 < 50 ms and ≤ 0.2 × bare) |`);
    console.log("|---|---|---|---|---|---|---|---|---|---|");
    for (const r of results) {
      const county = r.label.includes("county");
      const ok = !county ? "–" : r.p95 < 50 && r.p95 <= 0.2 * r.bare95 ? "met" : "not met";
      console.log(`| ${r.label} | ${r.server} | ${r.runs} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.bareRuns} | ${ms(r.bare50)} | ${ms(r.bare95)} | ${(r.p95 / r.bare95).toFixed(2)} | ${ok} |`);
    }
    if (withMonitoring) {
    console.log(`\n| monitoring recompute | time | target |\n|---|---|---|`);
    console.log(
      run
        ? `| runMonitoring ${YEAR}, ${n(run.evaluated)} people evaluated, ${n(run.flagged)} flagged (${n(run.new)} new) | ${monitoringS.toFixed(1)} s | < 30 s: ${monitoringS < 30 ? "met" : "not met"} |`
        : `| runMonitoring ${YEAR} over the county | not finished in ${monitoringCap} s (cancelled, rolled back) | < 30 s: not met |`,
    );
    console.log(`| bare: Σ self-paid per person over the year's current settlements | ${bareMonitoringS.toFixed(1)} s | |`);
    }
    console.log(`\npeak RSS ${peak} MB for the whole run (the figures ${figuresPeak} MB, monitoring ${monitoringPeak} MB, generation's steps in their table); target < 500 MB: ${peak < 500 ? "met" : "not met"}`);
    console.log(`\n${plans.join("\n\n")}`);
  } finally {
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
    await pair?.stop();
  }
}

async function contextOf(db: Db, username: string): Promise<UseCaseContext> {
  const [row] = await db.select().from(users).where(eq(users.username, username));
  const user = row ? await loadActiveUser(db, { uid: row.id, sv: row.sessionVersion }) : null;
  if (!user) throw new Error(`${username} is not an active user`);
  return { db, actor: { kind: "user", user, ip: null, userAgent: "bench" }, now: () => new Date(`${ON}T02:00:00Z`) };
}
