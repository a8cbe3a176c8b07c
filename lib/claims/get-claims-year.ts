import "server-only";
import { claimYearsOf, ledgerClaims, policyVersionsByIds, type LedgerRow } from "@/db/queries/claims";
import { insertAudit } from "@/db/queries/audit";
import { findCurrentDivision } from "@/db/queries/divisions";
import { findPersonById } from "@/db/queries/people";
import { auditRow } from "@/lib/audit/audit-entry";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { scopePrefix, townshipOf } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { NotFoundError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { storedRecord } from "@/lib/policies/stored-record";
import { formatCents, yuanToCents } from "@/lib/settlement/cents";
import type { TierAmounts, TraceEntry } from "@/lib/settlement/types";
import { parseClaimYear } from "./domain/claim-year";
import { summarizeYear, type ClaimRunning, type VersionInfo, type YearRun } from "./domain/summarize-year";
import { TIERS } from "./domain/settlement-diff";

export type YearClaim = {
  claimId: string;
  externalId: string;
  date: string;
  setting: "inpatient" | "outpatient";
  hospitalName: string;
  hospitalLevel: number;
  specialDisease: boolean;
  referred: boolean;
  inCity: boolean;
  onApplication: boolean;
  totalCost: string;
  policyScopeCost: string;
  /** 医疗机构减免 and 医疗商业补充保险 ("0.00" when none): taken off before re-assistance. */
  hospitalWaived: string;
  commercialPaid: string;
  settlement: (TierAmounts & { categoryName: string; versionLabel: string; trace: TraceEntry[]; reason: string | null }) | null;
  running: ClaimRunning | null;
};

export type ClaimsYear = {
  /** `place`: "桃洪镇 松岭村" (village names repeat across townships). */
  person: { id: string; name: string; idNumberMasked: string; place: string };
  year: number;
  years: number[];
  claims: YearClaim[];
  runs: YearRun[];
  totals: Record<"policyScopeCost" | (typeof TIERS)[number], string>;
  canResettle: boolean;
};

/**
 * One person's settlement records of a year with each tier, running totals per
 * limit pool and the traces. Medical data is need-to-know: only holders of
 * `claims.view` within their jurisdiction (refusals audited), and every read
 * is audited (who looked at whose claims, when).
 */
export async function getClaimsYear(ctx: UseCaseContext, personId: string, yearText: string | undefined): Promise<ClaimsYear> {
  const y = await readClaimsYear(ctx, personId, yearText);
  await insertAudit(ctx.db, auditRow(ctx.actor, { action: "claims.view", objectType: "person", objectId: y.person.id, detail: { year: y.year, claims: y.claims.length } }));
  return y;
}

/** The same, checked but not audited as a read: for the export, which audits itself as an export. */
export async function readClaimsYear(ctx: UseCaseContext, personId: string, yearText: string | undefined): Promise<ClaimsYear> {
  const target = { objectType: "person", objectId: personId };
  await requirePermission(ctx, "claims.view", target);
  const person = await findPersonById(ctx.db, personId);
  if (!person) throw new NotFoundError("找不到该人员，可能链接有误。");
  await requireWithin(ctx, person.divisionCode, "claims.view", target);
  const years = await claimYearsOf(ctx.db, person.id);
  const year = parseClaimYear(yearText, years[0]);
  const rows = await ledgerClaims(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction), year, personIds: [person.id] });
  const versions = await versionInfos(ctx, rows);
  const { runs, running } = summarizeYear(
    rows.map((r) => ({ claimId: r.id, externalId: r.externalId, date: r.claimDate, settlement: r.settlement })),
    versions,
  );
  const totals = { policyScopeCost: 0, basic: 0, critical: 0, assistance: 0, tilted: 0, selfPaid: 0 };
  rows.forEach((r) => {
    totals.policyScopeCost += yuanToCents(r.policyScopeCost);
    if (r.settlement) for (const t of TIERS) totals[t] += yuanToCents(r.settlement[t]);
  });
  return {
    person: { id: person.id, name: person.name, idNumberMasked: maskIdNumber(person.idNumber), place: await personPlace(ctx, person.divisionCode) },
    year,
    years: [...new Set([year, ...years])].sort((a, b) => b - a),
    claims: rows.map((r, i) => yearClaim(r, versions, running[i] ?? null)),
    runs,
    totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, formatCents(v)])) as ClaimsYear["totals"],
    canResettle: can(ctx.actor.user, "claims.resettle"),
  };
}

async function versionInfos(ctx: UseCaseContext, rows: LedgerRow[]): Promise<Map<number, VersionInfo>> {
  const ids = [...new Set(rows.flatMap((r) => (r.settlement ? [r.settlement.versionId] : [])))];
  const found = await policyVersionsByIds(ctx.db, ids);
  return new Map(found.map((v) => [v.id, { label: `${v.name}（${v.policyId} 第 ${v.version} 版）`, record: storedRecord(v) }]));
}

function yearClaim(r: LedgerRow, versions: Map<number, VersionInfo>, running: ClaimRunning | null): YearClaim {
  const s = r.settlement;
  return {
    claimId: r.id,
    externalId: r.externalId,
    date: r.claimDate,
    setting: r.setting,
    hospitalName: r.hospitalName,
    hospitalLevel: r.hospitalLevel,
    specialDisease: r.specialDisease,
    referred: r.referred,
    inCity: r.inCity,
    onApplication: r.onApplication,
    totalCost: r.totalCost,
    policyScopeCost: r.policyScopeCost,
    hospitalWaived: r.hospitalWaived,
    commercialPaid: r.commercialPaid,
    settlement: s && {
      categoryName: isCategory(s.category) ? CATEGORY_INFO[s.category].name : s.category,
      versionLabel: versions.get(s.versionId)?.label ?? `第 ${s.versionId} 号政策版本`,
      basic: s.basic,
      critical: s.critical,
      assistance: s.assistance,
      tilted: s.tilted,
      selfPaid: s.selfPaid,
      trace: s.trace as TraceEntry[],
      reason: s.reason,
    },
    running,
  };
}

async function personPlace(ctx: UseCaseContext, code: string): Promise<string> {
  const [village, township] = await Promise.all([findCurrentDivision(ctx.db, code), findCurrentDivision(ctx.db, townshipOf(code) ?? "")]);
  return placeName({ townshipName: township?.name, villageName: village?.name, divisionCode: code });
}
