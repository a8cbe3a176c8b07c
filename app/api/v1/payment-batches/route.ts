import type { NextRequest } from "next/server";
import { parseObjectBody } from "@/lib/applications/domain/api-input";
import { createPaymentBatch } from "@/lib/applications/payments/create-payment-batch";
import { listPaymentBatches } from "@/lib/applications/payments/list-payment-batches";
import { AppError } from "@/lib/errors/app-error";
import { apiRoute } from "@/lib/http/api-route";
import { readJsonBody } from "@/lib/http/read-json-body";

// GET  /api/v1/payment-batches — the county's 支付批次, newest first, with counts and totals.
// POST /api/v1/payment-batches  { "cases": [{ "id": "…", "version": N }, …] } — 编制支付批次
// through the same use case as the page: every case approved → in_batch, one transaction.
// Answers { id, batchNo, count, total }; 409 when a case moved on or sits in another batch.

export const GET = apiRoute(["applications.pay"], async (ctx) => ({ batches: await listPaymentBatches(ctx) }));

export const POST = apiRoute(["applications.pay"], async (ctx, request: NextRequest) => {
  const body = parseObjectBody(await readJsonBody(request), '{"cases": [{"id": "申请 id", "version": 5}]}');
  try {
    return await createPaymentBatch(ctx, { cases: body.cases });
  } catch (err) {
    // The page's field is its checkbox list; here it is the body's "cases".
    if (err instanceof AppError && err.field === "applicationIds") throw new AppError(err.code, err.message, "cases");
    throw err;
  }
});
