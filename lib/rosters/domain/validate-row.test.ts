import { describe, expect, it } from "vitest";
import { upgradeIdNumber } from "@/lib/id-number/id-number";
import { COLUMN_KEYS, type ColumnKey } from "./columns";
import { duplicateIdError, duplicateIdReason, notOnRollError, NOT_ON_ROLL_REASON, WHOLE_ROW } from "./errors";
import { TEMPLATE_EXAMPLE } from "./example";
import type { RosterRow } from "../read-roster";
import { badCheckId, syntheticId } from "@/tests/helpers/roster-files";
import { validateRosterRow, type RosterValidationContext } from "./validate-row";

const KNOWN = new Set(["430524101201", "430524101202", "430524102201", "430524000000"]);
const ctx: RosterValidationContext = {
  department: "civil_affairs",
  jurisdiction: "430524000000",
  isKnownDivision: (code) => KNOWN.has(code),
  month: "2025-01",
  today: new Date("2025-02-01T00:00:00Z"),
};

const ID = syntheticId(7);
const GOOD: Record<ColumnKey, string> = {
  id_number: ID,
  name: "张三",
  category: "低保对象",
  change: "新增",
  division_code: "430524101201",
  certified_on: "2025-01-05",
  note: "",
};

function row(fields: Partial<Record<ColumnKey, string>>, n = 2): RosterRow {
  return { row: n, fields: { ...GOOD, ...fields } };
}

function errorsOf(fields: Partial<Record<ColumnKey, string>>, context = ctx) {
  const result = validateRosterRow(row(fields), context);
  if (result.ok) throw new Error("expected the row to be rejected");
  return result.errors;
}

describe("a valid row", () => {
  it("is normalised into an entry", () => {
    const result = validateRosterRow(row({ id_number: ` ${ID.slice(0, 17)}${ID[17]!.toLowerCase()} `, category: "低保", change: "在册" }), ctx);
    expect(result).toEqual({
      ok: true,
      entry: { idNumber: ID, name: "张三", category: "dibao", change: "current", divisionCode: "430524101201", certifiedOn: "2025-01-05", note: "" },
    });
  });

  it("accepts codes, English change values and every date form", () => {
    for (const [text, iso] of [
      ["2025-01-05", "2025-01-05"],
      ["2025/1/5", "2025-01-05"],
      ["2025年1月5日", "2025-01-05"],
      ["20250105", "2025-01-05"],
      ["2025.01.31", "2025-01-31"],
      ["2024-02-29 00:00:00", "2024-02-29"],
    ]) {
      const result = validateRosterRow(row({ certified_on: text, category: "tekun", change: "removed" }), ctx);
      expect(result.ok && result.entry).toMatchObject({ certifiedOn: iso, category: "tekun", change: "removed" });
    }
  });

  it("accepts an X check character and full-width digits", () => {
    const xId = Array.from({ length: 20_000 }, (_, i) => syntheticId(i)).find((id) => id.endsWith("X"))!;
    const fullWidth = xId.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
    const result = validateRosterRow(row({ id_number: fullWidth }), ctx);
    expect(result.ok && result.entry.idNumber).toBe(xId);
  });
});

