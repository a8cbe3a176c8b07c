import { z } from "zod";
import { categoryListSchema, comparisonSchema, parameterNameSchema, percentSchema, ruleIdSchema } from "./primitives";
import { sourceSchema } from "./source";

// 因病返贫致贫监测 (docs/policy.md §5): a person of the listed categories is flagged
// when the year's self-paid figure reaches factor × a yearly parameter.

export const monitoringRuleSchema = z.strictObject({
  id: ruleIdSchema,
  name: z.string().min(1, { error: "须写规则名称" }),
  categories: categoryListSchema,
  /**
   * afterThreeTiers: policy-scope cost left after basic, critical illness and
   * all assistance (incl. tilted); afterBasicAndCritical: left after basic and
   * critical illness only (002 §三).
   */
  figure: z.enum(["afterThreeTiers", "afterBasicAndCritical"], {
    error: "监测口径须为 afterThreeTiers（三重制度后）或 afterBasicAndCritical（基本医保和大病保险后）",
  }),
  /** Whether out-of-scope (目录外) cost counts toward the burden. */
  includeOutOfScope: z.boolean({ error: "includeOutOfScope 须为 true 或 false" }),
  comparison: comparisonSchema,
  /** Threshold = factorPercent % × parameter: "200" = 2 × 监测标准 (000 §三(八)). */
  factorPercent: percentSchema,
  parameter: parameterNameSchema,
  source: sourceSchema,
});
export type MonitoringRule = z.infer<typeof monitoringRuleSchema>;
