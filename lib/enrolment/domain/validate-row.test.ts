import { describe, expect, it } from "vitest";
import { syntheticId } from "@/tests/helpers/roster-files";
import type { EnrolmentKey } from "./columns";
import { validateEnrolmentRow, type FileFacts } from "./validate-row";

const TODAY = new Date("2026-11-22T04:00:00Z");
const base: Record<EnrolmentKey, string> = {
  id_number: syntheticId(1), name: "张三", year: "2026", tier: "一档", contribution: "400", tier1: "400", paid_on: "2025-10-15", fee_exempt: "",
};
const check = (fields: Partial<Record<EnrolmentKey, string>>, facts: FileFacts = {}, row = 2) => validateEnrolmentRow({ row, fields: { ...base, ...fields } }, facts, TODAY);
const problems = (fields: Partial<Record<EnrolmentKey, string>>, facts?: FileFacts) => {
  const v = check(fields, facts);
  return v.ok ? [] : v.errors.map((e) => e.column);
};

describe("an enrolment row", () => {
  it("accepts the forms clerks and exports write", () => {
    const v = check({ tier: "2", contribution: "¥700.00元", tier1: "４００", paid_on: "2025年10月15日", fee_exempt: "是", year: "2026年度" });
    expect(v.ok && { tier: v.entry.tier, c: v.entry.contribution.toFixed(2), t1: v.entry.tier1.toFixed(2), paid: v.entry.paidOn, exempt: v.entry.feeExempt, year: v.entry.year })
      .toEqual({ tier: 2, c: "700.00", t1: "400.00", paid: "2025-10-15", exempt: true, year: 2026 });
    // A tier-1 row without 一档个人缴费标准: its own contribution is the standard.
    const t1 = check({ tier1: "" });
    expect(t1.ok && t1.entry.tier1.toFixed(2)).toBe("400.00");
  });

  it("names each bad cell", () => {
    expect(problems({ contribution: "400.125" })).toEqual(["个人缴费标准"]);
    expect(problems({ contribution: "0" })).toEqual(["个人缴费标准"]);
    expect(problems({ tier: "三档" })).toEqual(["缴费档次"]);
    expect(problems({ fee_exempt: "不确定" })).toEqual(["免缴人员"]);
    expect(problems({ year: "2028" })).toEqual(["参保年度"]); // later than next year
    expect(problems({ paid_on: "2024-12-31" })).toEqual(["缴费日期"]); // before the collection period of 2026
    expect(problems({ paid_on: "2026-11-23" })).toEqual(["缴费日期"]); // after today (Beijing time)
    expect(problems({ tier: "二档", contribution: "700", tier1: "" })).toEqual(["一档个人缴费标准"]);
    expect(problems({ tier: "二档", contribution: "350", tier1: "400" })).toEqual(["个人缴费标准"]);
    expect(problems({ tier: "一档", contribution: "400", tier1: "380" })).toEqual(["一档个人缴费标准"]);
  });

  it("holds a file to one year and one tier-1 standard", () => {
    const facts: FileFacts = {};
    expect(check({}, facts).ok).toBe(true);
    const other = check({ year: "2025", paid_on: "2025-03-01", contribution: "380", tier1: "380" }, facts, 3);
    expect(other.ok ? [] : other.errors.map((e) => `${e.column}:${e.reason}`)).toEqual(["参保年度:参保年度应与第 2 行相同（2026）：一个文件只导入一个年度", "个人缴费标准:一档个人缴费标准应与第 2 行相同（400.00 元）：同一文件为同一地区同一年度的缴费数据"]);
  });
});
