import { describe, expect, it } from "vitest";
import { checkNewVersion, dayBefore, planNewVersion, versionInForce, type VersionDates } from "./versions";

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

describe("planNewVersion: an activation's overlaps in words, to be confirmed", () => {
  it("an open-ended version that started earlier ends the day before, said as a sentence", () => {
    const plan = planNewVersion(history, v(4, "2026-09-01", null));
    expect(plan).toEqual({
      ok: true,
      closes: [{ version: 3, effectiveTo: "2026-08-31", wasTo: null }],
      explanation: ["第 3 版将于 2026-08-31 结束（原为长期有效），第 4 版自 2026-09-01 起施行"],
      key: "3:2026-08-31",
    });
  });

  it("a closed version the new one starts inside is shortened too; no overlap, nothing to confirm", () => {
    expect(planNewVersion(history, v(4, "2023-03-01", null))).toMatchObject({
      ok: false, // v3 starts after 2023-03-01
      message: expect.stringContaining("第 3 版自 2023-05-30 起施行、长期有效"),
    });
    const closed = [v(1, "2021-01-01", "2022-12-31")];
    expect(planNewVersion(closed, v(2, "2022-07-01", null))).toMatchObject({ ok: true, explanation: ["第 1 版将于 2022-06-30 结束（原为至 2022-12-31），第 2 版自 2022-07-01 起施行"] });
    expect(planNewVersion(closed, v(2, "2023-01-01", null))).toEqual({ ok: true, closes: [], explanation: [], key: "" });
  });

  it("refuses in words what cannot be confirmed: the same start, a version cut in two, dates out of order", () => {
    expect(planNewVersion(history, v(4, "2023-05-30", null))).toEqual({
      ok: false,
      message: "第 4 版自 2023-05-30 起施行，而第 3 版自 2023-05-30 起施行、长期有效：两版不能在同一天都有效。请在编辑草稿的“基本信息”中把生效日期改为 2023-05-31 或之后（晚于第 3 版的生效日期，第 3 版随之结束）",
    });
    expect(planNewVersion(history, v(4, "2026-01-01", "2026-06-30"))).toMatchObject({ ok: false, message: expect.stringContaining("2026-07-01 起将没有适用的版本") });
    expect(planNewVersion(history, v(4, "2026-01-01", "2025-01-01"))).toMatchObject({ ok: false, message: expect.stringContaining("失效日期 2025-01-01 早于生效日期 2026-01-01") });
    for (const c of [v(4, "2023-05-30", null), v(4, "2026-01-01", "2026-06-30"), v(3, "2030-01-01", null)]) {
      const plan = planNewVersion(history, c);
      expect(plan.ok ? "" : plan.message).not.toMatch(/effective|version/);
    }
  });
});
