import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { todayOf } from "@/lib/auth/context";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { formatYuan } from "@/lib/money/money";
import { getNotice } from "@/lib/notices/get-notice";
import { NOTICE_STATUS_NAMES } from "@/lib/notices/domain/notice-status";
import { OBJECTION_CHANNEL_NAMES, OBJECTION_CHANNELS, OBJECTION_OUTCOME_NAMES, type ObjectionChannel, type ObjectionOutcome } from "@/lib/notices/domain/notice-input";
import { quarterLabel, type Quarter } from "@/lib/notices/domain/quarter";
import { ActionForm } from "../action-form";
import { correctionAction, editHeaderAction, handleObjectionAction, publishAction, recordObjectionAction } from "../actions";

export const metadata: Metadata = { title: "公示详情" };

/** One notice: header, window, rows; draft → edit header and publish; published → correction and objections. */
export default async function NoticePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireContext();
  const result = await loadForPage(() => getNotice(ctx, id));
  if (!result.ok) return <><PageHeader title="公示详情" /><Notice tone="error" testId="page-error">{result.error.message}</Notice></>;
  const n = result.data;
  const title = `${n.townshipName}${n.villageName} ${quarterLabel({ year: n.year, quarter: n.quarter as Quarter })}医疗救助对象公示${n.correctsNoticeId ? "（更正）" : ""}`;
  const draft = n.status === "draft";
  const published = n.status === "published";
  const inWindow = n.displayStatus === "in_window";
  const dl = (label: string, value: React.ReactNode) => (
    <div className="flex gap-3 py-1"><dt className="w-28 shrink-0 whitespace-nowrap text-slate-500">{label}</dt><dd>{value || "—"}</dd></div>
  );
  return (
    <>
      <PageHeader title={title} actions={<Link href={`/notices/${n.id}/print`} className="whitespace-nowrap text-sm text-brand-600 hover:underline" data-testid="print-link">打印</Link>} />
      <p className="mb-3 text-sm"><Link href="/notices" className="text-brand-600 hover:underline">← 公示管理</Link></p>
      {n.correctsNoticeId ? <Notice tone="warning">本公示更正 <Link href={`/notices/${n.correctsNoticeId}`} className="underline">原公示</Link>；更正原因：{n.correctionReason}</Notice> : null}
      {n.correctedBy ? <Notice tone="warning">本公示已被 <Link href={`/notices/${n.correctedBy}`} className="underline" data-testid="corrected-by">更正公示</Link> 更正。</Notice> : null}
      <dl className="mb-4 rounded border border-slate-200 bg-white p-4 text-sm" data-testid="notice-header">
        {dl("状态", <span data-testid="notice-status">{NOTICE_STATUS_NAMES[n.displayStatus]}</span>)}
        {dl("公示单位", n.issuer)}
        {dl("联系电话", n.contactPhone)}
        {dl("异议方式", n.objectionChannel)}
        {dl("异议受理", n.objectionTo)}
        {dl("公示期", n.windowStart ? <span data-testid="notice-window">{n.windowStart} 至 {n.windowEnd}（{n.postingWorkingDays} 个工作日）</span> : "发布后自发布之日起 5 个工作日")}
        {dl("人数 / 金额", `${n.rows.length} 人，合计 ${formatYuan(n.total)}`)}
      </dl>
      {draft ? (
        <section className="mb-6 grid gap-4 md:grid-cols-2">
          <ActionForm action={editHeaderAction.bind(null, n.id)} label="保存抬头" testId="header-form" className="rounded border border-slate-200 bg-white p-4">
            <input type="hidden" name="version" value={n.version} />
            <label className="block text-sm">公示单位<input name="issuer" defaultValue={n.issuer ?? ""} className={inputClass} /></label>
            <label className="block text-sm">联系电话<input name="contactPhone" defaultValue={n.contactPhone ?? ""} className={inputClass} /></label>
            <label className="block text-sm">异议方式<textarea name="objectionChannel" rows={3} defaultValue={n.objectionChannel ?? ""} className={inputClass} /></label>
            <label className="block text-sm">异议受理单位<input name="objectionTo" defaultValue={n.objectionTo ?? ""} className={inputClass} /></label>
          </ActionForm>
          <ActionForm action={publishAction.bind(null, n.id, n.version)} label="发布" testId="publish-form" className="rounded border border-slate-200 bg-white p-4">
            <p className="text-sm text-slate-600">发布后公示内容不可修改；公示期自发布之日起 5 个工作日。如需修改，请先保存抬头。</p>
          </ActionForm>
        </section>
      ) : null}
      <Table testId="notice-rows">
        <thead><tr><Th>序号</Th><Th>姓名</Th><Th>村（社区）</Th><Th>救助类别</Th><Th className="text-right">救助金额（元）</Th><Th>审批日期</Th></tr></thead>
        <tbody>
          {n.rows.map((r) => (
            <tr key={r.seq}>
              <Td>{r.seq}</Td><Td className="whitespace-nowrap">{r.maskedName}</Td><Td className="whitespace-nowrap">{r.villageName}</Td>
              <Td className="whitespace-nowrap">{r.categoryName}</Td><Td className="whitespace-nowrap text-right">{formatYuan(r.amount)}</Td><Td className="whitespace-nowrap">{r.approvedOn}</Td>
            </tr>
          ))}
          {n.rows.length === 0 ? (
            <tr><td colSpan={6} className="border-t border-slate-100 px-3 py-4 text-center text-slate-500" data-testid="no-notice-rows">{n.correctsNoticeId ? "更正后本村（社区）本季度没有须公示的救助对象（原公示所列对象已撤销救助）。" : "本村（社区）本季度没有须公示的救助对象。"}</td></tr>
          ) : null}
        </tbody>
      </Table>
      {published ? (
        <section className="mt-6 space-y-4">
          <h2 className="text-lg font-medium">异议</h2>
          {n.objections.length === 0 ? <Notice tone="info">尚无异议。</Notice> : (
            <Table testId="objection-list">
              <thead><tr><Th>收到日期</Th><Th>方式</Th><Th>异议人</Th><Th>所涉案件</Th><Th>内容</Th><Th>处理</Th></tr></thead>
              <tbody>
                {n.objections.map((o) => (
                  <tr key={o.id}>
                    <Td className="whitespace-nowrap">{o.receivedOn}</Td>
                    <Td className="whitespace-nowrap">{OBJECTION_CHANNEL_NAMES[o.channel as ObjectionChannel]}</Td>
                    <Td className="whitespace-nowrap">{o.objector ?? "匿名"}</Td>
                    <Td className="whitespace-nowrap">{o.applicationId ? <Link href={`/applications/${o.applicationId}`} className="text-brand-600 hover:underline">{o.caseNo}</Link> : "—"}</Td>
                    <Td>{o.content}</Td>
                    <Td>
                      {o.outcome ? `${OBJECTION_OUTCOME_NAMES[o.outcome as ObjectionOutcome]}：${o.outcomeReason}` : (
                        <ActionForm action={handleObjectionAction.bind(null, n.id, o.id)} label="处理" testId="handle-form">
                          <select name="outcome" className={inputClass} defaultValue="">
                            <option value="">请选择处理结果</option>
                            <option value="upheld">{OBJECTION_OUTCOME_NAMES.upheld}</option>
                            <option value="dismissed">{OBJECTION_OUTCOME_NAMES.dismissed}</option>
                          </select>
                          <textarea name="reason" rows={2} placeholder="处理理由" className={inputClass} />
                        </ActionForm>
                      )}
                    </Td>
                  </tr>
                ))}
              </tbody>
            </Table>
          )}
          {inWindow ? (
            <ActionForm action={recordObjectionAction.bind(null, n.id)} label="登记异议" testId="objection-form" className="rounded border border-slate-200 bg-white p-4">
              <h3 className="font-medium">登记异议</h3>
              <div className="grid gap-3 md:grid-cols-2">
                <label className="block text-sm">异议人（不填为匿名）<input name="objector" className={inputClass} /></label>
                <label className="block text-sm">联系方式<input name="objectorContact" className={inputClass} /></label>
                <label className="block text-sm">收到日期<input type="date" name="receivedOn" defaultValue={todayOf(ctx)} className={inputClass} /></label>
                <label className="block text-sm">方式
                  <select name="channel" className={inputClass}>{OBJECTION_CHANNELS.map((c) => <option key={c} value={c}>{OBJECTION_CHANNEL_NAMES[c]}</option>)}</select>
                </label>
                <label className="block text-sm md:col-span-2">所涉救助对象
                  <select name="applicationId" className={inputClass}>
                    <option value="">（不针对具体对象）</option>
                    {n.rows.map((r) => <option key={r.seq} value={r.applicationId}>{r.seq}. {r.maskedName}（{r.categoryName}）</option>)}
                  </select>
                </label>
              </div>
              <label className="block text-sm">异议内容<textarea name="content" rows={3} className={inputClass} /></label>
            </ActionForm>
          ) : null}
          {!n.correctedBy ? (
            <ActionForm action={correctionAction.bind(null, n.id)} label="起草更正公示" testId="correction-form" className="rounded border border-slate-200 bg-white p-4">
              <h3 className="font-medium">更正公示</h3>
              <label className="block text-sm">更正原因（将印在更正公示上）<textarea name="reason" rows={2} className={inputClass} /></label>
            </ActionForm>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
