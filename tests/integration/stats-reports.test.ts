import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UseCaseContext } from "@/lib/auth/context";
import { systemActor } from "@/lib/auth/domain/system-actor";
import { ForbiddenError, ValidationError } from "@/lib/errors/app-error";
import { exportReport } from "@/lib/statistics/reports/export-report";
import { getMonthlyReport } from "@/lib/statistics/reports/get-monthly-report";
import { getQuarterlyReport } from "@/lib/statistics/reports/get-quarterly-report";
import { drivers } from "../helpers/scratch-db";
import { COUNTY, NOW, TAOHONG, XIAOSHAJIANG, statsFixture, type StatsFixture } from "./stats-fixture";

// The quarterly report (政策落实和资金使用情况) of 隆回县 for 2026-Q4 on the hand-counted
// fixture (stats-fixture.ts), both drivers. Counted by hand:
// Coverage on 2026-12-02 (today, before the quarter's end): P1 dibao, P2 dibao, P3 monitored
//   (桃洪: 金田 now), P4 tekun (小沙江); P5 left dibao_edge on 10-31. Enrolled 2026: P1, P2, P3.
//   桃洪 3 / 3 = 100.00 gap 0; 小沙江 1 / 0 = 0.00 gap ceil(0.99) = 1; 合计 4 / 3 = 75.00, gap ceil(3.96) − 3 = 1.
// Subsidy 2026 (people now there): 桃洪 P1 342/38 + P2 380/0 + P3 266/114 = 3, 988.00 / 152.00;
//   小沙江 P5 190/190; 合计 4, 1178.00 / 342.00.
// Shares of the policy-scope cost (Q4 claims, current settlement):
//   桃洪 C1 + C2: 9400; basic 5600 → 59.57; critical 0 → 0.00; assistance 2660 → 28.30; self 1140 → 12.13
//   小沙江 C3: 25000; 15000 → 60.00; 3000 → 12.00; 4900 + 600 → 22.00; 1500 → 6.00
//   合计 34400; 20600 → 59.88; 3000 → 8.72; 7560 + 600 = 8160 → 23.72; 2640 → 7.67
// Funds: 2026 subsidy by source 908.00 / 270.00 / 342.00; assistance 7560.00, tilted 600.00;
//   医疗救助资金合计 908 + 7560 + 600 = 9068.00.
// Timeliness of the cases accepted in Q4 (A1, A2, A3): township 2 done, 1 on time, 1 late, 1 open
//   and overdue → 50.00; county 1/1 → 100.00; payment 1/1 → 100.00.

