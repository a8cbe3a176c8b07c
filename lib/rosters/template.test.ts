import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_INFO, categoriesOf } from "@/lib/categories/categories";
import { ROSTER_DEPARTMENTS } from "@/lib/departments/departments";
import { isValidIdNumber } from "@/lib/id-number/id-number";
import { readRosterFile, type RosterRow } from "./read-roster";
import { rosterTemplate } from "./domain/template";
import { syntheticId, tempDir } from "@/tests/helpers/roster-files";
import { validateRosterRow } from "./domain/validate-row";

let tmp: Awaited<ReturnType<typeof tempDir>>;
beforeAll(async () => {
  tmp = await tempDir();
});
afterAll(async () => {
  await tmp.remove();
});

describe("rosterTemplate", () => {
  for (const department of ROSTER_DEPARTMENTS) {
    it(`${department}: Chinese headers, a valid example row of its own category, text-formatted ID column`, async () => {
      const buffer = await rosterTemplate(department);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      expect(sheet.name).toBe("名单");
      expect(workbook.worksheets[1]!.name).toBe("填写说明");
      expect(sheet.getRow(1).values).toEqual([undefined, "身份证号", "姓名", "类别", "变动", "区划代码", "认定日期", "备注"]);
      expect(sheet.getColumn(1).numFmt).toBe("@");
      const id = String(sheet.getCell("A2").value);
      expect(isValidIdNumber(id)).toBe(true);
      expect(sheet.getCell("C2").value).toBe(CATEGORY_INFO[categoriesOf(department)[0]!].name);

      // Read back through the reader: the example row is recognised and refused,
      // and the same row with a real ID passes validation.
      const path = tmp.file(`${department}.xlsx`);
      await writeFile(path, buffer);
      const rows: RosterRow[] = [];
      for await (const row of await readRosterFile({ path })) rows.push(row);
      expect(rows).toHaveLength(1);
      const ctx = { department, jurisdiction: "430524000000", isKnownDivision: () => true, month: "2025-01" };
      const asIs = validateRosterRow(rows[0]!, ctx);
      expect(!asIs.ok && asIs.errors[0]!.reason).toContain("示例行");
      const filled = validateRosterRow({ ...rows[0]!, fields: { ...rows[0]!.fields, id_number: syntheticId(5) } }, ctx);
      expect(filled.ok).toBe(true);
    });
  }
});
