import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { namedActions } from "@/lib/audit/domain/action-names";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireContext } from "@/lib/auth/current-actor";
import { can } from "@/lib/auth/domain/can";
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
  const mayExport = can(ctx.actor.user, "audit.export");
  const exportQuery = new URLSearchParams(Object.entries(filters).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return (
    <>
      <PageHeader title="审计日志" description="所有变更、查阅个人信息与被拒绝的操作，只增不改，保存不少于六个月。时间为北京时间。" />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3 text-sm">
        <label>用户名<input name="username" defaultValue={filters.username} className={`${inputClass} w-36`} /></label>
        <label>
          操作
          <input name="action" list="audit-actions" defaultValue={filters.action} placeholder="如 导出、登录、审核" className={`${inputClass} w-56`} />
          <datalist id="audit-actions">
            {namedActions().map((a) => <option key={a.code} value={a.name} />)}
          </datalist>
        </label>
        <label>开始日期<input name="from" type="date" defaultValue={filters.from} className={inputClass} /></label>
        <label>结束日期<input name="to" type="date" defaultValue={filters.to} className={inputClass} /></label>
        <button className="rounded bg-brand-600 px-4 py-2 text-white">筛选</button>
        {mayExport ? (
          filters.from && filters.to ? (
            <a href={`/audit/export?${exportQuery}`} className="rounded border border-brand-600 px-4 py-2 text-brand-700 hover:bg-brand-50" data-testid="audit-export">
              导出本期间（Excel，含哈希链）
            </a>
          ) : (
            <span className="py-2 text-slate-500">导出：先选开始和结束日期并筛选</span>
          )
        ) : null}
      </form>
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : (
        <>
          <Table testId="audit-table">
            <thead>
              <tr><Th>时间</Th><Th>用户</Th><Th>操作</Th><Th>对象</Th><Th>结果</Th><Th>内容</Th><Th>IP / 终端</Th></tr>
            </thead>
            <tbody>
              {result.data.rows.map((r) => (
                <tr key={r.id} className="align-top">
                  <Td className="whitespace-nowrap">{time.format(r.at)}</Td>
                  <Td className="whitespace-nowrap">
                    <div data-field="username">{r.username ?? "—"}</div>
                    {r.department && isDepartment(r.department) ? <div className="text-xs text-slate-500">{DEPARTMENT_NAMES[r.department]}</div> : null}
                  </Td>
                  <Td className="min-w-[10rem]"><span title={r.action}>{r.actionLabel}</span></Td>
                  <Td className="min-w-[9rem] break-words">{r.objectLabel ?? "—"}</Td>
                  <Td className="whitespace-nowrap">{r.outcome === "success" ? "成功" : <span className="font-medium text-red-700">拒绝</span>}</Td>
                  <Td className="min-w-[14rem] max-w-sm text-xs">
                    {r.detailLines.map((d, i) => (
                      <div key={i} className="break-all"><span className="text-slate-500">{d.label}：</span>{d.value}</div>
                    ))}
                  </Td>
                  {/* Wraps ("Chrome 156 · Linux" on two lines) so the table fits 1280 px beside the navigation. */}
                  <Td className="min-w-[6.5rem] text-xs text-slate-600">
                    {r.ip ?? "—"}
                    {r.terminal ? <div title={r.userAgent ?? undefined}>{r.terminal}</div> : null}
                  </Td>
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
