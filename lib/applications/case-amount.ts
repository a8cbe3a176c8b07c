import "server-only";
import type { Db, Tx } from "@/db";
import { approvedBefore, findAuditCase, personYearClaims, receiptsOf } from "@/db/queries/application-audit";
import { categoryOn } from "@/db/queries/person-categories";
import { CATEGORY_INFO, isCategory, type Category } from "@/lib/categories/categories";
import { ValidationError } from "@/lib/errors/app-error";
import { policyForClaimDate, type PolicyForClaim } from "@/lib/policies/policy-for-claim-date";
import { yuanToCents } from "@/lib/settlement/cents";
import { applicationAmount, JOINT_MEETING_POLICIES, type ApplicationAmount, type ApplicationClaim } from "./domain/application-amount";

// Not a use case: what compute, approve and the joint decision share. The
// terms of a case are fixed on its acceptance date — the person's
// consolidated category and the policy version in force for the person's
// division then — and the amount is the engine's for the ticked ledger claims
// plus the hand-entered receipts, with the year's pool starting from what the
// person's other applications already had approved. Always computed here on
// the server; a figure sent by the browser is never used.

export type AuditCase = NonNullable<Awaited<ReturnType<typeof findAuditCase>>>;

export type CaseTerms = { category: Category; categoryName: string; policy: PolicyForClaim };

/** The category and policy on the acceptance date; a ValidationError when no policy is in force. */
export async function termsOf(db: Db | Tx, c: Pick<AuditCase, "personId" | "personDivision" | "acceptedOn">): Promise<CaseTerms> {
  const held = await categoryOn(db, c.personId, c.acceptedOn);
  const category: Category = held && isCategory(held.category) ? held.category : "ordinary";
  const policy = await policyForClaimDate(db, c.personDivision, c.acceptedOn);
  if (!policy) throw new ValidationError("policy", `受理日期 ${c.acceptedOn} 当天本地区没有启用的救助政策，无法计算救助金额；请先由管理员启用政策版本`);
  return { category, categoryName: CATEGORY_INFO[category].name, policy };
}

/**
 * The terms as the case stores them (category, policy version, joint meeting), set whenever its
 * claims or receipts change; nothing when no policy is in force (the amount then says so).
 */
export async function termsPatch(db: Db | Tx, c: Pick<AuditCase, "personId" | "personDivision" | "acceptedOn">) {
  let terms: CaseTerms;
  try {
    terms = await termsOf(db, c);
  } catch (err) {
    if (err instanceof ValidationError) return {};
    throw err;
  }
  return { category: terms.category, policyVersionId: terms.policy.versionId, jointMeeting: Object.hasOwn(JOINT_MEETING_POLICIES, terms.policy.policyId) };
}

const cents = (v: string | null): number | undefined => (v === null ? undefined : yuanToCents(v));

/** The ticked ledger claims and the hand-entered receipts as the engine's input; ids are the receipts' own numbers. */
export async function claimsOfCase(db: Db | Tx, c: Pick<AuditCase, "id" | "personId" | "year">): Promise<ApplicationClaim[]> {
  const [ledger, receipts] = await Promise.all([personYearClaims(db, c.id, c.personId, c.year), receiptsOf(db, c.id)]);
  const out: ApplicationClaim[] = [];
  for (const r of ledger) {
    if (!r.ticked) continue;
    out.push({
      id: r.externalId,
      date: r.date,
      setting: r.setting,
      specialDisease: r.specialDisease,
      hospitalLevel: r.hospitalLevel as 1 | 2 | 3,
      referred: r.referred,
      inCity: r.inCity,
      policyScopeCost: yuanToCents(r.policyScopeCost),
      outOfScopeCost: yuanToCents(r.outOfScopeCost),
      ...(r.basicPaid === null ? {} : { basicPaid: cents(r.basicPaid)! }),
      ...(r.criticalPaid === null ? {} : { criticalPaid: cents(r.criticalPaid)! }),
      // 医疗机构减免 / 医疗商业补充保险 (004 §二(二)3 四), from the ledger as from a receipt typed by hand.
      ...(yuanToCents(r.hospitalWaived) > 0 ? { hospitalWaived: yuanToCents(r.hospitalWaived) } : {}),
      ...(yuanToCents(r.commercialPaid) > 0 ? { commercialPaid: yuanToCents(r.commercialPaid) } : {}),
    });
  }
  for (const r of receipts) {
    out.push({
      id: r.receiptNo,
      date: r.claimDate,
      setting: r.setting,
      specialDisease: r.specialDisease,
      hospitalLevel: r.hospitalLevel as 1 | 2 | 3,
      referred: r.referred,
      inCity: r.inCity,
      policyScopeCost: yuanToCents(r.policyScopeCost),
      outOfScopeCost: yuanToCents(r.totalCost) - yuanToCents(r.policyScopeCost),
      ...(r.basicPaid === null ? {} : { basicPaid: cents(r.basicPaid)! }),
      ...(r.criticalPaid === null ? {} : { criticalPaid: cents(r.criticalPaid)! }),
      ...(yuanToCents(r.hospitalWaived) > 0 ? { hospitalWaived: yuanToCents(r.hospitalWaived) } : {}),
      ...(yuanToCents(r.commercialPaid) > 0 ? { commercialPaid: yuanToCents(r.commercialPaid) } : {}),
    });
  }
  return out;
}

export type CaseAmount = ApplicationAmount & { terms: { category: Category; categoryName: string; policyId: string; policyName: string; policyVersion: number; policyVersionId: number } };

/** The engine's amount for the case now (db may be a transaction holding the person-year lock). */
export async function amountOfCase(db: Db | Tx, c: AuditCase): Promise<CaseAmount> {
  const terms = await termsOf(db, c);
  const [claims, before] = await Promise.all([claimsOfCase(db, c), approvedBefore(db, c.personId, c.year, c.id)]);
  const amount = applicationAmount({
    policy: terms.policy.record,
    category: terms.category,
    applicationId: c.caseNo,
    year: c.year,
    claims,
    approvedBefore: yuanToCents(before),
  });
  return {
    ...amount,
    terms: {
      category: terms.category,
      categoryName: terms.categoryName,
      policyId: terms.policy.policyId,
      policyName: terms.policy.record.name,
      policyVersion: terms.policy.version,
      policyVersionId: terms.policy.versionId,
    },
  };
}
