import Decimal from "decimal.js";
import { z } from "zod";
import { CATEGORIES } from "@/lib/categories/categories";

// The premium-subsidy (资助参保) part of a policy record, docs/policy.md §3. The
// policy record schema (lib/policy) embeds `subsidyRulesSchema` as its `subsidy`
// field, so the exported names here are a contract: keep them stable.
//
// Amounts and percentages are decimal strings, never JS numbers, so a stored
// policy round-trips without float noise and computes exactly with Decimal.

/** Who pays a subsidy: 医疗救助基金 or 财政 (county finance / 衔接资金). */
export const FUNDING_SOURCES = ["medical_assistance", "finance"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

const fundingSourceSchema = z.enum(FUNDING_SOURCES, {
  error: () => "资金来源须为 medical_assistance（医疗救助基金）或 finance（财政）",
});

/** Where a value comes from, so a clerk can check it against the document. */
export const sourceRefSchema = z
  .object({
    /** Seed document number, e.g. "000" (docs/policy.md table of documents). */
    doc: z.string().regex(/^\d{3}$/, "文件编号须为三位数字，如 \"000\""),
    /** Paragraph of that document, e.g. "§二(一)". */
    paragraph: z.string().trim().min(1, "须注明条款，如 \"§二(一)\""),
    note: z.string().optional(),
    /** The document leaves the value open; docs/policy.md's (or the product's) default is used. */
    defaulted: z.boolean().optional(),
  })
  .refine((s) => !s.defaulted || (s.note !== undefined && s.note.trim() !== ""), {
    message: "采用默认值（defaulted）时须在 note 中说明依据",
    path: ["note"],
  });
export type SourceRef = z.infer<typeof sourceRefSchema>;

const amountSchema = z.string().regex(/^\d+(\.\d{1,2})?$/, "金额须为非负十进制字符串，最多两位小数，如 \"280\" 或 \"280.00\"");

const percentSchema = z
  .string()
  .regex(/^\d+(\.\d+)?$/, "比例须为十进制字符串（百分数），如 \"90\"")
  .refine(atMostHundred, { message: "比例不得超过 100" });

function atMostHundred(p: string): boolean {
  // Decimal, not Number: "100.0000000000000001" must be refused, not rounded to 100.
  return !/^\d+(\.\d+)?$/.test(p) || new Decimal(p).lessThanOrEqualTo(100);
}

/**
 * The person's remaining contribution after a fixed amount. 济宁 002 §一: for
 * 280 元 the person pays the rest first, unless in a fee-exempt group, when
 * county finance pays it → `{ paidBy: "personal", feeExemptPaidBy: "finance" }`.
 */
export const remainderSchema = z.object({
  paidBy: z.enum(["personal", ...FUNDING_SOURCES], {
    error: () => "剩余部分的负担方须为 personal（个人）、medical_assistance 或 finance",
  }),
  /** Who pays instead when the person belongs to a fee-exempt group (免缴费人群). */
  feeExemptPaidBy: fundingSourceSchema.optional(),
});
export type Remainder = z.infer<typeof remainderSchema>;

/** One way of subsidising one tier's individual contribution. */
export const subsidyAmountSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("percent"),
      /** Percentage, e.g. "90" for 90 %. */
      percent: percentSchema,
      /** The contribution the percentage applies to; the documents say 一档个人缴费标准. */
      of: z.enum(["tier1", "chosen_tier"]).default("tier1"),
      fundedBy: fundingSourceSchema,
      source: sourceRefSchema,
    }),
    z.object({
      kind: z.literal("fixed"),
      /** 元 per person per year, e.g. "280". */
      amount: amountSchema,
      fundedBy: fundingSourceSchema,
      remainder: remainderSchema.default({ paidBy: "personal" }),
      source: sourceRefSchema,
    }),
    z.object({
      kind: z.literal("none"),
      source: sourceRefSchema,
    }),
  ],
  { error: () => "资助方式 kind 须为 percent（按比例）、fixed（定额）或 none（不资助）" },
);
export type SubsidyAmount = z.infer<typeof subsidyAmountSchema>;

const yearSchema = z.number().int("年度须为整数").min(2000, "年度不早于 2000").max(2100, "年度不晚于 2100");

/** The subsidy of a group of categories, optionally limited to some contribution years. */
export const subsidyRuleSchema = z
  .object({
    categories: z
      .array(z.enum(CATEGORIES, { error: (iss) => `未知的救助对象类别 ${JSON.stringify(iss.input)}` }))
      .min(1, "至少列出一个类别"),
    /** First and last contribution year (参保年度) the rule applies to, inclusive; absent = open. */
    fromYear: yearSchema.optional(),
    toYear: yearSchema.optional(),
    tier1: subsidyAmountSchema,
    /**
     * Tier 2 (二档, voluntary). Absent: the tier-1 rule is applied to the
     * tier-1 contribution and everything above it is the person's (docs/policy.md
     * default where a document names no tier 2).
     */
    tier2: subsidyAmountSchema.optional(),
  })
  .refine((r) => r.fromYear === undefined || r.toYear === undefined || r.fromYear <= r.toYear, {
    message: "起始年度不得晚于终止年度",
    path: ["toYear"],
  })
  .refine((r) => !r.categories.includes("ordinary") || (r.tier1.kind === "none" && (r.tier2?.kind ?? "none") === "none"), {
    message: "普通参保人员（ordinary）不属于资助参保对象，只能设为 none",
    path: ["categories"],
  });
export type SubsidyRule = z.infer<typeof subsidyRuleSchema>;

export const subsidyRulesSchema = z
  .object({
    /** Contribution years (参保年度) the policy covers, inclusive; `to` absent = until replaced. */
    years: z.object({ from: yearSchema, to: yearSchema.optional(), source: sourceRefSchema }),
    rules: z.array(subsidyRuleSchema),
  })
  .refine((s) => s.years.to === undefined || s.years.from <= s.years.to, {
    message: "政策起始年度不得晚于终止年度",
    path: ["years", "to"],
  })
  .superRefine((s, ctx) => {
    // One category, one year → at most one rule; otherwise the result would
    // depend on the order of the list, which an administrator cannot see.
    s.rules.forEach((a, i) => {
      s.rules.forEach((b, j) => {
        if (j <= i || !overlaps(a, b)) return;
        const shared = a.categories.filter((c) => b.categories.includes(c));
        if (shared.length === 0) return;
        ctx.addIssue({
          code: "custom",
          path: ["rules", j, "categories"],
          message: `类别 ${shared.join("、")} 在第 ${i + 1} 条与第 ${j + 1} 条规则中年度重叠`,
        });
      });
    });
  });
export type SubsidyRules = z.infer<typeof subsidyRulesSchema>;
/** What an administrator (or a preset) writes; defaults are filled by parsing. */
export type SubsidyRulesInput = z.input<typeof subsidyRulesSchema>;

function overlaps(a: SubsidyRule, b: SubsidyRule): boolean {
  const aFrom = a.fromYear ?? -Infinity;
  const aTo = a.toYear ?? Infinity;
  const bFrom = b.fromYear ?? -Infinity;
  const bTo = b.toYear ?? Infinity;
  return aFrom <= bTo && bFrom <= aTo;
}
