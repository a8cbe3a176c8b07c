import { isCategory, type Category } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { computeSubsidy, coversYear, type SubsidyResult } from "@/lib/subsidy/compute-subsidy";

// One enrolment's premium subsidy (资助参保): the category held on the day the
// contribution was paid, under the policy version in force that day. Pure.

export type EnrolmentForSubsidy = {
  year: number;
  tier: number;
  contribution: string;
  tier1: string | null;
  feeExempt: boolean;
  /** The consolidated category on the payment day, or null. */
  category: string | null;
};

/** Why no subsidy row was written for an enrolment. */
export type NotComputed = "no_category" | "no_policy" | "invalid_policy" | "year_not_covered" | "unknown_category" | "no_tier1";

export const NOT_COMPUTED_TEXT: Record<NotComputed, string> = {
  no_category: "缴费当日不属于救助对象，不享受资助参保",
  no_policy: "缴费当日本地区没有启用的救助政策，请启用政策后重新计算",
  invalid_policy: "缴费当日启用的政策版本未通过校验，请修正政策后重新计算",
  year_not_covered: "缴费当日启用的政策不覆盖该参保年度，请启用适用的政策后重新计算",
  unknown_category: "救助类别不在类别表中，请核对汇总结果",
  no_tier1: "缺少一档个人缴费标准，无法计算二档资助，请重新导入含该列的文件",
};

export type SubsidyOutcome = { ok: true; category: Category; result: SubsidyResult } | { ok: false; reason: NotComputed };

/** `policy`: the validated record in force on the payment day, "invalid" when it fails validation, null when none. */
export function subsidyForEnrolment(e: EnrolmentForSubsidy, policy: PolicyRecord | "invalid" | null): SubsidyOutcome {
  if (e.category === null) return { ok: false, reason: "no_category" };
  if (!isCategory(e.category)) return { ok: false, reason: "unknown_category" };
  if (policy === null) return { ok: false, reason: "no_policy" };
  if (policy === "invalid") return { ok: false, reason: "invalid_policy" };
  if (!coversYear(policy.subsidy, e.year)) return { ok: false, reason: "year_not_covered" };
  const contribution = new Money(e.contribution);
  const tier1 = e.tier === 1 ? contribution : e.tier1 === null ? null : new Money(e.tier1);
  if (tier1 === null) return { ok: false, reason: "no_tier1" };
  const tier = e.tier === 2 ? 2 : 1;
  const result = computeSubsidy(policy.subsidy, {
    year: e.year,
    category: e.category,
    tier,
    contribution: tier === 1 ? { tier1 } : { tier1, tier2: contribution },
    feeExempt: e.feeExempt,
  });
  return { ok: true, category: e.category, result };
}
