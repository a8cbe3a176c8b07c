import { z } from "zod";
import { amountSchema, ratioPercentSchema } from "./primitives";
import { sourceSchema } from "./source";

// 基本医保. The seeds fix no formula ("县域内政策范围内住院费用支付比例总体保持在70%左右",
// 000 §三(五), 003 §三(五)); the hospital normally settles it and the claim
// carries `basicPaid`. These parameters are used only when it does not.

const byLevelSchema = z.strictObject({
  level1: ratioPercentSchema,
  level2: ratioPercentSchema,
  level3: ratioPercentSchema,
});

export const basicInsuranceSchema = z.strictObject({
  /** Deductible (起付线) per calendar year, shared by inpatient and outpatient claims. */
  deductiblePerYear: z.strictObject({ amount: amountSchema, source: sourceSchema }),
  /** Share of the policy-scope cost above the deductible, by setting and hospital level. */
  ratios: z.strictObject({ inpatient: byLevelSchema, outpatient: byLevelSchema, source: sourceSchema }),
  /** Annual payment cap (年度最高支付限额); null = none configured. */
  annualCap: z.strictObject({ amount: amountSchema.nullable(), source: sourceSchema }),
});
export type BasicInsurance = z.infer<typeof basicInsuranceSchema>;
