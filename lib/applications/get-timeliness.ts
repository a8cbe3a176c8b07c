import "server-only";
import { currentTimelinessFacts, refreshTimelinessFacts, storedTimelinessFacts } from "@/db/queries/application-timeliness";
import { insertAudit } from "@/db/queries/audit";
import { currentDivisionNames, currentTownships } from "@/lib/divisions/current-townships";
import { auditRow } from "@/lib/audit/audit-entry";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { workingDayCalendarAt } from "@/lib/calendar/load-working-day-calendar";
import { isDivisionCode, levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { aggregateTimeliness, workingDayOrdinals, type Timeliness } from "./domain/timeliness";
import { workflowRoleOf } from "./domain/workflow-roles";

export type TimelinessInput = { year?: unknown; division?: unknown };
export type TimelinessView = Timeliness & { year: number; division: string; divisionName: string; today: string; years: number[] };

/**
 * 办理时效 for managers: per township of the division and per step, cases on
 * time, late, open and overdue, and the average working days taken, for the
 * cases accepted in `year` (default: this year). Who: the county's 医保
 * reviewers and managers (applications.view, and the workflow post
 * county_reviewer or manager) within their jurisdiction — the people who
 * answer for the 10 + 10 + 10 deadlines across townships. Township clerks and
 * the payment clerk see their own queues instead.
 */
export async function getTimeliness(ctx: UseCaseContext, input: TimelinessInput = {}): Promise<TimelinessView> {
  await requirePermission(ctx, "applications.view", { objectType: "application_timeliness" });
  const role = workflowRoleOf(ctx.actor.user);
  if (role !== "county_reviewer" && role !== "manager") {
    await insertAudit(ctx.db, auditRow(ctx.actor, { action: "applications.view", objectType: "application_timeliness", outcome: "refused", detail: { reason: "post" } }));
    throw new ForbiddenError("办理时效统计仅供县级医保审核员和负责人查看。");
  }
  const today = todayOf(ctx);
  const thisYear = Number(today.slice(0, 4));
  const rawYear = typeof input.year === "string" ? input.year.trim() : input.year === undefined ? "" : String(input.year);
  const year = rawYear === "" ? thisYear : Number(rawYear);
  if (!/^\d{4}$/.test(String(year)) || year < 2000 || year > thisYear) throw new ValidationError("year", `年度应为 2000 至 ${thisYear} 之间的四位年份`);
  const division = typeof input.division === "string" && input.division.trim() ? input.division.trim() : ctx.actor.user.jurisdiction;
  if (!isDivisionCode(division) || levelOf(division) === null) throw new ValidationError("division", "行政区划代码应为 12 位数字");
  await requireWithin(ctx, division, "applications.view", { objectType: "division", objectId: division });

  const prefix = scopePrefix(division);
  // The stored facts (migration 0027): first recount the townships of the scope whose cases changed since
  // they were counted, or that were counted with another calendar. The fingerprint is read before the
  // calendar, so the calendar counted with is never older than the fingerprint stored with it.
  // One statement reads the fingerprint, the stale townships and (none stale) the facts in one
  // snapshot; the names come from the process's cache.
  const [current, townships, names] = await Promise.all([
    currentTimelinessFacts(ctx.db, { prefix, year, today }),
    currentTownships(ctx.db, levelOf(division) === "township" || levelOf(division) === "village" ? prefix.slice(0, 9) : prefix),
    currentDivisionNames(ctx.db),
  ]);
  let facts = current.facts;
  if (facts === null) {
    const fingerprint = current.calendar;
    const { base, ordinals } = ordinalsOf(await workingDayCalendarAt(ctx.db, fingerprint));
    for (const townshipCode of current.stale) await refreshTimelinessFacts(ctx.db, { year, townshipCode, calendar: fingerprint, base, ordinals });
    facts = await storedTimelinessFacts(ctx.db, { prefix, year, today });
  }
  const divisionName = names.get(division) ?? division;
  const view = aggregateTimeliness(facts, townships.map((t) => ({ code: t.code, name: t.name })), `${divisionName}合计`);
  const years: number[] = [];
  for (let y = thisYear; y >= Math.max(2000, thisYear - 4); y--) years.push(y);
  return { ...view, year, division, divisionName, today, years };
}

// The calendar's ordinals, built once per calendar (the calendar itself is cached per process).
const ordinalsCache = new WeakMap<WorkingDayCalendar, ReturnType<typeof workingDayOrdinals>>();
function ordinalsOf(calendar: WorkingDayCalendar): ReturnType<typeof workingDayOrdinals> {
  let hit = ordinalsCache.get(calendar);
  if (!hit) ordinalsCache.set(calendar, (hit = workingDayOrdinals(calendar)));
  return hit;
}
