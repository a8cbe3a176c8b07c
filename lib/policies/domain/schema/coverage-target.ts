import { z } from "zod";
import { sourceSchema } from "./source";

// The enrolment target for the assisted population (参保率目标), what the
// coverage statistics compare against (docs/policy.md §8). Only the share of
// the *assisted* population enrolled belongs here: 003's "常住人口参保率稳定在
// 95%以上" is about the whole resident population, which the portal cannot
// count, so 邵阳's target here is its "困难群众……基本医保全覆盖" (100 %). null:
// the document sets none (the statistics then show no target).

export const coverageTargetSchema = z.strictObject({
  /** Percent with two decimals, e.g. "99.00". */
  percent: z
    .string({ error: "参保率目标须为百分数字符串，如 \"99.00\"" })
    .regex(/^\d{1,3}\.\d{2}$/, { error: "参保率目标须为两位小数的百分数，如 \"99.00\"" })
    .refine((v) => Number(v) > 0 && Number(v) <= 100, { error: "参保率目标须大于 0、不超过 100" }),
  source: sourceSchema,
});
export type CoverageTarget = z.infer<typeof coverageTargetSchema>;
