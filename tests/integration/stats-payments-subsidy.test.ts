import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ForbiddenError } from "@/lib/errors/app-error";
import { parsePeriod } from "@/lib/statistics/domain/period";
import { getPaymentsFigure } from "@/lib/statistics/get-payments-figure";
import { getSubsidyFigure } from "@/lib/statistics/get-subsidy-figure";
import { drivers } from "../helpers/scratch-db";
import { COUNTY, JINTIAN, NOW, SONGLING, TAOHONG, XIAOSHAJIANG, statsFixture, type StatsFixture } from "./stats-fixture";

// Payments and subsidy figures on the hand-counted fixture (stats-fixture.ts), both drivers.
//
// Payments, 2026-Q4: C1 + C2 + C3's current settlement (C3's superseded first settlement, C4 in another
// county, C5 unsettled and C6 of 2025 never count):
//   total 10000 + 500 + 30000 = 40500.00; policy scope 9000 + 400 + 25000 = 34400.00
//   basic 5400 + 200 + 15000 = 20600.00; critical 3000.00; assistance 2520 + 140 + 4900 = 7560.00;
//   tilted 600.00; self-paid 1080 + 60 + 1500 = 2640.00 (the five add up to 34400.00)
//   shares of 34400: 59.88, 8.72, 21.98, 1.74, 7.67; inpatient (C1, C3): 20400 ÷ 34000 = 60.00
// Subsidy, 2026: P1 342/38, P2 380/0, P3 266/114, P5 190/190 → 4 people, 1178.00 / 342.00;
//   医疗救助基金 342 + 300 + 266 = 908.00, 财政 80 + 190 = 270.00, 个人 342.00.

const money = (claims: number, totalCost: string, policyScopeCost: string, basic: string, critical: string, assistance: string, tilted: string, selfPaid: string) => ({
  claims,
  totalCost,
  policyScopeCost,
  basic,
  critical,
  assistance,
  tilted,
  selfPaid,
});

describe.each(drivers())("payments and subsidy figures on %s", (driver) => {
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

  it("payments in Q4: current settlements only, by month (every month listed), category and township, with the shares", async () => {
    const p = await getPaymentsFigure(manager, { period: period({ period: "2026-Q4" }) });
    const nov = money(2, "10500.00", "9400.00", "5600.00", "0.00", "2660.00", "0.00", "1140.00");
    const c3 = money(1, "30000.00", "25000.00", "15000.00", "3000.00", "4900.00", "600.00", "1500.00");
    expect(p).toEqual({
      division: COUNTY,
      name: "隆回县",
      totals: money(3, "40500.00", "34400.00", "20600.00", "3000.00", "7560.00", "600.00", "2640.00"),
      shares: { basic: "59.88", critical: "8.72", assistance: "21.98", tilted: "1.74", selfPaid: "7.67" },
      inpatientScopeShare: "60.00",
      byMonth: [
        { month: "2026-10", ...c3 },
        { month: "2026-11", ...nov },
        { month: "2026-12", ...money(0, "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00") },
      ],
      byCategory: [
        { category: "tekun", label: "特困人员", ...c3 },
        { category: "dibao", label: "低保对象", ...nov },
      ],
      children: [
        { division: TAOHONG, name: "桃洪镇", ...nov },
        { division: XIAOSHAJIANG, name: "小沙江镇", ...c3 },
      ],
    });
  });

  it("payments over a range across New Year; an empty period has no shares", async () => {
    const p = await getPaymentsFigure(manager, { period: period({ from: "2025-12-01", to: "2026-10-31" }) });
    expect(p.totals).toEqual(money(2, "31000.00", "25800.00", "15400.00", "3000.00", "5180.00", "600.00", "1620.00"));
    expect(p.byMonth.map((m) => m.month)).toHaveLength(11);
    expect(p.byCategory.map((c) => c.category)).toEqual(["tekun", "monitored"]);
    expect(p.inpatientScopeShare).toBe("60.00"); // C3 alone: 15000 ÷ 25000
    const empty = await getPaymentsFigure(manager, { period: period({ period: "2026-03" }) });
    expect(empty.shares).toEqual({ basic: null, critical: null, assistance: null, tilted: null, selfPaid: null });
    expect(empty.inpatientScopeShare).toBeNull();
    expect(empty.totals.claims).toBe(0);
  });

  it("subsidy of 2026: by source, category and township", async () => {
    const s = await getSubsidyFigure(manager, { period: period({ period: "2026-Q4" }) });
    expect(s).toEqual({
      division: COUNTY,
      name: "隆回县",
      years: [2026],
      people: 4,
      subsidy: "1178.00",
      personal: "342.00",
      bySource: [
        { source: "medical_assistance", label: "医疗救助基金", amount: "908.00" },
        { source: "finance", label: "财政", amount: "270.00" },
        { source: "personal", label: "个人", amount: "342.00" },
      ],
      byCategory: [
        { category: "tekun", label: "特困人员", people: 1, subsidy: "380.00", personal: "0.00" },
        { category: "dibao", label: "低保对象", people: 1, subsidy: "342.00", personal: "38.00" },
        { category: "dibao_edge", label: "低保边缘家庭成员", people: 1, subsidy: "190.00", personal: "190.00" },
        { category: "monitored", label: expect.stringContaining("监测"), people: 1, subsidy: "266.00", personal: "114.00" },
      ],
      children: [
        { division: TAOHONG, name: "桃洪镇", people: 3, subsidy: "988.00", personal: "152.00" },
        { division: XIAOSHAJIANG, name: "小沙江镇", people: 1, subsidy: "190.00", personal: "190.00" },
      ],
    });
  });

  it("subsidy over two enrolment years; a township's villages, the person who moved in the village now", async () => {
    const s = await getSubsidyFigure(manager, { period: period({ from: "2025-06-01", to: "2026-03-31" }) });
    expect(s).toMatchObject({ years: [2025, 2026], people: 5, subsidy: "1428.00", personal: "472.00" });
    expect(s.byCategory.find((c) => c.category === "monitored")).toMatchObject({ people: 2, subsidy: "516.00", personal: "244.00" });
    const t = await getSubsidyFigure(manager, { division: TAOHONG, period: period({ period: "2026" }) });
    expect(t.children).toEqual([
      { division: SONGLING, name: "松岭村", people: 2, subsidy: "722.00", personal: "38.00" },
      { division: JINTIAN, name: "金田村", people: 1, subsidy: "266.00", personal: "114.00" },
    ]);
  });

  it("a township clerk is refused another township's money figures", async () => {
    const clerk = { db: f.s.handle.db, actor: systemActor("township", XIAOSHAJIANG, "clerk"), now: () => NOW };
    await expect(getPaymentsFigure(clerk, { division: TAOHONG, period: period({}) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getSubsidyFigure(clerk, { division: TAOHONG, period: period({}) })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPaymentsFigure(clerk, { period: period({ period: "2026-Q4" }) })).totals.claims).toBe(1);
  });
});
