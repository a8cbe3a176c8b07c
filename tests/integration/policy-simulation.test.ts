import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { importClaims } from "@/lib/claims/import-claims";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { copyPolicyVersion } from "@/lib/policies/copy-policy-version";
import { exportPolicySimulation } from "@/lib/policies/export-policy-simulation";
import { getSimulationDetail } from "@/lib/policies/get-simulation-detail";
import { savePolicyDraft } from "@/lib/policies/save-policy-draft";
import { simulatePolicyDraft } from "@/lib/policies/simulate-policy-draft";
import { findPolicyVersion } from "@/db/queries/policies";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { activatePolicy, claimCells, residents, setCategory, writeClaimsXlsx, type TestPerson } from "@/tests/helpers/claims-fixtures";
import { tempDir } from "@/tests/helpers/roster-files";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// 政策测算 on a small ledger counted by hand. 彭水's preset (001) is in force in
// the demo county from 2025-01-01 (with a 2025 income figure, 36000); the draft
// (its next version) raises 其他疾病住院救助 for 低保/特困 (other-high) from 80 %
// to 90 %. Claims (2025, each 52000 in scope, basic 31000):
//   steady (低保, 金石桥镇): critical computed (36000 × 50 % × 50 % = 9000 deductible, 65 %):
//     (52000 − 31000 − 9000) × 65 % = 7800; assistance (21000 − 7800) = 13200 × 80 % = 10560,
//     self-paid 2640 — under the draft 13200 × 90 % = 11880, self-paid 1320.
//   plain (no category, 金石桥镇): critical 2500 given, no assistance: self-paid 18500 under both.
//   away (低保, 桃洪镇): the same claim as steady: 10560 → 11880.
// Assistance fund: 21120 → 23760 (+2640); self-paid 2640 + 18500 + 2640 = 23780 → 21140.

const withIncome = (r: PolicyRecord) =>
  r.parameters.values.push({ year: 2025, name: "priorYearIncome", value: "36000", source: { doc: "001", paragraph: "§二(二)2", defaulted: true, note: "测试值" } });

const COUNTY = "430524000000";
const JINSHIQIAO = "430524102000";

