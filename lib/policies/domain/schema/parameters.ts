import { z } from "zod";
import { amountSchema, parameterNameSchema } from "./primitives";
import { sourceSchema } from "./source";

// Yearly parameters (年度参数) rules refer to by name: priorYearIncome (the
// prior year's per-capita disposable income the policy names — city's, province's
// or local, see `label`) and monitoringStandard (乡村振兴 监测标准). A settle
// input's `parameters` overrides them by name.

export const parameterDefinitionSchema = z.strictObject({
  name: parameterNameSchema,
  /** What the figure is in this region, e.g. "重庆市上年度全体居民人均可支配收入". */
  label: z.string().min(1, { error: "须写参数说明" }),
});

export const yearlyParameterSchema = z.strictObject({
  year: z.number({ error: "年度须为整数" }).int({ error: "年度须为整数" }).min(2000).max(2100),
  name: parameterNameSchema,
  value: amountSchema,
  source: sourceSchema,
});
export type YearlyParameter = z.infer<typeof yearlyParameterSchema>;
