import fc from "fast-check";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseContext } from "@/lib/auth/context";
import { claimsUploadResultSchema } from "@/lib/claims/domain/claims-upload-response";
import { CLAIM_HEADERS } from "@/lib/claims/domain/claim-columns";
import { receiveClaimsUpload } from "@/lib/claims/receive-claims-upload";
import { ENROLMENT_HEADERS } from "@/lib/enrolment/domain/columns";
import { enrolmentUploadResultSchema } from "@/lib/enrolment/domain/enrolment-upload-response";
import { receiveEnrolmentUpload } from "@/lib/enrolment/receive-enrolment-upload";
import { AppError, HTTP_STATUS } from "@/lib/errors/app-error";
import { COLUMN_HEADERS } from "@/lib/rosters/domain/columns";
import { rosterUploadResponse } from "@/lib/rosters/domain/roster-upload-response";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { WHOLE_ROW, type TableRowError } from "@/lib/tabular-import/errors";
import { activatePolicy, CLAIM_FILE_HEADER, claimCells, residents, type TestPerson } from "../helpers/claims-fixtures";
import { csvOf, encodeText, exceljsWorkbook, fileCases, shortly, xlsxParts, type FileCase, type Table } from "../helpers/fuzz-files";
import { storedZip, syntheticId } from "../helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Fuzz suite for the file entry points (issue 14, bad input), beside the JSON
// one (fuzz-json-api.test.ts): the three imports that read a table through
// lib/tabular-import — a department's monthly roster (receiveRosterUpload),
// the enrolment file (receiveEnrolmentUpload) and the settlement records
// (receiveClaimsUpload) — called the way their routes call them: the upload
// as a stream in pieces, written to a private temporary file, imported, the
// answer passed through the route's schema. (Application attachments are not
// read, only sniffed by their first bytes: upload-attachment.ts; not here.)
// fast-check generates malformed files around a valid one (helpers/fuzz-files.ts):
// cells with control characters, U+202E, NUL, 30-digit amounts, bad dates,
// bad check digits, huge cells and rows; headers renamed, repeated, missing;
// CSV in UTF-8 / GB18030 / UTF-16 LE/BE with and without BOM and in wrong
// encodings; hand-made .xlsx zips with damaged XML, real exceljs workbooks
// with bytes flipped, cut or inserted; non-zip bytes named .xlsx, empty files.
// For every file: the import accepts it, or refuses it — a thrown AppError
// with a Chinese message and a field, or `rejected` rows whose reasons are
// Chinese and name a column (or quote the header cell, or say 整行 about a
// row or the file) — and never throws anything else; a refusal leaves the
// database unchanged (row count and md5 of every table's rows, the audit log
// excepted), and no temporary file (the upload's, or exceljs's copy of a
// worksheet) is left behind.
//
// Runs: FUZZ_RUNS per entry point and driver, 60 by default (`npm test`);
// the long run is `FUZZ_RUNS=4000 npx vitest run tests/integration/fuzz-file-imports.test.ts`
// (with TEST_DATABASE_URL for PostgreSQL too).

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const TIMEOUT = Math.max(300_000, RUNS * 1_500);
const globalForDb = globalThis as unknown as { portalDb?: Promise<unknown> };
const CJK = /[\u4e00-\u9fff]/;
const INTERNALS = /\bat .+:\d+:\d+\)?$|TypeError|RangeError|SyntaxError|ReferenceError|undefined|\[object Object\]|ENOENT|EACCES/m;

type Answer = { status: number; body: { rejected?: TableRowError[]; error?: string; field?: string } & Record<string, unknown> };

type EntryPoint = {
  name: string;
  who: string;
  headers: string[];
  table: () => Table;
  send: (ctx: UseCaseContext, fileName: string, file: Readable) => Promise<Answer>;
};

/** The bytes in pieces, as a network upload arrives. */
function upload(c: FileCase): Readable {
  return Readable.from(
    (function* () {
      for (let i = 0; i < c.bytes.length; i += c.piece) yield c.bytes.subarray(i, i + c.piece);
    })(),
  );
}

/** The HTTP answer apiRoute would give: the route's own status and body, or an AppError's 4xx. Anything else escapes. */
async function answer(run: () => Promise<Answer>): Promise<Answer> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof AppError) return { status: HTTP_STATUS[err.code], body: { error: err.message, field: err.field } };
    throw err;
  }
}

