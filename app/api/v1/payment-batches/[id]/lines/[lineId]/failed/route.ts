import type { NextRequest } from "next/server";
import { parseObjectBody } from "@/lib/applications/domain/api-input";
import { markPaymentLineFailed } from "@/lib/applications/payments/mark-payment-line-failed";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /api/v1/payment-batches/{id}/lines/{lineId}/failed  { "reason": "…" } — 登记银行退回:
// the case goes back to its township to correct the bank details. Answers { status } (the batch's).

export const POST = apiRoute<{ id: string; lineId: string }>(["applications.pay"], async (ctx, request: NextRequest, { id, lineId }) => {
  const body = parseObjectBody(await readJsonBody(request), '{"reason": "账号户名不符"}');
  return markPaymentLineFailed(ctx, id, { lineId, reason: body.reason });
}, { object: "payment_batch" });
