import { describe, expect, it } from "vitest";
import { enrolmentRate, summarizeCoverage } from "./coverage";

describe("coverage figures", () => {
  it("rate: enrolled ÷ assisted × 100, half-up to two places", () => {
    expect(enrolmentRate(1040, 1070)).toBe("97.20"); // 97.196… → 97.20
    expect(enrolmentRate(2, 3)).toBe("66.67"); // 66.666… → 66.67
    expect(enrolmentRate(1, 8)).toBe("12.50");
    expect(enrolmentRate(1, 800)).toBe("0.13"); // 0.125 exactly → half-up 0.13 (a float would round it to 0.12)
    expect(enrolmentRate(5, 5)).toBe("100.00");
    expect(enrolmentRate(0, 0)).toBeNull();
  });

  it("totals, categories and children from the groups; children add up; a person on the parent itself counts only there", () => {
    const c = summarizeCoverage({
      division: "430524000000",
      on: "2026-11-30",
      target: "100.00",
      children: [
        { code: "430524100000", name: "桃洪镇" },
        { code: "430524101000", name: "小沙江镇" },
        { code: "430524102000", name: "金石桥镇" },
      ],
      groups: [
        { child: "430524100000", category: "dibao", assisted: 3, enrolled: 3 },
        { child: "430524100000", category: "tekun", assisted: 1, enrolled: 0 },
        { child: "430524101000", category: "dibao", assisted: 2, enrolled: 1 },
        { child: "430524000000", category: "tekun", assisted: 1, enrolled: 1 },
      ],
    });
    expect(c).toMatchObject({ assisted: 7, enrolled: 5, rate: "71.43", target: "100.00", byCategory: { dibao: 5, tekun: 2 } });
    expect(c.children).toEqual([
      { division: "430524100000", name: "桃洪镇", assisted: 4, enrolled: 3, rate: "75.00" },
      { division: "430524101000", name: "小沙江镇", assisted: 2, enrolled: 1, rate: "50.00" },
      { division: "430524102000", name: "金石桥镇", assisted: 0, enrolled: 0, rate: null },
    ]);
  });
});
