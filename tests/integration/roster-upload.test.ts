import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { buildErrorReport } from "@/lib/rosters/build-error-report";
import { downloadRosterTemplate } from "@/lib/rosters/download-roster-template";
import { TooLargeError } from "@/lib/errors/app-error";
import { receiveRosterUpload } from "@/lib/rosters/receive-roster-upload";
import { badCheckId, csvText, syntheticId } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// What POST /api/v1/rosters/import runs: the upload arrives as a stream, is
// written to a temporary file (never held whole), imported all or nothing,
// and the temporary file is removed whatever happened.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];
const GOOD = [
  [syntheticId(710_001), "欧阳秀英", "低保对象", "新增", "430524101201", "2026-11-02", ""],
  [syntheticId(710_002), "刘德福", "特困人员", "新增", "430524101202", "2026-11-03", "五保"],
];

/** The bytes in small pieces, as a network upload arrives; `read` tells whether anyone consumed them. */
function upload(bytes: Buffer, piece = 100) {
  const state = { read: false };
  async function* chunks() {
    state.read = true;
    for (let i = 0; i < bytes.length; i += piece) yield bytes.subarray(i, i + piece);
  }
  return { file: Readable.from(chunks()), state };
}

const gb18030 = (rows: string[][]) => iconv.encode(csvText([HEADER, ...rows]), "gb18030");
// This process's upload folders (lib/uploads/upload-temp.ts: <UPLOAD_TMPDIR or tmpdir>/portal-uploads-<uid>/roster-<pid>-…),
// and the worksheet copies exceljs makes in tmpdir (tmp-<pid>-…): none may outlive the upload.
const leftovers = async () => {
  const root = join(process.env.UPLOAD_TMPDIR || tmpdir(), `portal-uploads-${process.getuid?.() ?? "u"}`);
  const uploads = (await readdir(root).catch(() => [] as string[])).filter((n) => n.startsWith(`roster-${process.pid}-`));
  const copies = (await readdir(tmpdir())).filter((n) => n.startsWith(`tmp-${process.pid}-`));
  return [...uploads, ...copies];
};

