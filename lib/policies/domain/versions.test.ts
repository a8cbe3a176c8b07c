import { describe, expect, it } from "vitest";
import { checkNewVersion, dayBefore, versionInForce, type VersionDates } from "./versions";

const v = (version: number, effectiveFrom: string, effectiveTo: string | null): VersionDates => ({ id: "pengshui", version, effectiveFrom, effectiveTo });
const history = [v(1, "2021-01-01", "2022-12-31"), v(2, "2023-01-01", "2023-05-29"), v(3, "2023-05-30", null)];

describe("versionInForce", () => {
  it("picks the version whose dates hold the day, bounds included", () => {
    expect(versionInForce(history, "2022-12-31")?.version).toBe(1);
    expect(versionInForce(history, "2023-01-01")?.version).toBe(2);
    expect(versionInForce(history, "2023-05-30")?.version).toBe(3);
    expect(versionInForce(history, "2030-01-01")?.version).toBe(3);
    expect(versionInForce(history, "2020-12-31")).toBeUndefined();
  });
});

describe("checkNewVersion", () => {
  it("a new version after the open one closes it the day before", () => {
    expect(checkNewVersion(history, v(4, "2024-03-01", null))).toEqual({ ok: true, closes: [{ version: 3, effectiveTo: "2024-02-29" }] });
  });

  it("refuses overlaps, reversed dates and a reused version number", () => {
    expect(checkNewVersion(history, v(4, "2022-06-01", null))).toMatchObject({ ok: false, message: expect.stringContaining("与第 1 版（2021-01-01 至 2022-12-31）日期重叠") });
    expect(checkNewVersion(history, v(4, "2023-05-30", null))).toMatchObject({ ok: false, message: expect.stringContaining("第 3 版") });
    expect(checkNewVersion(history, v(4, "2024-03-01", "2024-01-01"))).toMatchObject({ ok: false, message: expect.stringContaining("effectiveTo") });
    expect(checkNewVersion(history, v(3, "2024-03-01", null))).toMatchObject({ ok: false, message: expect.stringContaining("已有第 3 版") });
  });

  it("fills a gap between closed versions and ignores other policies", () => {
    const gap = [v(1, "2021-01-01", "2021-12-31"), v(2, "2023-01-01", null)];
    expect(checkNewVersion(gap, v(3, "2022-01-01", "2022-12-31"))).toEqual({ ok: true, closes: [] });
    expect(checkNewVersion([{ ...history[2]!, id: "other" }], v(1, "2023-06-01", null))).toEqual({ ok: true, closes: [] });
  });

  it("dayBefore crosses months and leap days", () => {
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
    expect(dayBefore("2023-01-01")).toBe("2022-12-31");
  });
});
