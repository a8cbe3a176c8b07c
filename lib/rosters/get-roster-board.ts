import "server-only";
import { consolidationSummaries, firstSubmittedMonth, submissionSummaries } from "@/db/queries/roster-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { loadWorkingDayCalendar } from "@/lib/calendar/load-working-day-calendar";
import { DEPARTMENT_NAMES, type RosterDepartment } from "@/lib/departments/departments";
import { ValidationError } from "@/lib/errors/app-error";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { monthsDescending, shiftMonth } from "./domain/beijing-time";
import {
  CONSOLIDATION_STATUS_NAMES,
  SUBMISSION_STATUS_NAMES,
  consolidationStatus,
  submissionStatus,
  type ConsolidationStatus,
  type SubmissionStatus,
} from "./domain/board-status";
import { monthDeadlines, type MonthDeadlines } from "./domain/roster-deadlines";
import { visibleRosterDepartments } from "./domain/visible-departments";

export const BOARD_MONTHS = 6;

export type BoardCell = {
  department: RosterDepartment;
  departmentName: string;
  status: SubmissionStatus;
  statusName: string;
  /** Beijing time of the first and latest accepted list, "YYYY-MM-DD HH:MM". */
  firstAt: string | null;
  lastAt: string | null;
  sends: number;
  /** Rows, 新增 and 减少 of the latest list (lastAt). */
  rows: number | null;
  added: number | null;
  removed: number | null;
};

export type BoardMonth = MonthDeadlines & {
  cells: BoardCell[];
  consolidation: { status: ConsolidationStatus; statusName: string; runs: number; lastAt: string | null; persons: number | null };
};

export type RosterBoard = { today: string; departments: { code: RosterDepartment; name: string }[]; months: BoardMonth[] };

/**
 * The monthly board (报送情况): the last six months (newest first, and next
 * month once someone has sent it early) × the departments the user follows,
 * judged against today in Beijing time. Months before the first list the
 * system ever received are left out: they predate its use, nobody missed them.
 */
export async function getRosterBoard(ctx: UseCaseContext, opts: { today?: string } = {}): Promise<RosterBoard> {
  await requirePermission(ctx, "rosters.view");
  if (opts.today !== undefined && !isIsoDate(opts.today)) throw new ValidationError("today", "日期格式应为 YYYY-MM-DD");
  const today = opts.today ?? beijingToday(new Date());
  const departments = visibleRosterDepartments(ctx.actor.user);

  const current = today.slice(0, 7);
  const next = shiftMonth(current, 1);
  const first = await firstSubmittedMonth(ctx.db);
  let from = shiftMonth(current, -(BOARD_MONTHS - 1));
  if (!first) from = current;
  else if (first > from) from = first < current ? first : current;

  const [sent, runs, calendar] = await Promise.all([
    submissionSummaries(ctx.db, { from, to: next, departments }),
    consolidationSummaries(ctx.db, { from, to: next }),
    loadWorkingDayCalendar(ctx.db),
  ]);
  // Next month shows once a list for it has arrived early.
  const to = sent.some((s) => s.month === next) ? next : current;
  const sentBy = new Map(sent.map((s) => [`${s.department} ${s.month}`, s]));
  const runOf = new Map(runs.map((r) => [r.month, r]));

  const months = monthsDescending(from, to).map((month): BoardMonth => {
    const dates = monthDeadlines(calendar, month);
    const cells = departments.map((department): BoardCell => {
      const s = sentBy.get(`${department} ${month}`);
      const status = submissionStatus({ deadline: dates.deadline, firstSentOn: s?.firstOn ?? null, today });
      return {
        department,
        departmentName: DEPARTMENT_NAMES[department],
        status,
        statusName: SUBMISSION_STATUS_NAMES[status],
        firstAt: s?.firstAt ?? null,
        lastAt: s?.lastAt ?? null,
        sends: s?.sends ?? 0,
        rows: s?.latestRows ?? null,
        added: s?.latestAdded ?? null,
        removed: s?.latestRemoved ?? null,
      };
    });
    const run = runOf.get(month);
    const cStatus = consolidationStatus({ due: dates.consolidationDue, firstRunOn: run?.firstOn ?? null, today });
    return {
      ...dates,
      cells,
      consolidation: { status: cStatus, statusName: CONSOLIDATION_STATUS_NAMES[cStatus], runs: run?.runs ?? 0, lastAt: run?.lastAt ?? null, persons: run?.persons ?? null },
    };
  });
  return { today, departments: departments.map((code) => ({ code, name: DEPARTMENT_NAMES[code] })), months };
}
