import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/**
 * 补正后恢复审核 (退回补正 → 乡镇审核中): the applicant's documents came back.
 * The township clock resumes with the working days that were left when the
 * case was returned (docs/policy.md §6; lib/applications/domain/step-clock.ts).
 */
export async function resumeReview(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown }) {
  return runTransition(ctx, { applicationId, version: input.version, command: { action: "resume_review" }, permission: "applications.intake", reason: "申请人已补正材料" });
}
