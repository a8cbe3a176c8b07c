import { createHash } from "node:crypto";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportAuditLog, AUDIT_EXPORT_COLUMNS } from "@/lib/audit/export-audit-log";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import type { UseCaseContext } from "@/lib/auth/context";
import { revealIdNumber } from "@/lib/people/reveal-id-number";
import { maskName } from "@/lib/privacy/domain/mask-name";
import { createUser } from "@/lib/users/create-user";
import { drivers, type Scratch } from "../helpers/scratch-db";
import { contextOf, seededDb } from "../helpers/seeded";

// The audit page readable by people, and the security auditor's export of a
// period (网络安全法 §21: logs kept and handed to whoever audits them) with
// each row's link of the hash chain, checkable outside the portal.

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing

async function sheetRows(body: Buffer): Promise<Record<string, string | number | null>[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  expect(header).toEqual(AUDIT_EXPORT_COLUMNS.map((c) => c.header));
  const out: Record<string, string | number | null>[] = [];
  for (let i = 2; i <= ws.rowCount; i++) {
    const values = (ws.getRow(i).values as unknown[]).slice(1);
    if (values.length === 0 || values.every((v) => v === null || v === undefined)) break; // the blank line before the footer
    out.push(Object.fromEntries(AUDIT_EXPORT_COLUMNS.map((c, j) => [c.key, (values[j] ?? null) as string | number | null])));
  }
  return out;
}

describe.each(drivers())("the audit log in words, and its export by the security auditor (%s)", (driver) => {
  let s: Scratch;
  let auditor: UseCaseContext;
  let personName: string;
  let personId: string;

  beforeAll(async () => {
    s = await seededDb(driver);
    auditor = await contextOf(s, "shenji.auditor");
    await createUser(await contextOf(s, "admin"), {
      username: "caizheng.auditor", displayName: "财政审计", department: "finance", role: "auditor", jurisdiction: "430524000000", password: "Rk#8vPq2-Lmz",
    });
    const [p] = await s.handle.raw.query<{ id: string; name: string }>("select id, name from people order by id limit 1");
    personId = p!.id;
    personName = p!.name;
    await revealIdNumber(await contextOf(s, "yibao.reviewer"), personId);
  }, 300_000);
  afterAll(async () => s?.drop());

  it("names objects, actions, details and terminals in Chinese, and filters by a Chinese action name", async () => {
    const created = await listAuditLog(auditor, { action: "创建用户", page: 1 });
    expect(created.rows.map((r) => r.action)).toEqual(["users.create"]);
    const row = created.rows[0]!;
    expect(row.actionLabel).toBe("创建用户");
    expect(row.objectLabel).toBe("用户 财政审计（caizheng.auditor）");
    expect(row.detailLines).toContainEqual({ label: "变更后", value: expect.stringContaining("角色：安全审计员") });
    expect(row.detailLines.find((d) => d.label === "变更后")!.value).toContain("部门：财政局");
    expect(row.terminal).toBe("vitest");
    // A person by the masked name, as everywhere by default.
    const [reveal] = (await listAuditLog(auditor, { action: "查看完整身份证号", page: 1 })).rows;
    expect(reveal!.objectLabel).toBe(`人员 ${maskName(personName)}`);
    expect(reveal!.objectLabel).not.toContain(personId);
    // Codes still work as a prefix; a name nothing has is a field error.
    expect((await listAuditLog(auditor, { action: "users.", page: 1 })).rows.length).toBeGreaterThan(0);
    await expect(listAuditLog(auditor, { action: "不存在的操作", page: 1 })).rejects.toMatchObject({ field: "action" });
  });

  it("exports a period as .xlsx with every row's chain link, audited", async () => {
    const [{ n }] = (await s.handle.raw.query<{ n: number }>("select count(*)::int as n from audit_log")) as [{ n: number }];
    const { fileName, body } = await exportAuditLog(auditor, { from: today, to: today });
    expect(fileName).toBe(`审计日志-${today}至${today}.xlsx`);
    const rows = await sheetRows(body);
    expect(rows).toHaveLength(n); // the 医保 auditor reads every department's rows, and the system's
    expect(rows.map((r) => r.id)).toEqual([...rows.map((r) => r.id)].sort((a, b) => Number(a) - Number(b)));
    for (const r of rows) {
      expect(r.seq, `row ${r.id} chained`).not.toBeNull();
      const link = createHash("sha256").update(`${r.previousHash}:${r.seq}:${r.digest}`, "utf8").digest("hex");
      expect(link, `row ${r.id}`).toBe(r.hash);
    }
    expect(rows.find((r) => r.action === "people.reveal_id")).toMatchObject({ actionName: "查看完整身份证号（留痕）", outcome: "成功", userAgent: "vitest" });
    const [audit] = await s.handle.raw.query<{ username: string; object_id: string; detail: { from: string; to: string; rows: number } }>(
      "select username, object_id, detail from audit_log where action = 'audit.export' order by id desc limit 1",
    );
    expect(audit).toMatchObject({ username: "shenji.auditor", object_id: `${today}~${today}`, detail: { from: today, to: today, rows: n } });
  });

  it("gives another department's auditor only its own staff's rows", async () => {
    const finance = await contextOf(s, "caizheng.auditor");
    await exportAuditLog(finance, { from: today, to: today }); // a finance row: this export's own audit row
    const rows = await sheetRows((await exportAuditLog(finance, { from: today, to: today })).body);
    expect(rows.map((r) => r.action)).toEqual(["audit.export"]);
    expect(rows.filter((r) => r.department !== "财政局")).toEqual([]);
    expect(rows.some((r) => r.action === "people.reveal_id")).toBe(false);
  });

  it("is the auditor's alone, and needs both dates", async () => {
    await expect(exportAuditLog(await contextOf(s, "yibao.manager"), { from: today, to: today })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditLog(await contextOf(s, "admin"), { from: today, to: today })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditLog(auditor, { to: today })).rejects.toMatchObject({ field: "from" });
    await expect(exportAuditLog(auditor, { from: today })).rejects.toMatchObject({ field: "to" });
    await expect(exportAuditLog(auditor, { from: today, to: "2026-02-30" })).rejects.toMatchObject({ field: "to" });
  });
});
