import "server-only";
import type { BulkTx } from "@/db/bulk";
import { activationDivisions, createSubsidyStaging, pendingSubsidies, policyInForceOn, stageSubsidies, storeStagedSubsidies, type NewSubsidy, type PolicyInForce } from "@/db/queries/enrolment-subsidies";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { formatAmount } from "@/lib/money/money";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { validatePolicy } from "@/lib/policies/domain/validate-policy";
import { subsidyForEnrolment, type NotComputed } from "./domain/subsidy-for-enrolment";

export type SubsidyRun = {
  /** Subsidy rows written now. */
  computed: number;
  /** Enrolments left without a subsidy, by reason (no_category: not a low-income person on the payment day). */
  notComputed: Partial<Record<NotComputed, number>>;
};

/** Enrolments read, computed and written this many at a time, so that memory does not grow with the file. */
const BATCH = 10_000;

/**
 * Computes and stores the subsidy of every enrolment of the year (within the
 * scope) that has none yet, inside the caller's bulk transaction, in batches
 * by enrolment id (a whole county's 1,000,000 enrolments held at once took
 * the process past 800 MB). Existing subsidy rows are never touched, so a
 * later category change earns no top-up.
 */
export async function runSubsidies(tx: BulkTx, a: { year: number; scopePrefix: string; fromStaging: boolean; batch?: number }): Promise<SubsidyRun> {
  const activated = await activationDivisions(tx);
  const inForce = new Map<string, PolicyInForce | null>();
  const records = new Map<number, PolicyRecord | "invalid">();
  const notComputed: Partial<Record<NotComputed, number>> = {};
  let computed = 0;
  // Written at the end in one statement (createSubsidyStaging says why); the
  // batches' "already subsidised" lookup need not see them: each enrolment is
  // in one window only.
  await createSubsidyStaging(tx);

  for (let afterId: number | null = 0; afterId !== null; ) {
    const batch = await pendingSubsidies(tx, { ...a, afterId, limit: a.batch ?? BATCH });
    afterId = batch.scannedTo;
    const pending = batch.rows;
    const rows: NewSubsidy[] = [];
    for (const e of pending) {
      // Only the divisions that hold an activation can decide, so the lookup is
      // cached per (those divisions, day) rather than per village and day.
      const chain = divisionChain(e.division_code).filter((c) => activated.has(c));
      const key = `${chain.join(",")}|${e.paid_on}`;
      let version: PolicyInForce | null = null;
      if (e.category !== null) {
        if (!inForce.has(key)) inForce.set(key, await policyInForceOn(tx, chain, e.paid_on));
        version = inForce.get(key) ?? null;
      }
      if (version && !records.has(version.id)) {
        const v = validatePolicy(version.record);
        records.set(version.id, v.ok ? v.policy : "invalid");
      }
      const outcome = subsidyForEnrolment(
        { year: a.year, tier: e.tier, contribution: e.contribution, tier1: e.tier1, feeExempt: e.fee_exempt === "yes", category: e.category },
        version ? records.get(version.id)! : null,
      );
      if (!outcome.ok) {
        notComputed[outcome.reason] = (notComputed[outcome.reason] ?? 0) + 1;
        continue;
      }
      rows.push({
        personId: e.person_id,
        year: a.year,
        category: outcome.category,
        policyVersionId: version!.id,
        subsidy: formatAmount(outcome.result.subsidy),
        personal: formatAmount(outcome.result.personal),
        funding: outcome.result.funding.map((f) => ({ source: f.source, amount: formatAmount(f.amount) })),
      });
    }
    await stageSubsidies(tx, rows);
    computed += rows.length;
  }
  await storeStagedSubsidies(tx);
  return { computed, notComputed };
}
