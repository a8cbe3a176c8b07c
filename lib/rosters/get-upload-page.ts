import "server-only";
import { listSubmissions } from "@/db/queries/roster-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { CATEGORY_INFO, categoriesOf } from "@/lib/categories/categories";
import { DEPARTMENT_NAMES, ROSTER_DEPARTMENTS } from "@/lib/departments/departments";
import { ForbiddenError } from "@/lib/errors/app-error";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { shiftMonth } from "./domain/beijing-time";
import { monthDeadlines } from "./domain/roster-deadlines";

/**
 * What the upload page shows a department clerk: their department and its
 * categories, the month to send now (this month until its deadline has
 * passed, then next month) with its deadline, and their latest lists.
 */
export async function getUploadPage(ctx: UseCaseContext) {
  await requirePermission(ctx, "rosters.upload");
  const department = ROSTER_DEPARTMENTS.find((d) => d === ctx.actor.user.department);
  if (!department) throw new ForbiddenError();
  const today = beijingToday(new Date());
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const current = monthDeadlines(calendar, today.slice(0, 7));
  const month = current.deadline && today > current.deadline ? shiftMonth(current.month, 1) : current.month;
  const recent = await listSubmissions(ctx.db, { departments: [department], limit: 5, offset: 0 });
  return {
    department,
    departmentName: DEPARTMENT_NAMES[department],
    categories: categoriesOf(department).map((c) => CATEGORY_INFO[c].name),
    month,
    latestMonth: shiftMonth(today.slice(0, 7), 1),
    dates: month === current.month ? current : monthDeadlines(calendar, month),
    recent: recent.rows.map(({ submittedOn: _on, ...r }) => r),
  };
}
