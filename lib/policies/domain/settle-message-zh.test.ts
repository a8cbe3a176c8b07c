import { describe, expect, it } from "vitest";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { contractLineToChinese, splitContractLine } from "./settle-message-zh";

// The contract's English lines, as the parser writes them, in the words of the 试算 page.

const claim = { id: "A1", date: "2023-06-10", setting: "inpatient", policyScopeCost: "52000", basicPaid: "31000", criticalPaid: "2500" };
const input = (overrides: Record<string, unknown> = {}, claims: unknown[] = [claim]) => ({ policy: "pengshui-2023", person: { category: "dibao" }, claims, ...overrides });
const chinese = (value: unknown) => {
  const r = parseSettleInput(value);
  if (r.ok) throw new Error("expected a parse error");
  return contractLineToChinese(r.message);
};

describe("contractLineToChinese", () => {
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
    ["no claims", input({}, []), "就医记录：至少填写一笔", null],
  ])("%s", (_name, value, message, row) => {
    expect(chinese(value)).toMatchObject({ message, row });
  });

  it("keeps an unknown reason's words behind the Chinese field name, never drops it", () => {
    expect(contractLineToChinese("claims[3].referred: something new")).toEqual({ field: "claims[3].referred", row: 4, message: "第4笔：按规定转诊：something new" });
    expect(splitContractLine("no field here")).toEqual({ field: "input", reason: "no field here" });
  });
});
