import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors/app-error";
import { parsePeriod } from "@/lib/statistics/domain/period";
import { getCoverageFigure } from "@/lib/statistics/get-coverage-figure";
import { drivers } from "../helpers/scratch-db";
import { COUNTY, JINTIAN, NOW, SONGLING, TAOHONG, XIAOSHAJIANG, statsFixture, type StatsFixture } from "./stats-fixture";

// The dashboard's coverage figure on the hand-counted fixture (stats-fixture.ts), both drivers.
// 2026-11 → on 2026-11-30: assisted P1 P2(dibao, once) P3 P4 = 4, enrolled P1 P2 P3 = 3 → 75.00 %;
// target 99.00 (002's preset) → ceil(3.96) = 4 needed → gap 1. 桃洪 3/3 gap 0, 小沙江 1/0 gap ceil(0.99) − 0 = 1.
// 2026-Q2 → on 2026-06-30: P2 still tekun, P5 (dibao_edge until 10-31) counts: 5 assisted, 4 enrolled → 80.00, gap 1.

describe.each(drivers())("coverage figure on %s", (driver) => {
  let f: StatsFixture;
  let manager: UseCaseContext;
  const period = (p: Record<string, string>) => parsePeriod(p, "2026-12-02");

  beforeAll(async () => {
    f = await statsFixture(driver);
    manager = { db: f.s.handle.db, actor: systemActor("medical_security", COUNTY, "manager"), now: () => NOW };
  }, 120_000);
  afterAll(async () => {
    await f?.s.drop();
  });

  it("the county in November: each person once in the category of the day, the target's gap, townships adding up", async () => {
    const c = await getCoverageFigure(manager, { period: period({ period: "2026-11" }) });
    expect(c).toEqual({
      division: COUNTY,
      name: "隆回县",
      on: "2026-11-30",
      assisted: 4,
      enrolled: 3,
      rate: "75.00",
      target: "99.00",
      gap: 1,
      byCategory: [
        { category: "tekun", label: "特困人员", assisted: 1, enrolled: 0, rate: "0.00" },
        { category: "dibao", label: "低保对象", assisted: 2, enrolled: 2, rate: "100.00" },
        { category: "monitored", label: expect.stringContaining("监测"), assisted: 1, enrolled: 1, rate: "100.00" },
      ],
      children: [
        { division: TAOHONG, name: "桃洪镇", assisted: 3, enrolled: 3, rate: "100.00", gap: 0 },
        { division: XIAOSHAJIANG, name: "小沙江镇", assisted: 1, enrolled: 0, rate: "0.00", gap: 1 },
      ],
    });
    expect(c.children.reduce((n, ch) => n + ch.assisted, 0)).toBe(c.assisted);
  });

  it("a quarter's end date: the category held then, and someone who has left since", async () => {
    const c = await getCoverageFigure(manager, { period: period({ period: "2026-Q2" }) });
    expect(c).toMatchObject({ on: "2026-06-30", assisted: 5, enrolled: 4, rate: "80.00", gap: 1 });
    expect(c.byCategory.map((b) => [b.category, b.assisted])).toEqual([["tekun", 2], ["dibao", 1], ["dibao_edge", 1], ["monitored", 1]]);
  });

  it("the default period ends today; a township's villages count the person who moved in the village they are in now", async () => {
    const c = await getCoverageFigure(manager, { division: TAOHONG, period: period({}) });
    expect(c).toMatchObject({ on: "2026-12-02", name: "桃洪镇", assisted: 3 });
    expect(c.children).toEqual([
      { division: SONGLING, name: "松岭村", assisted: 2, enrolled: 2, rate: "100.00", gap: 0 },
      { division: JINTIAN, name: "金田村", assisted: 1, enrolled: 1, rate: "100.00", gap: 0 },
    ]);
  });

  it("a township with a policy of its own gets that policy's target (here none: gap 0); the county keeps its own; an unknown division is 404", async () => {
    const q = (text: string, params: unknown[] = []) => f.s.handle.raw.query(text, params);
    // A copy of the county's version without a coverage target, activated for 小沙江 alone.
    const [own] = (await q(
      `insert into policy_versions (policy_id, version, name, record, status)
       select policy_id, 99, name, record - 'coverageTarget', 'active' from policy_versions where policy_id = 'jining-2023' and version = 1
       returning id`,
    )) as { id: number }[];
    await q("insert into policy_activations (division_code, version_id, active_from) values ($1, $2, '2024-01-01')", [XIAOSHAJIANG, own!.id]);
    try {
      const c = await getCoverageFigure(manager, { period: period({ period: "2026-11" }) });
      expect(c).toMatchObject({ target: "99.00", gap: 1 });
      expect(c.children.map((ch) => [ch.division, ch.gap])).toEqual([
        [TAOHONG, 0],
        [XIAOSHAJIANG, 0],
      ]);
      // The township's own figure: its own policy, no target.
      expect(await getCoverageFigure(manager, { division: XIAOSHAJIANG, period: period({ period: "2026-11" }) })).toMatchObject({ target: null, gap: 0, assisted: 1 });
    } finally {
      await q("delete from policy_activations where version_id = $1", [own!.id]);
      await q("delete from policy_versions where id = $1", [own!.id]);
    }
    await expect(getCoverageFigure(manager, { division: "430524199000", period: period({}) })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("a township clerk sees its own township and is refused another; a bad division names the field", async () => {
    const clerk = { db: f.s.handle.db, actor: systemActor("township", XIAOSHAJIANG, "clerk"), now: () => NOW };
    expect((await getCoverageFigure(clerk, { period: period({ period: "2026-11" }) })).assisted).toBe(1);
    await expect(getCoverageFigure(clerk, { division: TAOHONG, period: period({ period: "2026-11" }) })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getCoverageFigure(manager, { division: "4305", period: period({}) })).rejects.toMatchObject({ field: "division" });
    const finance = { db: f.s.handle.db, actor: systemActor("finance", COUNTY, "clerk"), now: () => NOW };
    await expect(getCoverageFigure(finance, { period: period({}) })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
