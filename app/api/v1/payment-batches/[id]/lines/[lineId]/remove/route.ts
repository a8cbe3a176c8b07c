import type { NextRequest } from "next/server";
import { parseObjectBody } from "@/lib/applications/domain/api-input";
import { removeBatchLine } from "@/lib/applications/payments/remove-batch-line";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /api/v1/payment-batches/{id}/lines/{lineId}/remove  { "reason": "…" } — 移出支付批次
// while the batch is open (its file not yet exported); the case is approved again and the line
// stays in the batch as removed (reason, day, who), outside its count, total and file.
// Answers { caseNo, amount, count, total } (the batch after the removal); 409 once the batch was sent.

export const POST = apiRoute<{ id: string; lineId: string }>(["applications.pay"], async (ctx, request: NextRequest, { id, lineId }) => {
  const body = parseObjectBody(await readJsonBody(request), '{"reason": "核定金额待更正"}');
  return removeBatchLine(ctx, id, { lineId, reason: body.reason });
}, { object: "payment_batch" });
