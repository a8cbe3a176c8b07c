import { describe, expect, it } from "vitest";
import { draftIssues, fieldLabel } from "./draft-issues";
import { getPreset } from "./preset-registry";

// The policy editor's errors: each names the field in the manager's words and
// says what is wrong in Chinese — never a record key or zod's English.

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const preset = (id: string) => structuredClone(getPreset(id)!) as unknown as Record<string, any>;
const ENGLISH = /[A-Za-z]{3,}/;

describe("fieldLabel", () => {
  it("names the rule by its number and name, and the field by its Chinese label", () => {
    const p = preset("pengshui-2023");
    expect(fieldLabel(["assistance", "rules", 0, "ratioPercent"], p)).toBe(`医疗救助规则 1「${p.assistance.rules[0].name}」 · 救助比例（%）`);
    expect(fieldLabel(["limitPools", 1, "annualLimit"], p)).toBe(`年度救助限额 2「${p.limitPools[1].name}」 · 年度限额（元）`);
    expect(fieldLabel(["tiltedAssistance", 0, "thresholds", 2, "amount"], p)).toMatch(/^倾斜救助\/再救助规则 1「.+」 · 起付标准第 3 组 · 金额（元）$/);
    expect(fieldLabel(["criticalIllness", "tilt", "ratioPointsPercent"], p)).toBe("大病保险倾斜支付 · 倾斜对象比例提高（百分点）");
    expect(fieldLabel(["criticalIllness", "payment", "segments", 1, "upTo"], p)).toBe("大病保险 · 报销比例 · 分段第 2 段 · 分段上限（元）");
    expect(fieldLabel(["ranking", 3], p)).toBe("类别排序");
    expect(fieldLabel(["effectiveFrom"], p)).toBe("基本信息 · 生效日期");
  });

  it("labels a yearly parameter by the year it applies to", () => {
    const p = preset("chengkou-2022");
    const i = p.parameters.values.findIndex((v: { name: string }) => v.name === "priorYearIncome");
    const year = p.parameters.values[i].year;
    expect(fieldLabel(["parameters", "values", i, "value"], p)).toBe(`年度参数 ${i + 1}（${year} 年 上年度人均可支配收入） · 数值（元）`);
  });

  it("never shows an English key for any path of a preset", () => {
    const paths: PropertyKey[][] = [];
    const walk = (v: unknown, path: PropertyKey[]) => {
      paths.push(path);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
      else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
    };
    for (const id of ["pengshui-2023", "shandong-2019", "chengkou-2022"]) {
      const p = preset(id);
      walk(p, []);
      for (const path of paths) expect(fieldLabel(path, p), path.join(".")).not.toMatch(ENGLISH);
    }
  });
});

describe("draftIssues", () => {
  it("a valid record has none", () => {
    expect(draftIssues(preset("shaoyang-2021"))).toEqual([]);
  });

  it("a ratio of 150 and a ratio of abc each name their field, in Chinese", () => {
    const p = preset("shaoyang-2021");
    p.assistance.rules[0].ratioPercent = "150";
    p.limitPools[0].annualLimit = "abc";
    expect(draftIssues(p)).toEqual([
      { path: "limitPools[0].annualLimit", label: `年度救助限额 1「${p.limitPools[0].name}」 · 年度限额（元）`, message: "「abc」 不是金额（非负数，最多两位小数）" },
      { path: "assistance.rules[0].ratioPercent", label: `医疗救助规则 1「${p.assistance.rules[0].name}」 · 救助比例（%）`, message: "「150」 超过 100%" },
    ]);
  });

  it("zod's English (a missing part, an unknown key) and record codes become Chinese", () => {
    const p = preset("shaoyang-2021");
    delete p.assistance.rules[0].referral.source;
    p.assistance.rules[0].surprise = 1;
    const issues = draftIssues(p);
    for (const i of issues) {
      // What the manager typed is quoted as 「…」 and kept as typed.
      expect(i.message.replace(/「[^」]*」/g, ""), i.path).not.toMatch(ENGLISH);
      expect(i.label, i.path).not.toMatch(ENGLISH);
    }
    const by = (path: string) => issues.find((i) => i.path === path)?.message;
    expect(by("assistance.rules[0].referral.source")).toBe("缺少此项，请填写");
    expect(by("assistance.rules[0]")).toBe("有无法识别的项 「surprise」，请删除");
  });

  it("checks across the record (a pool that does not exist, a category the policy lacks) read in Chinese", () => {
    const p = preset("shaoyang-2021");
    p.assistance.rules[0].pool = "nowhere";
    p.assistance.rules[0].categories = ["dibao_edge", "priority_veteran"];
    const by = (path: string) => draftIssues(p).find((i) => i.path === path)?.message;
    expect(by("assistance.rules[0].pool")).toBe("所选的年度救助限额不存在：请从列表中选择，或先在“年度救助限额”中添加");
    expect(by("assistance.rules[0].categories")).toBe("类别 在乡重点优抚对象 不在本政策的救助对象类别中");
  });
});
