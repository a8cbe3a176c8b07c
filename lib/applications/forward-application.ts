import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { runTransition } from "./run-transition";

/**
 * 报送县级: the township sends the reviewed file to the county. Needs the
 * household survey; only a 特事特办 case may go on its acceptance day. The
 * county's 10 working days start from today.
 */
export async function forwardApplication(ctx: UseCaseContext, applicationId: unknown, input: { version?: unknown }) {
  return runTransition(ctx, {
    applicationId,
    version: input.version,
    command: { action: "forward" },
    permission: "applications.intake",
    patch: (_d, on) => ({ forwardedOn: on }),
  });
}
