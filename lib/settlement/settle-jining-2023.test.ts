import { describe, expect, it } from "vitest";
import { amounts, settle, traceOf } from "./settle-test-helpers";

// 济宁 002 (济医保发〔2023〕7号): no critical-illness or assistance figures in the
// document (unconfigured); monitoring §三 at 50% / 150% of the province's
// prior-year income (2023 preset value 37560).
const J = "jining-2023";
const claim = (basic: string, critical: string) => ({ date: "2023-04-01", policyScopeCost: "40000", basicPaid: basic, criticalPaid: critical });

describe("jining-2023", () => {
  it("asks for criticalPaid: the document sets no critical-illness figures", () => {
    expect(() => settle(J, "dibao", [{ date: "2023-04-01", policyScopeCost: "40000", basicPaid: "20000" }])).toThrow(
      'claims[0].criticalPaid: is required — policy jining-2023 has no critical-illness rule for "dibao"',
    );
  });

  it("pays no assistance and says why (§二 gives no figures)", () => {
    const r = settle(J, "dibao", [claim("20000", "3000")]);
    expect(amounts(r.claims[0])).toEqual(["20000.00", "3000.00", "0.00", "0.00", "17000.00"]);
    expect(traceOf(r.claims[0], "assistance")[0]?.rule).toContain("002 §二");
  });

  it("§三: dibao_edge flagged when burden after basic + critical exceeds 50% of 37560 = 18780", () => {
    expect(settle(J, "dibao_edge", [claim("20000", "1220")]).monitoring).toMatchObject({ flagged: false, threshold: "18780.00", value: "18780.00" });
    expect(settle(J, "unstable_exit", [claim("20000", "1219.99")]).monitoring).toMatchObject({ flagged: true, value: "18780.01" });
  });

  it("§三: ordinary insured flagged above 150% = 56340, burden accumulated over the year's claims", () => {
    const big = (date: string, critical: string) => ({ date, policyScopeCost: "60000", basicPaid: "30000", criticalPaid: critical });
    // 28170 + 28170 = 56340: not over; one cent less paid by critical illness → over
    expect(settle(J, "ordinary", [big("2023-03-01", "1830"), big("2023-09-01", "1830")]).monitoring).toMatchObject({
      flagged: false,
      threshold: "56340.00",
      value: "56340.00",
    });
    expect(settle(J, "ordinary", [big("2023-03-01", "1830"), big("2023-09-01", "1829.99")]).monitoring).toMatchObject({ flagged: true });
  });

  it("§三 names no rule for dibao: not monitored", () => {
    expect(settle(J, "dibao", [claim("0", "0")]).monitoring).toMatchObject({ flagged: false, threshold: null });
  });
});
