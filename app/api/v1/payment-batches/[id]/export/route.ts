import { exportPaymentBatch } from "@/lib/applications/payments/export-payment-batch";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /api/v1/payment-batches/{id}/export — the bank's 代发 file (.xlsx) with
// the clear accounts, through the page's use case: audited, and the first
// export marks the batch sent.

export const GET = apiRoute<{ id: string }>(["applications.pay"], async (ctx, _request, { id }) => {
  const { fileName, body } = await exportPaymentBatch(ctx, id);
  return fileDownload(body, fileName);
}, { object: "payment_batch" });
