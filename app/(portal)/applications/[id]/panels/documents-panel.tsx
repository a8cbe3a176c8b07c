import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { updateDocumentAction } from "./audit-actions";
import { PanelForm } from "./panel-form";

// 容缺受理: each missing item is recorded as supplied when the applicant
// brings it, or waived with a written reason; until then the county cannot approve.

export function DocumentsPanel({ app }: { app: ApplicationView }) {
  const missing = app.documents.filter((d) => d.status === "missing");
  return (
    <ul className="space-y-3" data-testid="documents-panel">
      {missing.map((d) => (
        <li key={d.item} className="rounded bg-amber-50 p-2">
          <p className="mb-1 text-sm">
            <span className="font-medium text-amber-900">{d.name}</span>
            <span className="ml-2 text-xs text-amber-800">缺件待补{d.dueOn ? `，应于 ${d.dueOn} 前补交` : ""}</span>
          </p>
          <div className="flex flex-wrap items-start gap-3">
            <PanelForm testId={`supply-${d.item}`} version={app.version} action={updateDocumentAction.bind(null, app.id)} hidden={{ item: d.item, status: "supplied" }} submitLabel="已补交" tone="plain" />
            <div className="min-w-56 flex-1">
              <PanelForm
                testId={`waive-${d.item}`}
                version={app.version}
                action={updateDocumentAction.bind(null, app.id)}
                hidden={{ item: d.item, status: "waived" }}
                fields={[{ name: "reason", label: "免予提供的理由", kind: "textarea", placeholder: "如：既往病史已在本年度诊断病历中载明" }]}
                submitLabel="免予提供"
                tone="plain"
              />
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
