import type { ApplicationState } from "./states";
import type { WorkflowRole } from "./workflow-roles";

// Each post's own queue (待我处理): the states in which the next step is
// theirs (lib/applications/domain/transitions.ts). A 支付失败 case waits for
// the township to correct the bank details, so it is in the township's queue;
// once corrected it is 已审批待支付 again and back with the payment clerk.

export const QUEUE_STATES: Record<WorkflowRole, readonly ApplicationState[]> = {
  township_clerk: ["accepted", "township_review", "returned", "payment_failed"],
  county_reviewer: ["forwarded", "county_review", "joint_meeting", "objection_review"],
  manager: ["forwarded", "county_review", "joint_meeting", "objection_review"],
  payment_clerk: ["approved", "in_batch"],
  // 公示员 has no queue here: upheld objections are handled on the notice (lib/notices).
  township_publisher: [],
};

export const QUEUE_PAGE_SIZE = 50;
