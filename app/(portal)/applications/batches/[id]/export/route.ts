import { exportPaymentBatch } from "@/lib/applications/payments/export-payment-batch";
import { apiRoute } from "@/lib/http/api-route";
import { fileDownload } from "@/lib/http/file-download";

// GET /applications/batches/{id}/export — the bank's 代发 file (.xlsx), audited; marks the batch sent.
export const GET = apiRoute<{ id: string }>(["applications.pay"], async (ctx, _request, { id }) => {
  const { fileName, body } = await exportPaymentBatch(ctx, id);
  return fileDownload(body, fileName);
}, { sessionOnly: true, object: "payment_batch" });
