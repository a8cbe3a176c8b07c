import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importClaims } from "@/lib/claims/import-claims";
import { personYears } from "@/db/queries/monitoring";
import { claimIdsOfYears, stageDivisionYears, stagedYears, type StagedYear } from "@/db/queries/monitoring-years";
import { inTransaction } from "@/db/transaction";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { activatePolicy, claimCells, residents, setCategory, writeGb18030Csv, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// `monitoring run` on claims imported through the real import, under 济宁's
// preset (002 §三): 低保边缘 and 监测对象 are flagged when the year's cost after
// basic insurance and critical illness exceeds 50 % of the province's prior-year
// per-capita income, anyone insured (no category) above 150 %. With the 2025
// figure set to 40000 元 the thresholds are 20000.00 and 60000.00 元; "超过" is
// strict, so exactly the threshold is not flagged. Every claim carries its
// basic and critical payments (002 sets no critical-illness figures), so the
// figure is scope − basic − critical, whatever assistance the policy pays after.
//   edgeOver   dibao_edge  50000 − 25000 − 4999.99 = 20000.01 → flagged
//   edgeAt     dibao_edge  50000 − 25000 − 5000    = 20000.00 → not (at the threshold)
//   plainOver  no category 100000 − 30000 − 9999.99 = 60000.01 → flagged
//   plainAt    no category 100000 − 30000 − 10000  = 60000.00 → not
//   dibao      dibao       100000 − 10000 − 0 = 90000.00 → not: the rules do not cover 低保对象

const YEAR_2025_INCOME = { year: 2025, name: "priorYearIncome" as const, value: "40000", source: { doc: "002", paragraph: "§三", defaulted: true, note: "测试值" } };

describe.each(drivers())("monitoring run on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let edgeOver: TestPerson, edgeAt: TestPerson, plainOver: TestPerson, plainAt: TestPerson, dibao: TestPerson;

  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "jining-2023", division: "430524000000", activeFrom: "2025-01-01", edit: (r) => r.parameters.values.push(YEAR_2025_INCOME) });
    [edgeOver, edgeAt, plainOver, plainAt, dibao] = (await residents(s.handle.db, "4305241012", 5)) as [TestPerson, TestPerson, TestPerson, TestPerson, TestPerson];
    await setCategory(s.handle.db, [edgeOver, edgeAt], "dibao_edge", "2025-01-01");
    await setCategory(s.handle.db, dibao, "dibao", "2025-01-01");
    const stay = (id: string, person: TestPerson, scope: string, basic: string, critical: string) =>
      claimCells({ externalId: id, person, date: "2025-05-10", total: scope, scope, basic, critical });
    const path = await writeGb18030Csv(files.file("2025.csv"), [
      stay("M-1", edgeOver, "50000", "25000", "4999.99"),
      stay("M-2", edgeAt, "50000", "25000", "5000"),
      stay("M-3", plainOver, "100000", "30000", "9999.99"),
      stay("M-4", plainAt, "100000", "30000", "10000"),
      stay("M-5", dibao, "100000", "10000", "0"),
    ]);
    const r = await importClaims(await contextOf(s, "yibao.clerk"), { path, fileName: "2025.csv" });
    expect(r.rejected).toEqual([]);
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const flags = () =>
    s.handle.raw.query<{ person_id: string; rule_id: string; figure: string; threshold: string; latest_figure: string; claims: number; basis: string }>(
      "select person_id, rule_id, figure, threshold, latest_figure, jsonb_array_length(claim_ids)::int as claims, basis from monitoring_flags where year = 2025 order by figure",
    );

  it("flags exactly those over their rule's threshold, with the basis and the claims behind it", async () => {
    const people = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from people where division_code like '430524%'");
    const r = await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2025 });
    // The import already raised them (lib/monitoring/reevaluate-people.ts): the run finds them and adds none.
    expect(r).toEqual({ year: 2025, evaluated: people[0]!.n, flagged: 2, new: 0 });
    const rows = await flags();
    expect(rows.map((f) => [f.person_id, f.rule_id, f.figure, f.threshold, f.claims])).toEqual([
      [edgeOver.id, "edge-and-monitored", "20000.01", "20000.00", 1],
      [plainOver.id, "ordinary", "60000.01", "60000.00", 1],
    ]);
    expect(rows[0]!.basis).toContain("超过山东省上年全省居民人均可支配收入 40000.00 元 × 50% = 20000.00 元，纳入监测预警（002 §三）");
  });

  it("running again raises nothing new; a new claim that crosses the line is flagged at its import, the run adds nothing", async () => {
    expect(await runMonitoring(await contextOf(s, "yibao.clerk"), { year: 2025 })).toMatchObject({ flagged: 2, new: 0 });
    const path = await writeGb18030Csv(files.file("later.csv"), [claimCells({ externalId: "M-6", person: edgeAt, date: "2025-09-01", total: "10", scope: "10", basic: "0", critical: "0" })]);
    expect((await importClaims(await contextOf(s, "yibao.clerk"), { path, fileName: "later.csv" })).rejected).toEqual([]);
    expect(await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2025 })).toMatchObject({ flagged: 3, new: 0 });
    const added = (await flags()).find((f) => f.person_id === edgeAt.id)!;
    expect([added.figure, added.claims]).toEqual(["20010.00", 2]);
    expect(await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2025 })).toMatchObject({ flagged: 3, new: 0 });
    const audits = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'monitoring.run'");
    expect(audits[0]!.n).toBe(4);
  });

  it("a year without claims flags nobody; only 医保 runs it; a bad year names the field", async () => {
    expect(await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2024 })).toMatchObject({ year: 2024, flagged: 0, new: 0 });
    await expect(runMonitoring(await contextOf(s, "taohong.clerk"), { year: 2025 })).rejects.toMatchObject({ code: "forbidden" });
    await expect(runMonitoring(await contextOf(s, "yibao.manager"), { year: "20x5" })).rejects.toMatchObject({ field: "year" });
  });

  it("sums the whole county in one pass as each person's own sums give them, read back once each in batches", async () => {
    // 低保 person's second claim of the year, before the first: the claim ids must come out in date order.
    const earlier = claimCells({ externalId: "M-9", person: dibao, date: "2025-03-01", total: "2000", scope: "2000", basic: "1000", critical: "0" });
    expect((await importClaims(await contextOf(s, "yibao.clerk"), { path: await writeGb18030Csv(files.file("2025-m9.csv"), [earlier]), fileName: "2025-m9.csv" })).rejected).toEqual([]);
    await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2025 });
    await inTransaction(s.handle.db, async (tx) => {
      const n = await stageDivisionYears(tx, "430524", 2025);
      expect(n).toBeGreaterThanOrEqual(5);
      const staged: StagedYear[] = [];
      for (let after = "00000000-0000-0000-0000-000000000000"; staged.length < n + 2; ) {
        const batch = await stagedYears(tx, after, 2);
        if (batch.length === 0) break;
        staged.push(...batch);
        after = batch[batch.length - 1]!.personId;
      }
      const ids = staged.map((p) => p.personId);
      expect(new Set(ids).size).toBe(n);
      expect(ids).toEqual([...ids].sort());
      // Every sum and the latest claim's category as the per-person path (an import's) gives them; the claim ids, read
      // only for those flagged, in the same date order.
      const each = await personYears(tx, "430524", 2025, ids);
      expect(staged.map(({ granted: _g, flags: _f, ...r }) => r)).toEqual(each.map(({ claimIds: _c, ...r }) => r));
      expect(Object.fromEntries(await claimIdsOfYears(tx, ids, 2025))).toEqual(Object.fromEntries(each.map((p) => [p.personId, p.claimIds])));
      expect(each.some((p) => p.claimIds.length > 1)).toBe(true);
      // The flags of the year beside each person (the run above raised two).
      expect(staged.flatMap((p) => p.flags).length).toBeGreaterThanOrEqual(2);
      // Another county's prefix sums nobody of this one.
      expect(await stageDivisionYears(tx, "430525", 2025)).toBe(0);
    });
  });
});
