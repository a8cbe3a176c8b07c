import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";
import { beijingMinute, exporterStamp } from "./exporter-stamp";

describe("exporter stamp", () => {
  it("names the exporter and the minute in Beijing time, whatever the server's zone", () => {
    // 15:10 UTC is 23:10 in Beijing; 16:30 UTC on the 1st is already the 2nd there.
    expect(exporterStamp({ displayName: "张三", username: "yibao.clerk" }, new Date("2026-12-01T15:10:59Z"))).toBe(
      "导出人：张三（yibao.clerk） 导出时间：2026-12-01 23:10（北京时间）",
    );
    expect(beijingMinute(new Date("2026-12-01T16:30:00Z"))).toBe("2026-12-02 00:30");
  });

  it("ends a CSV with a blank line and the footer, neutralised like any cell", () => {
    const text = toCsv({ columns: [{ header: "姓名", key: "name" }], rows: [{ name: "李四" }], footer: ["=导出人"] }).toString("utf8");
    expect(text).toBe('\uFEFF"姓名"\r\n"李四"\r\n\r\n"\'=导出人"\r\n');
  });
});
