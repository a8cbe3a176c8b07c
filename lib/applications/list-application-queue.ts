import "server-only";
import { listApplicationQueue as listQueue, countApplicationQueue } from "@/db/queries/application-queues";
import { todayOf, type UseCaseContext } from "@/lib/auth/context";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { MissingScheduleError } from "@/lib/calendar/domain/calendar-errors";
import { workingDayCalendarAt } from "@/lib/calendar/load-working-day-calendar";
import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { currentDivisionNames, currentTownships } from "@/lib/divisions/current-townships";
import { levelOf, scopePrefix } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { clockView, type ClockView } from "./domain/application-view";
import { QUEUE_PAGE_SIZE, QUEUE_STATES } from "./domain/queues";
import { APPLICATION_STATES, isApplicationState, STATE_NAMES, type ApplicationState } from "./domain/states";
import { WORKFLOW_ROLE_NAMES, workflowRoleOf } from "./domain/workflow-roles";

/** `state`: "" = my queue (待我处理), "all" = every state, or one state code. `township`: a 12-digit code. */
export type QueueInput = { state?: string; township?: string; page?: number };

export type QueueRow = {
  id: string;
  caseNo: string;
  state: ApplicationState;
  stateName: string;
  urgent: boolean;
  acceptedOn: string;
  personName: string;
  idNumberMasked: string;
  placeName: string;
  missingDocuments: number;
  clock: ClockView | null;
};

/**
 * The on-application cases of the actor's jurisdiction as a work queue: by
 * default the states where the next step is the actor's post (township clerk:
 * the township's cases; county reviewer and manager: forwarded, under audit,
 * joint meeting; payment clerk: approved and in a batch), urgent first, then
 * by due date, with days left or overdue for each. A township outside the
 * jurisdiction is refused (audited).
 */
export async function listApplicationQueue(ctx: UseCaseContext, input: QueueInput = {}) {
  await requirePermission(ctx, "applications.view", { objectType: "applications" });
  const role = workflowRoleOf(ctx.actor.user);
  const mine = role ? QUEUE_STATES[role] : APPLICATION_STATES;
  const stateParam = input.state?.trim() ?? "";
  let states: readonly ApplicationState[];
  if (stateParam === "") states = mine;
  else if (stateParam === "all") states = APPLICATION_STATES;
  else if (isApplicationState(stateParam)) states = [stateParam];
  else throw new ValidationError("state", "办理状态无效，请从列表中选择");
  const township = input.township?.trim() || undefined;
  if (township) {
    if (levelOf(township) !== "township") throw new ValidationError("township", "乡镇（街道）应为12位乡镇区划代码，请从列表中选择");
    try {
      await requireWithin(ctx, township, "applications.view", { objectType: "division", objectId: township });
    } catch (err) {
      if (err instanceof ForbiddenError) throw new ForbiddenError("所选乡镇（街道）不在您的管辖范围内，请从列表中选择。");
      throw err;
    }
  }
  const page = Math.max(1, Math.floor(input.page ?? 1));
  const today = todayOf(ctx);
  const prefix = scopePrefix(ctx.actor.user.jurisdiction);
  const filter = { scopePrefix: prefix, township, states };
  // One round trip for the page, its counts and the calendar's fingerprint; the townships and the
  // place names come from the process's cache, the calendar from its own (rebuilt when the fingerprint
  // moved, so a schedule loaded anywhere is seen at once).
  const [result, townships, names] = await Promise.all([
    listQueue(ctx.db, { ...filter, limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE }, today),
    currentTownships(ctx.db, prefix),
    currentDivisionNames(ctx.db),
  ]);
  // No row, no clock to count.
  const calendar = result.calendarFingerprint === null ? null : await workingDayCalendarAt(ctx.db, result.calendarFingerprint);
  // A page past the end carries no row with the counts.
  const counts = result.counts ?? (await countApplicationQueue(ctx.db, filter, today));
  const rows: QueueRow[] = result.rows.map((r) => ({
    id: r.id,
    caseNo: r.caseNo,
    state: r.state,
    stateName: STATE_NAMES[r.state],
    urgent: r.urgent,
    acceptedOn: r.acceptedOn,
    personName: r.personName,
    idNumberMasked: maskIdNumber(r.idNumber),
    placeName: placeName({
      townshipName: names.get(`${r.personDivision.slice(0, 9)}000`),
      villageName: names.get(r.personDivision),
      divisionCode: r.personDivision,
    }),
    missingDocuments: r.missing,
    clock: calendar && r.clockStep && r.clockStartedOn ? clockOf({ step: r.clockStep, startedOn: r.clockStartedOn, usedBefore: r.clockUsedBefore, pausedOn: r.clockPausedOn }, today, calendar, r.dueOn) : null,
  }));
  return {
    roleName: role ? WORKFLOW_ROLE_NAMES[role] : null,
    today,
    filters: { state: stateParam, township: township ?? "" },
    mine: mine.map((s) => ({ code: s, name: STATE_NAMES[s] })),
    stateOptions: APPLICATION_STATES.map((s) => ({ code: s, name: STATE_NAMES[s] })),
    townships: townships.map((t) => ({ code: t.code, name: t.name })),
    counts,
    rows,
    page,
    hasMore: result.hasMore,
  };
}

function clockOf(clock: Parameters<typeof clockView>[0], today: string, calendar: WorkingDayCalendar, dueOn: string | null): ClockView {
  try {
    return clockView(clock, today, calendar);
  } catch (err) {
    // A year without a holiday schedule: the stored due date, without a count.
    if (!(err instanceof MissingScheduleError)) throw err;
    return { step: clock.step, stepName: "", paused: clock.pausedOn !== null, dueOn, daysLeft: null, overdue: dueOn !== null && dueOn < today, used: 0, left: 0, note: err.message };
  }
}
