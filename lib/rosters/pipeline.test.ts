import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, expect, it } from "vitest";
import { writeErrorReport } from "@/lib/tabular-import/error-report";
import { ROSTER_COLUMNS } from "./domain/columns";
import type { RosterRowError } from "./domain/errors";
import { readRosterFile } from "./read-roster";
import { badCheckId, csvText, syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { validateRosterRow, type RosterEntry, type RosterValidationContext } from "./domain/validate-row";

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.remove();
});

// The clerk's path through this layer: a WPS-saved list with two bad rows is
// read, every row validated, and both problems come back in the error file.
it("a 民政 list with two bad rows: both problems, by row and column, in the error file", async () => {
  const path = tmp.file("民政2025-01.csv");
  await writeFile(
    path,
    iconv.encode(
      csvText([
        ["身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"],
        [syntheticId(1), "张三", "低保对象", "新增", "430524101201", "2025/1/3", ""],
        [badCheckId(2), "李四", "特困人员", "在册", "430524101201", "2024-12-01", ""],
        [syntheticId(3), "王五", "返贫致贫人口", "新增", "430524101202", "2025-01-04", ""],
        [syntheticId(4), "赵六", "低保", "减少", "430524101202", "2024-05-01", "迁出"],
      ]),
      "gb18030",
    ),
  );
  const ctx: RosterValidationContext = { department: "civil_affairs", jurisdiction: "430524000000", isKnownDivision: () => true, month: "2025-01" };
  const entries: RosterEntry[] = [];
  const errors: RosterRowError[] = [];
  for await (const row of await readRosterFile({ path })) {
    const result = validateRosterRow(row, ctx);
    if (result.ok) entries.push(result.entry);
    else errors.push(...result.errors);
  }
  expect(entries.map((e) => [e.name, e.category, e.change])).toEqual([
    ["张三", "dibao", "added"],
    ["赵六", "dibao", "removed"],
  ]);
  expect(errors).toEqual([
    { row: 3, column: "身份证号", reason: "校验码错误" },
    { row: 4, column: "类别", reason: "类别“返贫致贫人口”不属于民政局报送范围" },
  ]);

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeErrorReport(errors, "xlsx", ROSTER_COLUMNS)) as unknown as ArrayBuffer);
  const rows = workbook.worksheets[0]!.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1));
  expect(rows).toEqual([
    [3, "身份证号", "校验码错误"],
    [4, "类别", "类别“返贫致贫人口”不属于民政局报送范围"],
  ]);
});
