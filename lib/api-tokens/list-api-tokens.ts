import "server-only";
import { listApiTokensWithin } from "@/db/queries/api-token-admin";
import { listUsersWithin } from "@/db/queries/users";
import { can } from "@/lib/auth/domain/can";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { API_TOKEN_ACTIONS } from "./domain/token-actions";

/** Tokens of accounts within the administrator's jurisdiction, and the accounts a new token may act as. */
export async function listApiTokens(ctx: UseCaseContext) {
  await requirePermission(ctx, "users.manage", { objectType: "api_token" });
  const scope = scopePrefix(ctx.actor.user.jurisdiction);
  const [tokens, accounts] = await Promise.all([listApiTokensWithin(ctx.db, scope), listUsersWithin(ctx.db, scope)]);
  return {
    tokens,
    // Only accounts that could use a token: active, holding at least one API action.
    accounts: accounts
      .filter((a) => a.status === "active")
      .map((a) => ({ id: a.id, username: a.username, displayName: a.displayName, actions: API_TOKEN_ACTIONS.filter((action) => can(a, action)) }))
      .filter((a) => a.actions.length > 0),
  };
}
