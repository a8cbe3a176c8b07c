import "server-only";
import type { Db, Tx } from "@/db";
import { simulationEnrolmentsPage } from "@/db/queries/policy-simulation";
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
  const page = (after: number) => simulationEnrolmentsPage(db, { scopePrefix: a.scopePrefix, fromYear, toYear, afterId: after, limit: PAGE });
  let next = page(0);
  for (;;) {
    const rows = await next;
    // The next page is read while this one is computed.
    next = rows.length < PAGE ? Promise.resolve([]) : page(rows[rows.length - 1]!.id);
    next.catch(() => {});
    // The page's versions in force resolved together, then read without an await per enrolment.
    await inForce.prepare(rows.flatMap((e) => (e.category === null ? [] : [[e.division_code, e.paid_on] as const])));
    // Each side through SubsidySides: the same premium and category computed once, not once an enrolment.
    for (const e of rows) {
      const input: EnrolmentForSubsidy = { year: e.year, tier: e.tier, contribution: e.contribution, tier1: e.tier1, feeExempt: e.fee_exempt === "yes", category: e.category };
      const policy = e.category === null ? null : inForce.policy(e.division_code, e.paid_on);
      a.tally.addEnrolment(sides.side(input, policy?.record ?? null), sides.side(input, a.draft));
    }
    if (rows.length < PAGE) return;
  }
}
