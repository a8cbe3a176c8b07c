import { describe, expect, it } from "vitest";
import { buildApplicationsFigure } from "./applications-figure";
import { buildMonitoringFigure } from "./monitoring-figure";

const cell = (onTime: number, late: number, open: number, openOverdue: number) => ({ onTime, late, open, openOverdue, averageDays: null });

describe("applications figure", () => {
  it("every state in the workflow's order; open, approved, refused and overdue per child; timeliness from the view's total", () => {
    const f = buildApplicationsFigure({
      division: "430524000000",
      name: "隆回县",
      groups: [
        { child: "430524100000", state: "paid", cases: 2, approved: 2, overdue: 0 },
        { child: "430524100000", state: "county_review", cases: 3, approved: 0, overdue: 1 },
        { child: "430524101000", state: "refused", cases: 1, approved: 1, overdue: 0 }, // approved then revoked: the query does not count it approved
      ],
      timeliness: { townshipCode: "", townshipName: "", steps: { township: cell(4, 1, 0, 0), county: cell(2, 0, 3, 1), payment: cell(2, 0, 0, 0) } },
      children: [
        { code: "430524100000", name: "桃洪镇" },
        { code: "430524101000", name: "小沙江镇" },
      ],
    });
    expect(f.accepted).toBe(6);
    expect(f.byState[0]).toEqual({ state: "accepted", label: "已受理", cases: 0 });
    expect(f.byState.filter((s) => s.cases).map((s) => [s.state, s.cases])).toEqual([["county_review", 3], ["paid", 2], ["refused", 1]]);
    expect(f.timeliness[1]).toEqual({ step: "county", label: "县级审核", done: 2, onTime: 2, late: 0, open: 3, overdue: 1 });
    expect(f.children).toEqual([
      { division: "430524100000", name: "桃洪镇", accepted: 5, open: 3, overdue: 1, approved: 2, refused: 0 },
      { division: "430524101000", name: "小沙江镇", accepted: 1, open: 0, overdue: 0, approved: 1, refused: 1 },
    ]);
  });
});

describe("monitoring figure", () => {
  it("raised, open, closed by outcome with Chinese names, per child", () => {
    const f = buildMonitoringFigure({
      division: "430524100000",
      name: "桃洪镇",
      years: [2026],
      groups: [
        { child: "430524100201", status: "open", outcome: null, flags: 4 },
        { child: "430524100201", status: "closed", outcome: "dismissed", flags: 2 },
        { child: "430524100202", status: "closed", outcome: "application_opened", flags: 1 },
      ],
      children: [
        { code: "430524100201", name: "松岭村" },
        { code: "430524100202", name: "金田村" },
      ],
    });
    expect(f).toMatchObject({ raised: 7, open: 4 });
    expect(f.byOutcome.map((o) => [o.outcome, o.flags])).toEqual([["assistance_granted", 0], ["application_opened", 1], ["category_assigned", 0], ["dismissed", 2]]);
    expect(f.byOutcome[3]!.label).toContain("排除");
    expect(f.children).toEqual([
      { division: "430524100201", name: "松岭村", raised: 6, open: 4 },
      { division: "430524100202", name: "金田村", raised: 1, open: 0 },
    ]);
  });
});
