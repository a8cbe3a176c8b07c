import type { NextRequest } from "next/server";
import { parseObjectBody } from "@/lib/applications/domain/api-input";
import { confirmBatchPaid } from "@/lib/applications/payments/confirm-batch-paid";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// POST /api/v1/payment-batches/{id}/confirm  { "paidOn": "YYYY-MM-DD", "reference": "…", "lineIds": [..] (omit = every pending line) }
// — 登记银行回单; answers { confirmed, total, status }; 409 once a line is no longer pending.

export const POST = apiRoute<{ id: string }>(["applications.pay"], async (ctx, request: NextRequest, { id }) => {
  const body = parseObjectBody(await readJsonBody(request), '{"paidOn": "2026-11-20", "reference": "银行流水号"}');
  return confirmBatchPaid(ctx, id, { lineIds: body.lineIds, paidOn: body.paidOn, reference: body.reference });
}, { object: "payment_batch" });
