import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setupDatabase } from "@/seed/setup-database";
import { DEMO_ENROLMENT_YEAR } from "@/seed/enrolment";
import { DEMO_CURRENT_YEAR } from "@/seed/enrolment-current-year";
import { getSubsidyFigure } from "@/lib/statistics/get-subsidy-figure";
import { parsePeriod } from "@/lib/statistics/domain/period";
import { listLedger } from "@/lib/enrolment/list-ledger";
import { getCoverage } from "@/lib/statistics/get-coverage";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { describeDetail } from "@/lib/audit/domain/describe-audit";
import { bulkTransaction, type BulkTx } from "@/db/bulk";
import { runSubsidies } from "@/lib/enrolment/run-subsidies";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// What a new user finds after `npm start`: the 2027 collection imported from a
// real file, subsidies computed, the worklist generated and partly worked off —
// and what the coverage statistics and the monitoring run make of the demo
// (kept in this file so the full demo is seeded once for all of them).
const KEY_LABEL: Record<string, string> = { outcome: "结果", channel: "方式", reason: "原因" };

describe.each(drivers())("the demo enrolment ledger on %s", (driver) => {
  let s: Scratch;
  // The whole demo seed, as applications-demo.test.ts: minutes on a loaded machine.
  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
  }, 600_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("has enrolments with subsidies, two tier-2 payers, and open and closed 未参保 cases", async () => {
    const [r] = await s.handle.raw.query<{ imports: number; enrolled: number; tier2: number; subsidies: number; open: number; taohong: number; closed: number; reasons: number }>(
      `select (select count(*) from enrolment_imports where year = $1)::int as imports,
              (select count(*) from enrolments where year = $1)::int as enrolled,
              (select count(*) from enrolments where year = $1 and tier = 2)::int as tier2,
              (select count(*) from subsidies where year = $1)::int as subsidies,
              (select count(*) from unenrolled_cases where year = $1 and status = 'open')::int as open,
              (select count(*) from unenrolled_cases where year = $1 and status = 'open' and township_code = '430524100000')::int as taohong,
              (select count(*) from unenrolled_cases where year = $1 and status = 'closed')::int as closed,
              (select count(distinct reason) from unenrolled_cases where year = $1 and status = 'closed')::int as reasons`,
      [DEMO_ENROLMENT_YEAR],
    );
    expect(r).toMatchObject({ imports: 1, tier2: 2 });
    expect(r!.subsidies).toBeGreaterThan(500);
    expect(r!.enrolled).toBeGreaterThan(r!.subsidies);
    expect(r!.open).toBeGreaterThan(0);
    expect(r!.taohong).toBeGreaterThan(1);
    expect(r!.closed).toBeGreaterThan(0);
    expect(r!.reasons).toBeGreaterThan(2);
    const ledger = await listLedger(await contextOf(s, "yibao.clerk"), { year: DEMO_ENROLMENT_YEAR, page: 1 });
    expect(Number(ledger.totals.medicalAssistance)).toBeGreaterThan(0);
    expect(ledger.counts.pending).toBe(0);
  });

  /** The year's subsidy rows, in a comparable form. */
  const subsidyRows = (tx: BulkTx) =>
    tx.query<Record<string, unknown>>(
      "select person_id, category, policy_version_id, subsidy::text, personal::text, funding from subsidies where year = $1 order by person_id",
      [DEMO_ENROLMENT_YEAR],
    );
  /** Runs `f` in a bulk transaction that is then rolled back, so the demo stays as seeded for the other tests. */
  const rolledBack = async (f: (tx: BulkTx) => Promise<void>) => {
    const undo = new Error("rolled back on purpose");
    await expect(
      bulkTransaction(s.handle.db, async (tx) => {
        await f(tx);
        throw undo;
      }),
    ).rejects.toBe(undo);
  };
  const rerun = (tx: BulkTx, batch?: number) => runSubsidies(tx, { year: DEMO_ENROLMENT_YEAR, scopePrefix: "430524", fromStaging: false, batch });

  it("the subsidy run in batches writes what one pass writes", async () => {
    await rolledBack(async (tx) => {
      const again = async (batch?: number) => {
        await tx.query("delete from subsidies where year = $1", [DEMO_ENROLMENT_YEAR]);
        const run = await rerun(tx, batch);
        return { run, rows: await subsidyRows(tx) };
      };
      const onePass = await again();
      const inBatches = await again(7);
      expect(onePass.rows.length).toBeGreaterThan(3 * 7);
      expect(inBatches.run).toEqual(onePass.run);
      expect(inBatches.rows).toEqual(onePass.rows);
      // However many batches, the rows are stored by one statement (rows of one statement share
      // its command id), so the dashboard's summary trigger updates each summary row once.
      const [written] = await tx.query<{ statements: number }>(
        "select count(distinct cmin::text)::int as statements from subsidies where year = $1 and xmin = pg_current_xact_id()::xid",
        [DEMO_ENROLMENT_YEAR],
      );
      expect(written!.statements).toBe(1);
    });
  });

  it("a batched re-run fills only the missing subsidies, also past windows where nothing is missing", async () => {
    // Batches walk windows of enrolment ids; the first windows here hold only
    // enrolments that keep their subsidy, and the run must go on past them.
    await rolledBack(async (tx) => {
      const before = await subsidyRows(tx);
      const removed = await tx.query<{ person_id: string }>(
        `delete from subsidies s using enrolments e
         where s.year = $1 and e.year = s.year and e.person_id = s.person_id
           and e.id > (select percentile_disc(0.8) within group (order by id) from enrolments where year = $1)
         returning s.person_id`,
        [DEMO_ENROLMENT_YEAR],
      );
      expect(removed.length).toBeGreaterThan(20);
      const run = await rerun(tx, 7);
      expect(run.computed).toBe(removed.length);
      expect(await subsidyRows(tx)).toEqual(before);
    });
  });

  it("adds nothing on a second start", async () => {
    const before = await s.handle.raw.query("select count(*)::int as n from enrolments");
    await setupDatabase(s.handle);
    expect(await s.handle.raw.query("select count(*)::int as n from enrolments")).toEqual(before);
  });
  it("coverage of the demo county: everyone not enrolled is on the 未参保 worklist; the target is 隆回县's policy's (003 全覆盖)", async () => {
    const c = await getCoverage(await contextOf(s, "yibao.manager"), { on: `${DEMO_ENROLMENT_YEAR}-01-15` });
    const [cases] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from unenrolled_cases where year = $1", [DEMO_ENROLMENT_YEAR]);
    // Two code paths agree: the worklist generator and the statistics.
    expect(c.assisted - c.enrolled).toBe(cases!.n);
    expect(c.target).toBe("100.00");
    expect(c.children.length).toBe(10);
    expect(c.children.reduce((n, t) => n + t.assisted, 0)).toBe(c.assisted);
    expect(c.children.reduce((n, t) => n + t.enrolled, 0)).toBe(c.enrolled);
    expect(Object.values(c.byCategory).reduce((n, v) => n + v, 0)).toBe(c.assisted);
  });
  it("the current year (2026) has its ledger too: the dashboard's coverage is near the target, not 0 %, and 资助参保 has money", async () => {
    const manager = await contextOf(s, "yibao.manager");
    const c = await getCoverage(manager, { on: `${DEMO_CURRENT_YEAR}-11-30` });
    expect(c.assisted).toBeGreaterThan(500);
    expect(Number(c.rate)).toBeGreaterThan(95);
    expect(Number(c.rate)).toBeLessThan(100);
    const sub = await getSubsidyFigure(manager, { period: parsePeriod({ period: String(DEMO_CURRENT_YEAR) }, "2026-11-30") });
    expect(sub.people).toBeGreaterThan(500);
    expect(Number(sub.subsidy)).toBeGreaterThan(0);
    const [n] = await s.handle.raw.query<{ imports: number }>("select count(*)::int as imports from enrolment_imports where year = $1", [DEMO_CURRENT_YEAR]);
    expect(n!.imports).toBe(1);
  });
  it("the demo's 2026 claims have raised monitoring flags, some followed to an outcome, and running again raises none", async () => {
    const [flags] = await s.handle.raw.query<{ n: number; open: number; closed: number; audited: number }>(
      `select count(*)::int as n, (count(*) filter (where status = 'open'))::int as open, (count(*) filter (where status = 'closed'))::int as closed,
              (select count(*)::int from audit_log where action = 'monitoring.outcome') as audited
       from monitoring_flags where year = 2026`,
    );
    expect(flags!.open).toBeGreaterThan(10);
    // About one in five followed to an outcome through the use case, each audited (seed/monitoring-outcomes.ts).
    expect(flags!.closed).toBe(Math.floor((flags!.n + 2) / 5));
    expect(flags!.audited).toBe(flags!.closed);
    expect(await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2026 })).toMatchObject({ flagged: flags!.n, new: 0 });
  });

  it("every field the demo's audit rows carry reads in Chinese on the audit page, codes in words", async () => {
    const rows = await s.handle.raw.query<{ action: string; detail: Record<string, unknown> | null }>("select action, detail from audit_log where detail is not null");
    expect(rows.length).toBeGreaterThan(100);
    const cjk = /[\u4e00-\u9fff]/;
    // A key left as written: "computed：0" at the start of a line or after "；".
    const rawKey = /(^|；)[A-Za-z_]+：/;
    const unreadable = new Set<string>();
    for (const row of rows) {
      for (const line of describeDetail(row.detail)) {
        if (!cjk.test(line.label)) unreadable.add(`${row.action}: ${line.label}`);
        if (rawKey.test(line.value)) unreadable.add(`${row.action}: ${line.label} = ${line.value}`);
        // Codes the use cases write as values (outcomes, channels, reasons): never shown as the code.
        if (["outcome", "channel", "reason"].some((k) => KEY_LABEL[k] === line.label) && /^[a-z_]+$/.test(line.value)) unreadable.add(`${row.action}: ${line.label} = ${line.value}`);
      }
    }
    expect([...unreadable]).toEqual([]);
  });
});
