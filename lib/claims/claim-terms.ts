import "server-only";
import type { Db, Tx } from "@/db";
import { activatedDivisions, categorySpans, type CategorySpan } from "@/db/queries/claims";
import { isCategory, type Category } from "@/lib/categories/categories";
import { divisionChain } from "@/lib/divisions/domain/division-chain";
import { policyForClaimDate, type PolicyForClaim } from "@/lib/policies/policy-for-claim-date";

// What a claim is settled under: the person's consolidated category on the
// claim date (none held → 普通参保人员, `ordinary`) and the policy version in
// force for the person's division on that date. One resolver per transaction
// caches both, since a file repeats the same villages and days many times.

export class TermsResolver {
  private readonly policies = new Map<string, Promise<PolicyForClaim | null>>();
  private readonly spans = new Map<string, CategorySpan[]>();
  /** A division's chain cut to the divisions holding an activation, joined: the policy key's first half, per village. */
  private readonly chains = new Map<string, string>();
  private activated: Promise<Set<string>> | null = null;

  constructor(private readonly db: Db | Tx) {}

  /** Loads the category history of these people over the given dates (call before categoryOn). */
  async loadCategories(personIds: readonly string[], from: string, to: string): Promise<void> {
    const missing = [...new Set(personIds)].filter((id) => !this.spans.has(id));
    if (missing.length === 0) return;
    for (const id of missing) this.spans.set(id, []);
    for (const span of await categorySpans(this.db, missing, from, to)) this.spans.get(span.personId)!.push(span);
  }

  /** The category on `date` — the same rule as categoryOn(): fromDate ≤ date ≤ toDate (open-ended when null). */
  categoryOn(personId: string, date: string): Category {
    const spans = this.spans.get(personId);
    if (!spans) throw new Error(`categories of ${personId} not loaded`);
    let found: CategorySpan | undefined;
    for (const s of spans) if (s.fromDate <= date && (s.toDate === null || s.toDate >= date)) found = s;
    if (!found) return "ordinary";
    if (!isCategory(found.category)) throw new Error(`person ${personId} holds unknown category ${found.category}`);
    return found.category;
  }

  async policyOn(divisionCode: string, date: string): Promise<PolicyForClaim | null> {
    this.activated ??= activatedDivisions(this.db);
    const activated = await this.activated;
    let chain = this.chains.get(divisionCode);
    if (chain === undefined) this.chains.set(divisionCode, (chain = divisionChain(divisionCode).filter((c) => activated.has(c)).join(",")));
    const key = `${chain}|${date}`;
    let hit = this.policies.get(key);
    if (!hit) this.policies.set(key, (hit = policyForClaimDate(this.db, divisionCode, date)));
    return hit;
  }
}
