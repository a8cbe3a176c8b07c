import { describe, expect, it } from "vitest";
import { buildCoverageFigure, coverageGap } from "./coverage-figure";
import { percentOf, sumMoney } from "./percent";

describe("coverage figure", () => {
  it("gap: people still to enrol to reach the target, rounded up; 0 when reached or no target", () => {
    expect(coverageGap(3, 2, "99.00")).toBe(1); // 2.97 → 3 needed
    expect(coverageGap(1000, 985, "99.00")).toBe(5); // 990 needed
    expect(coverageGap(1000, 995, "99.00")).toBe(0);
    expect(coverageGap(101, 99, "99.00")).toBe(1); // 99.99 → 100
    expect(coverageGap(10, 7, "100.00")).toBe(3);
    expect(coverageGap(10, 7, null)).toBe(0);
    expect(coverageGap(0, 0, "100.00")).toBe(0);
  });

  it("totals, categories in the product's order with labels, children adding up", () => {
    const f = buildCoverageFigure({
      division: "430524000000",
      name: "隆回县",
      on: "2026-11-30",
      target: "100.00",
      groups: [
        { child: "430524100000", category: "dibao", assisted: 2, enrolled: 2 },
        { child: "430524101000", category: "monitored", assisted: 3, enrolled: 1 },
        { child: "430524101000", category: "tekun", assisted: 1, enrolled: 1 },
        { child: "430524000000", category: "dibao", assisted: 1, enrolled: 0 }, // on the county code itself
      ],
      children: [
        { code: "430524100000", name: "桃洪镇", target: "100.00" },
        { code: "430524101000", name: "小沙江镇", target: "99.00" },
      ],
    });
    expect(f).toMatchObject({ assisted: 7, enrolled: 4, rate: "57.14", target: "100.00", gap: 3 });
    expect(f.byCategory).toEqual([
      { category: "tekun", label: "特困人员", assisted: 1, enrolled: 1, rate: "100.00" },
      { category: "dibao", label: "低保对象", assisted: 3, enrolled: 2, rate: "66.67" },
      { category: "monitored", label: expect.any(String), assisted: 3, enrolled: 1, rate: "33.33" },
    ]);
    expect(f.children).toEqual([
      { division: "430524100000", name: "桃洪镇", assisted: 2, enrolled: 2, rate: "100.00", gap: 0 },
      { division: "430524101000", name: "小沙江镇", assisted: 4, enrolled: 2, rate: "50.00", gap: 2 },
    ]);
  });

  it("percent and money sums are exact decimals", () => {
    expect(percentOf("0.125", "100")).toBe("0.13");
    expect(percentOf("70", "0.00")).toBeNull();
    expect(sumMoney(["0.10", "0.20", "1234567890.05"])).toBe("1234567890.35");
    expect(sumMoney([])).toBe("0.00");
  });
});
