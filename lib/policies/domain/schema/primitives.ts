import { z } from "zod";
import { CATEGORIES } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";

// Building blocks shared by every part of the policy record. Amounts and
// percentages are decimal strings (never floats) so the record round-trips
// through JSON and numeric columns without drift. Messages are Chinese: the
// admin page shows them next to the field path (lib/policies/domain/validate-policy.ts).

const AMOUNT = /^\d+(\.\d{1,2})?$/;
const PERCENT = /^\d+(\.\d{1,2})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Yuan, non-negative, at most two decimals: "11000", "0.5". */
export const amountSchema = z
  .string({ error: "金额须为字符串，如 \"11000\"" })
  .regex(AMOUNT, { error: (issue) => `${JSON.stringify(issue.input)} 不是金额（非负数，最多两位小数）` })
  .refine((v) => v.split(".")[0]!.length <= 9, { error: "金额须小于 1000000000 元" });

/** A percentage as text: "65" = 65 %, "200" = 2×. At most two decimals. */
export const percentSchema = z
  .string({ error: "比例须为字符串（百分数），如 \"65\"" })
  .regex(PERCENT, { error: (issue) => `${JSON.stringify(issue.input)} 不是百分数（非负数，最多两位小数）` })
  .refine((v) => v.split(".")[0]!.length <= 4, { error: "百分数须小于 10000" });

/** A ratio paid out of a base: 0 to 100 %. */
export const ratioPercentSchema = percentSchema.refine((v) => !PERCENT.test(v) || new Money(v).lte(100), {
  error: (issue) => `${JSON.stringify(issue.input)} 超过 100%`,
});

export function isValidDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date `YYYY-MM-DD` that exists. */
export const dateSchema = z
  .string({ error: "日期须为 YYYY-MM-DD 字符串" })
  .refine(isValidDate, { error: (issue) => `${JSON.stringify(issue.input)} 不是有效日期（YYYY-MM-DD）` });

export const categorySchema = z.enum(CATEGORIES, {
  error: (issue) => `${JSON.stringify(issue.input)} 不是救助对象类别代码`,
});

export const categoryListSchema = z
  .array(categorySchema)
  .min(1, { error: "至少列出一个类别" })
  .refine((list) => new Set(list).size === list.length, { error: "同一类别列出了两次" });

export const SETTINGS = ["inpatient", "outpatient"] as const;
export const settingSchema = z.enum(SETTINGS, { error: "就医类型须为 inpatient（住院）或 outpatient（门诊）" });
export type Setting = z.infer<typeof settingSchema>;

export const settingListSchema = z
  .array(settingSchema)
  .min(1, { error: "至少列出一种就医类型" })
  .refine((list) => new Set(list).size === list.length, { error: "同一就医类型列出了两次" });

/** Hospital level 1–3 (一级/二级/三级). */
export const hospitalLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)], {
  error: "医院等级须为 1、2 或 3",
});

/** Ids inside a record (pools, rules): lower-case words joined by dashes. */
export const ruleIdSchema = z
  .string({ error: "编号须为字符串" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: (issue) => `${JSON.stringify(issue.input)} 不是小写字母、数字和连字符组成的编号` });

/** "gte" for 达到…及以上 / 不低于, "gt" for 超过. */
export const comparisonSchema = z.enum(["gte", "gt"], { error: "比较方式须为 gte（达到及以上）或 gt（超过）" });
export type Comparison = z.infer<typeof comparisonSchema>;

/** Names of yearly parameters a rule may refer to (contract `parameters`). */
export const PARAMETER_NAMES = ["priorYearIncome", "monitoringStandard"] as const;
export const parameterNameSchema = z.enum(PARAMETER_NAMES, {
  error: (issue) => `${JSON.stringify(issue.input)} 不是年度参数名（priorYearIncome 或 monitoringStandard）`,
});
export type ParameterName = z.infer<typeof parameterNameSchema>;
