import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { getRefusalNotice } from "@/lib/applications/forms/get-refusal-notice";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { FormError, FormHead, PrintFrame } from "../../../form-parts";

export const metadata: Metadata = { title: "不予救助告知书" };

export default async function RefusalNoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/applications/${id}`;
  const result = await loadForPage(async () => getRefusalNotice(await requireContext(), id));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const f = result.data;
  return (
    <PrintFrame back={back}>
      <FormHead office={f.issuer} title="不予救助告知书" right={`编号：${f.caseNo}`} />
      <section className="notice" data-testid="refusal-notice">
        <p className="to">{f.applicant.name}（身份证号 {f.applicant.idMasked}，{f.applicant.place}）：</p>
        <p>
          你（或你的代理人）于{chineseDate(f.acceptedOn)}提出的医疗救助申请（申请编号 {f.caseNo}），经审核，决定不予救助。现将有关事项告知如下：
        </p>
        <h3>一、不予救助的理由</h3>
        <p>{f.reason}</p>
        <h3>二、依据</h3>
        <p>
          {f.basis.document}{f.basis.paragraph}：“{f.basis.quote}”
          {f.policyName ? `救助条件和标准依据《${f.policyName}》。` : ""}
        </p>
        <h3>三、救济途径</h3>
        <p>如对本决定有异议，可以选择以下途径：</p>
        <ol>
          {f.objections.map((o) => (
            <li key={o.title}><strong>{o.title}</strong>：{o.text}</li>
          ))}
        </ol>
        <p>特此告知。</p>
        <div className="seal">
          <span className="stamp">（印章）</span>
          <div>{f.issuer}</div>
          <div>{chineseDate(f.refusedOn)}</div>
        </div>
        <div className="receipt">
          <div>送达回执：本告知书已于<span className="blank" />以 □当面 □邮寄 □电话 □短信 方式告知申请人。</div>
          <div style={{ marginTop: "6mm", display: "flex", justifyContent: "space-between" }}>
            <span>申请人（签收）：<span className="blank" /></span>
            <span>送达人：<span className="blank" /></span>
          </div>
        </div>
      </section>
    </PrintFrame>
  );
}
