"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { cancelPaymentBatch } from "@/lib/applications/payments/cancel-payment-batch";
import { confirmBatchPaid } from "@/lib/applications/payments/confirm-batch-paid";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { markPaymentLineFailed } from "@/lib/applications/payments/mark-payment-line-failed";
import { removeBatchLine } from "@/lib/applications/payments/remove-batch-line";
import { requireContext } from "@/lib/auth/current-actor";
import { echoValues, runAction, type ActionResult } from "@/lib/http/action-result";

export async function createBatchAction(_prev: ActionResult, form: FormData): Promise<ActionResult> {
  let id = 0;
  const result = await runAction(async () => {
    id = (await createPaymentBatch(await requireContext(), { cases: form.getAll("cases").map(String) })).id;
  });
  if (!result?.ok) return result;
  revalidatePath("/applications/batches");
  redirect(`/applications/batches/${id}`);
}

export async function confirmPaidAction(batchId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const r = await confirmBatchPaid(await requireContext(), batchId, { lineIds: form.getAll("lineIds").map(String), paidOn: form.get("paidOn"), reference: form.get("reference") });
    return `已确认支付 ${r.confirmed} 笔，合计 ${r.total} 元。`;
  });
  if (result?.ok) revalidatePath(`/applications/batches/${batchId}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["paidOn", "reference"]) };
}

export async function failLineAction(batchId: number, lineId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    await markPaymentLineFailed(await requireContext(), batchId, { lineId, reason: form.get("reason") });
    return "已登记银行退回，案件退回乡镇更正银行账户。";
  });
  if (result?.ok) revalidatePath(`/applications/batches/${batchId}`);
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["reason"]) };
}

export async function removeLineAction(batchId: number, lineId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  let caseNo = "";
  const result = await runAction(async () => {
    caseNo = (await removeBatchLine(await requireContext(), batchId, { lineId, reason: form.get("reason") })).caseNo;
  });
  if (!result?.ok) return result && { ...result, values: echoValues(form, ["reason"]) };
  // The line's form is gone after the removal (the row stays, struck through): the page itself says what happened.
  revalidatePath(`/applications/batches/${batchId}`);
  redirect(`/applications/batches/${batchId}?removed=${encodeURIComponent(caseNo)}`);
}

export async function cancelBatchAction(batchId: number, _prev: ActionResult, form: FormData): Promise<ActionResult> {
  const result = await runAction(async () => {
    const r = await cancelPaymentBatch(await requireContext(), batchId, { reason: form.get("reason") });
    return `批次 ${r.batchNo} 已作废。`;
  });
  if (result?.ok) {
    revalidatePath(`/applications/batches/${batchId}`);
    revalidatePath("/applications/batches");
  }
  return result?.ok ? result : result && { ...result, values: echoValues(form, ["reason"]) };
}
