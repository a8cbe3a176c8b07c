import { describe, expect, it } from "vitest";
import { SUBSIDY_PRESET_IDS, SUBSIDY_PRESETS } from "./presets";
import { subsidyRulesSchema, type SubsidyRulesInput } from "./rules";

const src = { doc: "000", paragraph: "§二(一)" };
const valid: SubsidyRulesInput = {
  years: { from: 2022, source: src },
  rules: [{ categories: ["tekun"], tier1: { kind: "percent", percent: "100", fundedBy: "medical_assistance", source: src } }],
};
const messages = (input: unknown) => {
  const r = subsidyRulesSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};
const withRule = (rule: object) => ({ ...valid, rules: [rule] });

describe("subsidyRulesSchema", () => {
  it("accepts every preset, and fills defaults (percent of tier 1, remainder personal)", () => {
    for (const id of SUBSIDY_PRESET_IDS) expect(subsidyRulesSchema.safeParse(SUBSIDY_PRESETS[id]).success).toBe(true);
    const parsed = subsidyRulesSchema.parse(
      withRule({ categories: ["dibao"], tier1: { kind: "fixed", amount: "280", fundedBy: "finance", source: src } }),
    );
    expect(parsed.rules[0]?.tier1).toMatchObject({ remainder: { paidBy: "personal" } });
    expect(subsidyRulesSchema.parse(valid).rules[0]?.tier1).toMatchObject({ of: "tier1" });
  });
  it("every preset value cites a document paragraph; defaulted values explain themselves", () => {
    for (const id of SUBSIDY_PRESET_IDS) {
      for (const rule of SUBSIDY_PRESETS[id].rules) {
        for (const amount of [rule.tier1, rule.tier2]) {
          if (!amount) continue;
          expect(amount.source.doc).toMatch(/^00[0-4]$/);
          if (amount.source.defaulted) expect(amount.source.note).toBeTruthy();
        }
      }
    }
  });
  it("explains mistakes in Chinese", () => {
    expect(messages(withRule({ categories: ["tekun"], tier1: { kind: "percent", percent: "120", fundedBy: "finance", source: src } }))).toContain("比例不得超过 100");
    expect(messages(withRule({ categories: ["tekun"], tier1: { kind: "fixed", amount: "1.234", fundedBy: "finance", source: src } }))[0]).toMatch(/最多两位小数/);
    expect(messages(withRule({ categories: ["abc"], tier1: { kind: "none", source: src } }))).toContain('未知的救助对象类别 "abc"');
    expect(messages(withRule({ categories: ["tekun"], tier1: { kind: "percent", percent: "100", fundedBy: "bank", source: src } }))[0]).toMatch(/资金来源/);
    expect(messages(withRule({ categories: ["tekun"], tier1: { kind: "none", source: { ...src, defaulted: true } } }))[0]).toMatch(/须在 note 中说明/);
    expect(messages(withRule({ categories: ["ordinary"], tier1: { kind: "percent", percent: "10", fundedBy: "finance", source: src } }))[0]).toMatch(/普通参保人员/);
    expect(messages(withRule({ categories: ["tekun"], tier1: { kind: "bonus", source: src } }))[0]).toMatch(/kind/);
  });
  it("refuses two rules for one category in overlapping years, allows consecutive ones", () => {
    const none = { kind: "none", source: src };
    expect(messages({ ...valid, rules: [{ categories: ["dibao", "tekun"], fromYear: 2022, tier1: none }, { categories: ["tekun"], toYear: 2022, tier1: none }] })[0]).toMatch(/年度重叠/);
    expect(messages({ ...valid, rules: [{ categories: ["tekun"], toYear: 2022, tier1: none }, { categories: ["tekun"], fromYear: 2023, tier1: none }] })).toEqual([]);
    expect(messages({ ...valid, rules: [{ categories: ["tekun"], fromYear: 2024, toYear: 2023, tier1: none }] })).toContain("起始年度不得晚于终止年度");
  });
});
