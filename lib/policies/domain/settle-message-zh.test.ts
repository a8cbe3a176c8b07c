import { describe, expect, it } from "vitest";
import { problem } from "@/lib/settlement/settle-input-error";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { parseSubsidyInput } from "@/lib/subsidy/parse-subsidy-input";
import { problemToChinese } from "./settle-message-zh";

// The parser's problems in the words of the 试算 page and the API's `message`.

const claim = { id: "A1", date: "2023-06-10", setting: "inpatient", policyScopeCost: "52000", basicPaid: "31000", criticalPaid: "2500" };
const input = (overrides: Record<string, unknown> = {}, claims: unknown[] = [claim]) => ({ policy: "pengshui-2023", person: { category: "dibao" }, claims, ...overrides });
const chinese = (value: unknown) => {
  const r = parseSettleInput(value);
  if (r.ok) throw new Error("expected a parse error");
  return problemToChinese(r.problem);
};

describe("problemToChinese", () => {
  it.each([
    ["negative", input({}, [claim, { ...claim, id: "A2", policyScopeCost: "-5" }]), "第2笔：政策范围内费用不能为负数", 2],
    ["three decimals", input({}, [{ ...claim, basicPaid: "1.234" }]), "第1笔：基本医保已支付最多两位小数（现为 1.234）", 1],
    ["not an amount", input({}, [{ ...claim, policyScopeCost: "5万" }]), "第1笔：政策范围内费用应为金额（数字，最多两位小数），现为“5万”", 1],
    ["missing", input({}, [{ id: "A1", date: "2023-06-10", setting: "inpatient" }]), "第1笔：政策范围内费用须填写", 1],
    ["before the version", input({}, [{ ...claim, date: "2023-05-29" }]), "第1笔：就医日期 2023-05-29 早于政策 pengshui-2023 的生效日期 2023-05-30", 1],
    ["bad date", input({}, [{ ...claim, date: "2023-02-30" }]), "第1笔：就医日期应为有效日期（YYYY-MM-DD），现为“2023-02-30”", 1],
    ["sum above cost", input({}, [{ ...claim, criticalPaid: "21000.01" }]), "第1笔：大病保险已支付：基本医保 31000.00 元与大病保险 21000.01 元之和超过政策范围内费用 52000.00 元", 1],
    ["critical without basic", input({}, [{ ...claim, basicPaid: undefined }]), "第1笔：基本医保已支付须填写：填写了大病保险已支付金额时，须同时填写基本医保已支付金额", 1],
    ["unknown category", input({ person: { category: "nobody" } }), "救助对象类别：没有类别 nobody", null],
    ["unknown policy", input({ policy: "x" }), "政策：找不到政策 x", null],
    ["policy not a string", input({ policy: 5 }), "政策应为政策编号（如 shaoyang-2021），现为 5", null],
    ["parameters not an object", input({ parameters: "33803" }), '年度参数应为一个对象，如 { "priorYearIncome": "33803" }', null],
    ["a claim's unknown field named as sent", input({}, [{ ...claim, policy: "x" }]), "第1笔：字段“policy”：不是本接口的字段，请删除或改正名称", 1],
    ["no claims", input({}, []), "就医记录：至少填写一笔", null],
  ])("%s", (_name, value, message, row) => {
    expect(chinese(value)).toMatchObject({ message, row });
  });

  it("renders the version split and the body limits, which come from outside the parser", () => {
    const split = problem("claims[2].date", "versionSplit", { date: "2026-09-01", version: 2, policy: "longhui-2026", from: "2026-09-01", other: 0, otherVersion: 1 });
    expect(problemToChinese(split)).toEqual({
      field: "claims[2].date",
      row: 3,
      message: "第3笔：就医日期 2026-09-01 适用政策 longhui-2026 第 2 版（2026-09-01 起），而第1笔适用第 1 版：请按版本分开提交",
    });
    expect(problemToChinese(problem("", "bodyTooLarge", {})).message).toBe("请求内容超过 5 MB，请按人员和年度分开提交");
  });

  it("the subsidy request's problems", () => {
    const base = { policy: "jining-2023", year: 2023, category: "dibao", tier: 1, contribution: { tier1: "380" } };
    const zh = (patch: Record<string, unknown>) => {
      const r = parseSubsidyInput({ ...base, ...patch });
      return r.ok ? "(accepted)" : problemToChinese(r.problem).message;
    };
    expect(zh({ tier: 3 })).toBe("缴费档次应为 1 或 2，现为 3");
    expect(zh({ tier: 2, contribution: { tier1: "380", tier2: "300" } })).toBe("二档个人缴费标准 300.00 低于一档 380.00");
    expect(zh({ contribution: "380" })).toBe('个人缴费标准应为一个对象，如 { "tier1": "380" }');
  });
});
