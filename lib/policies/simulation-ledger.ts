import "server-only";
import type { Db, Tx } from "@/db";
import {
  canReadClaimsInBulk,
  categorySpansBetween,
  simulationClaimsBulk,
  simulationClaimsPage,
  type SimulationClaimFen,
  type SimulationClaimRow,
  type SimulationSpan,
} from "@/db/queries/policy-simulation";
import { activatedDivisions } from "@/db/queries/claims";
import { TermsResolver } from "@/lib/claims/claim-terms";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import type { PolicyForClaim } from "@/lib/policies/policy-for-claim-date";
import { ledgerClaimOf, ledgerClaimOfFen, type ClaimTerms, type LedgerClaim } from "@/lib/claims/domain/settle-year";
import type { Category } from "@/lib/categories/categories";
import { categoryOnDate, type SimulationClaim } from "./domain/simulate-person";

// The claims ledger of a period read person by person for 政策测算: batches of
// claims in person order (on PostgreSQL one streamed COPY, elsewhere keyset
// pages on person id), each batch's category rows in one range query, and the
// next batch read while the caller settles this one. Only a batch or two are
// ever held, whatever the county's size. Shared by the simulation and its
// one-person detail.

export type LedgerPerson = { personId: string; divisionCode: string; claims: SimulationClaim[] };

const PAGE = 20_000;
// The COPY's batches are smaller than the pages: a batch lives while the next one is parsed, and 20,000 claims' objects
// outlived the young generation, so V8 copied them to the old one and later swept them there (about a fifth of Node's
// time); at a few thousand most die young. Each batch still costs one category query.
const BULK_BATCH = 5_000;

/**
 * The version in force by village and day (TermsResolver.policyOn), resolved
 * for a whole page at once — the page's new days concurrently, not one
 * awaited query after another — and then read without an await. Kept as
 * TermsResolver keeps it, by the chain of the village's divisions that have
 * activations and the day (so a county's hundreds of villages share one entry
 * per day), with its terms by category, so a claim costs no new object.
 */
export class VersionsInForce {
  private activated: Set<string> | null = null;
  private readonly chainOf = new Map<string, Map<string, Entry>>();
  private readonly byChain = new Map<string, Map<string, Entry>>();

  constructor(
    private readonly db: Db | Tx,
    private readonly resolver: TermsResolver,
  ) {}

  private days(divisionCode: string): Map<string, Entry> {
    let days = this.chainOf.get(divisionCode);
    if (!days) {
      const key = divisionChain(divisionCode)
        .filter((c) => this.activated!.has(c))
        .join(",");
      days = this.byChain.get(key);
      if (!days) this.byChain.set(key, (days = new Map()));
      this.chainOf.set(divisionCode, days);
    }
    return days;
  }

  async prepare(keys: Iterable<readonly [divisionCode: string, date: string]>): Promise<void> {
    this.activated ??= await activatedDivisions(this.db);
    const pending: { days: Map<string, Entry>; division: string; date: string }[] = [];
    for (const [division, date] of keys) {
      const days = this.days(division);
      if (!days.has(date)) {
        days.set(date, PENDING);
        pending.push({ days, division, date });
      }
    }
    const found = await Promise.all(pending.map((p) => this.resolver.policyOn(p.division, p.date)));
    pending.forEach((p, i) => {
      const policy = found[i]!;
      p.days.set(p.date, policy && { policy, byCategory: new Map() });
    });
  }

  private entry(divisionCode: string, date: string): Entry {
    const hit = this.chainOf.get(divisionCode)?.get(date);
    if (hit === undefined || hit === PENDING) throw new Error(`version in force for ${divisionCode} on ${date} not prepared`);
    return hit;
  }

  /** The version in force (prepared before) with `category`, or null when none is. */
  terms(divisionCode: string, date: string, category: Category): ClaimTerms | null {
    const hit = this.entry(divisionCode, date);
    if (hit === null) return null;
    let terms = hit.byCategory.get(category);
    if (!terms) hit.byCategory.set(category, (terms = { versionId: hit.policy.versionId, record: hit.policy.record, category }));
    return terms;
  }

  /** The policy in force (prepared before), or null. */
  policy(divisionCode: string, date: string): PolicyForClaim | null {
    const hit = this.entry(divisionCode, date);
    return hit === null ? null : hit.policy;
  }
}

type Entry = { policy: PolicyForClaim; byCategory: Map<Category, ClaimTerms> } | null;
const PENDING: Entry = { policy: null as unknown as PolicyForClaim, byCategory: new Map() };

type LedgerFilter = { scopePrefix: string; from: string; to: string; personId?: string; pageSize?: number };

/**
 * A claim row of either read as the claim the engine settles, with what
 * grouping needs: one object a claim, made with every field the simulation
 * sets later (its category, terms and input), so millions of them share one
 * shape and none grows a property store.
 */