describe.each(drivers())("reports on %s", (driver) => {
  let f: StatsFixture;
  let manager: UseCaseContext;

  beforeAll(async () => {
    f = await statsFixture(driver);
    manager = { db: f.s.handle.db, actor: systemActor("medical_security", COUNTY, "manager"), now: () => NOW };
  }, 120_000);
  afterAll(async () => {
    await f?.s.drop();
  });

  it("quarterly 2026-Q4 for the county: rows per township and 合计, hand-counted", async () => {
    const r = await getQuarterlyReport(manager, { period: "2026-Q4" });
    expect({ title: r.title, office: r.office, label: r.period.label, preparer: r.preparer, on: r.preparedOn }).toEqual({
      title: "医保扶贫政策落实和资金使用情况（季报）",
      office: "隆回县医疗保障局",
      label: "2026年第4季度",
      preparer: "系统",
      on: "2026-12-02",
    });
    expect(r.tables.map((t) => t.id)).toEqual(["coverage", "shares", "funds", "timeliness"]);
    const cells = (id: string) => r.tables.find((t) => t.id === id)!.rows.map((row) => row.cells);
    expect(cells("coverage")).toEqual([
      { division: "桃洪镇", assisted: 3, enrolled: 3, notEnrolled: 0, rate: "100.00", gap: 0, subsidized: 3, subsidy: "988.00", personal: "152.00" },
      { division: "小沙江镇", assisted: 1, enrolled: 0, notEnrolled: 1, rate: "0.00", gap: 1, subsidized: 1, subsidy: "190.00", personal: "190.00" },
      { division: "合计", assisted: 4, enrolled: 3, notEnrolled: 1, rate: "75.00", gap: 1, subsidized: 4, subsidy: "1178.00", personal: "342.00" },
    ]);
    expect(cells("shares")).toEqual([
      { division: "桃洪镇", policyScopeCost: "9400.00", basic: "59.57", critical: "0.00", assistance: "28.30", selfPaid: "12.13" },
      { division: "小沙江镇", policyScopeCost: "25000.00", basic: "60.00", critical: "12.00", assistance: "22.00", selfPaid: "6.00" },
      { division: "合计", policyScopeCost: "34400.00", basic: "59.88", critical: "8.72", assistance: "23.72", selfPaid: "7.67" },
    ]);
    expect(cells("funds").map((c) => c.amount)).toEqual(["908.00", "270.00", "342.00", "7560.00", "600.00", "9068.00"]);
    expect(cells("timeliness")).toEqual([
      { step: "乡镇审核", done: 2, onTime: 1, late: 1, open: 1, overdue: 1, onTimeRate: "50.00" },
      { step: "县级审核", done: 1, onTime: 1, late: 0, open: 0, overdue: 0, onTimeRate: "100.00" },
      { step: "资金支付", done: 1, onTime: 1, late: 0, open: 0, overdue: 0, onTimeRate: "100.00" },
    ]);
  });

  it("a township manager gets villages and the township government as the office; another township is refused", async () => {
    const township = { db: f.s.handle.db, actor: systemActor("township", TAOHONG, "manager"), now: () => NOW };
    const r = await getMonthlyReport(township, { period: "2026-11" });
    expect(r.office).toBe("桃洪镇人民政府");
    expect(r.tables[0]!.rows.map((row) => row.cells.division)).toEqual(["松岭村", "金田村", "合计"]);
    await expect(getQuarterlyReport(township, { division: XIAOSHAJIANG, period: "2026-Q4" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("the .xlsx: a sheet per table with the page's rows, the header lines and the exporter's footer, audited", async () => {
    const { fileName, body } = await exportReport(manager, { report: "quarterly", period: "2026-Q4" });
    expect(fileName).toBe("医保扶贫政策落实和资金使用情况（季报）-隆回县-2026年第4季度.xlsx");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["1.参保和资助参保情况", "2.政策范围内费用各项支付比例", "3.资金使用情况", "4.办理时限落实情况"]);
    const first = wb.worksheets[0]!;
    const values = (n: number) => (first.getRow(n).values as unknown[]).slice(1);
    expect(values(4)).toEqual(["合计", 4, 3, 1, 75, 1, 4, 1178, 342]);
    const texts: string[] = [];
    first.eachRow((r) => texts.push(String((r.values as unknown[])[1] ?? "")));
    expect(texts).toContain("填报单位：隆回县医疗保障局；报告期：2026年第4季度；填报人：系统；填报日期：2026-12-02。");
    expect(texts.some((t) => t.startsWith("导出人：系统"))).toBe(true);
    const audit = (await f.s.handle.raw.query("select action, object_id, detail from audit_log where action = 'stats.export_report'")) as { action: string; object_id: string; detail: { report: string; rows: number } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ object_id: `${COUNTY}:quarterly:2026-10-01`, detail: { report: "quarterly", rows: 3 } });
  });

  it("a period of the wrong kind is a message naming the field", async () => {
    await expect(getQuarterlyReport(manager, { period: "2026-11" })).rejects.toThrow(ValidationError);
    await expect(getQuarterlyReport(manager, { period: "2026-11" })).rejects.toThrow(/报告期（period）应为一个季度/);
  });
});
