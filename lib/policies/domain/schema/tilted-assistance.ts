import { z } from "zod";
import { amountSchema, categoryListSchema, comparisonSchema, ratioPercentSchema, ruleIdSchema, settingListSchema } from "./primitives";
import { referralSchema } from "./assistance";
import { sourceSchema } from "./source";

// 倾斜救助 / 再救助: paid on the policy-scope cost the person still bears after
// basic insurance, critical illness and assistance (the "tilted" tier).
//   perVisit — one visit's self-paid cost ≥ the category's threshold (001 §二(三)3);
//   annual   — the year's accumulated self-paid cost above the threshold
//              (004 §二(二)3 四: 超过 5000 元以上的部分按照 70%).

export const thresholdGroupSchema = z.strictObject({
  categories: categoryListSchema,
  amount: amountSchema,
});

export const tiltedRuleSchema = z
  .strictObject({
    id: ruleIdSchema,
    /** "倾斜救助" or "再救助": the words the trace shows. */
    name: z.string({ error: "须写规则名称" }).min(1, { error: "须写规则名称" }),
    period: z.enum(["perVisit", "annual"], { error: "计算周期须为 perVisit（按次）或 annual（按年度累计）" }),
    thresholds: z.array(thresholdGroupSchema).min(1, { error: "至少一组起付标准" }),
    /** gte: 达到…及以上; gt: 超过. */
    comparison: comparisonSchema,
    /** aboveThreshold: ratio × (self-paid − threshold); whole: ratio × self-paid once the threshold is reached. */
    base: z.enum(["aboveThreshold", "whole"], { error: "救助基数须为 aboveThreshold（超过起付标准的部分）或 whole（全部自付费用）" }),
    ratioPercent: ratioPercentSchema,
    pool: ruleIdSchema,
    settings: settingListSchema,
    referral: referralSchema,
    source: sourceSchema,
  })
  .superRefine((rule, ctx) => {
    const seen = new Set<string>();
    rule.thresholds.forEach((group, i) => {
      for (const c of group.categories) {
        if (seen.has(c)) ctx.addIssue({ code: "custom", path: ["thresholds", i, "categories"], message: `类别 ${c} 出现在两组起付标准中` });
        seen.add(c);
      }
    });
  });
export type TiltedRule = z.infer<typeof tiltedRuleSchema>;
