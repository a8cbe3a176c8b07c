import { z } from "zod";
import { Money } from "@/lib/money/money";
import {
  amountSchema,
  categoryListSchema,
  parameterNameSchema,
  percentSchema,
  ratioPercentSchema,
  settingListSchema,
} from "./primitives";
import { sourceSchema } from "./source";

// 大病保险 (docs/policy.md §4). The base is the policy-scope cost left after basic
// insurance, accumulated over the calendar year; the tier pays the part of the
// accumulated base above the deductible.

/** A fixed deductible (003 §三(六): 11000) or a share of a yearly parameter (000 §三(六): 50 % of 上年度人均可支配收入). */
export const criticalDeductibleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("amount"), amount: amountSchema, source: sourceSchema }),
    z.strictObject({
      kind: z.literal("parameterShare"),
      parameter: parameterNameSchema,
      percent: percentSchema,
      source: sourceSchema,
    }),
  ],
  { error: "起付线 kind 须为 amount（固定金额）或 parameterShare（年度参数的百分比）" },
);
export type CriticalDeductible = z.infer<typeof criticalDeductibleSchema>;

/**
 * Segments on the accumulated annual base (004 §二(二)2: 5000–10万 65 %, 10万–30万
 * 75 %, 30万以上 85 %). Segment i covers [upTo of i−1, upTo) and only its part
 * above the deductible is paid; the last segment is open (upTo null).
 */
const segmentsSchema = z
  .array(z.strictObject({ upTo: amountSchema.nullable(), ratioPercent: ratioPercentSchema }))
  .min(1, { error: "至少一个分段" })
  .superRefine((segments, ctx) => {
    segments.forEach((s, i) => {
      const last = i === segments.length - 1;
      if (last && s.upTo !== null) ctx.addIssue({ code: "custom", path: [i, "upTo"], message: "最后一段的上限须为 null（不设上限）" });
      if (!last && s.upTo === null) ctx.addIssue({ code: "custom", path: [i, "upTo"], message: "只有最后一段可以不设上限" });
      const prev = segments[i - 1]?.upTo;
      if (prev && s.upTo && !new Money(s.upTo).gt(prev)) {
        ctx.addIssue({ code: "custom", path: [i, "upTo"], message: `分段上限须递增（${s.upTo} 不大于上一段的 ${prev}）` });
      }
    });
  });

export const criticalPaymentSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("flat"), ratioPercent: ratioPercentSchema, source: sourceSchema }),
    z.strictObject({ kind: z.literal("segments"), segments: segmentsSchema, source: sourceSchema }),
  ],
  { error: "支付方式 kind 须为 flat（单一比例）或 segments（分段比例）" },
);
export type CriticalPayment = z.infer<typeof criticalPaymentSchema>;

/** 倾斜支付: deductible ×factor, ratio +points, cap removed (000 §三(六), 001 §二(二)2, 003 §三(六)). */
export const criticalTiltSchema = z.strictObject({
  categories: categoryListSchema,
  deductibleFactorPercent: percentSchema,
  ratioPointsPercent: percentSchema,
  removeCap: z.boolean({ error: "removeCap 须为 true 或 false" }),
  source: sourceSchema,
});
export type CriticalTilt = z.infer<typeof criticalTiltSchema>;

/** 大病保险特药 (004 §二(二)2 四): no deductible, 60 %, cap 200000 — its own track. */
export const specialDrugSchema = z.strictObject({
  categories: categoryListSchema,
  deductible: amountSchema,
  ratioPercent: ratioPercentSchema,
  annualCap: amountSchema.nullable(),
  source: sourceSchema,
});
export type SpecialDrug = z.infer<typeof specialDrugSchema>;

export const criticalIllnessSchema = z
  .strictObject({
    /** Claims the tier covers. */
    settings: settingListSchema,
    /** Categories the ordinary rule applies to (004 sets only 贫困人口's). */
    categories: categoryListSchema,
    deductible: criticalDeductibleSchema,
    payment: criticalPaymentSchema,
    /** Annual payment cap; null = none. */
    annualCap: z.strictObject({ amount: amountSchema.nullable(), source: sourceSchema }),
    tilt: criticalTiltSchema.nullable(),
    specialDrug: specialDrugSchema.nullable(),
    source: sourceSchema,
  })
  .superRefine((c, ctx) => {
    if (!c.tilt) return;
    const points = new Money(c.tilt.ratioPointsPercent);
    const ratios = c.payment.kind === "flat" ? [c.payment.ratioPercent] : c.payment.segments.map((s) => s.ratioPercent);
    for (const r of ratios) {
      if (new Money(r).plus(points).gt(100)) {
        ctx.addIssue({ code: "custom", path: ["tilt", "ratioPointsPercent"], message: `提高 ${c.tilt.ratioPointsPercent} 个百分点后比例 ${r}% 超过 100%` });
      }
    }
    const outside = c.tilt.categories.filter((x) => !c.categories.includes(x));
    if (outside.length > 0) {
      ctx.addIssue({ code: "custom", path: ["tilt", "categories"], message: `倾斜类别 ${outside.join("、")} 不在大病保险适用类别中` });
    }
  });
export type CriticalIllness = z.infer<typeof criticalIllnessSchema>;
