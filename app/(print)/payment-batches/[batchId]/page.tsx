import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { getPaymentBatchList } from "@/lib/applications/forms/get-payment-batch-list";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { FormError, FormHead, PrintFrame } from "../../form-parts";

export const metadata: Metadata = { title: "医疗救助资金支付批次清单" };

export default async function PaymentBatchListPage({ params }: { params: Promise<{ batchId: string }> }) {
  const { batchId } = await params;
  const back = "/applications";
  const result = await loadForPage(async () => getPaymentBatchList(await requireContext(), batchId));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const f = result.data;
  return (
    <PrintFrame back={back}>
      <FormHead office={f.office} title="医疗救助资金支付批次清单" left={`批次号：${f.batchNo}`} right={`制单日期：${chineseDate(f.createdOn)}\u3000状态：${f.statusName}`} />
      <table className="form-table lines" data-testid="batch-list" style={{ fontSize: "10pt" }}>
        <thead>
          <tr>
            <th style={{ width: "13mm" }}>序号</th>
            <th style={{ width: "17mm" }}>户名</th>
            <th style={{ width: "38mm" }}>账号</th>
            <th>开户行</th>
            <th style={{ width: "25mm" }}>金额（元）</th>
            <th style={{ width: "39mm" }}>申请编号</th>
          </tr>
        </thead>
        <tbody>
          {f.lines.map((l) => (
            <tr key={l.n} className={l.failed ? "strike" : undefined}>
              <td className="num">{l.n}</td>
              <td>{l.holder}</td>
              <td style={{ whiteSpace: "nowrap" }}>{l.account}</td>
              <td>{l.bankName}</td>
              <td className="num">{l.amount}</td>
              <td style={{ whiteSpace: "nowrap", fontSize: "8pt" }}>{l.caseNo}{l.failed ? `（${l.statusName}）` : ""}</td>
            </tr>
          ))}
          <tr>
            <td colSpan={4}>合计：{f.count} 笔{f.lines.length > f.count ? `（另有 ${f.lines.length - f.count} 笔支付失败，不计入）` : ""}</td>
            <td className="num">{f.total}</td>
            <td />
          </tr>
        </tbody>
      </table>
      <p className="small" style={{ marginTop: "2mm" }}>账号仅显示前后四位，完整账号见银行代发文件。打印日期：{chineseDate(f.printedOn)}</p>
      <div className="sign-grid">
        <div>经办人：</div>
        <div>复核人：</div>
        <div>负责人：</div>
      </div>
      <div className="seal"><span className="stamp">（单位印章）</span></div>
    </PrintFrame>
  );
}
