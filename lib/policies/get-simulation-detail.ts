import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { policyVersionsByIds } from "@/db/queries/claims";
import { findPersonById } from "@/db/queries/people";
import type { UseCaseContext } from "@/lib/auth/context";
import { auditRow } from "@/lib/audit/audit-entry";
import { requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { NotFoundError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/privacy/domain/mask-id-number";
import { maskName } from "@/lib/privacy/domain/mask-name";
import { formatCents } from "@/lib/settlement/cents";
import type { TierAmounts, TraceEntry } from "@/lib/settlement/types";
import { simulatePerson, type SimulationPeriod } from "./domain/simulate-person";
import { ledgerPeople } from "./simulation-ledger";
import { simulationSetup, type SimulationInput } from "./simulation-run";

// 政策测算 for one person: each claim of the period settled under the version
// in force and under the draft, with both traces side by side and why they
// differ. Audited as a read of that person's ledger.

type Side = TierAmounts & { categoryName: string; versionLabel: string; trace: TraceEntry[] };

export type SimulationDetail = {
  policy: { policyId: string; version: number; name: string };
  period: SimulationPeriod;
  person: { name: string; idNumber: string };
  claims: { externalId: string; date: string; setting: "inpatient" | "outpatient"; policyScopeCost: string; current: Side; draft: Side; reasons: string[] }[];
  /** Why the person's year could not be settled, when it could not. */
  problem: string | null;
};

const categoryName = (c: string) => (isCategory(c) ? CATEGORY_INFO[c].name : c);

export async function getSimulationDetail(ctx: UseCaseContext, ref: { policyId: string; version: string }, personId: string, input: SimulationInput): Promise<SimulationDetail> {
  const { row, period, draft, scope } = await simulationSetup(ctx, ref, input);
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "policies.edit", { objectType: "person", objectId: person.id });

  const claims: SimulationDetail["claims"] = [];
  let problem: string | null = null;
  const readFrom = `${period.from.slice(0, 4)}-01-01`;
  const pairs = [];
  for await (const page of ledgerPeople(ctx.db, { scopePrefix: scope, from: readFrom, to: period.to, personId: person.id })) {
    for (const p of page) {
      const outcome = simulatePerson(p.claims, draft, categoryName);
      if (!outcome.ok) problem = outcome.reason;
      else for (const y of outcome.years) pairs.push(...y.pairs.filter((x) => x.claim.date >= period.from));
    }
  }
  const labels = new Map((await policyVersionsByIds(ctx.db, [...new Set(pairs.map((p) => p.current.versionId))])).map((v) => [v.id, `${v.name}（第 ${v.version} 版）`]));
  const draftLabel = `${row.name}（第 ${row.version} 版，草案）`;
  for (const p of pairs) {
    const side = (s: typeof p.current, label: string): Side => ({
      basic: s.basic, critical: s.critical, assistance: s.assistance, tilted: s.tilted, selfPaid: s.selfPaid,
      categoryName: categoryName(s.category),
      versionLabel: label,
      trace: s.trace,
    });
    claims.push({
      externalId: p.claim.externalId,
      date: p.claim.date,
      setting: p.claim.setting,
      policyScopeCost: formatCents(p.claim.policyScopeCost),
      current: side(p.current, labels.get(p.current.versionId) ?? String(p.current.versionId)),
      draft: side(p.draft, draftLabel),
      reasons: p.reasons,
    });
  }
  await insertAudit(
    ctx.db,
    auditRow(ctx.actor, { action: "policies.simulate", objectType: "person", objectId: person.id, detail: { policy: `${row.policyId}/v${row.version}`, from: period.from, to: period.to, claims: claims.length } }),
  );
  return { policy: { policyId: row.policyId, version: row.version, name: row.name }, period, person: { name: maskName(person.name), idNumber: maskIdNumber(person.idNumber) }, claims, problem };
}
