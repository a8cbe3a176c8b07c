import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/**
 * 提交部门联席会议 (county_review → joint_meeting): where the policy gives no
 * on-application standard and has the case decided "通过部门联席会议一事一议"
 * (000 §三(八)). The machine refuses it for a policy with a standard, and
 * while a document is still missing.
 */
export async function referToJointMeeting(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown }) {
  return runTransition(ctx, { applicationId, version: input.version, command: { action: "refer_to_joint_meeting" }, permission: "applications.audit" });
}
