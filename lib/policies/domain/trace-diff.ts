import type { TraceEntry } from "@/lib/settlement/types";

// Why one claim settles differently under two policy versions (or two runs of
// the same ledger): the two engine traces compared entry by entry, and each
// difference named in the words a manager uses — the rule, the parameter
// (比例, 起付线, 年度限额), the category or the version. Pure.
//
// The trace is the engine's own account of what it applied, so nothing here
// re-derives policy: a difference the trace does not show (e.g. a pool used up
// by an earlier claim of the year) is named as such rather than guessed.

const TIER_NAMES: Record<TraceEntry["tier"], string> = {
  basic: "基本医保",
  critical: "大病保险",
  assistance: "医疗救助",
  tilted: "倾斜救助",
};

export type TraceSide = {
  trace: readonly TraceEntry[];
  /** Category name (Chinese) the claim settled under. */
  categoryName?: string;
  /** Readable version label, e.g. "隆回县医疗救助政策（第 2 版）". */
  versionLabel?: string;
};

/** "11000.00" → "11000", "5520.50" → "5520.5": amounts in reasons read like the document's figures. */
export function shortAmount(amount: string): string {
  return amount.includes(".") ? amount.replace(/\.?0+$/, "") : amount;
}

const shapes = new Map<string, string>();

/** The rule's words without its figures: two rules that differ only by a ratio or an amount are the same rule. */
function ruleShape(rule: string): string {
  // A county-wide 政策测算 compares the same few rule texts hundreds of thousands of times: remembered (a bounded cache).
  let shape = shapes.get(rule);
  if (shape === undefined) {
    if (shapes.size >= 10_000) shapes.clear();
    shape = rule.replace(/\d+(?:\.\d+)?/g, "#");
    shapes.set(rule, shape);
  }
  return shape;
}

/** The rule's words without a leading tier name, shortened for a one-line reason. */
function ruleWords(e: TraceEntry): string {
  const prefix = `${TIER_NAMES[e.tier]}：`;
  const text = e.rule.startsWith(prefix) ? e.rule.slice(prefix.length) : e.rule;
  const cut = text.search(/[，；（]/);
  return cut > 0 ? text.slice(0, cut) : text;
}

function segmentsText(e: TraceEntry): string {
  return (e.segments ?? []).map((s) => `${s.range} ${s.ratio}`).join("、");
}

/** Differences between two entries of the same tier, most specific first, appended to `out`. */
function entryReasons(out: string[], tier: string, a: TraceEntry, b: TraceEntry): void {
  const before = out.length;
  // Equal words have equal shapes: most pairs are (a county-wide run compares hundreds of thousands), and need no look-up.
  if (a.rule !== b.rule && ruleShape(a.rule) !== ruleShape(b.rule)) out.push(`${tier}适用规则：${ruleWords(a)} → ${ruleWords(b)}`);
  if ((a.ratio ?? "") !== (b.ratio ?? "")) out.push(`${tier}比例 ${a.ratio ?? "无"} → ${b.ratio ?? "无"}`);
  if (segmentsText(a) !== segmentsText(b)) out.push(`${tier}分段比例 ${segmentsText(a) || "无"} → ${segmentsText(b) || "无"}`);
  if ((a.deductible ?? "0.00") !== (b.deductible ?? "0.00")) {
    out.push(`${tier}本笔扣除起付线 ${shortAmount(a.deductible ?? "0")} → ${shortAmount(b.deductible ?? "0")} 元`);
  }
  if ((a.limit ?? "") !== (b.limit ?? "")) {
    out.push(a.limit && b.limit ? `${tier}年度限额 ${shortAmount(a.limit)} → ${shortAmount(b.limit)} 元` : b.limit ? `${tier}受年度限额 ${shortAmount(b.limit)} 元限制` : `${tier}不再受年度限额 ${shortAmount(a.limit!)} 元限制`);
  }
  if (out.length === before && a.base !== b.base) out.push(`${tier}计算基数 ${shortAmount(a.base)} → ${shortAmount(b.base)} 元（前一层支付不同）`);
  if (out.length === before && a.amount !== b.amount) out.push(`${tier}：本年此前各笔结算不同，剩余限额或起付线不同`);
}

const TIERS = Object.keys(TIER_NAMES) as TraceEntry["tier"][];

/** The n-th entry of `tier` in `trace` (entries of a tier keep their order), or undefined. */
function nthOfTier(trace: readonly TraceEntry[], tier: TraceEntry["tier"], n: number): TraceEntry | undefined {
  for (const e of trace) if (e.tier === tier && n-- === 0) return e;
  return undefined;
}

function countOfTier(trace: readonly TraceEntry[], tier: TraceEntry["tier"]): number {
  let n = 0;
  for (const e of trace) if (e.tier === tier) n++;
  return n;
}

/**
 * The reasons one claim's result differs between side `a` (e.g. the version in
 * force) and side `b` (e.g. the draft), in tier order; empty when the traces
 * agree. Entries are paired by tier and their order within the tier.
 */
export function traceChangeReasons(a: TraceSide, b: TraceSide): string[] {
  const out: string[] = [];
  if (a.categoryName && b.categoryName && a.categoryName !== b.categoryName) out.push(`救助对象类别 ${a.categoryName} → ${b.categoryName}`);
  if (a.versionLabel && b.versionLabel && a.versionLabel !== b.versionLabel) out.push(`政策版本 ${a.versionLabel} → ${b.versionLabel}`);
  // A trace has a handful of entries: counted and found by walking it, not copied into a list per tier and side.
  for (const tier of TIERS) {
    const name = TIER_NAMES[tier];
    const n = Math.max(countOfTier(a.trace, tier), countOfTier(b.trace, tier));
    for (let i = 0; i < n; i++) {
      const x = nthOfTier(a.trace, tier, i);
      const y = nthOfTier(b.trace, tier, i);
      if (x && y) entryReasons(out, name, x, y);
      else if (y) out.push(`${name}新增适用：${ruleWords(y)}`);
      else if (x) out.push(`${name}不再适用：${ruleWords(x)}`);
    }
  }
  return out;
}
