import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeFile } from "node:fs/promises";
import iconv from "iconv-lite";
import type { RosterDepartment } from "@/lib/departments/departments";
import { getRosterBoard } from "@/lib/rosters/get-roster-board";
import { importRoster } from "@/lib/rosters/import-roster";
import { listRosterSubmissions } from "@/lib/rosters/list-roster-submissions";
import { csvText, syntheticId, tempDir, writeXlsxFile } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The monthly board (报送情况) for October 2025: the 5th fell in the National
// Day holiday (10-01 … 10-08), so lists were due on Thursday 2025-10-09, and
// the consolidation 5 working days later, on 2025-10-15 (10-11 was a make-up
// Saturday). Send times are set in UTC to check that the board judges by the
// Beijing calendar day.

const HEADER = ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"];

describe.each(drivers())("roster board on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    const send = async (username: string, department: RosterDepartment, path: string, sentAtUtc: string) => {
      const r = await importRoster(await contextOf(s, username), { department, month: "2025-10", path, fileName: path.split("/").pop()! });
      expect(r.rejected).toEqual([]);
      await s.handle.raw.query("update roster_submissions set submitted_at = $1::timestamptz where department = $2 and month = '2025-10'", [sentAtUtc, department]);
    };
    const mz = files.file("民政2025年10月.csv");
    await writeFile(mz, iconv.encode(csvText([HEADER, [syntheticId(700_001), "张秀英", "低保对象", "新增", "430524100201", "2025-09-15", ""]]), "gb18030"));
    // 23:30 on the deadline day in Beijing: on time.
    await send("minzheng.clerk", "civil_affairs", mz, "2025-10-09T15:30:00Z");
    const xc = files.file("乡村振兴2025年10月.xlsx");
    await writeXlsxFile(xc, [HEADER, [syntheticId(700_002), "李德福", "返贫致贫人口", "新增", "430524100202", "2025-09-01", ""]]);
    // 00:10 on 10-10 in Beijing — still 10-09 in UTC: late.
    await send("xiangcun.clerk", "rural_revitalization", xc, "2025-10-09T16:10:00Z");
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const october = async (username: string, today: string) => {
    const board = await getRosterBoard(await contextOf(s, username), { today });
    const month = board.months.find((m) => m.month === "2025-10")!;
    return { board, month, status: Object.fromEntries(month.cells.map((c) => [c.department, c.status])) };
  };

  it("moves the deadline past the holiday and judges each department by the Beijing day", async () => {
    const { month, status } = await october("yibao.clerk", "2025-10-10");
    expect(month.deadline).toBe("2025-10-09");
    expect(month.rolled).toContain("国庆节");
    expect(month.consolidationDue).toBe("2025-10-15");
    expect(status).toEqual({ civil_affairs: "on_time", rural_revitalization: "late", veterans: "missing", disability: "missing" });
    const civil = month.cells.find((c) => c.department === "civil_affairs")!;
    expect(civil).toMatchObject({ firstAt: "2025-10-09 23:30", sends: 1, rows: 1, added: 1, removed: 0, statusName: "按时报送" });
  });

  it("calls an unsent list pending up to and including the deadline day", async () => {
    const { status } = await october("yibao.clerk", "2025-10-09");
    expect(status.veterans).toBe("pending");
    expect(status.civil_affairs).toBe("on_time");
  });

  it("shows the consolidation as pending until its due date and overdue after it", async () => {
    expect((await october("yibao.clerk", "2025-10-15")).month.consolidation.status).toBe("pending");
    expect((await october("yibao.clerk", "2025-10-16")).month.consolidation.status).toBe("overdue");
  });

  it("starts at the first month any list was sent, and shows a department only its own lists", async () => {
    const { board } = await october("xiangcun.clerk", "2025-12-20");
    expect(board.months.map((m) => m.month)).toEqual(["2025-12", "2025-11", "2025-10"]);
    expect(board.departments.map((d) => d.code)).toEqual(["rural_revitalization"]);
    expect(board.months.find((m) => m.month === "2025-11")!.cells[0]!.status).toBe("missing");
  });

  it("lists who sent which file when, with on time or late", async () => {
    const all = await listRosterSubmissions(await contextOf(s, "yibao.clerk"), { month: "2025-10" });
    expect(all.deadline).toBe("2025-10-09");
    expect(all.submissions.map((x) => [x.departmentName, x.fileName, x.submittedBy, x.submittedAt, x.onTime])).toEqual([
      ["乡村振兴局", "乡村振兴2025年10月.xlsx", "李海林", "2025-10-10 00:10", false],
      ["民政局", "民政2025年10月.csv", "王丽娟", "2025-10-09 23:30", true],
    ]);
    const own = await listRosterSubmissions(await contextOf(s, "minzheng.clerk"), { month: "2025-10" });
    expect(own.submissions.map((x) => x.department)).toEqual(["civil_affairs"]);
    await expect(listRosterSubmissions(await contextOf(s, "yibao.clerk"), { month: "2025-13" })).rejects.toMatchObject({ field: "month" });
  });

  it("refuses the board to a user without the permission, and audits the refusal", async () => {
    await expect(getRosterBoard(await contextOf(s, "taohong.clerk"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getRosterBoard(await contextOf(s, "caizheng.viewer"))).rejects.toMatchObject({ code: "forbidden" });
    const [row] = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'rosters.view' and outcome = 'refused'");
    expect(row!.n).toBe(2);
  });

  it("shows a department-month sent twice as its first send's time and the latest list's own figures", async () => {
    const again = files.file("民政2025年10月-补报.csv");
    await writeFile(again, iconv.encode(csvText([HEADER,
      [syntheticId(700_001), "张秀英", "低保对象", "在册", "430524100201", "2025-09-15", ""],
      [syntheticId(700_003), "王桂兰", "特困人员", "新增", "430524100203", "2025-09-20", ""],
      [syntheticId(700_004), "刘建国", "特困人员", "新增", "430524100203", "2025-09-20", ""],
    ]), "gb18030"));
    const r = await importRoster(await contextOf(s, "minzheng.clerk"), { department: "civil_affairs", month: "2025-10", path: again, fileName: "民政2025年10月-补报.csv" });
    expect(r).toMatchObject({ rejected: [], added: 2, unchanged: 1 });
    await s.handle.raw.query("update roster_submissions set submitted_at = '2025-10-12T02:00:00Z' where file_name = '民政2025年10月-补报.csv'");
    const civil = (await october("yibao.clerk", "2025-10-20")).month.cells.find((c) => c.department === "civil_affairs")!;
    // Timeliness from the first send; rows, additions and removals all of the latest list (not the month's sums).
    expect(civil).toMatchObject({ status: "on_time", firstAt: "2025-10-09 23:30", lastAt: "2025-10-12 10:00", sends: 2, rows: 3, added: 2, removed: 0 });
  });
});
