import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATES } from "@/lib/applications/domain/states";
import { SEED_STEPS } from "@/seed/steps";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { seededDb } from "../helpers/seeded";

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
    // Every transition has its audit row (the use cases write both in one transaction).
    const t = await one<{ transitions: number; audits: number }>(`
      select (select count(*) from application_transitions where action <> 'accept')::int as transitions,
             (select count(*) from audit_log where action like 'applications.%' and action not in ('applications.accept', 'applications.record_survey') and outcome = 'success')::int as audits`);
    expect(t.audits).toBe(t.transitions);
  });

  it("has cases in every state the shipped use cases reach", async () => {
    const states = new Set((await rows<{ state: string }>("select distinct state from applications")).map((r) => r.state));
    for (const state of ["accepted", "township_review", "returned", "forwarded", "county_review", "refused"]) expect(states, state).toContain(state);
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
});
