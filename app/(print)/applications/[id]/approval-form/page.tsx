import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { getApprovalForm } from "@/lib/applications/forms/get-approval-form";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { FormError, FormHead, PrintFrame, SignLine } from "../../../form-parts";

export const metadata: Metadata = { title: "医疗救助申请审批表" };

export default async function ApprovalFormPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/applications/${id}`;
  const result = await loadForPage(async () => getApprovalForm(await requireContext(), id));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const f = result.data;
  return (
    <PrintFrame back={back}>
      <FormHead office={f.office} title="医疗救助申请审批表" left={`申请编号：${f.caseNo}`} right={`受理日期：${chineseDate(f.acceptedOn)}`} />
      <table className="form-table" data-testid="approval-form">
        <tbody>
          <tr>
            <th>申请人</th>
            <td>{f.applicant.name}</td>
            <th>身份证号</th>
            <td colSpan={3}>{f.applicant.idMasked}</td>
          </tr>
          <tr>
            <th>户籍地</th>
            <td>{f.applicant.place}</td>
            <th>救助类别</th>
            <td>{f.applicant.categoryName}</td>
            <th>联系电话</th>
            <td>{f.phoneMasked}</td>
          </tr>
          <tr>
            <th>申请方式</th>
            <td colSpan={3}>{f.filer}</td>
            <th>受理乡镇</th>
            <td>{f.townshipName}</td>
          </tr>
          <tr>
            <th>收款账户</th>
            <td colSpan={5}>{f.bank}</td>
          </tr>
          <tr>
            <th>诊断情况</th>
            <td colSpan={5}>{f.diagnosis}{f.urgent ? `（特事特办：${f.urgent}）` : ""}</td>
          </tr>
        </tbody>
      </table>
      <h2 style={{ fontSize: "11pt", margin: "4mm 0 1mm" }}>本年度医疗费用（元）</h2>
      <table className="form-table lines">
        <thead>
          <tr>
            <th style={{ width: "22mm" }}>结算日期</th>
            <th style={{ width: "12mm" }}>类别</th>
            <th>医疗机构</th>
            <th style={{ width: "24mm" }}>总费用</th>
            <th style={{ width: "24mm" }}>政策范围内</th>
            <th style={{ width: "22mm" }}>基本医保</th>
            <th style={{ width: "20mm" }}>大病保险</th>
          </tr>
        </thead>
        <tbody>
          {f.claims.length === 0 ? (
            <tr><td colSpan={7} className="muted">未勾选结算记录</td></tr>
          ) : (
            f.claims.map((c, i) => (
              <tr key={i}>
                <td>{c.date}</td>
                <td>{c.setting}</td>
                <td>{c.hospital}</td>
                <td className="num">{c.total}</td>
                <td className="num">{c.scope}</td>
                <td className="num">{c.basic}</td>
                <td className="num">{c.critical}</td>
              </tr>
            ))
          )}
          <tr>
            <td colSpan={3}>合计（{f.claims.length} 笔；个人负担 {f.totals.ownShare}）</td>
            <td className="num">{f.totals.total}</td>
            <td className="num">{f.totals.scope}</td>
            <td className="num">{f.totals.basic}</td>
            <td className="num">{f.totals.critical}</td>
          </tr>
        </tbody>
      </table>
      <table className="form-table wide" style={{ marginTop: "4mm" }}>
        <tbody>
          <tr>
            <th>入户调查情况</th>
            <td>
              {f.survey ? (
                <>
                  <div>{chineseDate(f.survey.on)}，{f.survey.visitors}入户调查：</div>
                  <div>{f.survey.findings}</div>
                </>
              ) : (
                <span className="muted">尚未登记入户调查</span>
              )}
            </td>
          </tr>
          <tr>
            <th>乡镇审核意见</th>
            <td>
              <div className="opinion">
                <div>{f.township?.opinion ?? ""}</div>
                <SignLine who={`经办人${f.township?.by ? `（${f.township.by}）` : ""}`} on={f.township?.on} seal />
              </div>
            </td>
          </tr>
          <tr>
            <th>县级审核意见</th>
            <td>
              <div className="opinion">
                <div>{f.county?.opinion ?? ""}</div>
                <div>
                  按政策计算救助金额：{f.amounts.computed ?? <span className="blank" />}{"\u3000"}核定救助金额：{f.amounts.approved ?? <span className="blank" />}
                  {f.amounts.overrideReason ? `（调整理由：${f.amounts.overrideReason}）` : ""}
                </div>
                {f.policyName ? <div className="small">适用政策：{f.policyName}</div> : null}
                <SignLine who={`审核人${f.county?.by ? `（${f.county.by}）` : ""}`} on={f.county?.on} />
                <SignLine who="负责人" seal />
              </div>
            </td>
          </tr>
        </tbody>
      </table>
      <p className="small" style={{ marginTop: "3mm" }}>当前状态：{f.stateName}{"\u3000"}打印日期：{chineseDate(f.printedOn)}{"\u3000"}本表一式两份，乡镇（街道）和县级医疗保障部门各存一份。</p>
    </PrintFrame>
  );
}
