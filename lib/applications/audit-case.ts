import "server-only";
import { findAuditCase } from "@/db/queries/application-audit";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Action } from "@/lib/auth/domain/permissions";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";
import type { AuditCase } from "./case-amount";

// Not a use case: the opening every audit-side use case shares — the
// permission, a well-formed id, the case, then its township within the
// actor's jurisdiction (refusals audited by requirePermission/requireWithin).

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadCaseFor(ctx: UseCaseContext, applicationId: unknown, permission: Action): Promise<AuditCase> {
  const id = typeof applicationId === "string" ? applicationId : "";
  await requirePermission(ctx, permission, { objectType: "application", objectId: id.slice(0, 36) });
  if (!UUID.test(id)) throw new NotFoundError("找不到该申请，可能链接有误。");
  const row = await findAuditCase(ctx.db, id);
  if (!row) throw new NotFoundError("找不到该申请，可能已被删除。");
  await requireWithin(ctx, row.townshipCode, permission, { objectType: "application", objectId: id });
  return row;
}
