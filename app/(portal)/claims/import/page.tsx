import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { listClaimImports } from "@/lib/claims/list-claim-imports";
import { loadForPage } from "@/lib/http/page-errors";
import { uploadLimitBytes, uploadLimitMb } from "@/lib/uploads/upload-limit";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "导入结算记录" };

const time = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" });

export default async function ClaimsImportPage() {
  const result = await loadForPage(async () => listClaimImports(await requireContext()));
  if (!result.ok) return <p className="text-red-700">{result.error.message}</p>;
  return (
    <>
      <PageHeader
        title="导入结算记录"
        description="导入医保平台导出的结算记录（每行一次住院或门诊结算）。整个文件无误才会入账；每条记录按结算日期当天的救助类别和政策版本自动结算医疗救助。"
        actions={
          <a href="/claims/import/template" className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">
            下载导入模板
          </a>
        }
      />
      <ImportForm maxBytes={uploadLimitBytes()} maxMb={uploadLimitMb()} />
      <h2 className="mt-8 mb-2 font-medium">最近导入</h2>
      {result.data.length === 0 ? (
        <p className="text-sm text-slate-500">本辖区还没有导入过结算记录。</p>
      ) : (
        <Table testId="recent-imports">
          <thead>
            <tr><Th>文件</Th><Th>行数</Th><Th>导入人</Th><Th>时间</Th></tr>
          </thead>
          <tbody>
            {result.data.map((i) => (
              <tr key={i.id}>
                <Td>{i.fileName}</Td>
                <Td>{i.rows.toLocaleString("zh-CN")}</Td>
                <Td>{i.importedBy}</Td>
                <Td>{time.format(i.importedAt)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
