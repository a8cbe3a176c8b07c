import { createReadStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDb, type DbHandle } from "@/db/client";
import type { DbConfig } from "@/db/config";
import { acceptApplication } from "@/lib/applications/accept-application";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { beginTownshipReview } from "@/lib/applications/begin-township-review";
import { forwardApplication } from "@/lib/applications/forward-application";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { recordHouseholdSurvey } from "@/lib/applications/record-household-survey";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import type { UseCaseContext } from "@/lib/auth/context";
import { applyResettle } from "@/lib/claims/apply-resettle";
import { previewResettle } from "@/lib/claims/preview-resettle";
import { receiveClaimsUpload } from "@/lib/claims/receive-claims-upload";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";
import { consolidateMonth } from "@/lib/rosters/consolidate-month";
import { importRoster } from "@/lib/rosters/import-roster";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { sweepUploadTemp } from "@/lib/uploads/upload-temp";
import { seedDemoPolicy } from "@/seed/policies";
import type { BulkJob } from "../helpers/bulk-job-child";
import { claimCells, writeGb18030Csv } from "../helpers/claims-fixtures";
import { filesUnder, hasOpen, newestMtime, startTsx, waitUntil } from "../helpers/kill-child";
import { csvText, syntheticId, tempDir, writeXlsxFile } from "../helpers/roster-files";
import { dropScratch, drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Issue 14 (reliability): kill -9 during every kind of import and bulk job.
// Each job runs in a child process (tsx --conditions=react-server, as the
// CLI runs, on tests/helpers/bulk-job-child.ts: the imports through the upload
// path the server takes), on an input large enough to be still at work when
// the test sees it inside its transaction — on PostgreSQL its session holds a
// transaction id (it has written: pg_stat_activity.backend_xid), on PGlite the
// child has written WAL since it opened the folder (or, for the small payment
// batch, has opened the data file of payment_batches, which only the batch's
// transaction reads). Then SIGKILL, and:
// - every table (row count and md5 of all rows, audit_log and audit_chain
//   included) is what it was before;
// - nothing is left that blocks a re-run: the server session ends, no advisory
//   lock is held, no temporary table is left (PostgreSQL); the folder opens
//   again after the stale lock and recovers (PGlite), with no temp relation
//   files (the staging tables hold names);
// - the upload folder the killed import left is removed by the start-up sweep
//   (sweepUploadTemp, as instrumentation.ts runs it), and with it every file
//   with personal data in the job's temp folders;
// - the same input run again in-process completes as it would have.
// One scratch database per driver, the jobs in the order a county does them
// (each re-run leaves what the next job needs).

const N = 8_000; // people on the roster, enrolled
const CLAIMS = 3_000; // settlement records for the first of them
const CHANGED = 1_500; // of these, a category correction before the re-settlement
const CASES = 20; // approved on-application cases in the payment batch
const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const ENROLMENT_HEADER = ["身份证号", "姓名", "参保年度", "缴费档次", "个人缴费标准", "一档个人缴费标准", "缴费日期", "免缴人员"];
const VILLAGES = ["430524100201", "430524100202", "430524100203", "430524100204", "430524100205"];
const NOW = "2026-11-18T02:00:00Z"; // inside the shipped holiday schedules (the payment clock)
const id = (n: number) => syntheticId(700_000 + n);
const nameOf = (n: number) => `${"李王张刘陈杨赵黄周吴"[n % 10]}${"伟芳娜敏静丽强磊军洋"[Math.floor(n / 10) % 10]}${"明超秀英华"[Math.floor(n / 100) % 5]}`;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe.each(drivers())("kill -9 during bulk jobs on %s", (driver) => {
  let config: DbConfig;
  let handle: DbHandle;
  let files: Awaited<ReturnType<typeof tempDir>>;
  const input: Record<string, string> = {};
  const jobTmps: string[] = [];

  beforeAll(async () => {
    const s = await seededDb(driver);
    config = s.config;
    handle = s.handle;
    await seedDemoPolicy(handle.db);
    files = await tempDir();
    input.roster = files.file("民政-2025-10.xlsx");
    await writeXlsxFile(input.roster, [HEADER, ...range(N).map((n) => [id(n), nameOf(n), n % 3 === 0 ? "特困人员" : "低保对象", "新增", VILLAGES[n % 5]!, "2025-09-15", ""])]);
    input.enrolment = files.file("参保-2026.csv");
    await writeFile(input.enrolment, csvText([ENROLMENT_HEADER, ...range(N).map((n) => [id(n), nameOf(n), "2026", "一档", "400", "400", "2025-11-10", "否"])]));
    input.claims = files.file("结算记录-2025-12.csv");
    await writeGb18030Csv(
      input.claims,
      range(CLAIMS).map((n) => claimCells({ externalId: `KILL-${n}`, person: { idNumber: id(n), name: nameOf(n) }, date: `2025-12-${String(10 + (n % 15)).padStart(2, "0")}`, total: "52000", scope: "48000" })),
    );
    // 低保 → 特困 from December for some of them: their claims settle differently.
    input.correction = files.file("民政-2025-12.csv");
    await writeFile(input.correction, csvText([HEADER, ...range(CHANGED).filter((n) => n % 3 !== 0).map((n) => [id(n), nameOf(n), "特困人员", "在册", VILLAGES[n % 5]!, "2025-11-20", ""])]));
  }, 600_000);
  afterAll(async () => {
    await handle?.close().catch(() => {});
    if (config) await dropScratch(config);
    await files?.remove();
    for (const dir of jobTmps) rmSync(dir, { recursive: true, force: true });
  });

  const q = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => handle.raw.query<T>(text, params);
  const as = async (username: string): Promise<UseCaseContext> => ({ ...(await contextOf({ handle } as Scratch, username)), now: () => new Date(NOW) });
  const upload = (path: string) => ({ fileName: basename(path), file: createReadStream(path) });

  /** Row count and md5 of the rows of every table (the audit log and its chain included). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await q<{ t: string }>("select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1");
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const [row] = await q<{ n: number; h: string }>(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  /**
   * Runs `job` in a child process, waits until it is demonstrably inside its
   * transaction, kills it with SIGKILL, and checks what the kill left: the
   * database as before, nothing blocking a re-run, no personal data in temp
   * folders once the start-up sweep has run.
   */
  async function killMidJob(job: BulkJob, opts: { pgliteSignal?: "wal" | "payment_batches"; pgQuery?: RegExp } = {}): Promise<{ leftByKill: string[] }> {
    const before = await fingerprint();
    const appName = `kill-test-${job.job}`;
    const relFile = driver === "pglite" && opts.pgliteSignal === "payment_batches"
      ? join((config as { dataDir: string }).dataDir, (await q<{ p: string }>("select pg_relation_filepath('payment_batches') as p"))[0]!.p)
      : "";
    if (driver === "pglite") await handle.close(); // the folder admits one process
    const jobTmp = mkdtempSync(join(tmpdir(), "kill-test-tmp-"));
    jobTmps.push(jobTmp);
    const uploads = join(jobTmp, "uploads");
    const sys = join(jobTmp, "sys");
    mkdirSync(uploads);
    mkdirSync(sys);
    // The upload folder's parent and the system temp folder apart, as a deployment may set them.
    const env: NodeJS.ProcessEnv = { ...process.env, UPLOAD_TMPDIR: uploads, TMPDIR: sys, PGAPPNAME: appName };
    delete env.DATABASE_URL;
    delete env.DATA_DIR;
    if (config.kind === "postgres") env.DATABASE_URL = config.url;
    else env.DATA_DIR = config.dataDir;
    const child = startTsx("tests/helpers/bulk-job-child.ts", [JSON.stringify(job)], env);
    try {
      await waitUntil(child, "the child opened the database", () => child.stdout().includes("ready"));
      if (config.kind === "postgres") {
        const inside = async () => {
          const [session] = await q<{ query: string }>("select query from pg_stat_activity where datname = current_database() and application_name = $1 and backend_xid is not null", [appName]);
          return session !== undefined && (!opts.pgQuery || opts.pgQuery.test(session.query));
        };
        await waitUntil(child, `its transaction wrote${opts.pgQuery ? ` and ran ${opts.pgQuery}` : ""}`, inside);
      } else if (opts.pgliteSignal === "payment_batches") {
        await waitUntil(child, "its transaction read payment_batches", () => hasOpen(child.proc.pid!, relFile));
      } else {
        const wal = join(config.dataDir, "pg_wal");
        const atReady = newestMtime(wal);
        await waitUntil(child, "it wrote WAL", () => newestMtime(wal) > atReady);
      }
      child.proc.kill("SIGKILL");
    } finally {
      if (child.proc.exitCode === null) child.proc.kill("SIGKILL");
    }
    const exit = await child.exited;
    expect(exit.signal, `the job was killed, not finished: ${child.stdout()}`).toBe("SIGKILL");
    expect(child.stdout().trim()).toBe("ready"); // no result printed

    if (config.kind === "postgres") {
      // The server notices the closed connection (after a running statement ends) and rolls back.
      const start = Date.now();
      while ((await q("select 1 from pg_stat_activity where datname = current_database() and application_name = $1", [appName])).length > 0) {
        if (Date.now() - start > 60_000) throw new Error("the killed job's session is still there after 60 s");
        await new Promise((r) => setTimeout(r, 20));
      }
      // pg_locks is the whole server's (other databases' tests too): this database's only.
      expect(
        await q("select l.pid, l.objid, l.mode, a.application_name, a.query from pg_locks l left join pg_stat_activity a using (pid) where l.locktype = 'advisory' and l.database = (select oid from pg_database where datname = current_database())"),
      ).toEqual([]);
      expect(await q("select relname from pg_class where relpersistence = 't'")).toEqual([]);
    } else {
      handle = await openDb(config); // the stale lock file of the dead process is taken over; PGlite recovers from its WAL
      await handle.migrate();
      expect(filesUnder(join(config.dataDir, "base")).filter((f) => /(^|\/)t\d+_\d+/.test(f))).toEqual([]);
    }
    expect(await fingerprint()).toEqual(before);

    // tsx's cache of compiled sources (sys/tsx-<uid>/) is the test harness's, not the job's.
    const jobFiles = () => filesUnder(jobTmp).filter((f) => !/^sys\/tsx-\d+\//.test(f));
    const leftByKill = jobFiles();
    // The next start (instrumentation.ts) sweeps what a dead process left.
    const saved = { UPLOAD_TMPDIR: process.env.UPLOAD_TMPDIR, TMPDIR: process.env.TMPDIR };
    Object.assign(process.env, { UPLOAD_TMPDIR: uploads, TMPDIR: sys });
    try {
      sweepUploadTemp();
    } finally {
      for (const [k, v] of Object.entries(saved)) if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    expect(jobFiles(), `left by the kill: ${leftByKill.join(", ")}`).toEqual([]);
    return { leftByKill };
  }

  it("roster import (.xlsx upload): nothing stored, the upload swept, the same file imports cleanly", async () => {
    const { leftByKill } = await killMidJob({ job: "roster", username: "minzheng.clerk", department: "civil_affairs", month: "2025-10", file: input.roster! }, { pgQuery: /^COPY roster_staging/ });
    expect(leftByKill.some((f) => /^uploads\/portal-uploads-\d+\/roster-\d+-[^/]+\/upload\.xlsx$/.test(f))).toBe(true);
    const r = await receiveRosterUpload(await as("minzheng.clerk"), { department: "civil_affairs", month: "2025-10", ...upload(input.roster!) });
    expect(r).toMatchObject({ accepted: N, added: N, removed: 0, rejected: [], alreadyImported: false });
  }, 300_000);

  it("consolidation: no category fixed, no run recorded; the month consolidates after", async () => {
    await killMidJob({ job: "consolidate", month: "2025-10" });
    const r = await consolidateMonth(await as("yibao.clerk"), "2025-10");
    expect(r).toMatchObject({ month: "2025-10", persons: N, added: N });
  }, 300_000);

  it("enrolment import: no enrolment or subsidy stored, the upload swept; the same file imports cleanly", async () => {
    const { leftByKill } = await killMidJob({ job: "enrolment", file: input.enrolment! }, { pgQuery: /^COPY enrolment_staging/ });
    expect(leftByKill.some((f) => /^uploads\/portal-uploads-\d+\/enrolment-\d+-[^/]+\/upload\.csv$/.test(f))).toBe(true);
    const r = await receiveEnrolmentUpload(await as("yibao.clerk"), upload(input.enrolment!));
    expect(r).toMatchObject({ year: 2026, rows: N, enrolled: N, notKnown: 0, rejected: [], alreadyImported: false });
  }, 300_000);

  it("claims import: no claim or settlement stored, the upload swept; the same file imports and settles", async () => {
    const { leftByKill } = await killMidJob({ job: "claims", file: input.claims!, now: new Date().toISOString() });
    expect(leftByKill.some((f) => /^uploads\/portal-uploads-\d+\/claims-\d+-[^/]+\/upload\.csv$/.test(f))).toBe(true);
    const r = await receiveClaimsUpload(await as("yibao.clerk"), { ...upload(input.claims!), now: new Date() });
    expect(r).toMatchObject({ rows: CLAIMS, added: CLAIMS, settled: CLAIMS, rejected: [] });
  }, 300_000);

  it("re-settlement after a category correction: no result superseded; the previewed plan applies after", async () => {
    const correction = await importRoster(await as("minzheng.clerk"), { department: "civil_affairs", month: "2025-12", path: input.correction!, fileName: "民政-2025-12.csv" });
    expect(correction.rejected).toEqual([]);
    await consolidateMonth(await as("yibao.clerk"), "2025-12");
    const preview = await previewResettle(await as("yibao.reviewer"), { year: "2025" });
    expect(preview.changes.length).toBeGreaterThan(500);
    const job = { job: "resettle", year: "2025", fingerprint: preview.fingerprint, reason: "民政类别更正（低保改特困）" } as const;
    await killMidJob(job);
    const r = await applyResettle(await as("yibao.reviewer"), job);
    expect(r.changed).toBe(preview.changes.length);
  }, 300_000);

  it("payment batch: no batch, no line, every case still approved; the same cases make the batch after", async () => {
    const cases = await approvedCases();
    const job = { job: "payment", cases, now: NOW } as const;
    await killMidJob(job, { pgliteSignal: "payment_batches" });
    const states = await q<{ state: string; n: number }>("select state, count(*)::int as n from applications group by state");
    expect(states).toEqual([{ state: "approved", n: CASES }]);
    const r = await createPaymentBatch(await as("yibao.clerk"), { cases });
    expect(r.count).toBe(CASES);
  }, 300_000);

  /** CASES cases approved through the real use cases (as payment-batches-api.test.ts), each with one claim. */
  async function approvedCases(): Promise<{ id: string; version: number }[]> {
    const clerk = await as("taohong.clerk");
    const reviewer = await as("yibao.reviewer");
    const persons = await q<{ id: string }>(
      "select id from people p where division_code like '430524100%' and not exists (select 1 from person_categories c where c.person_id = p.id) order by id limit $1",
      [CASES],
    );
    const out: { id: string; version: number }[] = [];
    for (const [i, { id: personId }] of persons.entries()) {
      await q("insert into person_categories (person_id, category, from_date, to_date, source) values ($1, 'monitored', '2026-01-01', null, 'fixture')", [personId]);
      const [claim] = await q<{ id: string }>(
        `insert into claims (external_id, person_id, claim_date, setting, hospital_name, hospital_level, total_cost, policy_scope_cost, out_of_scope_cost, basic_paid, critical_paid)
         values ($1, $2, '2026-06-01', 'inpatient', '隆回县人民医院', 2, 30000, 30000, 0, 10000, 0) returning id`,
        [`KILL-PAY-${i}`, personId],
      );
      const { id } = await acceptApplication(clerk, {
        personId,
        acceptedOn: "2026-11-16",
        filerKind: "self",
        phone: "13812345678",
        bankHolder: "王大山",
        bankName: "中国农业银行隆回县支行",
        bankAccount: `62220212345678${String(90000 + i)}`,
        diagnosisSummary: "急性心肌梗死，住院介入治疗",
        documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
      });
      let v = (await beginTownshipReview(clerk, id, { version: 1 })).version;
      v = (await setApplicationClaims(clerk, id, { version: v, claimIds: [claim!.id] })).version;
      v = (await recordHouseholdSurvey(clerk, id, { version: v, surveyedOn: "2026-11-18", visitors: "罗春兰", findings: "属实", householdSituation: "家庭困难" })).version;
      v = (await forwardApplication(clerk, id, { version: v })).version;
      v = (await beginCountyAudit(reviewer, id, { version: v })).version;
      v = (await approveApplication(reviewer, id, { version: v })).version;
      out.push({ id, version: v });
    }
    return out;
  }
});
