import "server-only";
import { findApplicationForWorkflow } from "@/db/queries/applications";
import { linesOfApplication } from "@/db/queries/payment-batches";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";
import { Money } from "@/lib/money/money";
import { LINE_STATUS_NAMES } from "./show-payment-batch";

/** Every batch line a case has had (a returned one stays as history), for the case page's payment panel. */
export async function paymentLinesOfApplication(ctx: UseCaseContext, applicationId: string) {
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId: applicationId.slice(0, 36) });
  const row = /^[0-9a-f-]{36}$/i.test(applicationId) ? await findApplicationForWorkflow(ctx.db, applicationId) : null;
  if (!row) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, row.townshipCode, "applications.view", { objectType: "application", objectId: applicationId });
  return (await linesOfApplication(ctx.db, applicationId)).map((l) => ({ ...l, amount: new Money(l.amount).toFixed(2), statusName: LINE_STATUS_NAMES[l.status] }));
}
