import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { can } from "@/lib/auth/domain/can";
import { listNotices } from "./list-notices";

/**
 * For the workbench card — countMyNotices(ctx)
 * null without notices.view (no card, no refusal audited); otherwise, within the jurisdiction:
 * { due (villages to draft over the due quarters), drafts, inWindow, openObjections (notices with one) }.
 */
export async function countMyNotices(ctx: UseCaseContext) {
  if (!can(ctx.actor.user, "notices.view")) return null;
  const { notices, due } = await listNotices(ctx);
  return {
    due: due.reduce((s, d) => s + d.villages, 0),
    drafts: notices.filter((n) => n.displayStatus === "draft").length,
    inWindow: notices.filter((n) => n.displayStatus === "in_window").length,
    openObjections: notices.filter((n) => n.openObjections > 0).length,
  };
}
