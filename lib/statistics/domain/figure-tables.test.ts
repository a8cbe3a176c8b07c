import { describe, expect, it } from "vitest";
import type { PaymentsFigure, SubsidyFigure } from "./dashboard";
import { formatCell, formatWan, monthLabel, paymentsTables, subsidyTables } from "./figure-tables";

const tiers = (claims: number, assistance: string) => ({ claims, totalCost: "0.00", policyScopeCost: "0.00", basic: "0.00", critical: "0.00", assistance, tilted: "0.00", selfPaid: "0.00" });

describe("dashboard tables", () => {
  it("shows money in 万元 half-up to two places and as ¥ in a cell", () => {
    expect(formatWan("123456.78")).toBe("12.35 万元");
    expect(formatWan("49.99")).toBe("0.00 万元");
    expect(formatWan("50.00")).toBe("0.01 万元");
    expect(formatWan("123456789.00")).toBe("12,345.68 万元");
    expect(formatCell("money", "1234.5")).toBe("¥1,234.50");
    expect(formatCell("percent", null)).toBe("—");
    expect(formatCell("count", 1234567)).toBe("1,234,567");
  });

  it("adds a 合计 row from the parent's figure, and the township rows drill down", () => {
    const f: PaymentsFigure = {
      division: "430524000000",
      name: "隆回县",
      totals: tiers(3, "300.10"),
      shares: { basic: null, critical: null, assistance: null, tilted: null, selfPaid: null },
      inpatientScopeShare: null,
      byMonth: [{ month: "2026-03", ...tiers(3, "300.10") }],
      byCategory: [],
      children: [
        { division: "430524100000", name: "桃洪镇", ...tiers(2, "200.00") },
        { division: "430524101000", name: "小沙江镇", ...tiers(1, "100.10") },
      ],
    };
    const [byMonth, , byDivision] = paymentsTables(f);
    expect(byMonth!.rows.map((r) => r.cells.month)).toEqual(["2026年3月", "合计"]);
    expect(byDivision!.columns[0]!.header).toBe("乡镇（街道）");
    expect(byDivision!.rows.map((r) => [r.cells.name, r.cells.assistance, r.division ?? null, !!r.total])).toEqual([
      ["桃洪镇", "200.00", "430524100000", false],
      ["小沙江镇", "100.10", "430524101000", false],
      ["隆回县合计", "300.10", null, true],
    ]);
    expect(monthLabel("2026-11")).toBe("2026年11月");
  });

  it("totals the funding sources exactly (no float drift)", () => {
    const f: SubsidyFigure = {
      division: "430524100000",
      name: "桃洪镇",
      years: [2026],
      people: 3,
      subsidy: "0.30",
      personal: "0.00",
      bySource: [
        { source: "fund", label: "医疗救助基金", amount: "0.10" },
        { source: "finance", label: "财政", amount: "0.20" },
      ],
      byCategory: [],
      children: [],
    };
    const [bySource, , byDivision] = subsidyTables(f);
    expect(bySource!.rows.at(-1)!.cells).toEqual({ label: "合计", amount: "0.30" });
    expect(byDivision!.columns[0]!.header).toBe("村（社区）");
  });
});
