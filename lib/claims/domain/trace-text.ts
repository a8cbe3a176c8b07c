import type { TraceEntry } from "@/lib/settlement/types";

// A trace line in plain Chinese, the way a clerk checks it by hand:
// 基数 − 起付线，× 比例（或分段），受限额 → 金额.

export const TIER_NAMES: Record<TraceEntry["tier"], string> = {
  basic: "基本医保",
  critical: "大病保险",
  assistance: "医疗救助",
  tilted: "倾斜救助",
};

/** The arithmetic of one entry, e.g. "（18500.00 元 − 起付线 0.00 元）× 80% = 14800.00 元". */
export function traceArithmetic(e: TraceEntry): string {
  const base = e.deductible ? `（${e.base} 元 − 起付线 ${e.deductible} 元）` : `${e.base} 元`;
  let text: string;
  if (e.segments && e.segments.length > 0) {
    text = `分段计算：${e.segments.map((s) => `${s.range} 部分 ${s.base} 元 × ${s.ratio}`).join("；")}，合计 ${e.amount} 元`;
  } else if (e.ratio) {
    text = `${base} × ${e.ratio} = ${e.amount} 元`;
  } else {
    text = `基数 ${e.base} 元，金额 ${e.amount} 元`;
  }
  if (e.limit) text += `（受年度限额 ${e.limit} 元限制）`;
  return text;
}

/** The rule without a leading "基本医保：" / "大病保险：" that would repeat the tier's name. */
export function ruleText(e: TraceEntry): string {
  const prefix = `${TIER_NAMES[e.tier]}：`;
  return e.rule.startsWith(prefix) ? e.rule.slice(prefix.length) : e.rule;
}
