import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { beginAuditAction, resumeReviewAction } from "./audit-actions";
import { PanelForm } from "./panel-form";

/** 补正后恢复审核: the township clock resumes with the working days that were left at the return. */
export function ResumePanel({ app }: { app: ApplicationView }) {
  return (
    <PanelForm testId="resume-form" version={app.version} action={resumeReviewAction.bind(null, app.id)} submitLabel="材料已补正，恢复审核">
      <p className="text-sm text-slate-600">退回期间乡镇审核时限暂停；恢复后按退回时剩余的工作日继续计算。{app.clock?.note ?? ""}</p>
    </PanelForm>
  );
}

/** 县级开始审核: the county clock keeps running from the forwarding day; the file is now the reviewer's. */
export function BeginAuditPanel({ app }: { app: ApplicationView }) {
  return (
    <PanelForm testId="begin-audit-form" version={app.version} action={beginAuditAction.bind(null, app.id)} submitLabel="开始县级审核">
      <p className="text-sm text-slate-600">乡镇已于 {app.forwardedOn ?? "—"} 报送。县级审核时限自报送日起计算 10 个工作日，不因开始审核而重新计算。</p>
    </PanelForm>
  );
}
