import type { ApplicationView } from "@/lib/applications/domain/application-view";
import { approveAction, jointDecisionAction, referJointMeetingAction } from "./audit-actions";
import { loadAudit } from "./load-audit";
import { PanelForm } from "./panel-form";

// 县级审核: the engine's amount for the ticked claims under the policy in
// force on the acceptance date, with each claim's trace, the year's pool
// (已救助 / 限额 / 剩余), and the forms of the decision. The amount shown is
// for reading; the server computes it again when the form is sent.

export async function AuditPanel({ app }: { app: ApplicationView }) {
  const loaded = await loadAudit(app.id);
  if (!loaded.ok) return <p className="text-sm text-red-700">{loaded.error.message}</p>;
  const d = loaded.data;
  const a = d.amount;
  return (
    <div className="space-y-4" data-testid="audit-panel">
      {!a ? (
        <p role="alert" className="rounded bg-amber-50 p-2 text-sm text-amber-900">暂不能计算救助金额：{d.problem}</p>
      ) : (
        <>
          <div className="text-sm text-slate-600">
            <p>计算依据：{a.terms.policyName}（第 {a.terms.policyVersion} 版，受理日 {app.acceptedOn} 在用）</p>
            <p>申请人类别：{a.terms.categoryName} · {a.rule}</p>
          </div>
          {a.pool ? (
            <dl className="grid grid-cols-3 gap-2 text-center" data-testid="audit-pool">
              <div className="rounded bg-slate-50 p-2"><dt className="text-xs text-slate-500">本年已救助</dt><dd className="tabular-nums">{a.pool.approvedBefore}</dd></div>
              <div className="rounded bg-slate-50 p-2"><dt className="text-xs text-slate-500">{a.pool.name}</dt><dd className="tabular-nums">{a.pool.limit}</dd></div>
              <div className="rounded bg-slate-50 p-2"><dt className="text-xs text-slate-500">剩余额度</dt><dd className="font-medium tabular-nums">{a.pool.room}</dd></div>
            </dl>
          ) : (
            <p className="text-xs text-slate-500">本政策对该类申请未设年度限额。</p>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-xs" data-testid="audit-trace">
              <thead className="text-left text-slate-500">
                <tr><th className="py-1 pr-2">单据</th><th className="pr-2">计算过程</th><th className="text-right">救助</th></tr>
              </thead>
              <tbody>
                {a.claims.map((c) => (
                  <tr key={c.id} className="border-t border-slate-100 align-top">
                    <td className="py-1 pr-2 break-all">{c.id}</td>
                    <td className="pr-2">
                      {c.lines.map((l, i) => (
                        <p key={i}><span className="text-slate-500">{l.tier}：</span>{l.arithmetic}</p>
                      ))}
                    </td>
                    <td className="text-right tabular-nums">{c.assistance}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="border-t border-slate-300 font-medium">
                  <td className="py-1 pr-2">合计</td>
                  <td className="pr-2">医保、大病保险后政策内余额 {a.eligible} 元</td>
                  <td className="text-right tabular-nums" data-testid="audit-computed">{a.computed}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
      {app.missingDocuments.length > 0 ? (
        <p className="rounded bg-amber-50 p-2 text-sm text-amber-900">尚缺 {app.missingDocuments.join("、")}：补齐或注明理由免予提供后才能审批通过。</p>
      ) : null}
      {a && app.actions.includes("approve") && !a.jointMeeting ? (
        <section>
          <h4 className="mb-1 text-sm font-medium text-slate-700">审核通过</h4>
          {d.canOverride ? (
            <PanelForm
              testId="approve-form"
              version={app.version}
              action={approveAction.bind(null, app.id)}
              submitLabel="审核通过"
              confirm="确认按所填金额审核通过？"
              fields={[
                { name: "amount", label: "核定救助金额（元）", kind: "amount", defaultValue: a.computed, hint: `按政策计算 ${a.computed} 元${a.ceiling ? `，不得超过剩余额度 ${a.ceiling} 元` : ""}` },
                { name: "reason", label: "调整金额的理由（金额与计算不同时必填）", kind: "textarea" },
              ]}
            />
          ) : (
            <PanelForm testId="approve-form" version={app.version} action={approveAction.bind(null, app.id)} submitLabel={`按计算金额 ${a.computed} 元审核通过`} confirm={`确认核定救助金额 ${a.computed} 元并审核通过？`}>
              <p className="text-xs text-slate-500">审核员按政策计算金额审批；需要调整金额的，请由医保负责人办理。</p>
            </PanelForm>
          )}
        </section>
      ) : null}
      {app.actions.includes("refer_to_joint_meeting") && a?.jointMeeting ? (
        <section>
          <h4 className="mb-1 text-sm font-medium text-slate-700">提交部门联席会议</h4>
          <PanelForm testId="refer-form" version={app.version} action={referJointMeetingAction.bind(null, app.id)} submitLabel="提交联席会议审议">
            <p className="text-xs text-slate-500">本政策对此类申请未定救助标准，须经部门联席会议一事一议，酌情予以救助。</p>
          </PanelForm>
        </section>
      ) : null}
      {app.actions.includes("record_joint_decision") ? (
        <section>
          <h4 className="mb-1 text-sm font-medium text-slate-700">登记联席会议决定</h4>
          <PanelForm
            testId="joint-decision-form"
            version={app.version}
            action={jointDecisionAction.bind(null, app.id)}
            submitLabel="登记决定"
            fields={[
              { name: "meetingOn", label: "会议日期", kind: "date", defaultValue: app.today },
              { name: "departments", label: "参加部门（用顿号分隔）", placeholder: "医保局、民政局、乡村振兴局" },
              { name: "amount", label: "决定救助金额（元）", kind: "amount", hint: a?.ceiling ? `不得超过剩余额度 ${a.ceiling} 元` : undefined },
            ]}
          />
        </section>
      ) : null}
    </div>
  );
}
