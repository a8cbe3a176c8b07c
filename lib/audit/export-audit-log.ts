import "server-only";
import { auditRowsForExport, type AuditExportRow, type AuditScope } from "@/db/queries/audit";
import type { Db } from "@/db";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { isDepartment, DEPARTMENT_NAMES } from "@/lib/departments/departments";
import { ValidationError } from "@/lib/errors/app-error";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue } from "@/lib/export/domain/sheet";
import { BEIJING_OFFSET_MS } from "@/lib/calendar/domain/iso-date";
import { auditScope, type AuditCriteria } from "./audit-scope";
import { actionName } from "./domain/action-names";

const BATCH = 2000;

export const AUDIT_EXPORT_COLUMNS = [
  { header: "记录号", key: "id", width: 10 },
  { header: "时间（北京时间）", key: "at", width: 20 },
  { header: "用户名", key: "username", width: 16 },
  { header: "部门", key: "department", width: 14 },
  { header: "操作", key: "actionName", width: 30 },
  { header: "操作代码", key: "action", width: 26 },
  { header: "对象类型", key: "objectType", width: 14 },
  { header: "对象编号", key: "objectId", width: 38 },
  { header: "结果", key: "outcome", width: 8 },
  { header: "详情（JSON）", key: "detail", width: 50 },
  { header: "IP", key: "ip", width: 16 },
  { header: "终端（User-Agent）", key: "userAgent", width: 40 },
  { header: "链序号", key: "seq", width: 10 },
  { header: "前一哈希", key: "previousHash", width: 66 },
  { header: "本行摘要", key: "digest", width: 66 },
  { header: "链哈希", key: "hash", width: 66 },
];

export const AUDIT_EXPORT_NOTE =
  "核对方法：链哈希 = SHA-256(前一哈希 + \":\" + 链序号 + \":\" + 本行摘要)，十六进制小写；本行摘要是数据库函数 audit_row_text 对该行各字段的编码的 SHA-256。整条链用命令 audit verify 校验（docs/cli.md）。链序号为空的行未进入哈希链（触发器被关闭时写入），应视为异常。";

/** `2026-12-01 23:10:05` in Beijing time. */
function beijingSecond(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19).replace("T", " ");
}

function cellsOf(r: AuditExportRow): Record<string, CellValue> {
  return {
    id: r.id,
    at: beijingSecond(r.at),
    username: r.username,
    department: r.department && isDepartment(r.department) ? DEPARTMENT_NAMES[r.department] : r.department,
    actionName: actionName(r.action),
    action: r.action,
    objectType: r.objectType,
    objectId: r.objectId,
    outcome: r.outcome === "success" ? "成功" : "拒绝",
    detail: r.detail === null ? null : JSON.stringify(r.detail),
    ip: r.ip,
    userAgent: r.userAgent,
    seq: r.seq,
    previousHash: r.previousHash,
    digest: r.digest,
    hash: r.hash,
  };
}

async function* rowsOf(db: Db, scope: AuditScope): AsyncGenerator<Record<string, CellValue>> {
  let after = 0;
  for (;;) {
    const batch = await auditRowsForExport(db, scope, after, BATCH);
    for (const r of batch) yield cellsOf(r);
    if (batch.length < BATCH) return;
    after = batch[batch.length - 1]!.id;
  }
}

/**
 * The audit log of a period as .xlsx for the security auditor (网络安全法
 * §21: logs kept six months and handed to whoever audits them): the rows the
 * auditor may read (audit-scope.ts) under the page's filters, oldest first,
 * each with its link of the hash chain so it can be checked outside the
 * portal. Both dates are required. Audited as audit.export with the period
 * and the row count, and stamped with the exporter.
 */
export async function exportAuditLog(ctx: UseCaseContext, q: AuditCriteria): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "audit.export", { objectType: "audit_log" });
  if (!q.from) throw new ValidationError("from", "导出审计日志须填写开始日期");
  if (!q.to) throw new ValidationError("to", "导出审计日志须填写结束日期");
  const scope = auditScope(ctx, q);
  const filters = { from: q.from, to: q.to, ...(scope.username ? { username: scope.username } : {}), ...(q.action?.trim() ? { action: q.action.trim() } : {}) };
  const body = await auditedXlsx(
    ctx,
    [{
      name: "审计日志",
      columns: AUDIT_EXPORT_COLUMNS,
      rows: rowsOf(ctx.db, scope),
      footer: [`范围：${q.from} 至 ${q.to}（北京时间）${scope.department === undefined ? "，全部部门" : `，${DEPARTMENT_NAMES[scope.department as keyof typeof DEPARTMENT_NAMES] ?? scope.department}人员的操作`}。`, AUDIT_EXPORT_NOTE],
    }],
    { action: "audit.export", objectType: "audit_log", objectId: `${q.from}~${q.to}`, detail: filters },
  );
  return { fileName: `审计日志-${q.from}至${q.to}.xlsx`, body };
}
