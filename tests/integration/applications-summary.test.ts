import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptApplication } from "@/lib/applications/accept-application";
import { refuseApplication } from "@/lib/applications/refuse-application";
import { summarizeApplications } from "@/lib/applications/summarize-applications";
import type { UseCaseContext } from "@/lib/auth/context";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// `applications summary` (docs/cli.md) over cases made through the use cases;
// the one paid case is set up in SQL, as payment use cases do not exist yet.

// A fixed clock (10:00 in Beijing on Wednesday 2026-11-18): every deadline it
// yields lies inside the shipped 2026 holiday schedule, whatever the real date.
const NOW = new Date("2026-11-18T02:00:00Z");
const daysAgo = (n: number) => new Date(Date.parse("2026-11-18T00:00:00Z") - n * 86_400_000).toISOString().slice(0, 10);

describe.each(drivers())("applications summary on %s", (driver) => {
  let s: Scratch;
  let clerk: UseCaseContext;
  let manager: UseCaseContext;
  beforeAll(async () => {
    s = await seededDb(driver);
    clerk = { ...(await contextOf(s, "taohong.clerk")), now: () => NOW };
    manager = { ...(await contextOf(s, "yibao.manager")), now: () => NOW };
    const person = (await s.handle.raw.query<{ id: string }>("select id from people where division_code like '430524100%' order by id limit 1"))[0]!.id;
    const base = { personId: person, filerKind: "self", phone: "13812345678", diagnosisSummary: "脑出血", documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })) };
    await acceptApplication(clerk, { ...base, acceptedOn: daysAgo(1) });
    await acceptApplication(clerk, { ...base, acceptedOn: daysAgo(0), urgent: true, urgentReason: "突发脑出血" });
    // Accepted 40 days ago: the township's 10 working days have passed.
    await acceptApplication(clerk, { ...base, acceptedOn: daysAgo(40) });
    const refused = await acceptApplication(clerk, { ...base, acceptedOn: daysAgo(2) });
    await refuseApplication(clerk, refused.id, { version: 1, reason: "不属于救助对象" });
    const paid = await acceptApplication(clerk, { ...base, acceptedOn: daysAgo(60) });
    await s.handle.raw.query(
      "update applications set state = 'paid', paid_on = $2, paid_amount = 4300.50, approved_amount = 4300.50, computed_amount = 4300.50, due_on = null, clock_step = null where id = $1",
      [paid.id, daysAgo(1)],
    );
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
  });

  it("counts by state, urgent, overdue open cases, the ended ones and the sum paid", async () => {
    expect(await summarizeApplications(manager)).toEqual({
      total: 5,
      byState: { accepted: 3, refused: 1, paid: 1 },
      urgent: 1,
      overdue: 1,
      paid: 1,
      refused: 1,
      paidAmount: "4300.50",
    });
  });

  it("by division: the township, another township (nothing), outside the jurisdiction refused", async () => {
    expect((await summarizeApplications(manager, { division: "430524100000" })).total).toBe(5);
    expect(await summarizeApplications(manager, { division: "430524101000" })).toEqual({ total: 0, byState: {}, urgent: 0, overdue: 0, paid: 0, refused: 0, paidAmount: "0.00" });
    await expect(summarizeApplications(clerk, { division: "430524101000" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(summarizeApplications(manager, { division: "4305" })).rejects.toMatchObject({ field: "division" });
    expect((await summarizeApplications(clerk)).total).toBe(5);
  });
});
