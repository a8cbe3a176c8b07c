import { z } from "zod";
import {
  amountSchema,
  categoryListSchema,
  hospitalLevelSchema,
  parameterNameSchema,
  ratioPercentSchema,
  ruleIdSchema,
  settingListSchema,
} from "./primitives";
import { sourceSchema } from "./source";

// 医疗救助 (docs/policy.md §4). A claim takes the first rule, in list order, whose
// conditions it meets; the rule pays `ratio` of the policy-scope cost left
// after basic and critical-illness insurance, above its deductible, within the
// room left in its annual limit pool.

/**
 * An annual limit (年度救助限额). Rules naming the same pool share it: this is
 * how outpatient and inpatient assistance share one limit (000 §三(七),
 * 001 §二(三)3) — both rules point at one pool.
 */
export const limitPoolSchema = z.strictObject({
  id: ruleIdSchema,
  name: z.string({ error: "须写限额名称" }).min(1, { error: "须写限额名称" }),
  annualLimit: amountSchema.nullable(),
  /**
   * Another pool whose limit this pool's payments also count against (a
   * limit nested in a larger shared one), or null/absent for an independent
   * limit. 001 reads either way ("门诊和住院救助共用年度救助限额" beside a 10万
   * and a 6万): the preset keeps them independent, a manager may nest them.
   */
  within: ruleIdSchema.nullable().optional(),
  source: sourceSchema,
});
export type LimitPool = z.infer<typeof limitPoolSchema>;

/**
 * none: 取消起付标准 (001 §二(三)2). perYear: once per calendar year and rule.
 * perApplication: once per approved application (003 §三(八): 起付线 6000 元).
 * perYearShare: once per calendar year and rule, `percent` of the year's
 * parameter (国办发〔2021〕42号: 低保边缘 about 10 %, 因病致贫重病患者 about 25 % of
 * the prior-year per-capita disposable income), half-up to the fen, resolved
 * per year from the policy's yearly parameters.
 */
export const assistanceDeductibleSchema = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("none"), source: sourceSchema }),
    z.strictObject({ kind: z.literal("perYear"), amount: amountSchema, source: sourceSchema }),
    z.strictObject({ kind: z.literal("perApplication"), amount: amountSchema, source: sourceSchema }),
    z.strictObject({ kind: z.literal("perYearShare"), parameter: parameterNameSchema, percent: ratioPercentSchema, source: sourceSchema }),
  ],
  { error: "救助起付线 kind 须为 none、perYear（每年）、perApplication（每次申请）或 perYearShare（年度参数的百分比）" },
);
export type AssistanceDeductible = z.infer<typeof assistanceDeductibleSchema>;

/** Referral conditions (001 §二(六): 未按规定转诊的…原则上不纳入医疗救助范围). */
export const referralSchema = z.strictObject({
  referredRequired: z.boolean({ error: "referredRequired 须为 true 或 false" }),
  inCityRequired: z.boolean({ error: "inCityRequired 须为 true 或 false" }),
  source: sourceSchema,
});
export type Referral = z.infer<typeof referralSchema>;

export const assistanceRuleSchema = z.strictObject({
  id: ruleIdSchema,
  /** Chinese name a clerk reads in the trace, e.g. "特殊疾病救助". */
  name: z.string({ error: "须写规则名称" }).min(1, { error: "须写规则名称" }),
  categories: categoryListSchema,
  /** special: 特殊疾病 only; other: 特殊疾病以外的其他疾病; any: both. */
  disease: z.enum(["special", "other", "any"], { error: "疾病范围须为 special、other 或 any" }),
  settings: settingListSchema,
  /**
   * How the claim reaches the rule: settlement = one-stop (一站式) settlement;
   * application = 依申请 (claim.onApplication); any = both.
   */
  trigger: z.enum(["any", "settlement", "application"], { error: "触发方式须为 any、settlement 或 application" }),
  /** Lowest hospital level (二级及以上 = 2); null = any. */
  minHospitalLevel: hospitalLevelSchema.nullable(),
  /** The single stay's policy-scope cost must exceed this (一次性住院…超过3万元); null = no condition. */
  stayCostAbove: amountSchema.nullable(),
  referral: referralSchema,
  deductible: assistanceDeductibleSchema,
  ratioPercent: ratioPercentSchema,
  /** Id of the limit pool this rule pays from. */
  pool: ruleIdSchema,
  source: sourceSchema,
});
export type AssistanceRule = z.infer<typeof assistanceRuleSchema>;

export const assistanceSchema = z.strictObject({
  rules: z.array(assistanceRuleSchema),
  /** Why the rules are what they are, and what the document leaves unconfigured. */
  source: sourceSchema,
});
export type Assistance = z.infer<typeof assistanceSchema>;
