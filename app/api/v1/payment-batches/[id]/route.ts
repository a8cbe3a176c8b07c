import { showPaymentBatch } from "@/lib/applications/payments/show-payment-batch";
import { apiRoute } from "@/lib/http/api-route";

// GET /api/v1/payment-batches/{id} — one batch with its lines, bank accounts
// masked (the clear numbers only in the audited export).

export const GET = apiRoute<{ id: string }>(["applications.pay"], async (ctx, _request, { id }) => showPaymentBatch(ctx, id), { object: "payment_batch" });
