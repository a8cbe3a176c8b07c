import "server-only";
import { insertReceipt, receiptNumbersOf } from "@/db/queries/application-audit";
import { updateApplicationIfVersion } from "@/db/queries/applications";
import { insertAudit } from "@/db/queries/audit";
import { storedExternalIds } from "@/db/queries/claims";
import { openIdNumber } from "@/db/queries/people-ids";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { CLAIM_COLUMN_KEYS, CLAIM_HEADERS, type ClaimColumnKey } from "@/lib/claims/domain/claim-columns";
import { validateClaimRow } from "@/lib/claims/domain/validate-claim-row";
import { ValidationError } from "@/lib/errors/app-error";
import { formatCents } from "@/lib/settlement/cents";
import { loadCaseFor } from "./audit-case";
import { termsPatch } from "./case-amount";
import { requireTownshipPost } from "./township-post";
import { ApplicationChangedError, versionOf } from "./run-transition";

/** The form's fields; yes/no fields take 是 or 否, amounts yuan text — exactly as a cell of the claims file. */
export type ManualReceiptInput = {
  version?: unknown;
  receiptNo?: unknown;
  date?: unknown;
  setting?: unknown;
  hospital?: unknown;
  hospitalLevel?: unknown;
  specialDisease?: unknown;
  referred?: unknown;
  inCity?: unknown;
  totalCost?: unknown;
  policyScopeCost?: unknown;
  basicPaid?: unknown;
  criticalPaid?: unknown;
  hospitalWaived?: unknown;
  commercialPaid?: unknown;
};

/** The form field of each column of the claims file (the validator names columns; the form names fields). */
const FIELD: Record<ClaimColumnKey, string> = {
  external_id: "receiptNo",
  id_number: "person",
  name: "person",
  claim_date: "date",
  setting: "setting",
  hospital: "hospital",
  hospital_level: "hospitalLevel",
  special_disease: "specialDisease",
  referred: "referred",
  in_city: "inCity",
  total_cost: "totalCost",
  policy_scope_cost: "policyScopeCost",
  basic_paid: "basicPaid",
  critical_paid: "criticalPaid",
  on_application: "receiptNo",
  hospital_waived: "hospitalWaived",
  commercial_paid: "commercialPaid",
};
const fieldOfHeader = new Map(CLAIM_COLUMN_KEYS.map((k) => [CLAIM_HEADERS[k], FIELD[k]]));
const MAX_RECEIPTS = 50;

const cell = (v: unknown): string => (typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");

/**
 * 手工录入结算单据: a receipt the ledger lacks (out-of-county hospital, paper
 * receipt), entered by the township clerk while the township has the case.
 * It passes the claims import's own row check (validateClaimRow) with the
 * applicant's ID number and name, so every rule of the file applies — the
 * first problem is refused naming its form field. A receipt without a number
 * gets MANUAL-<申请编号>-<n>; a number the ledger already holds must be
 * ticked instead of typed.
 */
export async function addManualReceipt(ctx: UseCaseContext, applicationId: unknown, input: ManualReceiptInput): Promise<{ version: number; receiptNo: string }> {
  const c = await loadCaseFor(ctx, applicationId, "applications.intake");
  requireTownshipPost(ctx, c, "录入结算单据");
  const version = versionOf(input.version);
  const typedNo = cell(input.receiptNo);
  const checked = validateClaimRow(
    {
      row: 1,
      fields: {
        external_id: typedNo || `MANUAL-${c.caseNo}-0`,
        id_number: openIdNumber({ idSealed: c.personIdSealed, idNumber: c.personIdNumber }),
        name: c.personName,
        claim_date: cell(input.date),
        setting: cell(input.setting),
        hospital: cell(input.hospital),
        hospital_level: cell(input.hospitalLevel),
        special_disease: cell(input.specialDisease),
        referred: cell(input.referred),
        in_city: cell(input.inCity),
        total_cost: cell(input.totalCost),
        policy_scope_cost: cell(input.policyScopeCost),
        basic_paid: cell(input.basicPaid),
        critical_paid: cell(input.criticalPaid),
        on_application: "是",
        hospital_waived: cell(input.hospitalWaived),
        commercial_paid: cell(input.commercialPaid),
      },
    },
    ctx.now ? ctx.now() : new Date(),
  );
  if (!checked.ok) {
    const first = checked.errors[0]!;
    throw new ValidationError(fieldOfHeader.get(first.column) ?? "receiptNo", first.reason);
  }
  const e = checked.entry;
  if (Number(e.date.slice(0, 4)) !== c.year) throw new ValidationError("date", `结算日期 ${e.date} 不在申请年度 ${c.year} 年内，不能计入本次申请`);
  if (typedNo && (await storedExternalIds(ctx.db, [e.externalId])).size > 0) {
    throw new ValidationError("receiptNo", `单据号 ${e.externalId} 已在医保结算记录中，请在“本年度结算记录”中勾选，不要手工录入`);
  }
  const by = accountId(ctx.actor);
  const terms = await termsPatch(ctx.db, c);
  return inTransaction(ctx.db, async (tx) => {
    // The version check first: it also holds the case's row, so two entries never draw the same number.
    if (!(await updateApplicationIfVersion(tx, c.id, version, terms))) throw new ApplicationChangedError();
    const used = await receiptNumbersOf(tx, c.id);
    if (used.length >= MAX_RECEIPTS) throw new ValidationError("receiptNo", `一次申请最多手工录入 ${MAX_RECEIPTS} 张结算单据`);
    if (typedNo && used.includes(e.externalId)) throw new ValidationError("receiptNo", `单据号 ${e.externalId} 已录入本申请，不能重复录入`);
    let n = used.length + 1;
    while (used.includes(`MANUAL-${c.caseNo}-${n}`)) n++;
    const receiptNo = typedNo ? e.externalId : `MANUAL-${c.caseNo}-${n}`;
    await insertReceipt(tx, {
      applicationId: c.id,
      receiptNo,
      claimDate: e.date,
      setting: e.setting,
      hospitalName: e.hospitalName,
      hospitalLevel: e.hospitalLevel,
      specialDisease: e.specialDisease,
      referred: e.referred,
      inCity: e.inCity,
      totalCost: formatCents(e.totalCost),
      policyScopeCost: formatCents(e.policyScopeCost),
      basicPaid: e.basicPaid === null ? null : formatCents(e.basicPaid),
      criticalPaid: e.criticalPaid === null ? null : formatCents(e.criticalPaid),
      hospitalWaived: formatCents(e.hospitalWaived),
      commercialPaid: formatCents(e.commercialPaid),
      enteredBy: by,
    });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "applications.add_receipt",
        objectType: "application",
        objectId: c.id,
        detail: { caseNo: c.caseNo, receiptNo, date: e.date, hospital: e.hospitalName, policyScopeCost: formatCents(e.policyScopeCost) },
      }),
    );
    return { version: version + 1, receiptNo };
  });
}
