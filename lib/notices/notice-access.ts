import "server-only";
import { findNotice } from "@/db/queries/notices";
import type { UseCaseContext } from "@/lib/auth/context";
import type { Action } from "@/lib/auth/domain/permissions";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { NotFoundError } from "@/lib/errors/app-error";

// Not a use case: the shared first steps of the notice use cases — the
// permission, the notice, and the jurisdiction (the notice's township must lie
// within the actor's). Another township's notice is refused and audited.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadNoticeFor(ctx: UseCaseContext, noticeId: unknown, action: Action) {
  const id = typeof noticeId === "string" ? noticeId : "";
  await requirePermission(ctx, action, { objectType: "notice", objectId: id.slice(0, 36) });
  if (!UUID.test(id)) throw new NotFoundError("找不到该公示，可能链接有误。");
  const notice = await findNotice(ctx.db, id);
  if (!notice) throw new NotFoundError("找不到该公示，可能已被删除。");
  await requireWithin(ctx, notice.townshipCode, action, { objectType: "notice", objectId: id });
  return notice;
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}
