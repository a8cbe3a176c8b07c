import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { pct, sourceRef, yuan } from "@/lib/policies/domain/rule-text";
import { percentToBp, yuanToCents, type BasisPoints, type Cents } from "./cents";
import type { CompiledPool } from "./compile-policy";

// 倾斜救助 / 再救助 rules that name this category, with its threshold.

export type CompiledTilted = {
  index: number;
  id: string;
  annual: boolean;
  threshold: Cents;
  /** true: 达到…及以上 (≥); false: 超过 (>). */
  inclusive: boolean;
  wholeBase: boolean;
  bp: BasisPoints;
  pool: CompiledPool;
  inpatient: boolean;
  outpatient: boolean;
  referredRequired: boolean;
  inCityRequired: boolean;
  name: string;
  label: string;
  ref: string;
  referralRef: string;
};

export function compileTilted(record: PolicyRecord, category: Category, pools: Map<string, CompiledPool>): CompiledTilted[] {
  const out: CompiledTilted[] = [];
  record.tiltedAssistance.forEach((r, index) => {
    const group = r.thresholds.find((g) => g.categories.includes(category));
    if (!group) return;
    const pool = pools.get(r.pool);
    if (!pool) throw new Error(`tilted rule ${r.id} names unknown pool ${r.pool}`);
    const ref = sourceRef(r.source);
    const figure = r.period === "annual" ? "年度累计三重制度后政策范围内自付" : "本次就医三重制度后政策范围内自付";
    const cmp = r.comparison === "gte" ? "达到" : "超过";
    const base = r.base === "aboveThreshold" ? `超过 ${yuan(group.amount)} 元的部分` : "全部自付费用";
    out.push({
      index,
      id: r.id,
      annual: r.period === "annual",
      threshold: yuanToCents(group.amount),
      inclusive: r.comparison === "gte",
      wholeBase: r.base === "whole",
      bp: percentToBp(r.ratioPercent),
      pool,
      inpatient: r.settings.includes("inpatient"),
      outpatient: r.settings.includes("outpatient"),
      referredRequired: r.referral.referredRequired,
      inCityRequired: r.referral.inCityRequired,
      name: r.name,
      label: `${r.name}：${CATEGORY_INFO[category].name}${figure}${cmp} ${yuan(group.amount)} 元，${base} × ${pct(r.ratioPercent)}（${ref}）`,
      ref,
      referralRef: sourceRef(r.referral.source),
    });
  });
  return out;
}
