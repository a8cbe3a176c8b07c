import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { actionName } from "@/lib/audit/domain/action-names";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireContext } from "@/lib/auth/current-actor";
import { DEPARTMENT_NAMES, isDepartment } from "@/lib/departments/departments";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "审计日志" };

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "medium" });

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  const filters = { username: param(sp.username), action: param(sp.action), from: param(sp.from), to: param(sp.to) };
  const ctx = await requireContext();
  const result = await loadForPage(() => listAuditLog(ctx, { ...filters, page: pageParam(sp.page) }));
  return (
    <>
      <PageHeader title="审计日志" description="所有变更与被拒绝的操作，只增不改。时间为北京时间。" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label>用户名<input name="username" defaultValue={filters.username} className={`${inputClass} w-36`} /></label>
        <label>操作（前缀）<input name="action" defaultValue={filters.action} placeholder="如 users." className={`${inputClass} w-36`} /></label>
        <label>开始日期<input name="from" type="date" defaultValue={filters.from} className={inputClass} /></label>
        <label>结束日期<input name="to" type="date" defaultValue={filters.to} className={inputClass} /></label>
        <button className="rounded bg-brand-600 px-4 py-2 text-white">筛选</button>
      </form>
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : (
        <>
          <Table testId="audit-table">
            <thead>
              <tr><Th>时间</Th><Th>用户</Th><Th>部门</Th><Th>操作</Th><Th>对象</Th><Th>结果</Th><Th>变更摘要</Th><Th>IP / 终端</Th></tr>
            </thead>
            <tbody>
              {result.data.rows.map((r) => (
                <tr key={r.id}>
                  <Td className="whitespace-nowrap">{time.format(r.at)}</Td>
                  <Td>{r.username ?? "—"}</Td>
                  <Td>{r.department && isDepartment(r.department) ? DEPARTMENT_NAMES[r.department] : "—"}</Td>
                  <Td><span title={r.action}>{actionName(r.action)}</span></Td>
                  <Td className="font-mono text-xs">{r.objectType ? `${r.objectType}:${r.objectId ?? ""}` : "—"}</Td>
                  <Td>{r.outcome === "success" ? "成功" : <span className="font-medium text-red-700">拒绝</span>}</Td>
                  <Td className="max-w-xs font-mono text-xs break-all">{r.detail ? JSON.stringify(r.detail) : ""}</Td>
                  <Td className="max-w-[12rem] truncate text-xs text-slate-500" >{r.ip ?? ""} {r.userAgent ?? ""}</Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager page={result.data.page} hasMore={result.data.hasMore} params={filters} path="/audit" />
        </>
      )}
    </>
  );
}
