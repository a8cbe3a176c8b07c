import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/** 开始乡镇审核: the township takes up the accepted case (survey and document review); its clock keeps running. */
export async function beginTownshipReview(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown }) {
  return runTransition(ctx, { applicationId, version: input.version, command: { action: "begin_review" }, permission: "applications.intake" });
}
