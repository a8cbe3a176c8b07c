import "server-only";
import type { Db, Tx } from "@/db";
import { canReadClaimsInBulk, simulationEnrolmentsBulk, simulationEnrolmentsPage, type SimulationEnrolmentRow } from "@/db/queries/policy-simulation";
import { TermsResolver } from "@/lib/claims/claim-terms";
import type { EnrolmentForSubsidy } from "@/lib/enrolment/domain/subsidy-for-enrolment";
import type { SimulationPeriod } from "./domain/simulate-person";
import { VersionsInForce } from "./simulation-ledger";
import type { SimulationTally } from "./domain/simulation-tally";
import { SubsidySides } from "./domain/subsidy-sides";
import type { PolicyRecord } from "./domain/schema/policy-record";

// Premium subsidies (资助参保) of the period's years for 政策测算: every
// enrolment within the jurisdiction split under the version in force on its
// payment day (as the enrolment import computes it) and under the draft, page
// by page in enrolment order. Nothing is written.

const PAGE = 20_000;

export async function simulateSubsidies(
  db: Db | Tx,
  a: { scopePrefix: string; period: SimulationPeriod; draft: PolicyRecord; tally: SimulationTally },
): Promise<void> {
  const inForce = new VersionsInForce(db, new TermsResolver(db));
  const sides = new SubsidySides();
  const fromYear = Number(a.period.from.slice(0, 4));
  const toYear = Number(a.period.to.slice(0, 4));
  for await (const rows of enrolmentBatches(db, { scopePrefix: a.scopePrefix, fromYear, toYear })) {
    // The batch's versions in force resolved together, then read without an await per enrolment.
    await inForce.prepare(rows.flatMap((e) => (e.category === null ? [] : [[e.division_code, e.paid_on] as const])));
    // Each side through SubsidySides: the same premium and category computed once, not once an enrolment.
    for (const e of rows) {
      const input: EnrolmentForSubsidy = { year: e.year, tier: e.tier, contribution: e.contribution, tier1: e.tier1, feeExempt: e.fee_exempt === "yes", category: e.category };
      const policy = e.category === null ? null : inForce.policy(e.division_code, e.paid_on);
      a.tally.addEnrolment(sides.side(input, policy?.record ?? null), sides.side(input, a.draft));
    }
  }
}

/**
 * The enrolments of the years in enrolment order, in batches: on PostgreSQL
 * one `COPY … TO STDOUT` on a connection of its own (no per-field decoding by
 * the driver), elsewhere keyset pages, the next read while this one is
 * computed.
 */
async function* enrolmentBatches(db: Db | Tx, f: { scopePrefix: string; fromYear: number; toYear: number }): AsyncGenerator<SimulationEnrolmentRow[]> {
  if (canReadClaimsInBulk(db)) {
    yield* simulationEnrolmentsBulk(db, f);
    return;
  }
  const page = (after: number) => simulationEnrolmentsPage(db, { ...f, afterId: after, limit: PAGE });
  let next = page(0);
  for (;;) {
    const rows = await next;
    next = rows.length < PAGE ? Promise.resolve([]) : page(rows[rows.length - 1]!.id);
    next.catch(() => {});
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
  }
}
