import { describe, expect, it } from "vitest";
import { describePolicy } from "./describe-policy";
import { lineText } from "./describe-sections";
import { getPreset, PRESET_IDS } from "./preset-registry";

// The admin page's readable rendering of a policy.

const text = (id: string) =>
  describePolicy(getPreset(id)!)
    .map((s) => [s.title, ...s.lines.map(lineText)].join("\n"))
    .join("\n");

describe("describePolicy", () => {
  it.each(PRESET_IDS)("%s renders every section without undefined, NaN or [object", (id) => {
    const sections = describePolicy(getPreset(id)!);
    expect(sections.map((s) => s.title)).toEqual(expect.arrayContaining(["基本信息", "资助参保", "大病保险", "医疗救助", "监测预警"]));
    for (const s of sections) {
      expect(s.lines.length).toBeGreaterThan(0);
      for (const line of s.lines) expect(lineText(line)).not.toMatch(/undefined|NaN|\[object|null/);
    }
  });

  it("003: the critical-illness sentence of the document", () => {
    expect(text("shaoyang-2021")).toContain(
      "起付线 11000 元（特困人员、低保对象、返贫致贫人口减半为 5500 元），报销比例 60%（特困人员、低保对象、返贫致贫人口提高 5 个百分点），普通对象封顶线文件未规定（未配置，不封顶），上述人群取消封顶线。来源：003 §三(六)",
    );
    expect(text("shaoyang-2021")).toContain("起付线 6000 元（每次申请），救助比例 50%；年度限额：依申请救助年度限额 50000 元");
  });

  it("the coverage target of the assisted population, with its source; none where the document sets none", () => {
    expect(text("jining-2023")).toContain("救助对象参保率目标：不低于 99.00%。来源：002 §一");
    expect(text("shaoyang-2021")).toContain("救助对象参保率目标：不低于 100.00%。来源：003 §二(一)");
    expect(text("pengshui-2023")).toContain("救助对象参保率目标：文件未设定");
  });

  it("001: assistance ratios, limits and the tilted thresholds", () => {
    const t = text("pengshui-2023");
    expect(t).toContain("救助比例 80%；年度限额：特殊疾病救助年度限额（门诊和住院共用） 100000 元");
    expect(t).toContain("单次住院政策范围内费用超过 30000 元");
    expect(t).toContain("其他疾病住院救助年度限额 60000 元");
    // Nested in the 10万 (the shared reading of 001), the page says so.
    const shared = structuredClone(getPreset("pengshui-2023")!);
    shared.limitPools.find((x) => x.id === "other-disease")!.within = "special-disease";
    expect(describePolicy(shared).map((s) => s.lines.map(lineText).join("\n")).join("\n")).toContain(
      "其他疾病住院救助年度限额 60000 元，并计入特殊疾病救助年度限额（门诊和住院共用） 100000 元（共用）",
    );
    expect(t).toContain("起付标准：特困人员 3000 元；低保对象、返贫致贫人口 4000 元");
    expect(t).toContain("倾斜救助年度限额 20000 元");
  });

  it("004: segments, special drugs, re-assistance, PKU food", () => {
    const t = text("shandong-2019");
    expect(t).toContain("5000 元（含）至 100000 元 65%，100000 元（含）至 300000 元 75%，300000 元（含）以上 85%");
    expect(t).toContain("不设封顶线");
    expect(t).toContain("大病保险特药");
    expect(t).toContain("封顶线 200000 元");
    expect(t).toContain("超过起付标准的部分按 70% 救助");
    expect(t).toContain("18 岁及以下 75%，每年最高 15000 元；18 岁以上 70%，每年最高 12000 元");
  });

  it("000 / 002: parameter-based deductible, monitoring thresholds, what is not configured", () => {
    const ck = text("chengkou-2022");
    expect(ck).toContain("2022 年 33803 元 → 16901.5 元（特困人员、低保对象、返贫致贫人口 8450.75 元）");
    // Each year's parameter is labelled by the year it applies to, with the year it measures.
    expect(ck).toContain("2022 年度适用：重庆市上年度全体居民人均可支配收入 33803 元（即 2021 年的数值）");
    expect(ck).toContain("监测标准的 200% 时纳入监测预警");
    const jn = text("jining-2023");
    expect(jn).toContain("结算时须提供大病保险已结算金额");
    expect(jn).toContain("的 150% 时纳入监测预警");
    expect(jn).toContain("文件未明确、采用默认值的项目");
  });
});
