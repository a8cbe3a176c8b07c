import { describe, expect, it } from "vitest";
import type { TraceEntry } from "@/lib/settlement/types";
import { traceChangeReasons } from "./trace-diff";

const basic: TraceEntry = { tier: "basic", rule: "基本医保：医院已结算金额", base: "52000.00", amount: "31000.00" };
const critical = (deductible: string, amount: string): TraceEntry => ({
  tier: "critical",
  rule: `大病保险：超过起付线的部分，比例 65%（001 §二(二)2）`,
  base: "21000.00",
  deductible,
  ratio: "65%",
  amount,
});
const assistance = (ratio: string, amount: string, extra: Partial<TraceEntry> = {}): TraceEntry => ({
  tier: "assistance",
  rule: `其他疾病住院救助：政策范围内自付 × ${ratio}（001 §二(三)2）`,
  base: "13200.00",
  ratio,
  amount,
  ...extra,
});

describe("why a claim settles differently (trace diff)", () => {
  it("names a changed ratio, not the rule text that carries it", () => {
    expect(traceChangeReasons({ trace: [basic, assistance("70%", "9240.00")] }, { trace: [basic, assistance("75%", "9900.00")] })).toEqual(["医疗救助比例 70% → 75%"]);
  });

  it("names a changed deductible and a limit that starts to cut", () => {
    const a = [basic, critical("11000.00", "6500.00"), assistance("70%", "4000.00")];
    const b = [basic, critical("5500.00", "10075.00"), assistance("70%", "3000.00", { limit: "3000.00" })];
    expect(traceChangeReasons({ trace: a }, { trace: b })).toEqual(["大病保险本笔扣除起付线 11000 → 5500 元", "医疗救助受年度限额 3000 元限制"]);
  });

  it("names a rule that no longer applies, one that newly applies, and a different rule", () => {
    const tilted: TraceEntry = { tier: "tilted", rule: "倾斜救助：自付超过 4000 元的部分 × 60%（001 §二(三)3）", base: "9200.00", ratio: "60%", amount: "5520.00" };
    expect(traceChangeReasons({ trace: [basic, tilted] }, { trace: [basic] })).toEqual(["倾斜救助不再适用：自付超过 4000 元的部分 × 60%"]);
    expect(traceChangeReasons({ trace: [basic] }, { trace: [basic, tilted] })).toEqual(["倾斜救助新增适用：自付超过 4000 元的部分 × 60%"]);
    const other: TraceEntry = { ...assistance("70%", "0.00"), rule: "特殊疾病门诊救助：不予救助（001 §二(三)1）" };
    expect(traceChangeReasons({ trace: [assistance("70%", "9240.00")] }, { trace: [other] })).toEqual(["医疗救助适用规则：其他疾病住院救助：政策范围内自付 × 70% → 特殊疾病门诊救助：不予救助"]);
  });

  it("names category and version, and says when only an earlier claim explains the change", () => {
    expect(
      traceChangeReasons(
        { trace: [basic], categoryName: "普通参保人员", versionLabel: "隆回（第 1 版）" },
        { trace: [basic], categoryName: "低保对象", versionLabel: "隆回（第 2 版）" },
      ),
    ).toEqual(["救助对象类别 普通参保人员 → 低保对象", "政策版本 隆回（第 1 版） → 隆回（第 2 版）"]);
    expect(traceChangeReasons({ trace: [assistance("70%", "9240.00")] }, { trace: [assistance("70%", "5000.00")] })).toEqual([
      "医疗救助：本年此前各笔结算不同，剩余限额或起付线不同",
    ]);
    expect(traceChangeReasons({ trace: [assistance("70%", "9240.00", { base: "13200.00" })] }, { trace: [assistance("70%", "8000.00", { base: "11428.57" })] })).toEqual([
      "医疗救助计算基数 13200 → 11428.57 元（前一层支付不同）",
    ]);
    expect(traceChangeReasons({ trace: [basic, critical("9000.00", "7800.00")] }, { trace: [basic, critical("9000.00", "7800.00")] })).toEqual([]);
  });
});
