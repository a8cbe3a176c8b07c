import { describe, expect, it } from "vitest";
import { chineseDay, noticeTitle, townshipOffice } from "./notice-title";

describe("notice title and office", () => {
  it("names the township's government, or a 街道's office", () => {
    expect(townshipOffice("桃洪镇")).toBe("桃洪镇人民政府");
    expect(townshipOffice("虎形山瑶族乡")).toBe("虎形山瑶族乡人民政府");
    expect(townshipOffice("城西街道")).toBe("城西街道办事处");
  });
  it("titles a notice by place and quarter, a correction marked", () => {
    expect(noticeTitle({ townshipName: "桃洪镇", villageName: "城北村", year: 2026, quarter: 4, isCorrection: false })).toBe("桃洪镇城北村 2026年第四季度医疗救助公示");
    expect(noticeTitle({ townshipName: "桃洪镇", villageName: "城北村", year: 2026, quarter: 1, isCorrection: true })).toBe("桃洪镇城北村 2026年第一季度医疗救助公示（更正）");
  });
  it("writes a date the Chinese way without leading zeros", () => {
    expect(chineseDay("2026-01-09")).toBe("2026年1月9日");
  });
});
