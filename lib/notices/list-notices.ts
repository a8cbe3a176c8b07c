import "server-only";
import { listApprovedCasesOfTownship, listNoticesWithin } from "@/db/queries/notices";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { noticeStatus, type NoticeStatus } from "./domain/notice-status";
import { previousQuarter, quarterOf, quarterRange, type YearQuarter } from "./domain/quarter";

/**
 * 公示工作台 — listNotices(ctx)
 * Permission: notices.view; only notices of townships within the jurisdiction (prefix in the WHERE clause).
 * Returns { today, notices: [...header, displayStatus (draft/published/in_window/closed), rowCount, total, openObjections, correctedBy],
 *   due: [{ year, quarter, villages }] } — `due` (待起草) lists, for a township-level actor, the current and the
 * previous quarter when approved cases exist in villages that have no notice yet.
 */
export async function listNotices(ctx: UseCaseContext) {
  await requirePermission(ctx, "notices.view", { objectType: "notice" });
  const today = todayOf(ctx);
  const jurisdiction = ctx.actor.user.jurisdiction;
  const rows = await listNoticesWithin(ctx.db, scopePrefix(jurisdiction));
  const notices = rows.map((n) => ({ ...n, displayStatus: noticeStatus(n, today) as NoticeStatus }));
  const due: { year: number; quarter: number; villages: number }[] = [];
  if (levelOf(jurisdiction) === "township") {
    const current = quarterOf(today);
    for (const q of [current, previousQuarter(current)] as YearQuarter[]) {
      const range = quarterRange(q);
      const cases = await listApprovedCasesOfTownship(ctx.db, jurisdiction, range.from, range.to);
      const have = new Set(notices.filter((n) => n.year === q.year && n.quarter === q.quarter).map((n) => n.villageCode));
      const missing = new Set(cases.map((c) => c.villageCode).filter((v) => !have.has(v)));
      if (missing.size > 0) due.push({ year: q.year, quarter: q.quarter, villages: missing.size });
    }
  }
  return { today, notices, due };
}
