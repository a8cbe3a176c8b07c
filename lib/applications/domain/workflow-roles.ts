import type { Role } from "@/lib/auth/domain/roles";
import type { Department } from "@/lib/departments/departments";
import { isWithin, levelOf } from "@/lib/divisions/domain/division-code";

// Who does what in the 10 + 10 + 10 workflow. The portal's accounts are
// department × role (lib/auth/domain/roles.ts); the workflow knows four posts:
//   township_clerk  乡镇（街道）经办员 — intake, survey, forward, return, township refusal,
//                   bank-detail correction; only for cases of the township(s) in the jurisdiction
//   county_reviewer 县级医保审核员 — audit, approve the computed amount, joint meeting, refuse
//   payment_clerk   医保经办员 — payment batches, bank confirmation
//   manager         医保负责人 — what the reviewer does, plus approving a different amount (override)
// Everyone else (民政 clerks, 公示员, the system administrator, 财政 viewers) has no post here.
// The payment clerk is not the reviewer: the one who approves an amount does not pay it.

//   township_publisher 乡镇公示员 or 乡镇负责人 — only refers a case whose notice objection was upheld back to the county
export type WorkflowRole = "township_clerk" | "county_reviewer" | "payment_clerk" | "manager" | "township_publisher";

export const WORKFLOW_ROLE_NAMES: Record<WorkflowRole, string> = {
  township_clerk: "乡镇经办员",
  county_reviewer: "县级医保审核员",
  payment_clerk: "医保支付经办员",
  manager: "医保负责人",
  township_publisher: "乡镇公示员",
};

export type WorkflowActor = { department: Department; role: Role; jurisdiction: string };

export function workflowRoleOf(actor: Pick<WorkflowActor, "department" | "role">): WorkflowRole | null {
  if (actor.department === "township") {
    if (actor.role === "clerk") return "township_clerk";
    return actor.role === "publisher" || actor.role === "manager" ? "township_publisher" : null;
  }
  if (actor.department !== "medical_security") return null;
  if (actor.role === "reviewer") return "county_reviewer";
  if (actor.role === "clerk") return "payment_clerk";
  if (actor.role === "manager") return "manager";
  return null;
}

/**
 * The case's township lies in the actor's jurisdiction. A township clerk must
 * sit at a township (or a village of it) — a clerk at county level is not the
 * clerk "of the case's township".
 */
export function coversCase(actor: WorkflowActor, townshipCode: string): boolean {
  const role = workflowRoleOf(actor);
  if (role === null) return false;
  if (levelOf(actor.jurisdiction) === null || levelOf(townshipCode) === null) return false;
  if ((role === "township_clerk" || role === "township_publisher") && levelOf(actor.jurisdiction) !== "township") return false;
  return isWithin(townshipCode, actor.jurisdiction);
}
