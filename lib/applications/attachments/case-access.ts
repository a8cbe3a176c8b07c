import "server-only";
import { findCaseForAttachments } from "@/db/queries/application-attachments";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";

// The check every attachment use case starts with (not a use case itself):
// the actor may see cases at all (applications.view), the id is a case, and
// its township lies in the actor's jurisdiction — else 403, audited.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && value.length === 36 && UUID.test(value);
}

export async function visibleCase(ctx: UseCaseContext, applicationId: unknown) {
  const objectId = typeof applicationId === "string" ? applicationId.slice(0, 36) : "";
  await requirePermission(ctx, "applications.view", { objectType: "application", objectId });
  if (!isUuid(applicationId)) throw new NotFoundError("找不到该申请，可能链接有误。");
  const found = await findCaseForAttachments(ctx.db, applicationId);
  if (!found) throw new NotFoundError("找不到该申请，可能链接有误。");
  await requireWithin(ctx, found.townshipCode, "applications.view", { objectType: "application", objectId: applicationId });
  return found;
}
