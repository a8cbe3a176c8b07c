import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors/app-error";
import type { TierAmounts } from "../../domain/dashboard";
import { parsePeriod } from "../../domain/period";
import { buildReport, defaultReportPeriod, parseReportRequest, reportOffice, threeTierPaid, type ReportFigures } from "./report-rows";

const tiers = (scope: string, basic: string, critical: string, assistance: string, tilted: string, selfPaid: string): TierAmounts => ({
  claims: 1,
  totalCost: scope,
  policyScopeCost: scope,
  basic,
  critical,
  assistance,
  tilted,
  selfPaid,
});

// A county with two townships; B has no claims and no cases (absent from those figures' children).
function figures(): ReportFigures {
  const A = "430524100000";
  const B = "430524101000";
  return {
    coverage: {
      division: "430524000000", name: "隆回县", on: "2026-11-30", assisted: 10, enrolled: 9, rate: "90.00", target: "99.00", gap: 1, byCategory: [],
      children: [{ division: A, name: "甲镇", assisted: 6, enrolled: 6, rate: "100.00", gap: 0 }, { division: B, name: "乙街道", assisted: 4, enrolled: 3, rate: "75.00", gap: 1 }],
    },
    subsidy: {
      division: "430524000000", name: "隆回县", years: [2026], people: 9, subsidy: "900.00", personal: "100.00",
      bySource: [{ source: "medical_assistance", label: "医疗救助基金", amount: "700.00" }, { source: "finance", label: "财政", amount: "200.00" }, { source: "personal", label: "个人", amount: "100.00" }],
      byCategory: [], children: [{ division: A, name: "甲镇", people: 6, subsidy: "600.00", personal: "60.00" }, { division: B, name: "乙街道", people: 3, subsidy: "300.00", personal: "40.00" }],
    },
    payments: {
      division: "430524000000", name: "隆回县", totals: tiers("3.00", "1.00", "0.00", "1.00", "0.00", "1.00"), shares: { basic: null, critical: null, assistance: null, tilted: null, selfPaid: null },
      inpatientScopeShare: "66.67", byMonth: [], byCategory: [], children: [{ division: A, name: "甲镇", ...tiers("3.00", "1.00", "0.00", "1.00", "0.00", "1.00") }],
    },
    applications: { division: "430524000000", name: "隆回县", accepted: 2, byState: [], timeliness: [{ step: "township", label: "乡镇审核", done: 0, onTime: 0, late: 0, open: 2, overdue: 1 }], children: [{ division: A, name: "甲镇", accepted: 2, open: 2, overdue: 1, approved: 0, refused: 0 }] },
    monitoring: { division: "430524000000", name: "隆回县", years: [2026], raised: 3, open: 2, byOutcome: [{ outcome: "dismissed", label: "排除", flags: 1 }], children: [{ division: A, name: "甲镇", raised: 1, open: 1 }, { division: B, name: "乙街道", raised: 2, open: 1 }] },
  };
}

describe("report rows", () => {
  it("one row per township in order, then 合计 from the county's own figure; a township absent from a figure has zeros", () => {
    const r = buildReport("monthly", parsePeriod({ period: "2026-11" }, "2026-12-02"), figures());
    expect(r.tables.map((t) => t.id)).toEqual(["coverage", "payments", "cases"]);
    const payments = r.tables[1]!.rows;
    expect(payments.map((row) => [row.cells.division, row.division ?? null, row.total ?? false])).toEqual([["甲镇", "430524100000", false], ["乙街道", "430524101000", false], ["合计", null, true]]);
    expect(payments[1]!.cells).toMatchObject({ claims: 0, policyScopeCost: "0.00", paidShare: null });
    // 1 + 0 + 1 + 0 of 3.00 → 66.67 (half-up)
    expect(payments[2]!.cells.paidShare).toBe("66.67");
    const cases = r.tables[2]!.rows;
    expect(cases.map((row) => [row.cells.accepted, row.cells.overdue, row.cells.raised])).toEqual([[2, 1, 1], [0, 0, 2], [2, 1, 3]]);
    // The monthly report has no target column; the quarterly one has the gap.
    expect(r.tables[0]!.columns.some((c) => c.key === "gap")).toBe(false);
  });

  it("quarterly: shares with 倾斜 inside 医疗救助, funds by source plus the assistance paid", () => {
    const r = buildReport("quarterly", parsePeriod({ period: "2026-Q4" }, "2026-12-02"), figures());
    expect(r.tables.map((t) => t.id)).toEqual(["coverage", "shares", "funds", "timeliness"]);
    expect(r.tables[0]!.rows[2]!.cells).toMatchObject({ gap: 1, notEnrolled: 1 });
    expect(r.tables[1]!.rows[0]!.cells).toMatchObject({ basic: "33.33", assistance: "33.33", selfPaid: "33.33" });
    expect(r.tables[2]!.rows.map((row) => row.cells.amount)).toEqual(["700.00", "200.00", "100.00", "1.00", "0.00", "701.00"]);
    expect(r.tables[3]!.rows[0]!.cells.onTimeRate).toBeNull();
  });

  it("annual has every table", () => {
    const r = buildReport("annual", parsePeriod({ period: "2026" }, "2026-12-02"), figures());
    expect(r.tables.map((t) => t.id)).toEqual(["coverage", "payments", "shares", "funds", "cases", "timeliness", "outcomes"]);
    expect(r.tables[6]!.rows.map((row) => [row.cells.outcome, row.cells.flags])).toEqual([["排除", 1], ["未处置", 2], ["合计", 3]]);
  });

  it("the period must be of the report's kind; the default contains today", () => {
    expect(defaultReportPeriod("monthly", "2026-12-02")).toBe("2026-12");
    expect(defaultReportPeriod("quarterly", "2026-08-31")).toBe("2026-Q3");
    expect(parseReportRequest({ report: "annual" }, "2026-12-02").period.label).toBe("2026年");
    expect(() => parseReportRequest({ report: "monthly", period: "2026" }, "2026-12-02")).toThrow(/月报的报告期（period）应为一个月/);
    expect(() => parseReportRequest({ report: "weekly" }, "2026-12-02")).toThrow(ValidationError);
  });

  it("the issuing office and the three tiers together", () => {
    expect(reportOffice("430524000000", "隆回县")).toBe("隆回县医疗保障局");
    expect(reportOffice("430524100000", "桃洪镇")).toBe("桃洪镇人民政府");
    expect(reportOffice("430524001000", "花门街道")).toBe("花门街道办事处");
    expect(reportOffice("430524100201", "松岭村")).toBe("松岭村村民委员会");
    expect(reportOffice("430524100001", "桃洪社区")).toBe("桃洪社区居民委员会");
    expect(threeTierPaid(tiers("10.00", "1.10", "2.20", "3.30", "0.40", "3.00"))).toBe("7.00");
  });
});