type LedgerRow = SimulationClaim & { personId: string; divisionCode: string };

function ledgerRow(personId: string, divisionCode: string, c: LedgerClaim): LedgerRow {
  return {
    personId,
    divisionCode,
    claimId: c.claimId,
    externalId: c.externalId,
    date: c.date,
    setting: c.setting,
    hospitalLevel: c.hospitalLevel,
    specialDisease: c.specialDisease,
    referred: c.referred,
    inCity: c.inCity,
    onApplication: c.onApplication,
    policyScopeCost: c.policyScopeCost,
    outOfScopeCost: c.outOfScopeCost,
    basicPaid: c.basicPaid,
    criticalPaid: c.criticalPaid,
    hospitalWaived: c.hospitalWaived,
    commercialPaid: c.commercialPaid,
    category: "ordinary",
    current: null,
    input: undefined,
  };
}

const fromText = (r: SimulationClaimRow): LedgerRow => ledgerRow(r.personId, r.divisionCode, ledgerClaimOf(r));
// The bulk read's rows already hold fen: nothing to convert.
const fromFen = (r: SimulationClaimFen): LedgerRow => ledgerRow(r.personId, r.divisionCode, ledgerClaimOfFen(r));

/**
 * Batches of the period's claims in ledger order, each ending with a whole
 * person: on PostgreSQL one `COPY … TO STDOUT` streamed (the read the
 * benchmark measures against: one plan, one sort, no per-field decoding by
 * the driver); on PGlite and inside a transaction keyset pages.
 */
async function* claimBatches(db: Db | Tx, f: LedgerFilter): AsyncGenerator<LedgerRow[]> {
  if (canReadClaimsInBulk(db)) {
    // A person's claims may straddle two COPY batches: the last person of a batch waits for the next.
    let held: LedgerRow[] = [];
    for await (const rows of simulationClaimsBulk(db, { ...f, batch: f.pageSize ?? BULK_BATCH })) {
      const batch = held.concat(rows.map(fromFen));
      const cut = batch[batch.length - 1]!.personId;
      let keep = batch.length;
      while (keep > 0 && batch[keep - 1]!.personId === cut) keep--;
      held = batch.slice(keep);
      batch.length = keep;
      if (keep > 0) yield batch;
    }
    if (held.length > 0) yield held;
    return;
  }
  let after: string | null = null;
  let limit = f.pageSize ?? PAGE;
  for (;;) {
    const rows = await simulationClaimsPage(db, { ...f, afterPersonId: after, limit });
    if (rows.length === 0) return;
    if (rows.length < limit) {
      yield rows.map(fromText);
      return;
    }
    // A full page may end inside a person: keep whole people only, the cut one comes first on the next page.
    const cut = rows[rows.length - 1]!.personId;
    let keep = rows.length;
    while (keep > 0 && rows[keep - 1]!.personId === cut) keep--;
    if (keep === 0) {
      limit *= 2; // one person with more claims than a page: read that person whole
      continue;
    }
    rows.length = keep;
    after = rows[keep - 1]!.personId;
    limit = f.pageSize ?? PAGE;
    yield rows.map(fromText);
  }
}

/**
 * Every person with claims in [from, to] within the jurisdiction prefix (or
 * only `personId`), with those claims and, for each, the category on its date
 * and the version in force (null when none).
 */
export async function* ledgerPeople(db: Db | Tx, f: LedgerFilter): AsyncGenerator<LedgerPerson[]> {
  const terms = new TermsResolver(db);
  const batches = claimBatches(db, f);
  // The next batch and its people's category rows are read while the caller settles this one.
  const fetchPage = async (): Promise<{ rows: LedgerRow[]; spans: SimulationSpan[] } | null> => {
    const next = await batches.next();
    if (next.done) return null;
    const rows = next.value;
    const spans = await categorySpansBetween(db, { firstId: rows[0]!.personId, lastId: rows[rows.length - 1]!.personId, from: f.from, to: f.to });
    return { rows, spans };
  };
  const inForce = new VersionsInForce(db, terms);
  try {
    let next = fetchPage();
    for (;;) {
      const page = await next;
      if (!page) return;
      next = fetchPage();
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
      await inForce.prepare(page.rows.map((r) => [r.divisionCode, r.date] as const));
      let spans: SimulationSpan[] = [];
      for (const claim of page.rows) {
        if (!person || person.personId !== claim.personId) {
          people.push((person = { personId: claim.personId, divisionCode: claim.divisionCode, claims: [] }));
          spans = spansOf.get(claim.personId) ?? [];
        }
        claim.category = categoryOnDate(spans, claim.date);
        claim.current = inForce.terms(claim.divisionCode, claim.date, claim.category);
        person.claims.push(claim);
      }
      yield people;
    }
  } finally {
    await batches.return(undefined);
  }
}
