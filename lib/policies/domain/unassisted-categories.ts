import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { compilePolicy, planFor } from "@/lib/settlement/compile-policy";
import type { PolicyRecord } from "./schema/policy-record";

// A category no assistance or tilted-assistance rule names still settles
// (basic insurance and critical illness; docs/policy.md §1), so it is never an
// error — but the policy page, the consolidation and the trial say so, with
// the consequence, wherever such people appear.

export function hasAssistanceRule(record: PolicyRecord, category: Category): boolean {
  const plan = planFor(compilePolicy(record), category);
  return plan.assistance.length > 0 || plan.tilted.length > 0;
}

/** "本政策对在乡重点优抚对象未配置医疗救助规则：仍按基本医保、大病保险结算，不享受医疗救助". */
export function unassistedNotice(category: Category): string {
  return `本政策对${CATEGORY_INFO[category].name}未配置医疗救助规则：仍按基本医保、大病保险结算，不享受医疗救助；如需救助，请在政策中配置规则`;
}
