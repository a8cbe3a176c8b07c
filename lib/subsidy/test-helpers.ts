import type { Category } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import { computeSubsidy } from "./compute-subsidy";
import { SUBSIDY_PRESETS, type SubsidyPresetId } from "./presets";
import { toSubsidyOutput, type SubsidyOutput } from "./subsidy-output";

// Test-only shorthand: run a preset and get the wire JSON plus the rule words.
export type Case = {
  year: number;
  category: Category;
  tier?: 1 | 2;
  tier1: string;
  tier2?: string;
  feeExempt?: boolean;
};

export function run(policy: SubsidyPresetId, c: Case): SubsidyOutput & { rule: string } {
  const result = computeSubsidy(SUBSIDY_PRESETS[policy], {
    year: c.year,
    category: c.category,
    tier: c.tier ?? 1,
    contribution: c.tier2 === undefined ? { tier1: new Money(c.tier1) } : { tier1: new Money(c.tier1), tier2: new Money(c.tier2) },
    feeExempt: c.feeExempt ?? false,
  });
  return { ...toSubsidyOutput(result), rule: result.rule };
}

/** The split as "subsidy/personal" plus the funding lines, for compact expectations. */
export function split(policy: SubsidyPresetId, c: Case) {
  const r = run(policy, c);
  return { subsidy: r.subsidy, personal: r.personal, funding: Object.fromEntries(r.funding.map((f) => [f.source, f.amount])) };
}
