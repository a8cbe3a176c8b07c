import "server-only";
import type { Db, Tx } from "@/db";
import { categorySpansBetween, simulationClaimsPage, type SimulationClaimRow, type SimulationSpan } from "@/db/queries/policy-simulation";
import { TermsResolver } from "@/lib/claims/claim-terms";
import type { PolicyForClaim } from "@/lib/policies/policy-for-claim-date";
import type { LedgerClaim } from "@/lib/claims/domain/settle-year";
import { categoryOnDate, type SimulationClaim } from "./domain/simulate-person";
import { fenOf } from "./domain/simulation-tally";

// The claims ledger of a period read person by person for 政策测算: pages of
// claims in person order (keyset on person id, so each page is one index
// range scan), the page's category rows in one range query, and the next page
// fetched while the caller settles this one. Only one page and the next are
// ever held, whatever the county's size. Shared by the simulation and its
// one-person detail.

export type LedgerPerson = { personId: string; divisionCode: string; claims: SimulationClaim[] };

const PAGE = 20_000;

function ledgerClaim(r: SimulationClaimRow): LedgerClaim {
  return {
    claimId: r.id,
    externalId: r.external_id,
    date: r.claim_date,
    setting: r.setting,
    hospitalLevel: r.hospital_level as 1 | 2 | 3,
    specialDisease: r.special_disease,
    referred: r.referred,
    inCity: r.in_city,
    onApplication: r.on_application,
    policyScopeCost: fenOf(r.policy_scope_cost),
    outOfScopeCost: fenOf(r.out_of_scope_cost),
    basicPaid: r.basic_paid === null ? null : fenOf(r.basic_paid),
    criticalPaid: r.critical_paid === null ? null : fenOf(r.critical_paid),
    hospitalWaived: fenOf(r.hospital_waived),
    commercialPaid: fenOf(r.commercial_paid),
  };
}

type Page = { rows: SimulationClaimRow[]; spans: SimulationSpan[]; last: string | null };

/**
 * Every person with claims in [from, to] within the jurisdiction prefix (or
 * only `personId`), with those claims and, for each, the category on its date
 * and the version in force (null when none).
 */
export async function* ledgerPeople(
  db: Db | Tx,
  f: { scopePrefix: string; from: string; to: string; personId?: string; pageSize?: number },
): AsyncGenerator<LedgerPerson[]> {
  const terms = new TermsResolver(db);
  const fetchPage = async (after: string | null): Promise<Page | null> => {
    let limit = f.pageSize ?? PAGE;
    for (;;) {
      const rows = await simulationClaimsPage(db, { ...f, afterPersonId: after, limit });
      if (rows.length === 0) return null;
      let last: string | null = null;
      if (rows.length === limit) {
        // A full page may end inside a person: keep whole people only, the cut one comes first on the next page.
        const cut = rows[rows.length - 1]!.person_id;
        let keep = rows.length;
        while (keep > 0 && rows[keep - 1]!.person_id === cut) keep--;
        if (keep === 0) {
          limit *= 2; // one person with more claims than a page: read that person whole
          continue;
        }
        rows.length = keep;
        last = rows[keep - 1]!.person_id;
      }
      const spans = await categorySpansBetween(db, { firstId: rows[0]!.person_id, lastId: rows[rows.length - 1]!.person_id, from: f.from, to: f.to });
      return { rows, spans, last };
    }
  };

  const resolved = new Map<string, PolicyForClaim | null>();
  let next = fetchPage(null);
  for (;;) {
    const page = await next;
    if (!page) return;
    next = page.last === null ? Promise.resolve(null) : fetchPage(page.last);
    // Keep the prefetch from being reported unhandled if the consumer stops early or this page fails.
    next.catch(() => {});
    const spansOf = new Map<string, SimulationSpan[]>();
    for (const s of page.spans) {
      const list = spansOf.get(s.person_id);
      if (list) list.push(s);
      else spansOf.set(s.person_id, [s]);
    }
    const people: LedgerPerson[] = [];
    let person: LedgerPerson | null = null;
    for (const r of page.rows) {
      if (!person || person.personId !== r.person_id) people.push((person = { personId: r.person_id, divisionCode: r.division_code, claims: [] }));
      // Resolved versions by village and day, so the common case needs no await per claim.
      const key = `${r.division_code}|${r.claim_date}`;
      let current = resolved.get(key);
      if (current === undefined) resolved.set(key, (current = await terms.policyOn(r.division_code, r.claim_date)));
      person.claims.push({
        ...ledgerClaim(r),
        category: categoryOnDate(spansOf.get(r.person_id) ?? [], r.claim_date),
        current: current && { versionId: current.versionId, record: current.record, category: "ordinary" },
      });
    }
    yield people;
  }
}
