import { NOT_COMPUTED_TEXT, subsidyForEnrolment, type EnrolmentForSubsidy, type SubsidyOutcome } from "@/lib/enrolment/domain/subsidy-for-enrolment";
import { formatAmount } from "@/lib/money/money";
import type { PolicyRecord } from "./schema/policy-record";
import type { SubsidySide } from "./simulation-tally";

// 政策测算's premium subsidies: one enrolment's split under one side (the
// version in force, or the draft) as the tally takes it. Pure.

/** An outcome of subsidyForEnrolment as the tally takes it: the split by source, or the reason none was computed. */
export function subsidySide(outcome: SubsidyOutcome): SubsidySide {
  if (!outcome.ok) return { ok: false, reason: NOT_COMPUTED_TEXT[outcome.reason] };
  return { ok: true, funding: outcome.result.funding.map((f) => ({ source: f.source, amount: formatAmount(f.amount) })) };
}

/**
 * subsidySide(subsidyForEnrolment(input, record)), remembered by the record
 * and by every field of the input (year, tier, contribution, tier-1
 * contribution, fee exemption, category): the function is pure, and a
 * county's enrolments repeat the same few premiums and categories, so a
 * million of them come to a handful of computations in decimals instead of a
 * million. The sides returned are shared: the caller only reads them.
 */
export class SubsidySides {
  private readonly byRecord = new Map<PolicyRecord | null, Map<string, SubsidySide>>();
  private size = 0;

  /** `limit`: how many sides are kept at most (a county whose contributions all differ starts again when it is reached). */
  constructor(private readonly limit = 50_000) {}

  side(input: EnrolmentForSubsidy, record: PolicyRecord | null): SubsidySide {
    let sides = this.byRecord.get(record);
    if (!sides) this.byRecord.set(record, (sides = new Map()));
    const key = `${input.year}|${input.tier}|${input.contribution}|${input.tier1 ?? "-"}|${input.feeExempt ? 1 : 0}|${input.category ?? "-"}`;
    let hit = sides.get(key);
    if (hit === undefined) {
      if (this.size >= this.limit) {
        this.byRecord.clear();
        this.byRecord.set(record, (sides = new Map()));
        this.size = 0;
      }
      hit = subsidySide(subsidyForEnrolment(input, record));
      sides.set(key, hit);
      this.size++;
    }
    return hit;
  }
}
