import "server-only";
import type { Db, Tx } from "@/db";
import { ledgerClaims, policyVersionsByIds, type LedgerRow } from "@/db/queries/claims";
import { findPersonById } from "@/db/queries/people";
import type { UseCaseContext } from "@/lib/auth/context";
import { requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { NotFoundError } from "@/lib/errors/app-error";
import { parseClaimYear } from "./domain/claim-year";
import { TermsResolver } from "./claim-terms";
import { computeResettlement, type Resettlement } from "./resettle-ledger";
import { changesFingerprint, TIERS, type TierKey } from "./domain/settlement-diff";
import { traceChangeReasons } from "@/lib/policies/domain/trace-diff";
import type { TraceEntry } from "@/lib/settlement/types";

// Shared by the preview and the apply of a re-settlement: which person-years
// (the actor's jurisdiction, or one person in it), and what settling them
// again under today's categories and policy activations would change.

export type ResettleInput = { year?: string; personId?: string };
export type ResettleScope = { year: number; person: { id: string; name: string } | null };

type Side = Record<TierKey, string> & { categoryName: string; versionLabel: string };

export type ResettleChangeView = {
  claimId: string;
  externalId: string;
  date: string;
  personId: string;
  personName: string;
  before: Side | null;
  after: Side;
  amountsChanged: boolean;
  /** Why the result changes, from the two traces (rule, parameter, category, version); empty for a first settlement. */
  reasons: string[];
};

export type ResettlePlan = {
  scope: ResettleScope;
  resettlement: Resettlement;
  changes: ResettleChangeView[];
  problems: { personName: string; year: number; claims: number; reason: string }[];
  fingerprint: string;
};

export async function resettleScope(ctx: UseCaseContext, input: ResettleInput): Promise<ResettleScope> {
  const year = parseClaimYear(input.year);
  if (!input.personId) return { year, person: null };
  const person = await findPersonById(ctx.db, input.personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "claims.resettle", { objectType: "person", objectId: person.id });
  return { year, person: { id: person.id, name: person.name } };
}

const categoryName = (c: string) => (isCategory(c) ? CATEGORY_INFO[c].name : c);

export async function planResettle(ctx: UseCaseContext, db: Db | Tx, scope: ResettleScope): Promise<ResettlePlan> {
  const rows = await ledgerClaims(db, {
    scopePrefix: scopePrefix(ctx.actor.user.jurisdiction),
    year: scope.year,
    personIds: scope.person ? [scope.person.id] : undefined,
  });
  const resettlement = await computeResettlement(new TermsResolver(db), rows);
  const byId = new Map<string, LedgerRow>(rows.map((r) => [r.id, r]));
  const versionIds = new Set<number>();
  for (const c of resettlement.changes) {
    versionIds.add(c.next.versionId);
    if (c.previous) versionIds.add(c.previous.versionId);
  }
  const labels = new Map((await policyVersionsByIds(db, [...versionIds])).map((v) => [v.id, `${v.name}（第 ${v.version} 版）`]));
  const side = (s: Record<TierKey, string> & { category: string; versionId: number }): Side => ({
    ...(Object.fromEntries(TIERS.map((t) => [t, s[t]])) as Record<TierKey, string>),
    categoryName: categoryName(s.category),
    versionLabel: labels.get(s.versionId) ?? String(s.versionId),
  });
  const changes = resettlement.changes.map((c) => {
    const row = byId.get(c.claimId)!;
    const before = c.previous && side(c.previous);
    const after = side(c.next);
    return {
      claimId: c.claimId,
      externalId: row.externalId,
      date: row.claimDate,
      personId: row.personId,
      personName: row.personName,
      before,
      after,
      amountsChanged: c.amountsChanged,
      reasons: before
        ? traceChangeReasons(
            { trace: c.previous!.trace as TraceEntry[], categoryName: before.categoryName, versionLabel: before.versionLabel },
            { trace: c.next.trace, categoryName: after.categoryName, versionLabel: after.versionLabel },
          )
        : [],
    };
  });
  const key = (c: ResettleChangeView) => `${c.personName}\u0000${c.personId}\u0000${c.date}\u0000${c.externalId}`;
  changes.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  const problems = resettlement.problems.map((p) => ({
    personName: byId.get(p.claimIds[0]!)?.personName ?? "",
    year: p.year,
    claims: p.claimIds.length,
    reason: p.reason,
  }));
  return { scope, resettlement, changes, problems, fingerprint: changesFingerprint(resettlement.changes) };
}
