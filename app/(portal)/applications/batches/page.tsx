import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { listPaymentBatches } from "@/lib/applications/payments/list-payment-batches";
import { BATCH_STATUS_NAMES } from "@/lib/applications/payments/show-payment-batch";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";

export const metadata: Metadata = { title: "支付批次" };

export default async function BatchesPage() {
  const result = await loadForPage(async () => listPaymentBatches(await requireContext()));
  return (
    <>
      <PageHeader
        title="支付批次"
        description="已审批的依申请救助案件编入支付批次，导出代发文件交银行；银行回单后逐批或逐笔确认支付。资金应在审批后 10 个工作日内支付到申请人账户。"
        actions={<Link href="/applications/batches/new" className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">编制新批次</Link>}
      />
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : result.data.length === 0 ? (
        <p className="text-sm text-slate-500">尚未编制支付批次。</p>
      ) : (
        <Table testId="batches-table">
          <thead>
            <tr><Th>批次号</Th><Th>编制日期</Th><Th>状态</Th><Th className="text-right">笔数</Th><Th className="text-right">已支付</Th><Th className="text-right">银行退回</Th><Th className="text-right">金额（元）</Th></tr>
          </thead>
          <tbody>
            {result.data.map((b) => (
              <tr key={b.id} data-testid="batch-row">
                <Td className="whitespace-nowrap font-mono"><Link className="text-brand-600 hover:underline" href={`/applications/batches/${b.id}`}>{b.batchNo}</Link></Td>
                <Td className="whitespace-nowrap">{b.createdOn}</Td>
                <Td className="whitespace-nowrap">{BATCH_STATUS_NAMES[b.status]}</Td>
                <Td className="text-right tabular-nums">{b.lines}</Td>
                <Td className="text-right tabular-nums">{b.paid}</Td>
                <Td className="text-right tabular-nums">{b.failed > 0 ? <span className="text-red-700">{b.failed}</span> : 0}</Td>
                <Td className="whitespace-nowrap text-right tabular-nums">{b.total}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
