import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/** 县级开始审核: the county reviewer (or manager) takes up a forwarded file; the county clock keeps running from the forwarding day. */
export async function beginCountyAudit(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown }) {
  return runTransition(ctx, { applicationId, version: input.version, command: { action: "begin_audit" }, permission: "applications.audit" });
}