describe.each(drivers())("政策测算 on %s", (driver) => {
  let s: Scratch;
  let files: Awaited<ReturnType<typeof tempDir>>;
  let steady: TestPerson;
  let plain: TestPerson;
  let away: TestPerson;
  let draftRef: { policyId: string; version: string };
  const period = { from: "2025-01-01", to: "2025-12-31" };

  beforeAll(async () => {
    s = await seededDb(driver);
    files = await tempDir();
    const db = s.handle.db;
    const active = await activatePolicy(db, { preset: "pengshui-2023", division: COUNTY, activeFrom: "2025-01-01", edit: withIncome });
    const manager = { db, actor: systemActor("medical_security", COUNTY, "manager") };
    const draft = await copyPolicyVersion(manager, { policyId: active.policyId, version: active.version }, { targetPolicyId: active.policyId, name: "彭水测试草案（提高比例）" });
    const record = structuredClone((await findPolicyVersion(db, draft.policyId, draft.version))!.record) as unknown as PolicyRecord;
    record.assistance.rules.find((r) => r.id === "other-high")!.ratioPercent = "90";
    await savePolicyDraft(manager, draft, { json: JSON.stringify(record) });
    draftRef = { policyId: draft.policyId, version: String(draft.version) };

    [steady, plain] = (await residents(db, "4305241022", 2)) as [TestPerson, TestPerson];
    [away] = (await residents(db, "4305241002", 1)) as [TestPerson];
    await setCategory(db, [steady, away], "dibao", "2024-01-01");
    const stay = { total: "55000", scope: "52000", basic: "31000" };
    const r = await importClaims(await contextOf(s, "yibao.clerk"), {
      path: await writeClaimsXlsx(files.file("2025.xlsx"), [
        claimCells({ externalId: "SIM-1", person: steady, date: "2025-04-01", ...stay }),
        claimCells({ externalId: "SIM-2", person: plain, date: "2025-03-10", ...stay, critical: "2500" }),
        claimCells({ externalId: "SIM-3", person: away, date: "2025-05-20", ...stay }),
        // Outside the period: never counted.
        claimCells({ externalId: "SIM-4", person: steady, date: "2026-02-01", ...stay, critical: "2500" }),
      ]),
      fileName: "2025.xlsx",
    });
    expect(r.rejected).toEqual([]);
  });
  afterAll(async () => {
    await s?.drop();
    await files?.remove();
  });

  const counts = async () => {
    const [r] = await s.handle.raw.query<Record<string, number>>(
      `select (select count(*) from claim_settlements)::int as settlements, (select count(*) from subsidies)::int as subsidies, (select count(*) from claims)::int as claims,
              (select count(*) from audit_log where action = 'policies.simulate')::int as audits, (select count(*) from audit_log where action = 'policies.simulate_export')::int as exports`,
    );
    return r!;
  };

  it("settles the period under the draft and the version in force, and stores nothing but the audit row", async () => {
    const before = await counts();
    const report = await simulatePolicyDraft(await contextOf(s, "yibao.manager"), draftRef, period);
    const sum = report.summary;
    expect(sum).toMatchObject({ people: 3, claims: 3, paying: { more: 0, less: 2, same: 1 } });
    expect(sum.totals.current).toEqual({ basic: "93000.00", critical: "18100.00", assistance: "21120.00", tilted: "0.00", selfPaid: "23780.00" });
    expect(sum.totals.draft).toEqual({ basic: "93000.00", critical: "18100.00", assistance: "23760.00", tilted: "0.00", selfPaid: "21140.00" });
    expect(sum.fund).toEqual({ current: "21120.00", draft: "23760.00", diff: "2640.00" });
    expect(sum.byCategory.map((b) => [b.name, b.claims, b.diff.assistance])).toEqual([["低保对象", 2, "2640.00"], ["普通参保人员", 1, "0.00"]]);
    expect(sum.byTownship.map((b) => [b.name, b.claims, b.current.assistance, b.draft.assistance])).toEqual([
      ["桃洪镇", 1, "10560.00", "11880.00"],
      ["金石桥镇", 2, "10560.00", "11880.00"],
    ]);
    expect(sum.reasons).toEqual([{ text: "医疗救助比例 80% → 90%", claims: 2 }]);
    expect(sum.largest).toHaveLength(2);
    expect(sum.largest[0]).toMatchObject({ selfPaidChange: "-1320.00", current: { fund: "10560.00", selfPaid: "2640.00" }, draft: { fund: "11880.00", selfPaid: "1320.00" } });
    expect(sum.largest.map((p) => p.idNumber).sort()).toEqual([away, steady].map((p) => `${p.idNumber.slice(0, 6)}********${p.idNumber.slice(-4)}`).sort());
    expect(sum.largest[0]!.name).toContain("*");
    expect(sum.problems.personYears).toBe(0);
    expect(report.inForce).toHaveLength(1);

    const after = await counts();
    expect(after).toEqual({ ...before, audits: before.audits! + 1 });
    const [audit] = await s.handle.raw.query<{ object_id: string; detail: Record<string, unknown> }>(
      `select object_id, detail from audit_log where action = 'policies.simulate' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ object_id: `${draftRef.policyId}/v${draftRef.version}`, detail: { from: "2025-01-01", to: "2025-12-31", claims: 3, fundDiff: "2640.00" } });
  });

  it("keeps to the jurisdiction: a township's manager sees only that township's people", async () => {
    const township = { db: s.handle.db, actor: systemActor("medical_security", JINSHIQIAO, "manager") };
    const sum = (await simulatePolicyDraft(township, draftRef, period)).summary;
    expect(sum).toMatchObject({ people: 2, claims: 2, fund: { current: "10560.00", draft: "11880.00", diff: "1320.00" } });
    expect(sum.byTownship.map((b) => b.name)).toEqual(["金石桥镇"]);
    await expect(getSimulationDetail(township, draftRef, away.id, period)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses who may not edit policy, an active version and a bad period, with the field named", async () => {
    await expect(simulatePolicyDraft(await contextOf(s, "yibao.clerk"), draftRef, period)).rejects.toMatchObject({ code: "forbidden" });
    const manager = await contextOf(s, "yibao.manager");
    await expect(simulatePolicyDraft(manager, { ...draftRef, version: String(Number(draftRef.version) - 1) }, period)).rejects.toMatchObject({ field: "version" });
    await expect(simulatePolicyDraft(manager, draftRef, { from: "2025-13-01", to: "2025-12-31" })).rejects.toMatchObject({ field: "from" });
    await expect(simulatePolicyDraft(manager, draftRef, { from: "2025-06-01", to: "2025-01-01" })).rejects.toMatchObject({ field: "to" });
  });

  it("opens one person's claims with both traces and why they differ", async () => {
    const d = await getSimulationDetail(await contextOf(s, "yibao.manager"), draftRef, steady.id, period);
    expect(d.problem).toBeNull();
    expect(d.claims).toHaveLength(1);
    expect(d.claims[0]).toMatchObject({ externalId: "SIM-1", current: { assistance: "10560.00", categoryName: "低保对象" }, draft: { assistance: "11880.00" }, reasons: ["医疗救助比例 80% → 90%"] });
    expect(d.claims[0]!.current.trace.find((e) => e.tier === "assistance")?.ratio).toBe("80%");
    expect(d.claims[0]!.draft.trace.find((e) => e.tier === "assistance")?.ratio).toBe("90%");
  });

  it("exports the tables as .xlsx, audited", async () => {
    const before = await counts();
    const file = await exportPolicySimulation(await contextOf(s, "yibao.manager"), draftRef, period);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "按类别", "按乡镇", "变化最大", "变化原因"]);
    const rows = book.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
    expect(rows.find((r) => String(r[1]).startsWith("医疗救助资金支出"))?.slice(2, 5)).toEqual(["21120.00", "23760.00", "2640.00"]);
    expect(await counts()).toEqual({ ...before, exports: before.exports! + 1 });
  });
});
