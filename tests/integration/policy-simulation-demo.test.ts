import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findPolicyVersion } from "@/db/queries/policies";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { getSimulationDefaults } from "@/lib/policies/get-simulation-defaults";
import { simulatePolicyDraft } from "@/lib/policies/simulate-policy-draft";
import { DEMO_DRAFT_ID, seedDemoPolicyDraft } from "@/seed/policy-draft";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The demo county as `npm start` leaves it has a draft to simulate: its policy's
// 2027 revision with 常规医疗救助 for 特困/低保 raised from 70 % to 75 %, and a
// simulation of this year's ledger shows the fund spending more, in seconds.

describe.each(drivers())("demo 政策测算 on %s", (driver) => {
  let s: Scratch;
  beforeAll(async () => {
    s = await seededDb(driver, { full: true });
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("seeds a draft (copied and edited through the use cases, audited) once", async () => {
    const draft = await findPolicyVersion(s.handle.db, DEMO_DRAFT_ID, 1);
    expect(draft).toMatchObject({ status: "draft", version: 1 });
    expect(await seedDemoPolicyDraft(s.handle.db)).toBeNull();
    const audits = await s.handle.raw.query<{ action: string }>(`select action from audit_log where object_id = '${DEMO_DRAFT_ID}/v1' order by id`);
    expect(audits.map((a) => a.action)).toEqual(["policies.copy", "policies.edit_draft"]);
  });

  it("simulates this year's demo ledger: more assistance, fewer paying more, the ratio named", async () => {
    const manager = await contextOf(s, "yibao.manager");
    const ref = { policyId: DEMO_DRAFT_ID, version: "1" };
    const defaults = await getSimulationDefaults(manager, ref);
    const today = beijingToday();
    // The demo's claims are this year's: the previous year is empty, so the form starts at this year.
    expect(defaults.period).toEqual({ from: `${today.slice(0, 4)}-01-01`, to: today });
    const report = await simulatePolicyDraft(manager, ref, defaults.period);
    const sum = report.summary;
    expect(sum.claims).toBeGreaterThan(300);
    expect(Number(sum.fund.diff)).toBeGreaterThan(0);
    expect(sum.paying.more).toBe(0);
    expect(sum.paying.less).toBeGreaterThan(0);
    expect(sum.reasons[0]!.text).toBe("医疗救助比例 70% → 75%");
    expect(sum.largest.length).toBeGreaterThan(0);
    expect(report.seconds).toBeLessThan(20);
  });
});
