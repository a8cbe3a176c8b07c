import { describe, expect, it } from "vitest";
import { SUBSIDY_PRESETS } from "@/lib/subsidy/presets";
import { defaultedSources } from "./describe-policy";
import { getPreset, PRESET_IDS } from "./preset-registry";
import { validatePolicy } from "./validate-policy";

// The record schema: the five presets validate, every defaulted value says
// why, and a broken record is refused with messages that name the field.

const preset = (id: string) => structuredClone(getPreset(id)!) as unknown as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe("presets", () => {
  it.each(PRESET_IDS)("%s validates, embeds its subsidy preset and is frozen", (id) => {
    const p = getPreset(id)!;
    expect(validatePolicy(p)).toEqual({ ok: true, policy: p });
    expect(p.id).toBe(id);
    expect(p.subsidy).toEqual(SUBSIDY_PRESETS[id]);
    expect(Object.isFrozen(p.assistance.rules)).toBe(true);
    for (const s of defaultedSources(p)) expect(s.note?.length).toBeGreaterThan(5);
  });

  it("cite the seed documents' paragraphs", () => {
    expect(getPreset("shaoyang-2021")!.criticalIllness!.deductible.source).toMatchObject({ doc: "003", paragraph: "§三(六)" });
    expect(getPreset("pengshui-2023")!.tiltedAssistance[0]!.referral.source.paragraph).toBe("§二(三)3");
    expect(getPreset("shandong-2019")!.tiltedAssistance[0]!.source.quote).toContain("超过 5000 元以上的部分按照 70%");
    expect(getPreset("unknown")).toBeUndefined();
  });
});

describe("validatePolicy refuses a broken record, naming the field", () => {
  const errors = (edit: (p: Record<string, any>) => void) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const p = preset("pengshui-2023");
    edit(p);
    const r = validatePolicy(p);
    if (r.ok) throw new Error("expected errors");
    return r.errors;
  };

  it("bad amounts, ratios and dates", () => {
    expect(errors((p) => (p.limitPools[0].annualLimit = "10万"))).toContain('limitPools[0].annualLimit: "10万" 不是金额（非负数，最多两位小数）');
    expect(errors((p) => (p.assistance.rules[0].ratioPercent = "120"))).toContain('assistance.rules[0].ratioPercent: "120" 超过 100%');
    expect(errors((p) => (p.effectiveFrom = "2023-02-30"))).toContain('effectiveFrom: "2023-02-30" 不是有效日期（YYYY-MM-DD）');
    expect(errors((p) => (p.criticalIllness.tilt.ratioPointsPercent = "50"))).toContain("criticalIllness.tilt.ratioPointsPercent: 提高 50 个百分点后比例 60% 超过 100%");
  });

  it("references across parts", () => {
    expect(errors((p) => (p.assistance.rules[0].pool = "nowhere"))).toContain("assistance.rules[0].pool: 限额 nowhere 不存在（须在 limitPools 中定义）");
    expect(errors((p) => p.assistance.rules[0].categories.push("ordinary"))).toContain(
      "assistance.rules[0].categories: 类别 ordinary 不在本政策的救助对象类别（categories）中",
    );
    expect(errors((p) => (p.ranking = p.ranking.slice(1)))).toContain("ranking: 排序缺少类别 tekun");
    expect(errors((p) => (p.effectiveTo = "2020-01-01"))).toContain("effectiveTo: 失效日期 2020-01-01 早于生效日期 2023-05-30");
    expect(errors((p) => (p.monitoring[0].parameter = "monitoringStandard"))).toContain("monitoring[0].parameter: 参数 monitoringStandard 未在 parameters.definitions 中说明");
  });

  it("a defaulted value must say why, and unknown fields are refused", () => {
    expect(errors((p) => delete p.tiltedAssistance[0].source.note)).toContain("tiltedAssistance[0].source.note: 采用默认值（defaulted）时须在 note 中说明依据");
    expect(errors((p) => (p.criticalIllness.cap = "1"))).toEqual([expect.stringContaining("criticalIllness")]);
  });

  it("segments must rise and end open", () => {
    const p = preset("shandong-2019");
    p.criticalIllness.payment.segments[1].upTo = "50000";
    p.criticalIllness.payment.segments[2].upTo = "400000";
    const r = validatePolicy(p);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toContain("criticalIllness.payment.segments[1].upTo: 分段上限须递增（50000 不大于上一段的 100000）");
    expect(r.errors).toContain("criticalIllness.payment.segments[2].upTo: 最后一段的上限须为 null（不设上限）");
  });
});
