import "server-only";
import { listSubmissions } from "@/db/queries/roster-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { DEPARTMENT_NAMES } from "@/lib/departments/departments";
import { monthBounds } from "./domain/month";
import { monthDeadlines } from "./domain/roster-deadlines";
import { visibleRosterDepartments } from "./domain/visible-departments";

export const SUBMISSIONS_PAGE_SIZE = 30;

export type SubmissionEntry = {
  id: number;
  department: string;
  departmentName: string;
  month: string;
  fileName: string;
  rows: number;
  added: number;
  removed: number;
  unchanged: number;
  /** Beijing time, "YYYY-MM-DD HH:MM". */
  submittedAt: string;
  /** Display name of the sender; null for the command line. */
  submittedBy: string | null;
  /** Against the month's deadline; null when the year's holiday schedule is missing. */
  onTime: boolean | null;
};

/** Who sent which list when (报送记录), newest first, optionally for one month. */
export async function listRosterSubmissions(ctx: UseCaseContext, input: { month?: string; page?: number } = {}) {
  await requirePermission(ctx, "rosters.view");
  if (input.month) monthBounds(input.month); // a ValidationError naming "month"
  const page = Math.max(1, input.page ?? 1);
  const result = await listSubmissions(ctx.db, {
    departments: visibleRosterDepartments(ctx.actor.user),
    month: input.month,
    limit: SUBMISSIONS_PAGE_SIZE,
    offset: (page - 1) * SUBMISSIONS_PAGE_SIZE,
  });
  const calendar = await loadWorkingDayCalendar(ctx.db);
  const deadlines = new Map<string, string | null>();
  const deadlineOf = (month: string) => {
    if (!deadlines.has(month)) deadlines.set(month, monthDeadlines(calendar, month).deadline);
    return deadlines.get(month) ?? null;
  };
  const submissions: SubmissionEntry[] = result.rows.map(({ submittedOn, ...r }) => {
    const deadline = deadlineOf(r.month);
    return {
      ...r,
      departmentName: DEPARTMENT_NAMES[r.department],
      onTime: deadline ? submittedOn <= deadline : null,
    };
  });
  return {
    month: input.month ?? null,
    deadline: input.month ? deadlineOf(input.month) : null,
    page,
    hasMore: result.hasMore,
    total: result.total,
    submissions,
  };
}
