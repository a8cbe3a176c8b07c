import { asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { openIdNumber } from "./people-ids";
import {
  applicationClaims,
  applicationReceipts,
  applications,
  applicationTransitions,
  claims,
  divisions,
  householdSurveys,
  paymentBatches,
  paymentBatchLines,
  people,
  policyVersions,
  users,
} from "../schema";

// What the printable forms read (医疗救助申请审批表, 入户调查记录, 不予救助告知书,
// 支付批次清单): one case with everything it shows, or one batch with its
// lines. The use cases check the permission and the jurisdiction on the
// township / county returned here before anything is rendered.

/** Division names by code (the newest name of each), for the office header and the places. */
export async function divisionNames(db: Db | Tx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.select({ code: divisions.code, name: divisions.name }).from(divisions).where(inArray(divisions.code, codes)).orderBy(desc(divisions.validFrom));
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.code)) out.set(r.code, r.name);
  return out;
}

export async function findCaseForForms(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: applications.id,
      caseNo: applications.caseNo,
      townshipCode: applications.townshipCode,
      state: applications.state,
      year: applications.year,
      acceptedOn: applications.acceptedOn,
      urgent: applications.urgent,
      urgentReason: applications.urgentReason,
      filerKind: applications.filerKind,
      filerName: applications.filerName,
      filerRelation: applications.filerRelation,
      phoneTail: applications.phoneTail,
      bankName: applications.bankName,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
      diagnosisSummary: applications.diagnosisSummary,
      category: applications.category,
      policyName: policyVersions.name,
      forwardedOn: applications.forwardedOn,
      approvedOn: applications.approvedOn,
      computedAmount: applications.computedAmount,
      approvedAmount: applications.approvedAmount,
      overrideReason: applications.overrideReason,
      refusalReason: applications.refusalReason,
      refusedOn: applications.refusedOn,
      personName: people.name,
      personIdSealed: people.idSealed,
      personIdNumber: people.idNumber,
      personDivision: people.divisionCode,
    })
    .from(applications)
    .innerJoin(people, eq(people.id, applications.personId))
    .leftJoin(policyVersions, eq(policyVersions.id, applications.policyVersionId))
    .where(eq(applications.id, id));
  if (!row) return null;
  const [survey] = await db
    .select({ surveyedOn: householdSurveys.surveyedOn, visitors: householdSurveys.visitors, findings: householdSurveys.findings, householdSituation: householdSurveys.householdSituation, recorderName: users.displayName })
    .from(householdSurveys)
    .leftJoin(users, eq(users.id, householdSurveys.recordedBy))
    .where(eq(householdSurveys.applicationId, id));
  const ledger = await db
    .select({ claimDate: claims.claimDate, setting: claims.setting, hospitalName: claims.hospitalName, totalCost: claims.totalCost, policyScopeCost: claims.policyScopeCost, basicPaid: claims.basicPaid, criticalPaid: claims.criticalPaid })
    .from(applicationClaims)
    .innerJoin(claims, eq(claims.id, applicationClaims.claimId))
    .where(eq(applicationClaims.applicationId, id))
    .orderBy(asc(claims.claimDate));
  const manual = await db
    .select({ claimDate: applicationReceipts.claimDate, setting: applicationReceipts.setting, hospitalName: applicationReceipts.hospitalName, totalCost: applicationReceipts.totalCost, policyScopeCost: applicationReceipts.policyScopeCost, basicPaid: applicationReceipts.basicPaid, criticalPaid: applicationReceipts.criticalPaid })
    .from(applicationReceipts)
    .where(eq(applicationReceipts.applicationId, id))
    .orderBy(asc(applicationReceipts.claimDate));
  const transitions = await db
    .select({ action: applicationTransitions.action, fromState: applicationTransitions.fromState, toState: applicationTransitions.toState, onDate: applicationTransitions.onDate, reason: applicationTransitions.reason, actorName: users.displayName })
    .from(applicationTransitions)
    .leftJoin(users, eq(users.id, applicationTransitions.actorId))
    .where(eq(applicationTransitions.applicationId, id))
    .orderBy(asc(applicationTransitions.id));
  const { personIdSealed, personIdNumber, ...rest } = row;
  return { ...rest, personIdNumber: openIdNumber({ idSealed: personIdSealed, idNumber: personIdNumber }), survey: survey ?? null, claims: [...ledger.map((c) => ({ ...c, manual: false })), ...manual.map((c) => ({ ...c, manual: true }))], transitions };
}

export async function findBatchForForm(db: Db | Tx, batchId: number) {
  const [batch] = await db
    .select({ id: paymentBatches.id, batchNo: paymentBatches.batchNo, countyCode: paymentBatches.countyCode, createdOn: paymentBatches.createdOn, status: paymentBatches.status, creatorName: users.displayName })
    .from(paymentBatches)
    .leftJoin(users, eq(users.id, paymentBatches.createdBy))
    .where(eq(paymentBatches.id, batchId));
  if (!batch) return null;
  const lines = await db
    .select({
      id: paymentBatchLines.id,
      amount: paymentBatchLines.amount,
      status: paymentBatchLines.status,
      caseNo: applications.caseNo,
      townshipCode: applications.townshipCode,
      bankHolderSealed: applications.bankHolderSealed,
      bankName: applications.bankName,
      bankAccountTail: applications.bankAccountTail,
      bankAccountHead: applications.bankAccountHead,
    })
    .from(paymentBatchLines)
    .innerJoin(applications, eq(applications.id, paymentBatchLines.applicationId))
    .where(eq(paymentBatchLines.batchId, batchId))
    .orderBy(asc(paymentBatchLines.id));
  return { ...batch, lines };
}
