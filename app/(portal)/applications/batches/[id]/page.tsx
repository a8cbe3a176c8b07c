import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { showPaymentBatch } from "@/lib/applications/payments/show-payment-batch";
import { requireContext } from "@/lib/auth/current-actor";
import { todayOf } from "@/lib/auth/context";
import { loadForPage } from "@/lib/http/page-errors";
import { cancelBatchAction, confirmPaidAction, failLineAction, removeLineAction } from "../actions";
import { CancelBatchForm, ConfirmPaidForm, FailLineForm, RemoveLineForm } from "./batch-forms";

export const metadata: Metadata = { title: "支付批次" };

// A line taken out of the batch (移出批次) stays on the page as history, struck through and outside the totals.
const struck = (status: string) => (status === "removed" ? "line-through text-slate-400" : "");

export default async function BatchPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ removed?: string | string[] }> }) {
  const { id } = await params;
  const removedParam = (await searchParams).removed;
  // Only a case number is echoed back (the action's redirect after 移出批次).
  const removed = typeof removedParam === "string" && /^[A-Z]{2}-\d{9}-\d{4}-\d{4}$/.test(removedParam) ? removedParam : null;
  const ctx = await requireContext();
  const result = await loadForPage(() => showPaymentBatch(ctx, id));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const b = result.data;
  const pending = b.lines.filter((l) => l.status === "pending");
  const canSettle = b.status !== "open" && pending.length > 0;
  return (
    <>
      <PageHeader
        title={`支付批次 ${b.batchNo}`}
        description={`编制日期 ${b.createdOn} · ${b.statusName} · 共 ${b.count} 笔，应付 ${b.total} 元，已支付 ${b.paidTotal} 元${b.removedCount > 0 ? `（另有 ${b.removedCount} 笔已移出）` : ""}`}
        actions={
          <>
            {pending.length > 0 ? <a href={`/applications/batches/${b.id}/export`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="export-link">下载代发文件（.xlsx）</a> : null}
            <Link href="/applications/batches" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">返回支付批次</Link>
          </>
        }
      />
      {removed && b.lines.some((l) => l.caseNo === removed && l.status === "removed") && !b.lines.some((l) => l.caseNo === removed && l.status !== "removed") ? (
        <Notice tone="success" testId="line-removed">已将 {removed} 移出本批次，案件恢复为“已审批待支付”，可编入其他批次。本批次现为 {b.count} 笔，应付 {b.total} 元。</Notice>
      ) : null}
      {b.status === "cancelled" ? (
        <Notice tone="info" testId="batch-cancelled">本批次已于 {b.cancelledOn} 作废：{b.cancelReason}。批次中的明细均已移出，未发送银行。</Notice>
      ) : null}
      {b.status === "open" && b.count > 0 ? <Notice tone="info">代发文件尚未下载。下载后批次为“已发送银行”，银行回单后在下方登记支付结果。代发文件含完整银行账号，下载会记入审计日志，请妥善保管。</Notice> : null}
      <div className="mt-4 space-y-6">
        <Table testId="batch-lines">
          <thead>
            <tr><Th>申请编号</Th><Th>申请人</Th><Th>开户行 / 账号</Th><Th className="text-right">金额（元）</Th><Th>状态</Th><Th>银行回单 / 退回原因</Th><Th></Th></tr>
          </thead>
          <tbody>
            {b.lines.map((l) => (
              <tr key={l.id} data-testid="batch-line" data-status={l.status}>
                <Td className={`whitespace-nowrap font-mono ${struck(l.status)}`}><Link className="text-brand-600 hover:underline" href={`/applications/${l.applicationId}`}>{l.caseNo}</Link></Td>
                <Td className={`whitespace-nowrap ${struck(l.status)}`}>{l.name}</Td>
                <Td className={`whitespace-nowrap ${struck(l.status)}`}>{l.bankName}<span className="block font-mono text-xs text-slate-600">{l.accountMasked}</span></Td>
                <Td className={`whitespace-nowrap text-right tabular-nums ${struck(l.status)}`}>{l.amount}</Td>
                <Td className={`whitespace-nowrap ${l.status === "failed" ? "text-red-700" : l.status === "paid" ? "text-emerald-700" : l.status === "removed" ? "text-slate-500" : ""}`}>{l.statusName}</Td>
                <Td className="text-sm">
                  {l.status === "paid" ? `${l.paidOn} · ${l.bankReference}` : l.status === "removed" ? (
                    <span data-testid="removed-reason">移出原因：{l.removedReason}<span className="block text-xs text-slate-500">{l.removedOn} · {l.removedByName ?? "系统"}</span></span>
                  ) : l.failureReason ?? ""}
                </Td>
                <Td>
                  {canSettle && l.status === "pending" ? <FailLineForm caseNo={l.caseNo} action={failLineAction.bind(null, b.id, l.id)} /> : null}
                  {b.status === "open" && l.status === "pending" ? <RemoveLineForm caseNo={l.caseNo} amount={l.amount} action={removeLineAction.bind(null, b.id, l.id)} /> : null}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
        <section className="max-w-2xl rounded border border-slate-200 bg-white p-4">
          <h2 className="mb-3 font-medium text-slate-800">登记银行回单</h2>
          {b.status === "open" && b.count === 0 && b.removedCount > 0 ? (
            <CancelBatchForm batchNo={b.batchNo} action={cancelBatchAction.bind(null, b.id)} />
          ) : canSettle ? (
            <ConfirmPaidForm lines={pending.map((l) => ({ id: l.id, caseNo: l.caseNo, name: l.name, amount: l.amount }))} today={todayOf(ctx)} action={confirmPaidAction.bind(null, b.id)} />
          ) : (
            <p className="text-sm text-slate-500">{b.status === "open" ? "下载代发文件、交银行办理后才能登记回单。" : b.status === "cancelled" ? "本批次已作废。" : "本批次已全部确认。"}</p>
          )}
        </section>
      </div>
    </>
  );
}
