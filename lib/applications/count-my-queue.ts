import "server-only";
import { countApplicationQueue } from "@/db/queries/application-queues";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { QUEUE_STATES } from "./domain/queues";
import { WORKFLOW_ROLE_NAMES, workflowRoleOf } from "./domain/workflow-roles";

/**
 * The workbench's line "待我处理 12 件，其中超期 2 件，加急 1 件": the actor's own
 * queue in the jurisdiction. null for a user with no post in the workflow
 * (they see no such line; nothing is refused, so nothing is audited).
 */
export async function countMyQueue(ctx: UseCaseContext): Promise<{ roleName: string; total: number; overdue: number; urgent: number } | null> {
  const role = workflowRoleOf(ctx.actor.user);
  if (!role || !can(ctx.actor.user, "applications.view")) return null;
  const counts = await countApplicationQueue(ctx.db, { scopePrefix: scopePrefix(ctx.actor.user.jurisdiction), states: QUEUE_STATES[role] }, todayOf(ctx));
  return { roleName: WORKFLOW_ROLE_NAMES[role], ...counts };
}