describe.each(drivers())("fuzzing the file imports on %s", (driver) => {
  let s: Scratch;
  let people: TestPerson[];
  let temp: string;
  const saved = { UPLOAD_TMPDIR: process.env.UPLOAD_TMPDIR, TMPDIR: process.env.TMPDIR };

  const ENTRY_POINTS: EntryPoint[] = [
    {
      name: "roster import (receiveRosterUpload)",
      who: "minzheng.clerk",
      headers: Object.values(COLUMN_HEADERS),
      table: () => ({
        header: Object.values(COLUMN_HEADERS),
        rows: [
          [syntheticId(910_001), "欧阳秀英", "低保对象", "新增", "430524101201", "2026-11-02", ""],
          [syntheticId(910_002), "刘德福", "特困人员", "新增", "430524101202", "2026-11-03", "五保"],
          [syntheticId(910_003), "王丽娟", "低保对象", "新增", "430524100201", "2026-10-15", ""],
        ],
      }),
      send: async (ctx, fileName, file) => rosterUploadResponse(await receiveRosterUpload(ctx, { department: "civil_affairs", month: "2026-12", fileName, file })) as Answer,
    },
    {
      name: "enrolment import (receiveEnrolmentUpload)",
      who: "yibao.clerk",
      headers: Object.values(ENROLMENT_HEADERS),
      table: () => ({
        header: Object.values(ENROLMENT_HEADERS),
        rows: [
          [people[0]!.idNumber, people[0]!.name, "2026", "一档", "400", "400", "2025-11-05", "否"],
          [people[1]!.idNumber, people[1]!.name, "2026", "二档", "600", "400", "2025-11-06", "否"],
          [syntheticId(920_001), "外来人", "2026", "一档", "400", "400", "2025-11-07", "是"],
        ],
      }),
      send: async (ctx, fileName, file) => {
        const result = enrolmentUploadResultSchema.parse(await receiveEnrolmentUpload(ctx, { fileName, file }));
        return { status: result.rejected.length ? 422 : 200, body: result };
      },
    },
    {
      name: "claims import (receiveClaimsUpload)",
      who: "yibao.clerk",
      headers: Object.values(CLAIM_HEADERS),
      table: () => ({
        header: [...CLAIM_FILE_HEADER],
        rows: [
          claimCells({ externalId: "FZ-1", person: people[2]!, date: "2025-03-01", total: "1000", scope: "800", basic: "500" }),
          claimCells({ externalId: "FZ-2", person: people[3]!, date: "2025-04-02", setting: "门诊", total: "300.50", scope: "200", basic: "100", critical: "" }),
          claimCells({ externalId: "FZ-3", person: people[2]!, date: "2025-05-03", total: "20000", scope: "18000", basic: "9000", critical: "3000", waived: "100", commercial: "50" }),
        ],
      }),
      send: async (ctx, fileName, file) => {
        const result = claimsUploadResultSchema.parse(await receiveClaimsUpload(ctx, { fileName, file, now: new Date("2026-12-07T04:00:00Z") }));
        return { status: result.rejected.length ? 422 : 200, body: result };
      },
    },
  ];

  beforeAll(async () => {
    s = await seededDb(driver);
    globalForDb.portalDb = Promise.resolve(s.handle);
    await activatePolicy(s.handle.db, {
      preset: "pengshui-2023",
      division: "430524000000",
      activeFrom: "2025-01-01",
      edit: (r) => r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } }),
    });
    people = await residents(s.handle.db, "4305241012", 4);
    // The upload folders and exceljs's worksheet copies (the tmp package, os.tmpdir()) land here, to be checked after every file.
    temp = mkdtempSync(join(tmpdir(), "portal-fuzz-files-"));
    process.env.UPLOAD_TMPDIR = temp;
    process.env.TMPDIR = temp;
  }, 300_000);
  afterAll(async () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    if (temp) rmSync(temp, { recursive: true, force: true });
    delete globalForDb.portalDb;
    await s?.drop();
  });

  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);

  /** Row count and md5 of the rows of every table but the audit log (a refusal of another department's list is audited). */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = await q<{ t: string }>(
      "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'audit%' order by 1",
    );
    const out: Record<string, string> = {};
    for (const { t } of tables) {
      const [row] = await q<{ n: number; h: string }>(`select count(*)::int as n, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from "${t}" x`);
      out[t] = `${row!.n}:${row!.h}`;
    }
    return out;
  }

  /** What is in the temporary folder but the (empty) upload root: removed once seen, so that the next file is judged on its own (shrinking). */
  async function leftovers(): Promise<string[]> {
    const list = () => readdirSync(temp).flatMap((name) => (name.startsWith("portal-uploads-") ? readdirSync(join(temp, name)).map((inner) => `${name}/${inner}`) : [name]));
    let found = list();
    // A removal still under way is not a leftover (the reader removes exceljs's copies 250 ms after a failed read).
    for (let waited = 0; found.length > 0 && waited < 3000; waited += 25) {
      await new Promise((r) => setTimeout(r, 25));
      found = list();
    }
    for (const f of found) rmSync(join(temp, f), { recursive: true, force: true });
    return found;
  }

  /**
   * Inputs the fuzzer found, kept as fixed cases. An .xlsx cut short inside a
   * worksheet that comes before the shared strings: exceljs copies such a
   * sheet to a temp file and waited for ever for the copy to finish — the
   * import hung holding its lock — and a read that failed left that copy (names,
   * ID numbers) in the temp folder (fixed in lib/tabular-import/exceljs-utf8.ts).
   * A workbook without its shared-strings part: every text cell read as
   * "[object Object]", shown to the clerk as 无法识别的列“[object Object]” (read-xlsx.ts).
   */
  const regressions = (base: Table): FileCase[] => {
    const zip = storedZip(xlsxParts(base, { strings: "inline", numbers: false, order: "shared-last" }));
    const sheetAt = zip.indexOf("xl/worksheets/sheet1.xml");
    const { ["xl/sharedStrings.xml"]: _strings, ...withoutStrings } = xlsxParts(base, { strings: "shared", numbers: false, order: "excel" });
    return [
      { fileName: "名单.xlsx", bytes: storedZip(withoutStrings), piece: 64 * 1024, note: "regression: .xlsx whose text cells point into a missing shared-strings part" },
      { fileName: "名单.xlsx", bytes: zip.subarray(0, sheetAt + 200), piece: 64 * 1024, note: "regression: .xlsx cut inside a sheet that precedes the shared strings" },
      { fileName: "名单.xlsx", bytes: zip.subarray(0, zip.length - 400), piece: 7, note: "regression: .xlsx cut inside the shared strings, in 7-byte pieces" },
    ];
  };

  it.each(ENTRY_POINTS)("$name: malformed files are accepted or refused in Chinese naming the column or file, never an exception, and a refusal changes nothing", async (e) => {
    const ctx = await contextOf(s, e.who);
    const base = e.table();
    const workbook = await exceljsWorkbook(base);
    let state = await fingerprint();
    expect(Object.keys(state).length).toBeGreaterThan(10);
    const outcomes: Record<string, number> = {};
    const started = Date.now();
    const known = new Set([...e.headers, WHOLE_ROW, "文件"]);

    const check = async (c: FileCase) => {
      let a: Answer;
      try {
        a = await answer(() => e.send(ctx, c.fileName, upload(c)));
      } catch (err) {
        throw new Error(`${e.name} ← ${fc.stringify(c)}: unexpected ${err instanceof Error ? err.stack : String(err)}`, { cause: err });
      }
      const where = `${e.name} ← ${fc.stringify(c)}: ${a.status} ${JSON.stringify(a.body).slice(0, 600)}`;
      expect(await leftovers(), where).toEqual([]);
      const rejected = a.body.rejected ?? [];
      if (a.status === 200 && rejected.length === 0) {
        outcomes.accepted = (outcomes.accepted ?? 0) + 1;
        state = await fingerprint(); // an accepted file changes the rolls: the next refusal is judged against the new state
        return;
      }
      if (a.status < 400 || a.status >= 500) expect.fail(`${where}: neither accepted nor a 4xx refusal`);
      if (rejected.length === 0) {
        // A thrown AppError: its message Chinese, its field named.
        outcomes[`${a.status} ${a.body.field}`] = (outcomes[`${a.status} ${a.body.field}`] ?? 0) + 1;
        expect(a.body.error, where).toMatch(CJK);
        expect(a.body.error, where).not.toMatch(INTERNALS);
        expect(a.body.field, where).toBeTruthy();
      } else {
        const first = rejected[0]!;
        const kind = rejected.length === 1 && first.column === WHOLE_ROW && first.row === 1 ? `file: ${first.reason.slice(0, 12)}` : known.has(first.column) ? "rows" : "header cell";
        outcomes[kind] = (outcomes[kind] ?? 0) + 1;
        for (const r of rejected) {
          expect(r.reason, where).toMatch(CJK);
          expect(r.reason, where).not.toMatch(INTERNALS);
          expect(r.row, where).toBeGreaterThanOrEqual(1);
          // The column by its header, or the unrecognised header cell quoted in the reason; 整行 about a row or the whole file.
          if (!known.has(r.column)) expect(r.reason, `${where} (column ${JSON.stringify(r.column)})`).toContain(`“${r.column}”`);
          if (r.column === WHOLE_ROW) expect(r.reason, where).toMatch(/行|列|文件|表头|工作表|编码|Excel|CSV/);
        }
      }
      expect(await fingerprint(), `${where}: the database changed`).toEqual(state);
    };

    // The valid file itself, as a real workbook and as CSV, is accepted (else the fuzzing would only ever test refusals).
    for (const c of [
      { fileName: "名单.xlsx", bytes: workbook, piece: 64 * 1024, note: "the valid table, exceljs workbook" },
      { fileName: "名单.csv", bytes: encodeText(csvOf(base, { encoding: "gb18030", delimiter: ",", newline: "\r\n", quoting: "needed" }), "gb18030"), piece: 100, note: "the valid table, GB18030 CSV" },
    ]) {
      await check(shortly(c));
      expect(outcomes.accepted, `${e.name}: ${c.note} was not accepted`).toBeGreaterThan(0);
      delete outcomes.accepted;
    }
    for (const c of regressions(base)) await check(shortly(c));
    // No shrinking unless FUZZ_SHRINK=1: a file's note says what was done to it, and shrinking a 2,000-row workbook takes minutes.
    await fc.assert(fc.asyncProperty(fileCases(base, workbook), check), { numRuns: RUNS, endOnFailure: process.env.FUZZ_SHRINK !== "1" });
    console.log(`[fuzz] ${driver} ${e.name}: ${RUNS} files in ${((Date.now() - started) / 1000).toFixed(1)} s, outcomes ${JSON.stringify(outcomes)}`);
  }, TIMEOUT);
});
