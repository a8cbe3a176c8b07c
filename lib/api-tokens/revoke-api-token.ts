import "server-only";
import { findApiToken, revokeApiTokenRow } from "@/db/queries/api-token-admin";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";

/** Revokes a token at once (the next call with it is a 401). Administrators, within their jurisdiction; audited. */
export async function revokeApiToken(ctx: UseCaseContext, tokenId: string | number): Promise<void> {
  const id = Number(tokenId);
  const target = { objectType: "api_token", objectId: String(tokenId) };
  await requirePermission(ctx, "users.manage", target);
  const row = Number.isInteger(id) && id > 0 ? await findApiToken(ctx.db, id) : undefined;
  if (!row || !isWithin(row.accountJurisdiction, ctx.actor.user.jurisdiction)) throw new NotFoundError("找不到该令牌。");
  await inTransaction(ctx.db, async (tx) => {
    if (!(await revokeApiTokenRow(tx, id))) throw new ValidationError("token", `令牌 ${row.prefix}… 已于此前吊销`);
    await insertAudit(tx, auditRow(ctx.actor, { action: "api_tokens.revoke", ...target, detail: { name: row.name, prefix: row.prefix, account: row.accountUsername } }));
  });
}
