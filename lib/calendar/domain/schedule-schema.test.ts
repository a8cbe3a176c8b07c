import { describe, expect, it } from "vitest";
import { ScheduleValidationError } from "./calendar-errors";
import { parseYearSchedule, yearScheduleSchema } from "./schedule-schema";
import { SHIPPED_SCHEDULES } from "./schedules/shipped-schedules";

const valid = () => ({
  year: 2025,
  holidays: [
    { name: "春节", days: ["2025-01-28", "2025-01-29", "2025-01-30"] },
    { name: "国庆节、中秋节", days: ["2025-10-01", "2025-10-02"] },
  ],
  makeupWorkdays: ["2025-01-26", "2025-02-08"],
  source: "国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）",
});

/** The messages zod reports, each already naming its field. */
function messages(input: unknown): string[] {
  const result = yearScheduleSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.message);
}

describe("yearScheduleSchema", () => {
  it("accepts every shipped year, also after a JSON round trip (as from the database)", () => {
    for (const schedule of SHIPPED_SCHEDULES) {
      expect(messages(JSON.parse(JSON.stringify(schedule)))).toEqual([]);
    }
    expect(parseYearSchedule(valid())).toEqual(valid());
  });

  it("names the field of a date that does not exist", () => {
    const input = valid();
    input.holidays[0]!.days[2] = "2025-02-30";
    input.makeupWorkdays[1] = "2025-2-8";
    expect(messages(input)).toEqual([
      "holidays[0].days[2]：“2025-02-30”不是有效日期（应为 YYYY-MM-DD）",
      "makeupWorkdays[1]：“2025-2-8”不是有效日期（应为 YYYY-MM-DD）",
    ]);
  });

  it("rejects a date outside the stated year, except the last week of the previous December (元旦)", () => {
    const input = valid();
    input.holidays[1]!.days.push("2024-03-01");
    input.makeupWorkdays.push("2026-01-03");
    input.holidays[0]!.days.push("2024-12-24");
    expect(messages(input)).toEqual([
      "holidays[0].days[3]：“2024-12-24”不在2025年内（只能是该年的日期；元旦放假调休可含上一年12月25日至31日）",
      "holidays[1].days[2]：“2024-03-01”不在2025年内（只能是该年的日期；元旦放假调休可含上一年12月25日至31日）",
      "makeupWorkdays[2]：“2026-01-03”不在2025年内（只能是该年的日期；元旦放假调休可含上一年12月25日至31日）",
    ]);
    const newYear = { ...valid(), holidays: [{ name: "元旦", days: ["2024-12-30", "2024-12-31", "2025-01-01"] }] };
    expect(messages({ ...newYear, makeupWorkdays: ["2024-12-28"] })).toEqual([]);
  });

  it("rejects a day listed both as holiday and as make-up working day", () => {
    const input = valid();
    input.makeupWorkdays.push("2025-02-01", "2025-01-28");
    input.holidays[0]!.days.push("2025-02-01");
    expect(messages(input)).toEqual([
      "makeupWorkdays[2]：“2025-02-01”同时列为放假日（holidays[0].days[3]，春节）和调休上班日",
      "makeupWorkdays[3]：“2025-01-28”是星期二，调休上班日只能是星期六或星期日",
      "makeupWorkdays[3]：“2025-01-28”同时列为放假日（holidays[0].days[0]，春节）和调休上班日",
    ]);
  });

  it("rejects a make-up working day that is not a Saturday or Sunday", () => {
    const input = valid();
    input.makeupWorkdays[0] = "2025-01-27";
    expect(messages(input)).toEqual(["makeupWorkdays[0]：“2025-01-27”是星期一，调休上班日只能是星期六或星期日"]);
  });

  it("rejects days listed twice and holiday names used twice", () => {
    const input = valid();
    input.holidays[1]!.days.push("2025-01-29");
    input.makeupWorkdays.push("2025-01-26");
    input.holidays.push({ name: "春节", days: ["2025-02-03"] });
    expect(messages(input)).toEqual([
      "holidays[1].days[2]：“2025-01-29”重复出现（已在 holidays[0].days[1]，春节）",
      "holidays[2].name：节日名称“春节”重复出现",
      "makeupWorkdays[2]：“2025-01-26”重复出现（已在 makeupWorkdays[0]）",
    ]);
  });

  it("explains wrong types, missing and unknown fields in Chinese", () => {
    const misspelt: Record<string, unknown> = { ...valid(), year: "2025", makeupWorkday: valid().makeupWorkdays };
    delete misspelt.makeupWorkdays;
    delete misspelt.source;
    expect(messages(misspelt)).toEqual([
      "year：应为年份数字（如 2025），收到 “2025”",
      "makeupWorkdays：缺少此字段",
      "source：缺少此字段",
      "节假日安排：不认识的字段 “makeupWorkday”",
    ]);
    expect(messages({ ...valid(), year: 2025.5 })).toEqual(["year：应为整数年份，收到 2025.5"]);
    expect(messages({ ...valid(), year: 1800 })).toEqual(["year：年份应在 1990 至 2100 之间，收到 1800"]);
    expect(messages({ ...valid(), holidays: [] })).toEqual(["holidays：至少要有一个节日"]);
    expect(messages({ ...valid(), holidays: [{ name: " ", days: [] }] })).toEqual([
      "holidays[0].name：节日名称不能为空",
      "holidays[0].days：至少要列出一天放假日期",
    ]);
    expect(messages({ ...valid(), source: "" })).toEqual(["source：请注明来源（国务院办公厅通知的文号，或标题与日期）"]);
    expect(messages(null)).toEqual(["节假日安排：应为对象 { year, holidays, makeupWorkdays, source }，收到 null"]);
  });

  it("parseYearSchedule throws one error listing every issue", () => {
    const input = valid();
    input.makeupWorkdays[0] = "2025-01-27";
    input.holidays[0]!.days[0] = "abc";
    const error = (() => {
      try {
        parseYearSchedule(input);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ScheduleValidationError);
    expect((error as ScheduleValidationError).issues).toEqual([
      "holidays[0].days[0]：“abc”不是有效日期（应为 YYYY-MM-DD）",
      "makeupWorkdays[0]：“2025-01-27”是星期一，调休上班日只能是星期六或星期日",
    ]);
    expect((error as Error).message).toContain("holidays[0].days[0]：“abc”不是有效日期");
  });
});
