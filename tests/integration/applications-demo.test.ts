import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATES, type ApplicationStep } from "@/lib/applications/domain/states";
import { pauseClock, resumeClock, startClock, workingDaysUsed, type StepClock } from "@/lib/applications/domain/step-clock";
import ExcelJS from "exceljs";
import { exportTimeliness } from "@/lib/applications/export-timeliness";
import { getTimeliness } from "@/lib/applications/get-timeliness";
import { defaultCalendar } from "@/lib/calendar/domain/default-calendar";
import { SEED_STEPS } from "@/seed/steps";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The demo county's on-application cases, as a new user finds them after
// `npm start`: made through the real use cases in four townships, each step
// dated inside 2026 (seed/applications-plan.ts). "Overdue" is judged on
// 2026-12-02, the day the demo was written, so the assertions do not move
// with the real date.

const TODAY = "2026-12-02";

describe.each(drivers())("demo on-application cases on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
  }, 600_000);
  afterAll(async () => s?.drop());

  const rows = <T>(sql: string, params: unknown[] = []) => s.handle.raw.query<T>(sql, params);
  const one = async <T>(sql: string, params: unknown[] = []) => (await rows<T>(sql, params))[0]!;

  it("has about sixty cases over four townships, each made with its transitions and audit rows", async () => {
    const r = await one<{ cases: number; townships: number; noAccept: number; noAudit: number }>(`
      select count(*)::int as cases, count(distinct township_code)::int as townships,
             count(*) filter (where not exists (select 1 from application_transitions t where t.application_id = a.id and t.action = 'accept'))::int as "noAccept",
             count(*) filter (where not exists (select 1 from audit_log l where l.object_id = a.id::text and l.action = 'applications.accept'))::int as "noAudit"
      from applications a`);
    expect(r.cases).toBeGreaterThanOrEqual(55);
    expect(r.cases).toBeLessThanOrEqual(70);
    expect(r.townships).toBeGreaterThanOrEqual(4);
    expect(r).toMatchObject({ noAccept: 0, noAudit: 0 });
    // Every step of a case's own use case has its audit row (both written in one transaction).
    const t = await one<{ transitions: number; unaudited: number }>(`
      select count(*)::int as transitions,
             count(*) filter (where not exists (select 1 from audit_log l where l.object_id = t.application_id::text and l.action = 'applications.' || t.action and l.outcome = 'success'))::int as unaudited
      from application_transitions t
      where action in ('begin_review', 'return_for_documents', 'resume_review', 'forward', 'begin_audit', 'approve', 'refuse')`);
    expect(t.transitions).toBeGreaterThan(150);
    expect(t.unaudited).toBe(0);
  });

  it("the demo ledger has 医疗机构减免, 商业补充保险 and three claims the platform corrected, each superseded by its successor", async () => {
    const w = await one<{ waived: number; commercial: number }>(
      "select count(*) filter (where hospital_waived > 0)::int as waived, count(*) filter (where commercial_paid > 0)::int as commercial from claims where superseded_at is null",
    );
    expect(w.waived).toBeGreaterThan(3);
    expect(w.commercial).toBeGreaterThan(3);
    const c = await rows<{ external_id: string; more: string; successor_current: boolean }>(`
      select o.external_id, (n.basic_paid - o.basic_paid)::text as more, n.superseded_at is null as successor_current
      from claims o join claims n on n.id = o.superseded_by where o.superseded_at is not null order by o.external_id`);
    expect(c).toHaveLength(3);
    for (const r of c) expect(r).toMatchObject({ more: "150.00", successor_current: true });
    const audited = await one<{ n: number }>("select count(*)::int as n from audit_log where action = 'claims.correct'");
    expect(audited.n).toBeGreaterThan(0);
  });

  it("has cases in every state the demo policy reaches (all but 待联席会议: its rule has a standard)", async () => {
    const states = new Set((await rows<{ state: string }>("select distinct state from applications")).map((r) => r.state));
    for (const state of ["accepted", "township_review", "returned", "forwarded", "county_review", "approved", "in_batch", "paid", "payment_failed", "refused"]) {
      expect(states, state).toContain(state);
    }
    for (const state of states) expect(APPLICATION_STATES as readonly string[]).toContain(state);
  });

  it("has open cases overdue and on time on 2026-12-02, urgent cases, a paused one and a 容缺受理 one", async () => {
    const r = await one<{ overdue: number; onTime: number; urgent: number; paused: number; missing: number }>(
      `select count(*) filter (where due_on < $1::date)::int as overdue,
              count(*) filter (where due_on >= $1::date)::int as "onTime",
              (select count(*) from applications where urgent)::int as urgent,
              count(*) filter (where state = 'returned' and clock_paused_on is not null and due_on is null)::int as paused,
              (select count(distinct application_id) from application_documents where status = 'missing')::int as missing
       from applications where state not in ('paid', 'refused')`,
      [TODAY],
    );
    expect(r.overdue).toBeGreaterThanOrEqual(8);
    expect(r.onTime).toBeGreaterThanOrEqual(8);
    expect(r.urgent).toBeGreaterThanOrEqual(3);
    expect(r.paused).toBeGreaterThanOrEqual(4);
    expect(r.missing).toBeGreaterThanOrEqual(1);
    // An urgent case left the township on its acceptance day (特事特办).
    const sameDay = await one<{ n: number }>("select count(*)::int as n from applications where urgent and forwarded_on = accepted_on");
    expect(sameDay.n).toBeGreaterThanOrEqual(1);
  });

  it("has refusals with their written reason, by the township and by the county", async () => {
    const r = await rows<{ by: string; reason: string }>(`
      select case when a.forwarded_on is null then 'township' else 'county' end as by, a.refusal_reason as reason
      from applications a where state = 'refused'`);
    expect(new Set(r.map((x) => x.by))).toEqual(new Set(["township", "county"]));
    for (const x of r) expect(x.reason.length).toBeGreaterThan(10);
  });

  it("has a refusal with its notice recorded, and a batch the bank confirmed (one line returned)", async () => {
    const notice = await rows<{ notified_on: string; notified_channel: string }>("select notified_on::text, notified_channel from applications where state = 'refused' and notified_on is not null");
    expect(notice.length).toBeGreaterThanOrEqual(1);
    expect(notice[0]!.notified_channel).toBe("post");
    const batches = await rows<{ status: string; paid: number; failed: number; pending: number }>(`
      select b.status, count(*) filter (where l.status = 'paid')::int as paid, count(*) filter (where l.status = 'failed')::int as failed,
             count(*) filter (where l.status = 'pending')::int as pending
      from payment_batches b join payment_batch_lines l on l.batch_id = b.id group by b.id, b.status order by b.id`);
    expect(batches).toHaveLength(2);
    expect(batches[0]).toMatchObject({ failed: 1, pending: 0 });
    expect(batches[0]!.paid).toBeGreaterThanOrEqual(2);
    expect(batches[1]).toMatchObject({ paid: 0, failed: 0 });
    expect(batches[1]!.pending).toBeGreaterThanOrEqual(2);
    // Paid means paid exactly the approved amount, once.
    const wrong = await one<{ n: number }>("select count(*)::int as n from applications where state = 'paid' and (paid_amount is distinct from approved_amount or paid_amount <= 0)");
    expect(wrong.n).toBe(0);
  });

  it("keeps every step's deadline inside the shipped holiday schedules", async () => {
    const r = await one<{ latest: string | null }>("select max(due_on)::text as latest from applications");
    expect(r.latest! <= "2026-12-31").toBe(true);
  });

  it("runs once: a second run of the step adds nothing", async () => {
    const before = await one<{ n: number }>("select count(*)::int as n from applications");
    const step = SEED_STEPS.find((st) => st.name === "on-application cases")!;
    expect(await step.run(s.handle)).toBeNull();
    expect((await one<{ n: number }>("select count(*)::int as n from applications")).n).toBe(before.n);
  });

  it("the timeliness view agrees with each case's transitions replayed through the step clock", async () => {
    const manager = { ...(await contextOf(s, "yibao.manager")), now: () => new Date(`${TODAY}T02:00:00Z`) };
    const view = await getTimeliness(manager, { year: "2026" });
    // Independently: replay every case's transitions through the pure step clock.
    const calendar = defaultCalendar();
    const cases = await rows<{ id: string; township_code: string; state: string; due_on: string | null; clock_paused_on: string | null }>(
      "select id, township_code, state, due_on::text as due_on, clock_paused_on::text as clock_paused_on from applications where year = 2026",
    );
    const moves = await rows<{ application_id: string; action: string; to_state: string; on_date: string }>(
      "select application_id, action, to_state, on_date::text as on_date from application_transitions order by id",
    );
    const expected = new Map<string, { onTime: number; late: number; open: number; openOverdue: number; days: number; done: number }>();
    const bump = (township: string, step: ApplicationStep) => {
      const key = `${township}/${step}`;
      if (!expected.has(key)) expected.set(key, { onTime: 0, late: 0, open: 0, openOverdue: 0, days: 0, done: 0 });
      return expected.get(key)!;
    };
    const STEP_OF: Record<string, ApplicationStep | null> = {
      accepted: "township", township_review: "township", returned: "township", forwarded: "county", county_review: "county",
      joint_meeting: "county", approved: "payment", in_batch: "payment", payment_failed: "payment", paid: null, refused: null,
    };
    for (const c of cases) {
      let clock: StepClock | null = null;
      for (const m of moves.filter((x) => x.application_id === c.id)) {
        if (m.action === "accept") clock = startClock("township", m.on_date);
        else if (m.action === "return_for_documents") clock = pauseClock(clock!, m.on_date, calendar);
        else if (m.action === "resume_review") clock = resumeClock(clock!, m.on_date);
        else if (["forward", "approve", "record_joint_decision", "refuse", "confirm_paid"].includes(m.action)) {
          const used = workingDaysUsed(clock!, m.on_date, calendar);
          const e = bump(c.township_code, clock!.step);
          e.done++;
          e.days += used;
          if (used <= 10) e.onTime++;
          else e.late++;
          clock = m.action === "forward" ? startClock("county", m.on_date) : m.action === "refuse" || m.action === "confirm_paid" ? null : startClock("payment", m.on_date);
        }
      }
      const step = STEP_OF[c.state];
      if (step) {
        const e = bump(c.township_code, step);
        e.open++;
        if (c.clock_paused_on === null && c.due_on !== null && c.due_on < TODAY) e.openOverdue++;
      }
    }
    let checked = 0;
    for (const row of view.rows) {
      for (const step of ["township", "county", "payment"] as const) {
        const e = expected.get(`${row.townshipCode}/${step}`) ?? { onTime: 0, late: 0, open: 0, openOverdue: 0, days: 0, done: 0 };
        expect(row.steps[step], `${row.townshipName} ${step}`).toEqual({
          onTime: e.onTime, late: e.late, open: e.open, openOverdue: e.openOverdue,
          averageDays: e.done === 0 ? null : (Math.round((e.days * 10) / e.done) / 10).toFixed(1),
        });
        checked += e.done + e.open;
      }
    }
    expect(checked).toBeGreaterThan(60);
    expect(view.rows).toHaveLength(10); // every township of the county, those without cases with zeros
    expect(view.total.steps.township.late).toBeGreaterThanOrEqual(1);
    expect(view.total.steps.township.openOverdue).toBeGreaterThanOrEqual(1);
    // The same figures as .xlsx, audited.
    const { fileName, body } = await exportTimeliness(manager, { year: "2026" });
    expect(fileName).toBe("依申请救助办理时效-隆回县-2026年.xlsx");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe("乡镇审核·按时办结");
    const totalRow = sheet.getRow(view.rows.length + 2);
    expect(totalRow.getCell(1).value).toBe("隆回县合计");
    expect(totalRow.getCell(3).value).toBe(view.total.steps.township.late);
    expect((await one<{ n: number }>("select count(*)::int as n from audit_log where action = 'applications.export_timeliness'")).n).toBe(1);
    // Township clerks see their queues, not this view (refused and audited).
    await expect(getTimeliness(await contextOf(s, "taohong.clerk"))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getTimeliness(manager, { year: "20x6" })).rejects.toMatchObject({ field: "year" });
  });
});
