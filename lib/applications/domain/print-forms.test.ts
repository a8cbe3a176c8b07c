import { describe, expect, it } from "vitest";
import { chineseDate, claimTotals, countyOffice, objectionRoutes, townshipOffice } from "./print-forms";

describe("printable forms' wording", () => {
  it("names the offices", () => {
    expect(countyOffice("隆回县")).toBe("隆回县医疗保障局");
    expect(townshipOffice("桃洪镇")).toBe("桃洪镇人民政府");
    expect(townshipOffice("花门街道")).toBe("花门街道办事处");
  });

  it("gives the three objection routes with their time limits and sources", () => {
    const r = objectionRoutes("隆回县", "隆回县医疗保障局");
    expect(r.map((x) => x.title)).toEqual(["申请复核", "行政复议", "行政诉讼"]);
    expect(r[0]!.text).toContain("10 个工作日内，可向隆回县医疗保障局书面申请复核");
    expect(r[1]!.text).toContain("60 日内，可向隆回县人民政府申请行政复议（《中华人民共和国行政复议法》第二十条）");
    expect(r[2]!.text).toContain("6 个月内");
  });

  it("sums the claims to the cent (0.1 + 0.2 is 0.30) and writes dates the Chinese way", () => {
    const t = claimTotals([
      { totalCost: "10000.10", policyScopeCost: "9000.00", basicPaid: "5000.00", criticalPaid: null },
      { totalCost: "0.20", policyScopeCost: "0.20", basicPaid: null, criticalPaid: "0.05" },
    ]);
    expect(t).toEqual({ total: "¥10,000.30", scope: "¥9,000.20", basic: "¥5,000.00", critical: "¥0.05", ownShare: "¥5,000.25" });
    expect(chineseDate("2026-01-05")).toBe("2026年1月5日");
    expect(chineseDate(null)).toBe("　　年　　月　　日");
  });
});
