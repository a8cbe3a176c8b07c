import type { WorkingDayCalendar } from "@/lib/calendar/domain/working-day-calendar";
import type { DocumentItem } from "@/lib/applications/domain/documents";

// The demo county's on-application cases (seed/applications.ts): one script of
// steps per case, each step on a fixed Beijing date in Sep–Nov 2026.
//
// Why fixed dates and not "today minus n days": the shipped holiday schedules
// end with 2026, so a deadline that crosses into 2027 cannot be computed (the
// use cases refuse, rightly). Every step here is taken with a context whose
// clock (UseCaseContext.now) is that step's date, so each case is accepted and
// moved on days whose 10-working-day deadlines all fall inside 2026; measured
// against the real today (2026-12-02 when this was written) the older open
// cases are overdue, the newest are not.

export type DemoOp =
  | { op: "accept"; on: string; urgent?: boolean; missing?: DocumentItem[] }
  | { op: "begin_review" | "survey" | "forward" | "begin_audit" | "resume" | "approve"; on: string }
  | { op: "return"; on: string; note: string }
  | { op: "refuse"; on: string; reason: string; notify?: boolean };

/** After its script, a case may go into the paid batch (paid, or failed for township 0) or the open one. */
export type DemoBatch = "paid" | "open";
export type DemoCase = { township: number; script: DemoOp[]; batch?: DemoBatch };

export const DEMO_APPLICATION_TOWNSHIPS = ["430524100000", "430524101000", "430524102000", "430524103000"] as const;

/** When the payment clerk makes each batch and the bank confirms the paid one (working days; never later than the open cases need). */
export const DEMO_BATCH_DATES = { paidCreated: "2026-09-28", paidConfirmed: "2026-09-29", openCreated: "2026-11-20" } as const;

/** 17 scripts per township, their dates moved `t` working days earlier for township t so the four differ. */
export function demoApplicationsPlan(calendar: WorkingDayCalendar): DemoCase[] {
  const out: DemoCase[] = [];
  for (let t = 0; t < DEMO_APPLICATION_TOWNSHIPS.length; t++) {
    // Working-day arithmetic from a base date, shifted back t working days.
    const back = (iso: string) => {
      let d = calendar.rollToWorkingDay(iso);
      for (let i = 0; i < t; i++) d = previousWorkingDay(calendar, d);
      return d;
    };
    const plus = (iso: string, n: number) => calendar.addWorkingDays(iso, n);
    const through = (start: string, steps: [DemoOp["op"], number][], extra: Partial<Extract<DemoOp, { op: "accept" }>> = {}): DemoOp[] => {
      const a = back(start);
      const ops: DemoOp[] = [{ op: "accept", on: a, ...extra }];
      for (const [op, n] of steps) ops.push({ op, on: plus(a, n) } as DemoOp);
      return ops;
    };
    const scripts: DemoOp[][] = [
      // 已受理, recent (not overdue) — one with 病史证明 missing (容缺受理).
      through("2026-11-30", []),
      through("2026-11-27", [], { missing: ["history"] }),
      // 已受理 early in November and left: overdue.
      through("2026-11-05", []),
      // 乡镇审核中: recent, and overdue (survey done, not forwarded in time).
      through("2026-11-25", [["begin_review", 1]]),
      through("2026-11-04", [["begin_review", 1], ["survey", 3]]),
      // 退回补正: the township clock is suspended (lib/applications/domain/step-clock.ts).
      [...through("2026-11-09", [["begin_review", 1]]), { op: "return", on: plus(back("2026-11-09"), 3), note: "缺本年度诊断病历和医疗费用结算单据原件，请补交" }],
      // 退回补正, then resumed and forwarded: the paused days do not count (the 办理时效 view shows it).
      [
        ...through("2026-10-12", [["begin_review", 1]]),
        { op: "return", on: plus(back("2026-10-12"), 2), note: "外县住院结算单据未附，请补交" },
        { op: "resume", on: plus(back("2026-10-12"), 8) },
        { op: "survey", on: plus(back("2026-10-12"), 9) },
        { op: "forward", on: plus(back("2026-10-12"), 11) },
      ],
      // 已报县级: recent (on time), and forwarded late (12 working days) and not taken up: overdue.
      through("2026-11-16", [["begin_review", 0], ["survey", 2], ["forward", 6]]),
      through("2026-10-19", [["begin_review", 1], ["survey", 4], ["forward", 12]]),
      // 县级审核中: taken up on time but not decided: overdue at the county.
      through("2026-10-26", [["begin_review", 0], ["survey", 2], ["forward", 5], ["begin_audit", 6]]),
      // 已审批待支付: approved in early November and not yet in a batch — overdue for payment.
      through("2026-10-19", [["begin_review", 1], ["survey", 3], ["forward", 6], ["begin_audit", 7], ["approve", 10]]),
      // 特事特办: accepted, surveyed and forwarded the same day, in audit.
      through("2026-11-27", [["begin_review", 0], ["survey", 0], ["forward", 0], ["begin_audit", 1]], { urgent: true }),
      // 不予救助 by the township, and by the county (the first township's has its notice recorded).
      [...through("2026-10-09", [["begin_review", 1], ["survey", 3]]), { op: "refuse", on: plus(back("2026-10-09"), 4), reason: "经入户调查，申请人家庭年收入超过当地低收入人口认定标准，不符合依申请救助条件" }],
      [
        ...through("2026-09-14", [["begin_review", 0], ["survey", 2], ["forward", 5], ["begin_audit", 6]]),
        { op: "refuse", on: plus(back("2026-09-14"), 9), reason: "申请的医疗费用均为政策范围外费用，扣除起付标准后无可救助金额（《隆回县医疗救助实施办法》第三条第八项）", notify: t === 0 },
      ],
    ];
    for (const script of scripts) out.push({ township: t, script });
    // Into the paid batch (confirmed; township 0's second line fails: wrong account) and the open one.
    out.push({ township: t, batch: "paid", script: through("2026-09-01", [["begin_review", 1], ["survey", 2], ["forward", 5], ["begin_audit", 6], ["approve", 10]]) });
    out.push({ township: t, batch: "paid", script: through("2026-09-02", [["begin_review", 0], ["survey", 2], ["forward", 6], ["begin_audit", 6], ["approve", 11]]) });
    out.push({ township: t, batch: "open", script: through("2026-10-14", [["begin_review", 1], ["survey", 2], ["forward", 6], ["begin_audit", 7], ["approve", 14]]) });
  }
  return out;
}

function previousWorkingDay(calendar: WorkingDayCalendar, iso: string): string {
  let d = iso;
  do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  while (!calendar.isWorkingDay(d));
  return d;
}
