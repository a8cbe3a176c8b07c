"use server";

import { revalidatePath } from "next/cache";
import { addManualReceipt } from "@/lib/applications/add-manual-receipt";
import { approveApplication } from "@/lib/applications/approve-application";
import { beginCountyAudit } from "@/lib/applications/begin-county-audit";
import { recordJointDecision } from "@/lib/applications/record-joint-decision";
import { referToJointMeeting } from "@/lib/applications/refer-to-joint-meeting";
import { removeManualReceipt } from "@/lib/applications/remove-manual-receipt";
import { resumeReview } from "@/lib/applications/resume-review";
import { setApplicationClaims } from "@/lib/applications/set-application-claims";
import { updateApplicationDocuments } from "@/lib/applications/update-application-documents";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

// The audit-side forms of the case page: each parses its form, calls its one
// use case with the version the page showed, and re-renders the page. The
// amount is never taken from the page's computed figure: approve sends only
// what the user typed (empty = the engine's amount, recomputed on the server).

async function step(id: string, form: FormData, fields: string[], run: () => Promise<string>): Promise<ActionResult> {
  const result = await runAction(run);
  if (result?.ok) {
    revalidatePath(`/applications/${id}`);
    return result;
  }
  return result && { ...result, values: echoValues(form, fields) };
}

const RECEIPT_FIELDS = ["receiptNo", "date", "setting", "hospital", "hospitalLevel", "specialDisease", "referred", "inCity", "totalCost", "policyScopeCost", "basicPaid", "criticalPaid", "hospitalWaived", "commercialPaid"];

export async function setClaimsAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    const r = await setApplicationClaims(await requireContext(), id, { version: form.get("version"), claimIds: form.getAll("claimId") });
    return `已保存：本次申请计入 ${r.claims} 条医保结算记录。`;
  });
}

export async function addReceiptAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, RECEIPT_FIELDS, async () => {
    const input = Object.fromEntries(RECEIPT_FIELDS.map((f) => [f, form.get(f) ?? ""]));
    const r = await addManualReceipt(await requireContext(), id, { version: form.get("version"), ...input });
    return `已录入结算单据 ${r.receiptNo}。`;
  });
}

export async function removeReceiptAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    await removeManualReceipt(await requireContext(), id, { version: form.get("version"), receiptId: form.get("receiptId") });
    return "已删除该结算单据。";
  });
}

export async function updateDocumentAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, ["reason"], async () => {
    const status = form.get("status");
    await updateApplicationDocuments(await requireContext(), id, { version: form.get("version"), item: form.get("item"), status, reason: form.get("reason") });
    return status === "waived" ? "已登记免予提供及理由。" : "已登记材料补齐。";
  });
}

export async function resumeReviewAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    const r = await resumeReview(await requireContext(), id, { version: form.get("version") });
    return `已恢复乡镇审核，应于 ${r.dueOn} 前完成。`;
  });
}

export async function beginAuditAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    const r = await beginCountyAudit(await requireContext(), id, { version: form.get("version") });
    return `已开始县级审核，应于 ${r.dueOn} 前完成。`;
  });
}

export async function approveAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, ["amount", "reason"], async () => {
    await approveApplication(await requireContext(), id, { version: form.get("version"), amount: form.get("amount") ?? "", reason: form.get("reason") ?? "" });
    return "已审核通过，转入资金支付（10 个工作日内汇入申请人账户）。";
  });
}

export async function referJointMeetingAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, [], async () => {
    await referToJointMeeting(await requireContext(), id, { version: form.get("version") });
    return "已提交部门联席会议审议。";
  });
}

export async function jointDecisionAction(id: string, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  return step(id, form, ["meetingOn", "departments", "amount"], async () => {
    await recordJointDecision(await requireContext(), id, {
      version: form.get("version"),
      meetingOn: form.get("meetingOn"),
      departments: form.get("departments"),
      amount: form.get("amount"),
    });
    return "已登记联席会议决定，转入资金支付。";
  });
}
