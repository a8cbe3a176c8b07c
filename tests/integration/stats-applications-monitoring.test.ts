import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPLICATION_STATES } from "@/lib/applications/domain/states";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ForbiddenError } from "@/lib/errors/app-error";
import { parsePeriod } from "@/lib/statistics/domain/period";
import { getApplicationsFigure } from "@/lib/statistics/get-applications-figure";
import { getMonitoringFigure } from "@/lib/statistics/get-monitoring-figure";
import { drivers } from "../helpers/scratch-db";
import { COUNTY, JINTIAN, NOW, SONGLING, TAOHONG, WANGXI, XIAOSHAJIANG, statsFixture, type StatsFixture } from "./stats-fixture";

// On-application and monitoring figures on the hand-counted fixture (stats-fixture.ts), both drivers; today 2026-12-02.
// Applications accepted in 2026: A1 (paid), A2 (refused by the township), A3 (township_review, due 11-30: overdue).
//   township step: A1 11-02 → 11-10 = 6 working days (on time), A2 10-09 → 11-09 > 10 (late), A3 open and overdue;
//   county step: A1 11-10 → 11-20 = 8 (on time); payment: A1 11-20 → 11-27 = 5 (on time).
// Flags of 2026: F1 open, F2 dismissed, F3 assistance_granted (P3, now in 金田村); F4 is of 2025.

const stateCount = (f: { byState: { state: string; cases: number }[] }) => Object.fromEntries(f.byState.filter((s) => s.cases > 0).map((s) => [s.state, s.cases]));

describe.each(drivers())("applications and monitoring figures on %s", (driver) => {
  let f: StatsFixture;
  let manager: UseCaseContext;
  const period = (p: Record<string, string>) => parsePeriod(p, "2026-12-02");

  beforeAll(async () => {
    f = await statsFixture(driver);
    manager = { db: f.s.handle.db, actor: systemActor("medical_security", COUNTY, "manager"), now: () => NOW };
  }, 120_000);
  afterAll(async () => {
    await f?.s.drop();
  });

  it("cases accepted in 2026: by state (every state listed), per-step timeliness, per township", async () => {
    const a = await getApplicationsFigure(manager, { period: period({ period: "2026" }) });
    expect(a).toMatchObject({ division: COUNTY, name: "隆回县", accepted: 3 });
    expect(a.byState.map((b) => b.state)).toEqual([...APPLICATION_STATES]);
    expect(a.byState.find((s) => s.state === "refused")).toEqual({ state: "refused", label: "不予救助", cases: 1 });
    expect(stateCount(a)).toEqual({ paid: 1, refused: 1, township_review: 1 });
    expect(a.timeliness).toEqual([
      { step: "township", label: "乡镇审核", done: 2, onTime: 1, late: 1, open: 1, overdue: 1 },
      { step: "county", label: "县级审核", done: 1, onTime: 1, late: 0, open: 0, overdue: 0 },
      { step: "payment", label: "资金支付", done: 1, onTime: 1, late: 0, open: 0, overdue: 0 },
    ]);
    expect(a.children).toEqual([
      { division: TAOHONG, name: "桃洪镇", accepted: 2, open: 0, overdue: 0, approved: 1, refused: 1 },
      { division: XIAOSHAJIANG, name: "小沙江镇", accepted: 1, open: 1, overdue: 1, approved: 0, refused: 0 },
    ]);
  });

  it("the period's acceptance dates decide, across New Year too; a township's villages by the applicant's village", async () => {
    const nov = await getApplicationsFigure(manager, { period: period({ period: "2026-11" }) });
    expect(stateCount(nov)).toEqual({ paid: 1, township_review: 1 });
    expect(nov.timeliness[0]).toMatchObject({ done: 1, onTime: 1, late: 0, open: 1 });
    const winter = await getApplicationsFigure(manager, { period: period({ from: "2025-12-01", to: "2026-01-31" }) });
    expect(winter.accepted).toBe(1);
    expect(stateCount(winter)).toEqual({ paid: 1 });
    expect(winter.timeliness[0]).toMatchObject({ done: 1, onTime: 1 });
    const t = await getApplicationsFigure(manager, { division: TAOHONG, period: period({ period: "2026" }) });
    expect(t.children.map((c) => [c.division, c.accepted])).toEqual([[SONGLING, 2], [JINTIAN, 0]]);
    const v = await getApplicationsFigure(manager, { division: WANGXI, period: period({ period: "2026" }) });
    expect(v).toMatchObject({ accepted: 1, children: [] });
    expect(v.timeliness[0]).toMatchObject({ open: 1, overdue: 1 });
  });

  it("flags of 2026: raised, open, closed by outcome (every outcome listed), per township", async () => {
    const m = await getMonitoringFigure(manager, { period: period({ period: "2026-Q4" }) });
    expect(m).toEqual({
      division: COUNTY,
      name: "隆回县",
      years: [2026],
      raised: 3,
      open: 1,
      byOutcome: [
        { outcome: "assistance_granted", label: "已给予救助", flags: 1 },
        { outcome: "application_opened", label: "已转依申请救助（主动发现）", flags: 0 },
        { outcome: "category_assigned", label: "已纳入救助类别", flags: 0 },
        { outcome: "dismissed", label: "排除（不属于因病返贫致贫风险）", flags: 1 },
      ],
      children: [
        { division: TAOHONG, name: "桃洪镇", raised: 2, open: 1 },
        { division: XIAOSHAJIANG, name: "小沙江镇", raised: 1, open: 0 },
      ],
    });
  });

  it("flags over two years; a township's villages by the flagged person's village now; another township refused", async () => {
    expect(await getMonitoringFigure(manager, { period: period({ from: "2025-01-01", to: "2026-12-31" }) })).toMatchObject({ years: [2025, 2026], raised: 4, open: 2 });
    const t = await getMonitoringFigure(manager, { division: TAOHONG, period: period({ period: "2026" }) });
    expect(t.children).toEqual([
      { division: SONGLING, name: "松岭村", raised: 1, open: 1 },
      { division: JINTIAN, name: "金田村", raised: 1, open: 0 },
    ]);
    const clerk = { db: f.s.handle.db, actor: systemActor("township", XIAOSHAJIANG, "clerk"), now: () => NOW };
    await expect(getMonitoringFigure(clerk, { division: TAOHONG, period: period({}) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getApplicationsFigure(clerk, { division: TAOHONG, period: period({}) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
