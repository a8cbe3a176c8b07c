import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { insertApiToken } from "@/db/queries/api-token-admin";
import { insertAudit } from "@/db/queries/audit";
import { findUserById } from "@/db/queries/users";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { hashToken } from "@/lib/auth/token-actor";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { parseInput } from "@/lib/users/domain/parse-input";
import { API_TOKEN_ACTION_INFO, isApiTokenAction, type ApiTokenAction } from "./domain/token-actions";

const issueInput = z.object({
  name: z.string({ error: "请填写令牌用途" }).trim().min(1, { error: "请填写令牌用途，如“县人民医院收费系统”" }).max(60, { error: "令牌用途不超过 60 字" }),
  userId: z.string({ error: "请选择令牌代表的账号" }).regex(/^[0-9a-f-]{36}$/i, { error: "请选择令牌代表的账号" }),
  actions: z
    .array(z.string())
    .min(1, { error: "请至少选择一项令牌可调用的接口" })
    .refine((list) => list.every(isApiTokenAction), { error: "所选接口不存在，请刷新页面后重新选择" }),
});

/** "yjz_" + 32 URL-safe characters (192 random bits). */
function newToken(): string {
  return `yjz_${randomBytes(24).toString("base64url")}`;
}

/**
 * Issues a token that acts as an existing account (a service account such as
 * a hospital's billing system), limited to the chosen API actions. The token
 * is returned once and never stored: only its SHA-256 and first 12
 * characters are kept. Administrators only, for accounts within their
 * jurisdiction; audited without the token.
 */
export async function issueApiToken(ctx: UseCaseContext, raw: unknown): Promise<{ id: number; token: string; prefix: string }> {
  await requirePermission(ctx, "users.manage", { objectType: "api_token" });
  const input = parseInput(issueInput, raw);
  const account = await findUserById(ctx.db, input.userId);
  if (!account || !isWithin(account.jurisdiction, ctx.actor.user.jurisdiction)) throw new ValidationError("userId", "找不到该账号，请重新选择");
  if (account.status !== "active") throw new ValidationError("userId", `账号 ${account.username} 已停用，令牌无法使用：请先启用该账号或另选账号`);
  for (const action of input.actions as ApiTokenAction[]) {
    if (!can(account, action)) {
      throw new ValidationError(
        "actions",
        `账号 ${account.username} 没有“${API_TOKEN_ACTION_INFO[action].label}”权限，令牌调用会被拒绝：请选择有该权限的账号，或先调整该账号的部门和角色`,
      );
    }
  }
  const token = newToken();
  const prefix = token.slice(0, 12);
  const id = await inTransaction(ctx.db, async (tx) => {
    const created = await insertApiToken(tx, {
      name: input.name,
      tokenHash: hashToken(token),
      prefix,
      actions: input.actions,
      userId: account.id,
      createdBy: ctx.actor.user.id,
    });
    await insertAudit(
      tx,
      auditRow(ctx.actor, {
        action: "api_tokens.issue",
        objectType: "api_token",
        objectId: String(created),
        detail: { name: input.name, prefix, account: account.username, actions: input.actions },
      }),
    );
    return created;
  });
  return { id, token, prefix };
}
