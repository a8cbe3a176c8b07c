import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptApplication } from "@/lib/applications/accept-application";
import type { UseCaseContext } from "@/lib/auth/context";
import { importClaims } from "@/lib/claims/import-claims";
import { getFlagForIntake } from "@/lib/monitoring/flag-intake";
import { getFlag } from "@/lib/monitoring/get-flag";
import { listFlags } from "@/lib/monitoring/list-flags";
import { recordFlagOutcome } from "@/lib/monitoring/record-flag-outcome";
import { runMonitoring } from "@/lib/monitoring/run-monitoring";
import { activatePolicy, claimCells, residents, setCategory, writeGb18030Csv, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// Flags raised where the claims arrive (docs/policy.md §5), not only by
// `monitoring run`, under 济宁 002 §三 with the 2025 prior-year income at
// 40000 元: 低保边缘 over 20000.00, anyone insured over 60000.00 ("超过",
// strict). Then a policy version with 80000 元 (new yearly parameters): the
// flags show they are no longer over and stay open. The worklist and a flag's
// page by township: 小沙江镇 (101) holds the 低保边缘 people, 桃洪镇 (100) the
// ordinary insured one.
//   edgeOver  50000 − 25000 − 4999.99 = 20000.01 → flagged at import
//   edgeAt    50000 − 25000 − 5000    = 20000.00 → not; + 10.00 later → 20010.00 flagged at that import
//   plainOver 100000 − 30000 − 9999.99 = 60000.01 → flagged at import (桃洪镇)

const income = (value: string) => ({ year: 2025, name: "priorYearIncome" as const, value, source: { doc: "002", paragraph: "§三", defaulted: true, note: "测试值" } });

describe.each(drivers())("monitoring flags on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let edgeOver: TestPerson, edgeAt: TestPerson, plainOver: TestPerson;

  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    await activatePolicy(s.handle.db, { preset: "jining-2023", division: "430524000000", activeFrom: "2025-01-01", edit: (r) => r.parameters.values.push(income("40000")) });
    [edgeOver, edgeAt] = (await residents(s.handle.db, "430524101", 2)) as [TestPerson, TestPerson];
    [plainOver] = (await residents(s.handle.db, "430524100", 1)) as [TestPerson];
    await setCategory(s.handle.db, [edgeOver, edgeAt], "dibao_edge", "2025-01-01");
  }, 300_000);
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const flags = () =>
    s.handle.raw.query<{ id: number; person_id: string; figure: string; latest_figure: string; latest_flagged: string; status: string; claims: number }>(
      "select id, person_id, figure, latest_figure, latest_flagged, status, jsonb_array_length(claim_ids)::int as claims from monitoring_flags where year = 2025 order by figure",
    );
  const importFile = async (name: string, rows: string[][]) => {
    const path = await writeGb18030Csv(files.file(name), rows);
    const r = await importClaims(await contextOf(s, "yibao.clerk"), { path, fileName: name });
    expect(r.rejected).toEqual([]);
  };
  const stay = (id: string, person: TestPerson, date: string, scope: string, basic: string, critical: string) =>
    claimCells({ externalId: id, person, date, total: scope, scope, basic, critical });

  it("a claims import raises the flags of the person-years it touched, without a monitoring run", async () => {
    await importFile("first.csv", [
      stay("F-1", edgeOver, "2025-05-10", "50000", "25000", "4999.99"),
      stay("F-2", edgeAt, "2025-05-10", "50000", "25000", "5000"),
      stay("F-3", plainOver, "2025-05-10", "100000", "30000", "9999.99"),
    ]);
    expect((await flags()).map((f) => [f.person_id, f.figure, f.status])).toEqual([
      [edgeOver.id, "20000.01", "open"],
      [plainOver.id, "60000.01", "open"],
    ]);
  });

  it("no double flag: a run afterwards raises nothing; a later claim crossing the line raises that one flag at its import", async () => {
    expect(await runMonitoring(await contextOf(s, "yibao.manager"), { year: 2025 })).toMatchObject({ flagged: 2, new: 0 });
    await importFile("later.csv", [stay("F-4", edgeAt, "2025-09-01", "10", "0", "0"), stay("F-5", edgeOver, "2025-09-01", "10", "0", "0")]);
    const rows = await flags();
    expect(rows.map((f) => [f.person_id, f.figure, f.latest_figure, f.claims])).toEqual([
      // The existing flag keeps its basis (figure, claims) and shows the new figure.
      [edgeOver.id, "20000.01", "20010.01", 1],
      [edgeAt.id, "20010.00", "20010.00", 2],
      [plainOver.id, "60000.01", "60000.01", 1],
    ]);
    const once = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from (select person_id from monitoring_flags group by person_id, year, rule_id having count(*) > 1) d");
    expect(once[0]!.n).toBe(0);
  });

  it("new yearly parameters (a version activated with 80000 元) re-evaluate the year: no longer over, still open", async () => {
    await activatePolicy(s.handle.db, {
      preset: "jining-2023",
      division: "430524000000",
      activeFrom: "2025-01-01",
      policyId: "jining-2023-test",
      edit: (r) => {
        r.effectiveFrom = "2025-01-01";
        r.parameters.values.push(income("80000"));
      },
    });
    const rows = await flags();
    expect(rows.map((f) => [f.latest_flagged, f.status])).toEqual([["no", "open"], ["no", "open"], ["no", "open"]]);
  });

  it("the worklist by jurisdiction: a township clerk sees only the township's flags, masked, largest excess first", async () => {
    const county = await listFlags(await contextOf(s, "minzheng.clerk"), {});
    expect(county.total).toBe(3);
    const xiaoshajiang = await listFlags(await contextOf(s, "xiaoshajiang.clerk"), {});
    // By the latest figure's excess: 20010.01 before 20010.00.
    expect(xiaoshajiang.rows.map((r) => [r.figure, r.latestFigure])).toEqual([["20000.01", "20010.01"], ["20010.00", "20010.00"]]);
    expect(xiaoshajiang.rows.every((r) => r.personName !== edgeOver.name && r.personName.includes("*"))).toBe(true);
    const taohong = await listFlags(await contextOf(s, "taohong.clerk"), {});
    expect(taohong.rows.map((r) => r.figure)).toEqual(["60000.01"]);
    await expect(listFlags(await contextOf(s, "taohong.clerk"), { township: "430524101000" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(listFlags(await contextOf(s, "taohong.clerk"), { status: "maybe" })).rejects.toMatchObject({ field: "status" });
    await expect(listFlags(await contextOf(s, "caizheng.viewer"), {})).rejects.toMatchObject({ code: "forbidden" });
  });

  it("another township's flag: 403 to read and to handle, audited, and nothing changes", async () => {
    const edge = (await flags()).find((f) => f.person_id === edgeOver.id)!;
    await expect(getFlag(await contextOf(s, "taohong.clerk"), String(edge.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(recordFlagOutcome(await contextOf(s, "taohong.clerk"), String(edge.id), { outcome: "dismissed", reason: "测试越权" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await flags()).find((f) => f.id === edge.id)!.status).toBe("open");
    const refused = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action like 'monitoring.%' and outcome = 'refused' and object_id = $1", [String(edge.id)]);
    expect(refused[0]!.n).toBe(2);
    const own = await getFlag(await contextOf(s, "xiaoshajiang.clerk"), String(edge.id));
    expect(own).toMatchObject({ figure: "20000.01", latestFigure: "20010.01", stillOver: false, status: "open", canHandle: true });
    expect(own.claims.map((c) => c.externalId)).toEqual(["F-1"]);
  });

  it("an outcome closes the flag once, with its reason, audited in the same transaction", async () => {
    const edge = (await flags()).find((f) => f.person_id === edgeOver.id)!;
    const ctx = await contextOf(s, "minzheng.clerk");
    await expect(recordFlagOutcome(ctx, String(edge.id), { outcome: "dismissed", reason: "" })).rejects.toMatchObject({ field: "reason" });
    await expect(recordFlagOutcome(ctx, String(edge.id), { outcome: "application_opened", reason: "手工" })).rejects.toMatchObject({ field: "outcome" });
    await recordFlagOutcome(ctx, String(edge.id), { outcome: "dismissed", reason: "经核实为一次性意外伤害，家庭收入稳定" });
    await expect(recordFlagOutcome(ctx, String(edge.id), { outcome: "assistance_granted", reason: "重复" })).rejects.toMatchObject({ field: "outcome" });
    const [row] = await s.handle.raw.query<{ status: string; outcome: string; outcome_reason: string }>("select status, outcome, outcome_reason from monitoring_flags where id = $1", [edge.id]);
    expect(row).toEqual({ status: "closed", outcome: "dismissed", outcome_reason: "经核实为一次性意外伤害，家庭收入稳定" });
    const audits = await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log where action = 'monitoring.outcome' and outcome = 'success'");
    expect(audits[0]!.n).toBe(1);
    expect((await listFlags(ctx, { status: "closed" })).rows.map((r) => r.outcomeName)).toEqual(["排除（不属于因病返贫致贫风险）"]);
  });

  it("主动发现: the township clerk's intake from a flag loads the person, and accepting closes the flag with the case", async () => {
    // A fixed clock inside the shipped holiday schedules (the intake dates its deadline by it).
    const clerk: UseCaseContext = { ...(await contextOf(s, "taohong.clerk")), now: () => new Date("2026-11-18T02:00:00Z") };
    const rows = await flags();
    const plain = rows.find((f) => f.person_id === plainOver.id)!;
    const edge = rows.find((f) => f.person_id === edgeAt.id)!;
    await expect(getFlagForIntake(clerk, String(edge.id))).rejects.toMatchObject({ code: "forbidden" });
    await expect(getFlagForIntake(await contextOf(s, "minzheng.clerk"), String(plain.id))).rejects.toMatchObject({ code: "forbidden" });
    const intake = await getFlagForIntake(clerk, String(plain.id));
    expect(intake).toMatchObject({ personId: plainOver.id, year: 2025, figure: "60000.01" });
    expect(intake.claimIds).toHaveLength(1);
    const application = {
      acceptedOn: "2026-11-18",
      filerKind: "self",
      filerName: "",
      filerRelation: "本人",
      phone: "13812345678",
      diagnosisSummary: "慢性肾衰竭，规律透析",
      documents: ["identity", "certification", "diagnosis", "history", "receipts"].map((item) => ({ item, status: "supplied" })),
    };
    // Another person's flag is refused and nothing is written.
    await expect(acceptApplication(clerk, { ...application, personId: plainOver.id, flagId: String(edge.id) })).rejects.toMatchObject({ field: "flag" });
    expect(await s.handle.raw.query("select 1 from applications where person_id = $1", [plainOver.id])).toEqual([]);
    const created = await acceptApplication(clerk, { ...application, personId: intake.personId, flagId: String(plain.id) });
    const [row] = await s.handle.raw.query<{ status: string; outcome: string; application_id: string }>("select status, outcome, application_id from monitoring_flags where id = $1", [plain.id]);
    expect(row).toEqual({ status: "closed", outcome: "application_opened", application_id: created.id });
    expect((await getFlag(clerk, String(plain.id))).caseNo).toBe(created.caseNo);
    await expect(acceptApplication(clerk, { ...application, personId: intake.personId, flagId: String(plain.id) })).rejects.toMatchObject({ field: "flag" });
  });

  it("a correction that lowers the costs re-settles the year: the flag shows the lower figure, keeps its basis, and its state is unchanged", async () => {
    const [before] = (await flags()).filter((f) => f.person_id === edgeOver.id);
    expect(before!.latest_figure).toBe("20010.01");
    // F-1 re-sent with critical illness 6000.00 instead of 4999.99: a correction (same 结算流水号, other amounts).
    await importFile("correction.csv", [stay("F-1", edgeOver, "2025-05-10", "50000", "25000", "6000")]);
    const [after] = (await flags()).filter((f) => f.person_id === edgeOver.id);
    // 50000 − 25000 − 6000 = 19000.00, + F-5's 10.00 = 19010.00.
    expect(after).toMatchObject({ id: before!.id, figure: "20000.01", latest_figure: "19010.00", latest_flagged: "no", status: before!.status, claims: 1 });
    const shown = await getFlag(await contextOf(s, "minzheng.clerk"), after!.id);
    expect(JSON.stringify(shown)).toContain("19010.00");
  });
});
