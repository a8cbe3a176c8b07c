import Link from "next/link";
import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { getApplication } from "@/lib/applications/get-application";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { ActionPanels } from "./action-panels";
import { AttachmentsPanel } from "./panels/attachments-panel";
import { RecoveryPanel } from "./panels/recovery-panel";
import { AmountsView, CaseFacts, ClockBox, DocumentsTable, HistoryTable, SurveyView } from "./case-sections";

export const metadata: Metadata = { title: "依申请救助案件" };

export default async function ApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const result = await loadForPage(async () => getApplication(await requireContext(), id));
  if (!result.ok) return <p className="text-red-700">{result.error.message}</p>;
  const app = result.data;
  return (
    <>
      <PageHeader
        title={`${app.person.name} · 依申请救助`}
        description={`申请编号 ${app.caseNo} · ${app.townshipName} · 受理日期 ${app.acceptedOn}`}
        actions={
          <div className="flex flex-wrap gap-2" data-testid="print-links">
            {/* The printable A4 forms (app/(print)/), each in a tab of its own. */}
            {[
              ["approval-form", "打印审批表"],
              ["survey-record", "打印入户调查记录"],
              ...(app.state === "refused" ? [["refusal-notice", "打印不予救助告知书"]] : []),
            ].map(([path, label]) => (
              <a key={path} href={`/applications/${app.id}/${path}`} target="_blank" rel="noopener" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">{label}</a>
            ))}
            <Link href="/applications" className="rounded border border-slate-300 bg-white px-3 py-1.5 text-sm hover:bg-slate-100">返回待办列表</Link>
          </div>
        }
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <span data-testid="case-state" data-state={app.state} className="rounded bg-brand-50 px-2 py-1 text-sm font-medium text-brand-800">{app.stateName}</span>
        {app.urgent ? <span data-testid="case-urgent" className="rounded bg-red-600 px-2 py-1 text-sm font-medium text-white">特事特办</span> : null}
        {app.missingDocuments.length > 0 ? (
          <span data-testid="case-missing" className="rounded bg-amber-100 px-2 py-1 text-sm text-amber-800">容缺受理：尚缺 {app.missingDocuments.join("、")}</span>
        ) : null}
      </div>
      <ClockBox app={app} />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <section>
            <h2 className="mb-2 font-medium text-slate-700">申请信息</h2>
            <CaseFacts app={app} />
          </section>
          <section>
            <h2 className="mb-2 font-medium text-slate-700">申请材料</h2>
            <DocumentsTable app={app} />
          </section>
          <section>
            <h2 className="mb-2 font-medium text-slate-700">材料扫描件</h2>
            <AttachmentsPanel applicationId={app.id} />
          </section>
          <section>
            <h2 className="mb-2 font-medium text-slate-700">入户调查</h2>
            <SurveyView app={app} />
          </section>
          <AmountsView app={app} />
          <RecoveryPanel app={app} />
          <section>
            <h2 className="mb-2 font-medium text-slate-700">办理记录</h2>
            <HistoryTable app={app} />
          </section>
        </div>
        <section>
          <h2 className="mb-2 font-medium text-slate-700">办理</h2>
          <ActionPanels app={app} />
        </section>
      </div>
    </>
  );
}