describe.each(drivers())("roster upload on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver);
  });
  afterAll(async () => s?.drop());

  const stored = async () => {
    const [r] = await s.handle.raw.query<{ subs: number; rolls: number }>(
      "select (select count(*) from roster_submissions)::int as subs, (select count(*) from department_memberships)::int as rolls",
    );
    return r!;
  };

  it("imports a GB18030 list streamed in pieces and removes the temporary file", async () => {
    const before = await stored();
    const { file } = upload(gb18030(GOOD));
    const r = await receiveRosterUpload(await contextOf(s, "minzheng.clerk"), { department: "civil_affairs", month: "2026-12", fileName: "C:\\名单\\民政12月.csv", file });
    expect(r).toMatchObject({ department: "civil_affairs", month: "2026-12", fileName: "民政12月.csv", accepted: 2, added: 2, rejected: [] });
    expect(await stored()).toEqual({ subs: before.subs + 1, rolls: before.rolls + 2 });
    expect(await leftovers()).toEqual([]);
  });

  it("refuses another department's list before reading a byte, audits it and stores nothing", async () => {
    const before = await stored();
    const { file, state } = upload(gb18030(GOOD));
    const refused = receiveRosterUpload(await contextOf(s, "xiangcun.clerk"), { department: "civil_affairs", month: "2026-12", fileName: "x.csv", file });
    await expect(refused).rejects.toMatchObject({ code: "forbidden", message: "只能报送本部门（乡村振兴局）的名单。" });
    expect(state.read).toBe(false);
    expect(await stored()).toEqual(before);
    const [audit] = await s.handle.raw.query<{ username: string; detail: { reason: string } }>(
      "select username, detail from audit_log where action = 'rosters.upload' and outcome = 'refused' order by id desc limit 1",
    );
    expect(audit).toEqual({ username: "xiangcun.clerk", detail: { reason: "department" } });
    // A 医保 clerk sends no lists at all.
    await expect(receiveRosterUpload(await contextOf(s, "yibao.clerk"), { department: "civil_affairs", month: "2026-12", fileName: "x.csv", file: upload(gb18030(GOOD)).file })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("stops an upload over the size limit, stores nothing and leaves no temporary file", async () => {
    const before = await stored();
    const big = gb18030(Array.from({ length: 200 }, (_, i) => [syntheticId(720_000 + i), "王丽娟", "低保对象", "新增", "430524101201", "2026-11-02", ""]));
    const ctx = await contextOf(s, "minzheng.clerk");
    const tooBig = receiveRosterUpload(ctx, { department: "civil_affairs", month: "2026-12", fileName: "big.csv", file: upload(big).file, maxBytes: 4096 });
    await expect(tooBig).rejects.toBeInstanceOf(TooLargeError);
    await expect(receiveRosterUpload(ctx, { department: "civil_affairs", month: "2026-12", fileName: "big.csv", file: upload(big).file, maxBytes: 4096 })).rejects.toMatchObject({
      field: "file",
      message: expect.stringContaining("不能超过 100 MB"),
    });
    expect(await stored()).toEqual(before);
    expect(await leftovers()).toEqual([]);
  });

  it("returns every problem of a file with bad rows and stores none of it", async () => {
    const before = await stored();
    const rows = [GOOD[0]!, [badCheckId(9), "李四", "低保对象", "新增", "430524101201", "2026-11-02", ""], [syntheticId(710_010), "王五", "返贫致贫人口", "新增", "430524101201", "2026-11-02", ""]];
    const r = await receiveRosterUpload(await contextOf(s, "minzheng.clerk"), { department: "civil_affairs", month: "2026-12", fileName: "bad.csv", file: upload(gb18030(rows)).file });
    expect(r.accepted).toBe(0);
    expect(r.rejected.map((e) => [e.row, e.column])).toEqual([[3, "身份证号"], [4, "类别"]]);
    expect(await stored()).toEqual(before);
  });

  it("names the field of a wrong month or file type", async () => {
    const ctx = await contextOf(s, "minzheng.clerk");
    const send = (month: string, fileName: string) => receiveRosterUpload(ctx, { department: "civil_affairs", month, fileName, file: upload(gb18030(GOOD)).file });
    await expect(send("2026/12", "a.csv")).rejects.toMatchObject({ field: "month" });
    await expect(send("2099-01", "a.csv")).rejects.toMatchObject({ field: "month", message: expect.stringContaining("最多可提前报送下月") });
    await expect(send("2026-12", "名单.xls")).rejects.toMatchObject({ field: "file", message: expect.stringContaining("另存为") });
  });

  it("writes the error file with formula-like text neutralised, in .xlsx and .csv", async () => {
    const ctx = await contextOf(s, "minzheng.clerk");
    const errors = [
      { row: 4, column: "类别", reason: "无法识别的类别“返贫”" },
      { row: 3, column: "=cmd|' /C calc'!A0", reason: "+SUM(A1:A9)" },
    ];
    const xlsx = await buildErrorReport(ctx, { format: "xlsx", errors, fileName: "民政12月.csv" });
    expect(xlsx.fileName).toBe("民政12月-问题清单.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect([1, 2, 3].map((r) => (sheet.getRow(r).values as unknown[]).slice(1))).toEqual([
      ["行号", "列", "问题"],
      [3, "'=cmd|' /C calc'!A0", "'+SUM(A1:A9)"],
      [4, "类别", "无法识别的类别“返贫”"],
    ]);
    const csv = (await buildErrorReport(ctx, { format: "csv", errors })).body.toString("utf8");
    expect(csv).toContain(`3,"'=cmd|' /C calc'!A0","'+SUM(A1:A9)"`);
    await expect(buildErrorReport(ctx, { format: "pdf", errors })).rejects.toMatchObject({ field: "format" });
    await expect(buildErrorReport(ctx, { format: "csv", errors: [] })).rejects.toMatchObject({ field: "errors" });
    await expect(buildErrorReport(await contextOf(s, "yibao.clerk"), { format: "csv", errors })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("gives each department its own template", async () => {
    const t = await downloadRosterTemplate(await contextOf(s, "xiangcun.clerk"));
    expect(t.fileName).toBe("乡村振兴局月度名单模板.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(t.body as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.getRow(2).getCell(3).value).toBe("返贫致贫人口");
    await expect(downloadRosterTemplate(await contextOf(s, "yibao.clerk"))).rejects.toMatchObject({ code: "forbidden" });
  });
});
