import type { NextRequest } from "next/server";
import { parseObjectBody } from "@/lib/applications/domain/api-input";
import { cancelPaymentBatch } from "@/lib/applications/payments/cancel-payment-batch";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /api/v1/payment-batches/{id}/cancel  { "reason": "…" } — 作废批次: an open
// batch whose every line was removed. Answers { batchNo, removedLines }; 409 while
// a line is still in it or once it was sent; audited.

export const POST = apiRoute<{ id: string }>(["applications.pay"], async (ctx, request: NextRequest, { id }) => {
  const body = parseObjectBody(await readJsonBody(request), '{"reason": "明细均已移出"}');
  return cancelPaymentBatch(ctx, id, { reason: body.reason });
}, { object: "payment_batch" });
