import "server-only";
import { insertAudit } from "@/db/queries/audit";
import { auditRow } from "@/lib/audit/audit-entry";
import { isWithin } from "@/lib/divisions/domain/division-code";
import { ForbiddenError } from "@/lib/errors/app-error";
import { can } from "./domain/can";
import type { UseCaseContext } from "./context";
import type { Action } from "./domain/permissions";

type Target = { objectType?: string; objectId?: string };

// A refusal is audited in its own write (not in the refused change's
// transaction, which never starts), then the use case stops with a 403.
async function refuse(ctx: UseCaseContext, action: string, target: Target, reason: string): Promise<never> {
  await insertAudit(ctx.db, auditRow(ctx.actor, { action, ...target, outcome: "refused", detail: { reason } }));
  throw new ForbiddenError();
}

/** Stops the use case unless the actor's department × role may perform `action`. */
export async function requirePermission(ctx: UseCaseContext, action: Action, target: Target = {}): Promise<void> {
  if (!can(ctx.actor.user, action)) await refuse(ctx, action, target, "permission");
}

/** Stops the use case unless `divisionCode` lies within the actor's jurisdiction. */
export async function requireWithin(
  ctx: UseCaseContext,
  divisionCode: string,
  action: Action,
  target: Target = {},
): Promise<void> {
  if (!isWithin(divisionCode, ctx.actor.user.jurisdiction)) await refuse(ctx, action, target, "jurisdiction");
}
