import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import type { ApplicationState } from "./domain/states";
import { STATE_NAMES } from "./domain/states";
import { WorkflowError } from "./domain/workflow-errors";
import { coversCase, workflowRoleOf } from "./domain/workflow-roles";

// Not a use case: the check the township's own edits share (ticking claims,
// hand-entered receipts) — the township clerk of the case's township, while
// the township still has the case. Same words as the state machine's refusals.

export const TOWNSHIP_STATES: readonly ApplicationState[] = ["accepted", "township_review", "returned"];

export function requireTownshipPost(ctx: UseCaseContext, c: { state: ApplicationState; townshipCode: string }, what: string): void {
  const user = ctx.actor.user;
  if (workflowRoleOf(user) !== "township_clerk") throw new WorkflowError("role", `只有乡镇经办员可以${what}`);
  if (!coversCase(user, c.townshipCode)) throw new WorkflowError("jurisdiction", "该申请不属于您的辖区，不能办理");
  if (!TOWNSHIP_STATES.includes(c.state)) {
    throw new WorkflowError("state", `该申请当前为“${STATE_NAMES[c.state]}”，已离开乡镇审核阶段，不能再${what}`);
  }
}
