import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { formatYuan } from "@/lib/money/money";
import { FILER_KIND_NAMES, maskBankAccount, maskPhone } from "../domain/intake-input";
import { claimTotals } from "../domain/print-forms";
import { STATE_NAMES } from "../domain/states";
import { loadFormCase } from "./form-case";

const TOWNSHIP_DONE = new Set(["forward", "refuse", "return_for_documents"]);
const COUNTY_DONE = new Set(["approve", "record_joint_decision", "refer_to_joint_meeting", "refuse"]);

/**
 * 医疗救助申请审批表 of one case: the applicant, who filed, the diagnosis, the
 * claims with their amounts, the township's opinion (its forward or refusal),
 * the survey's findings, the county's opinion with the computed and approved
 * amount — each with who and when, blank lines where a step is still open.
 */
export async function getApprovalForm(ctx: UseCaseContext, id: unknown) {
  const f = await loadFormCase(ctx, id, "approval_form");
  const r = f.row;
  const township = [...r.transitions].reverse().find((t) => TOWNSHIP_DONE.has(t.action) && (t.fromState === "accepted" || t.fromState === "township_review"));
  const county = [...r.transitions].reverse().find((t) => COUNTY_DONE.has(t.action) && t.fromState !== "accepted" && t.fromState !== "township_review");
  const filer = r.filerKind === "family" ? `${FILER_KIND_NAMES.family}（${r.filerName ?? ""}，${r.filerRelation ?? ""}）` : r.filerKind === "village_committee" ? `${FILER_KIND_NAMES.village_committee}（${r.filerName ?? ""}）` : FILER_KIND_NAMES.self;
  return {
    office: f.office,
    caseNo: r.caseNo,
    stateName: STATE_NAMES[r.state],
    urgent: r.urgent ? r.urgentReason ?? "特事特办" : null,
    acceptedOn: r.acceptedOn,
    townshipName: f.townshipName,
    applicant: { name: r.personName, idMasked: f.idMasked, place: f.place, categoryName: f.categoryName },
    filer,
    phoneMasked: r.phoneTail ? maskPhone(r.phoneTail) : "—",
    bank: r.bankName && r.bankAccountTail ? `${r.bankName} ${maskBankAccount(r.bankAccountTail, r.bankAccountHead ?? undefined)}` : "—",
    diagnosis: r.diagnosisSummary ?? "—",
    policyName: r.policyName,
    claims: r.claims.map((c) => ({
      date: c.claimDate,
      setting: c.setting === "inpatient" ? "住院" : "门诊",
      hospital: c.hospitalName + (c.manual ? "（手工录入）" : ""),
      total: formatYuan(c.totalCost),
      scope: formatYuan(c.policyScopeCost),
      basic: c.basicPaid ? formatYuan(c.basicPaid) : "—",
      critical: c.criticalPaid ? formatYuan(c.criticalPaid) : "—",
    })),
    totals: claimTotals(r.claims),
    township: township
      ? { opinion: township.action === "forward" ? "经入户调查和材料审核，情况属实，同意报送县级医疗保障部门审核。" : township.action === "refuse" ? `不予救助：${township.reason ?? ""}` : `退回补正：${township.reason ?? ""}`, on: township.onDate, by: township.actorName }
      : null,
    survey: r.survey ? { on: r.survey.surveyedOn, visitors: r.survey.visitors, findings: r.survey.findings } : null,
    county: county
      ? {
          opinion: county.action === "refuse" ? `不予救助：${county.reason ?? ""}` : county.action === "refer_to_joint_meeting" ? "提交部门联席会议一事一议。" : "经审核，符合医疗救助条件，同意救助。",
          on: county.onDate,
          by: county.actorName,
        }
      : null,
    amounts: {
      computed: r.computedAmount ? formatYuan(r.computedAmount) : null,
      approved: r.approvedAmount ? formatYuan(r.approvedAmount) : null,
      overrideReason: r.overrideReason,
    },
    printedOn: f.printedOn,
  };
}

export type ApprovalForm = Awaited<ReturnType<typeof getApprovalForm>>;