describe("rejected rows", () => {
  it("a bad check character", () => {
    expect(errorsOf({ id_number: badCheckId(7) })).toEqual([{ row: 2, column: "身份证号", reason: "校验码错误" }]);
  });

  it("bad ID format and birth date", () => {
    expect(errorsOf({ id_number: "43052419580302" })[0]!.reason).toBe("应为18位，前17位为数字，末位为数字或X");
    const future = "43052420990101001";
    expect(errorsOf({ id_number: `${future}1` })[0]!.reason).toBe("出生日期无效");
    expect(errorsOf({ id_number: "4.30524E+17" })[0]!.reason).toContain("科学计数法");
  });

  it("a 15-digit ID, with the 18-digit conversion as a hint", () => {
    const old = "430524580302001";
    const reason = errorsOf({ id_number: old })[0]!.reason;
    expect(reason).toContain("15位旧身份证号");
    expect(reason).toContain(upgradeIdNumber(old));
  });

  it("a division outside the jurisdiction", () => {
    expect(errorsOf({ division_code: "110105001001" })).toEqual([
      { row: 2, column: "区划代码", reason: expect.stringContaining("不在本单位管辖范围（430524000000）内") },
    ]);
  });

  it("an unknown division inside the jurisdiction, and a malformed one", () => {
    expect(errorsOf({ division_code: "430524999201" })[0]!.reason).toContain("不在本系统的区划表中");
    expect(errorsOf({ division_code: "4305241012" })[0]!.reason).toContain("应为12位数字");
    expect(errorsOf({ division_code: "430524000201" })[0]!.reason).toContain("区划代码无效");
  });

  it("another department's category", () => {
    expect(errorsOf({ category: "返贫致贫人口" })).toEqual([
      { row: 2, column: "类别", reason: "类别“返贫致贫人口”不属于民政局报送范围" },
    ]);
    expect(errorsOf({ category: "dibao" }, { ...ctx, department: "disability" })[0]!.reason).toBe("类别“低保对象”不属于残疾人联合会报送范围");
    expect(errorsOf({ category: "低保户口" })[0]!.reason).toContain("无法识别的类别“低保户口”，民政局可报送：特困人员、低保对象");
  });

  it("a bad date: not a date, not real, after the month", () => {
    expect(errorsOf({ certified_on: "2025-02-30" })[0]!.reason).toContain("不是有效日期");
    expect(errorsOf({ certified_on: "明年" })[0]!.reason).toContain("不是有效日期");
    expect(errorsOf({ certified_on: "2025-01/05" })[0]!.reason).toContain("不是有效日期");
    expect(errorsOf({ certified_on: "2025-02-01" })[0]!.reason).toBe("认定日期 2025-02-01 晚于导入月份 2025-01 的最后一天，请核对");
    expect(errorsOf({ certified_on: "1949-01-01" })[0]!.reason).toContain("早于出生日期");
  });

  it("a bad change value", () => {
    expect(errorsOf({ change: "删除" })).toEqual([{ row: 2, column: "变动", reason: "无法识别的变动“删除”，请填写 新增、减少 或 在册" }]);
  });

  it("names and notes", () => {
    expect(errorsOf({ name: "" })[0]!.reason).toBe("姓名为空，请填写姓名");
    expect(errorsOf({ name: "张" })[0]!.reason).toContain("2至30个字");
    expect(errorsOf({ name: "张三3" })[0]!.reason).toContain("不能有数字");
    expect(errorsOf({ name: "张\uFFFD" })[0]!.reason).toContain("文件编码");
    expect(validateRosterRow(row({ name: "阿依古丽·买买提" }), ctx).ok).toBe(true);
    expect(errorsOf({ note: "长".repeat(201) })[0]!.reason).toContain("不能超过200个字");
  });

  it("several errors in one row are all reported, in column order, with the row number", () => {
    const errors = validateRosterRow(
      { row: 17, fields: { id_number: badCheckId(7), name: "", category: "返贫致贫人口", change: "x", division_code: "110105001001", certified_on: "2025-13-01", note: "" } },
      ctx,
    );
    expect(errors.ok).toBe(false);
    expect(!errors.ok && errors.errors.map((e) => [e.row, e.column])).toEqual([
      [17, "身份证号"], [17, "姓名"], [17, "类别"], [17, "变动"], [17, "区划代码"], [17, "认定日期"],
    ]);
  });

  it("the template's example row", () => {
    expect(errorsOf({ id_number: TEMPLATE_EXAMPLE.idNumber })[0]!.reason).toContain("示例行");
  });

  it("reader problems: a whole-row problem alone, a lossy ID in place of the ID check", () => {
    const whole = { row: 5, column: WHOLE_ROW, reason: "该行有 8 列" };
    expect(validateRosterRow({ ...row({ name: "" }, 5), problems: [whole] }, ctx)).toEqual({ ok: false, errors: [whole] });
    const lossy = { row: 5, column: "身份证号", reason: "身份证号被保存成了数字" };
    const result = validateRosterRow({ ...row({ id_number: "430524195803020000", change: "?" }, 5), problems: [lossy] }, ctx);
    expect(!result.ok && result.errors.map((e) => e.reason)).toEqual([lossy.reason, expect.stringContaining("无法识别的变动")]);
  });
});

describe("texts for the database checks", () => {
  it("formats duplicate and not-on-roll errors", () => {
    expect(duplicateIdReason(3)).toBe("与第 3 行身份证号重复");
    expect(duplicateIdError(9, 3)).toEqual({ row: 9, column: "身份证号", reason: "与第 3 行身份证号重复" });
    expect(NOT_ON_ROLL_REASON).toBe("该人员不在本部门名单中，不能减少");
    expect(notOnRollError(4)).toEqual({ row: 4, column: "身份证号", reason: NOT_ON_ROLL_REASON });
  });
});

it("COLUMN_KEYS covers every field", () => {
  expect(Object.keys(GOOD).sort()).toEqual([...COLUMN_KEYS].sort());
});
