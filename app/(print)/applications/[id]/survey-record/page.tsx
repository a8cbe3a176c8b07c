import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { getSurveyRecord } from "@/lib/applications/forms/get-survey-record";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { FormError, FormHead, PrintFrame, SignLine } from "../../../form-parts";

export const metadata: Metadata = { title: "入户调查记录" };

export default async function SurveyRecordPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/applications/${id}`;
  const result = await loadForPage(async () => getSurveyRecord(await requireContext(), id));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const f = result.data;
  const s = f.survey;
  return (
    <PrintFrame back={back}>
      <FormHead office={f.office} title="医疗救助入户调查记录" left={`申请编号：${f.caseNo}`} right={`调查单位：${f.townshipName}`} />
      <table className="form-table" data-testid="survey-record">
        <tbody>
          <tr>
            <th>申请人</th>
            <td>{f.applicant.name}</td>
            <th>身份证号</th>
            <td>{f.applicant.idMasked}</td>
          </tr>
          <tr>
            <th>户籍地</th>
            <td>{f.applicant.place}</td>
            <th>救助类别</th>
            <td>{f.applicant.categoryName}</td>
          </tr>
          <tr>
            <th>受理日期</th>
            <td>{chineseDate(f.acceptedOn)}</td>
            <th>调查日期</th>
            <td>{s ? chineseDate(s.on) : chineseDate(null)}</td>
          </tr>
          <tr>
            <th>调查人员</th>
            <td colSpan={3}>{s?.visitors ?? ""}</td>
          </tr>
          <tr>
            <th>患病及就医情况</th>
            <td colSpan={3}>{f.diagnosis}</td>
          </tr>
          <tr>
            <th>家庭经济状况</th>
            <td colSpan={3} style={{ height: "40mm" }}>{s?.household ?? ""}</td>
          </tr>
          <tr>
            <th>调查核实情况</th>
            <td colSpan={3} style={{ height: "50mm" }}>{s?.findings ?? ""}</td>
          </tr>
        </tbody>
      </table>
      <SignLine who="调查人" on={s?.on} />
      <SignLine who="被调查人（或家属）" on={s?.on} />
      <SignLine who={`乡镇（街道）经办人${s?.recorder ? `（${s.recorder}）` : ""}`} on={s?.on} seal />
      <p className="small" style={{ marginTop: "6mm" }}>调查人员应如实记录，被调查人对记录内容核对无误后签字。打印日期：{chineseDate(f.printedOn)}</p>
    </PrintFrame>
  );
}
