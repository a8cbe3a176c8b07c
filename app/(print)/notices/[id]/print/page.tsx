import type { Metadata } from "next";
import { chineseDate } from "@/lib/applications/domain/print-forms";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { formatYuan } from "@/lib/money/money";
import { getNotice } from "@/lib/notices/get-notice";
import { noticeTitle, townshipOffice } from "@/lib/notices/domain/notice-title";
import { FormError, FormHead, PrintFrame } from "../../../form-parts";
import "../../notice-print.css";

export const metadata: Metadata = { title: "医疗救助公示（打印）" };

// /notices/<id>/print — the sheet for the village board (A4, browser print to
// PDF). Its own path segment: /notices/<id> is the staff page in (portal).
// getNotice checks notices.view and the township (403 otherwise, audited).
// A draft prints with a 草稿 watermark and no dates, so it cannot be posted by mistake.
export default async function NoticePrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const back = `/notices/${id}`;
  const result = await loadForPage(async () => getNotice(await requireContext(), id));
  if (!result.ok) return <FormError message={result.error.message} back={back} />;
  const n = result.data;
  const draft = n.status === "draft";
  const title = noticeTitle({ townshipName: n.townshipName, villageName: n.villageName, year: n.year, quarter: n.quarter, isCorrection: n.correctsNoticeId !== null });
  const days = n.postingWorkingDays ?? 5;
  return (
    <PrintFrame back={back}>
      <div className="notice-sheet" data-testid="notice-print">
        {draft ? <div className="draft-mark" aria-hidden="true">草稿</div> : null}
        {draft ? <p className="draft-label" data-testid="draft-label">草稿 · 尚未发布，不得张贴</p> : null}
        <FormHead office={townshipOffice(n.townshipName)} title={title} />
        {n.correctsNoticeId && n.correctionReason ? (
          <p className="correction">本公示为更正公示，更正原因：{n.correctionReason}</p>
        ) : null}
        <p className="lead">
          根据医疗救助有关规定，现将{n.villageName}{n.year}年第{"一二三四"[n.quarter - 1]}季度经审批的医疗救助对象予以公示，共 {n.rows.length} 人，救助金额合计 {formatYuan(n.total)}，接受社会监督。
        </p>
        <p className="window" data-testid="print-window">
          公示期：{n.windowStart && n.windowEnd ? `${chineseDate(n.windowStart)}至${chineseDate(n.windowEnd)}（${days}个工作日）` : `自发布之日起${days}个工作日`}
        </p>
        <table className="form-table lines">
          <thead>
            <tr>
              <th style={{ width: "15mm" }}>序号</th>
              <th style={{ width: "21mm" }}>姓名</th>
              <th>村（社区）</th>
              <th style={{ width: "48mm" }}>救助对象类别</th>
              <th style={{ width: "28mm" }}>救助金额</th>
              <th style={{ width: "37mm" }}>审批日期</th>
            </tr>
          </thead>
          <tbody>
            {n.rows.map((r) => (
              <tr key={r.seq}>
                <td className="num" style={{ textAlign: "center" }}>{r.seq}</td>
                <td>{r.maskedName}</td>
                <td>{r.villageName}</td>
                <td className="category">{r.categoryName}</td>
                <td className="num">{formatYuan(r.amount)}</td>
                <td style={{ whiteSpace: "nowrap" }}>{chineseDate(r.approvedOn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {/* The objection lines and the seal stay together: a seal alone on the last sheet would sign nothing. */}
        <div className="closing">
          <section className="objection" data-testid="print-objection">
            <p>{n.objectionChannel}</p>
            <p>异议受理单位：{n.objectionTo}{"\u3000\u3000"}联系电话：{n.contactPhone}</p>
          </section>
          <div className="seal">
            <span className="stamp">（盖章）</span>
            <div>{n.issuer ?? townshipOffice(n.townshipName)}</div>
            <div>{chineseDate(n.publishedOn)}</div>
          </div>
        </div>
      </div>
    </PrintFrame>
  );
}
