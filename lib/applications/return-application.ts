import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/**
 * 退回补正: back to the applicant for documents, with a note saying what is
 * missing. The township clock is suspended until the case resumes
 * (lib/applications/domain/step-clock.ts).
 */
export async function returnApplication(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown; note?: unknown }) {
  const note = typeof input.note === "string" ? input.note.trim() : "";
  return runTransition(ctx, {
    applicationId,
    version: input.version,
    command: { action: "return_for_documents", note },
    permission: "applications.intake",
    reason: note,
  });
}
