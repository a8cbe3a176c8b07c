import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { listPayableApplications } from "@/lib/applications/payments/list-payable-applications";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { createBatchAction } from "../actions";
import { NewBatchForm } from "./new-batch-form";

export const metadata: Metadata = { title: "编制支付批次" };

export default async function NewBatchPage() {
  const result = await loadForPage(async () => listPayableApplications(await requireContext()));
  return (
    <>
      <PageHeader
        title="编制支付批次"
        description="勾选已审批待支付的案件编入一个批次（特事特办的排在前面，其余按支付期限）。编入后案件状态为“已列入支付批次”，同一案件不能列入两个批次。银行账号脱敏显示，导出代发文件时才显示完整账号并留痕。"
        actions={<Link href="/applications/batches" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">返回支付批次</Link>}
      />
      {!result.ok ? (
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
      ) : result.data.length === 0 ? (
        <p className="text-sm text-slate-500" data-testid="no-payable">目前没有已审批待支付的案件。</p>
      ) : (
        <NewBatchForm rows={result.data.map((r) => ({ ...r, key: `${r.id}:${r.version}`, approvedAmount: r.approvedAmount ?? "0.00" }))} action={createBatchAction} />
      )}
    </>
  );
}
