import "server-only";
import { listNoticeRows, listNoticesWithin } from "@/db/queries/notices";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";

/**
 * 公示档案 — listNoticeArchive(ctx, { withRows? })
 * Permission: notices.view; jurisdiction prefix in the query.
 * Returns the published notices whose window has closed (before today), exactly as published
 * (frozen header and, with withRows, the snapshot rows). They are no longer on the public page.
 */
export async function listNoticeArchive(ctx: UseCaseContext, opts: { withRows?: boolean } = {}) {
  await requirePermission(ctx, "notices.view", { objectType: "notice" });
  const today = todayOf(ctx);
  const notices = await listNoticesWithin(ctx.db, scopePrefix(ctx.actor.user.jurisdiction), { status: "published", closedBefore: today });
  if (!opts.withRows) return { today, notices: notices.map((n) => ({ ...n, rows: undefined })) };
  const out = [];
  for (const n of notices) out.push({ ...n, rows: await listNoticeRows(ctx.db, n.id) });
  return { today, notices: out };
}
