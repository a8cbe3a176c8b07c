import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Pager } from "@/components/ui/pager";
import { Table, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/auth/domain/can";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { pageParam, param } from "@/lib/http/search-params";
import { getRosterBoard } from "@/lib/rosters/get-roster-board";
import { listRosterSubmissions } from "@/lib/rosters/list-roster-submissions";
import { BoardTable } from "./_components/board-table";

export const metadata: Metadata = { title: "报送情况" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function RosterBoardPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  const board = await loadForPage(() => getRosterBoard(ctx));
  if (!board.ok) return <Notice tone="error" testId="page-error">{board.error.message}</Notice>;
  const month = param(sp.month);
  const history = await loadForPage(() => listRosterSubmissions(ctx, { month, page: pageParam(sp.page) }));
  const user = ctx.actor.user;
  const actions = (
    <>
      {can(user, "rosters.upload") ? <Link href="/rosters/upload" className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">上传名单</Link> : null}
      {can(user, "rosters.consolidate") ? <Link href="/rosters/consolidate" className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">汇总比对</Link> : null}
    </>
  );
  return (
    <>
      <PageHeader
        title="报送情况"
        description={`各部门每月5日前报送名单（遇法定节假日、休息日顺延），医保局在截止日后5个工作日内汇总比对。状态按北京时间今天（${board.data.today}）判断。`}
        actions={actions}
      />
      <BoardTable board={board.data} showConsolidation={user.department === "medical_security"} />

      <h2 className="mt-8 mb-3 text-lg font-semibold">报送记录</h2>
      <form method="get" className="mb-3 flex items-end gap-3">
        <label className="text-sm">
          名单月份
          <input name="month" type="month" defaultValue={month} className={`${inputClass} w-44`} />
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">筛选</button>
        {month ? <Link href="/rosters" className="py-2 text-sm text-brand-600 hover:underline">全部月份</Link> : null}
      </form>
      {!history.ok ? (
        <Notice tone="error" testId="history-error">{history.error.message}</Notice>
      ) : (
        <>
          <Table testId="submission-history">
            <thead>
              <tr><Th>报送时间</Th><Th>部门</Th><Th>名单月份</Th><Th>文件</Th><Th>行数</Th><Th>新增</Th><Th>减少</Th><Th>未变</Th><Th>报送人</Th><Th>是否按时</Th></tr>
            </thead>
            <tbody>
              {history.data.submissions.map((s) => (
                <tr key={s.id}>
                  <Td className="whitespace-nowrap">{s.submittedAt}</Td>
                  <Td>{s.departmentName}</Td>
                  <Td>{s.month}</Td>
                  <Td className="max-w-64 break-all">{s.fileName}</Td>
                  <Td>{s.rows.toLocaleString("zh-CN")}</Td>
                  <Td>{s.added.toLocaleString("zh-CN")}</Td>
                  <Td>{s.removed.toLocaleString("zh-CN")}</Td>
                  <Td>{s.unchanged.toLocaleString("zh-CN")}</Td>
                  <Td>{s.submittedBy ?? "命令行"}</Td>
                  <Td>{s.onTime === null ? "—" : s.onTime ? "按时" : "逾期"}</Td>
                </tr>
              ))}
              {history.data.submissions.length === 0 ? (
                <tr><Td className="text-slate-500">{month ? `${month} 还没有报送记录` : "还没有报送记录"}</Td></tr>
              ) : null}
            </tbody>
          </Table>
          <Pager page={history.data.page} hasMore={history.data.hasMore} params={{ month }} path="/rosters" />
        </>
      )}
    </>
  );
}
