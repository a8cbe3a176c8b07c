import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import { STEP_NAMES, type ApplicationStep } from "./states";
import { STEP_WORKING_DAYS } from "./step-clock";

// The managers' timeliness view (办理时效): per township and per step of
// 003 §三(八) (乡镇审核 / 县级审核 / 资金支付), how many cases finished the step on
// time or late, how many are in it now and how many of those are past their
// due date, and the average working days the finished ones took.
//
// How a step's working days are counted — the same rule as the step clock
// (lib/applications/domain/step-clock.ts), so this view and the deadlines agree:
//   - the start day is not counted; working days come from the calendar;
//   - 退回补正: the days from the return (counted up to and including it) to the
//     resumption are NOT counted — the township clock is suspended while the
//     applicant gathers documents, so a case returned for three weeks is not
//     "late" for it; a case refused while returned stopped counting on the return;
//   - a step is on time when it took at most 10 working days (the due date is
//     the 10th working day, so this is "finished by the due date"), late otherwise;
//   - the township step ends when the file is forwarded or the township refuses;
//     the county step when the case is approved (directly or by the joint
//     meeting) or the county refuses; the payment step when the bank confirms.
//     A failed payment keeps the payment clock running.
// The SQL (db/queries/application-timeliness.ts) turns each case's dates into
// working days with `workingDayOrdinals` and groups; this file adds it up.

export const TIMELINESS_STEPS: readonly ApplicationStep[] = ["township", "county", "payment"];

/**
 * ordinals[i] = the working days after `base` up to and including base + i
 * days, over every loaded year; so workingDaysBetween(a, b) = ord(b) − ord(a).
 */
export function workingDayOrdinals(calendar: WorkingDayCalendar): { base: string; ordinals: number[] } {
  const first = calendar.years[0];
  const last = calendar.years[calendar.years.length - 1];
  if (first === undefined || last === undefined) return { base: "2000-01-01", ordinals: [] };
  const base = `${first}-01-01`;
  const end = Date.parse(`${last}-12-31T00:00:00Z`);
  const ordinals: number[] = [];
  let n = 0;
  // Years between two loaded years that are not loaded themselves count as no working days.
  const loaded = new Set(calendar.years);
  for (let t = Date.parse(`${base}T00:00:00Z`), i = 0; t <= end; t += 86_400_000, i++) {
    const day = new Date(t).toISOString().slice(0, 10);
    if (i > 0 && loaded.has(Number(day.slice(0, 4))) && calendar.isWorkingDay(day)) n++;
    ordinals.push(n);
  }
  return { base, ordinals };
}

/** One group of the query: cases of a township in a step, finished (with the working days taken) or open. */
export type TimelinessFact = {
  townshipCode: string;
  step: ApplicationStep;
  done: boolean;
  /** Working days the finished step took (paused days excluded); null when open. */
  usedDays: number | null;
  /** Open and past the due date (a suspended clock is never overdue). */
  overdue: boolean;
  cases: number;
};

export type TimelinessCell = {
  onTime: number;
  late: number;
  open: number;
  openOverdue: number;
  /** Average working days of the finished cases, one decimal; null when none finished. */
  averageDays: string | null;
};

export type TimelinessRow = { townshipCode: string; townshipName: string; steps: Record<ApplicationStep, TimelinessCell> };

export type Timeliness = { rows: TimelinessRow[]; total: TimelinessRow };

type Acc = { onTime: number; late: number; open: number; openOverdue: number; daySum: number; done: number };
const empty = (): Acc => ({ onTime: 0, late: 0, open: 0, openOverdue: 0, daySum: 0, done: 0 });

function add(acc: Acc, f: TimelinessFact): void {
  if (f.done) {
    if (f.usedDays === null) return;
    if (f.usedDays <= STEP_WORKING_DAYS) acc.onTime += f.cases;
    else acc.late += f.cases;
    acc.daySum += f.usedDays * f.cases;
    acc.done += f.cases;
  } else {
    acc.open += f.cases;
    if (f.overdue) acc.openOverdue += f.cases;
  }
}

/** Integer arithmetic, then one decimal rounded half up (3.25 → "3.3"). */
function cell(acc: Acc): TimelinessCell {
  const averageDays = acc.done === 0 ? null : (Math.round((acc.daySum * 10) / acc.done) / 10).toFixed(1);
  return { onTime: acc.onTime, late: acc.late, open: acc.open, openOverdue: acc.openOverdue, averageDays };
}

/**
 * Adds the query's groups up per township (in `townships` order, those listed
 * even without cases) and for all of them together.
 */
export function aggregateTimeliness(facts: readonly TimelinessFact[], townships: readonly { code: string; name: string }[], totalName: string): Timeliness {
  const per = new Map<string, Record<ApplicationStep, Acc>>();
  const total: Record<ApplicationStep, Acc> = { township: empty(), county: empty(), payment: empty() };
  const named = new Map(townships.map((t) => [t.code, t.name]));
  for (const f of facts) {
    let accs = per.get(f.townshipCode);
    if (!accs) per.set(f.townshipCode, (accs = { township: empty(), county: empty(), payment: empty() }));
    add(accs[f.step], f);
    add(total[f.step], f);
  }
  const codes = [...townships.map((t) => t.code), ...[...per.keys()].filter((c) => !named.has(c)).sort()];
  const rowOf = (code: string, name: string, accs: Record<ApplicationStep, Acc>): TimelinessRow => ({
    townshipCode: code,
    townshipName: name,
    steps: { township: cell(accs.township), county: cell(accs.county), payment: cell(accs.payment) },
  });
  return {
    rows: codes.map((c) => rowOf(c, named.get(c) ?? c, per.get(c) ?? { township: empty(), county: empty(), payment: empty() })),
    total: rowOf("", totalName, total),
  };
}

/** The column headings of the table and the .xlsx, in order. */
export const TIMELINESS_COLUMNS: readonly { key: keyof TimelinessCell; name: string; short: string }[] = [
  { key: "onTime", name: "按时办结", short: "按时" },
  { key: "late", name: "超时办结", short: "超时" },
  { key: "open", name: "在办", short: "在办" },
  { key: "openOverdue", name: "在办超期", short: "超期" },
  { key: "averageDays", name: "平均用时（工作日）", short: "平均" },
];

export const TIMELINESS_STEP_NAMES = STEP_NAMES;

/** How the view counts, in the words the screen and the .xlsx show. */
export const TIMELINESS_NOTE =
  "用时按工作日计算（起算当日不计，节假日、调休按工作日历），与办理时限一致：乡镇审核自受理至报送县级或乡镇不予救助，县级审核自报送至审批通过（含联席会议决定）或县级不予救助，资金支付自审批通过至银行确认支付；用时不超过 10 个工作日为按时办结。退回补正期间（自退回之日至补正后恢复审核）暂停计时、不计入用时，恢复后继续计算剩余工作日；暂停中的案件不计为超期。支付失败退回乡镇更正账户期间照常计时。";
