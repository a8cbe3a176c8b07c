import type { ReactNode } from "react";
import type { ApplicationView } from "@/lib/applications/domain/application-view";
import type { ApplicationAction } from "@/lib/applications/domain/states";
import { beginReviewAction, forwardAction, refuseAction, returnAction, surveyAction } from "./actions";
import { SurveyForm } from "./survey-form";
import { TransitionForm } from "./transition-form";
import { AuditPanel } from "./panels/audit-panel";
import { ClaimsPanel } from "./panels/claims-panel";
import { DocumentsPanel } from "./panels/documents-panel";
import { BeginAuditPanel, ResumePanel } from "./panels/resume-panel";
import { ContactReveal } from "./panels/contact-reveal";
import { revealContactAction } from "./panels/payment-actions";
import { PaymentPanel } from "./panels/payment-panel";
import { RefusalNoticePanel } from "./panels/refusal-notice-panel";
import { confirmAfterObjectionAction, revokeAfterObjectionAction } from "./panels/objection-review-actions";

// The forms of the steps the current user may take on this case now. One
// entry per panel: `when` says whether it shows (usually: its action is
// available), `render` draws it. Panels of other steps (county audit,
// payment, notices) add their own entries to PANELS; the state machine on
// the server decides again when a form is sent.

type Panel = { key: string; title: string; when: (a: ApplicationView) => boolean; render: (a: ApplicationView) => ReactNode };

const has = (action: ApplicationAction) => (a: ApplicationView) => a.actions.includes(action);

const PANELS: Panel[] = [
  {
    key: "begin_review",
    title: "开始乡镇审核",
    when: has("begin_review"),
    render: (a) => (
      <>
        <p className="mb-2 text-sm text-slate-600">开始入户调查和材料审核。乡镇审核时限自受理日起计算，不因开始审核而重新计算。</p>
        <TransitionForm testId="begin-review-form" version={a.version} action={beginReviewAction.bind(null, a.id)} submitLabel="开始乡镇审核" />
      </>
    ),
  },
  {
    key: "survey",
    title: "入户调查记录",
    // While the township has the case (accepted or under review), the clerk who may act on it records the survey.
    when: (a) => (a.state === "accepted" || a.state === "township_review") && a.actions.includes("return_for_documents"),
    render: (a) => <SurveyForm version={a.version} today={a.today} survey={a.survey} action={surveyAction.bind(null, a.id)} />,
  },
  {
    key: "forward",
    title: "报送县级",
    when: has("forward"),
    render: (a) => (
      <>
        <p className="mb-2 text-sm text-slate-600">
          {a.survey ? "入户调查已登记。" : "报送前须先登记入户调查记录。"}
          报送后由县级医保部门在 10 个工作日内审核{a.urgent ? "；特事特办案件可在受理当日报送。" : "；非加急案件不能在受理当日报送。"}
          {a.missingDocuments.length > 0 ? ` 尚缺 ${a.missingDocuments.join("、")}，可先报送，但补齐或注明理由免予提供前县级不能审批通过。` : ""}
        </p>
        <TransitionForm testId="forward-form" version={a.version} action={forwardAction.bind(null, a.id)} submitLabel="报送县级医保部门" confirm="确认将该申请报送县级医保部门？报送后乡镇不能再修改调查记录。" />
      </>
    ),
  },
  {
    key: "return_for_documents",
    title: "退回补正",
    when: has("return_for_documents"),
    render: (a) => (
      <TransitionForm
        testId="return-form"
        version={a.version}
        action={returnAction.bind(null, a.id)}
        submitLabel="退回申请人补正"
        tone="plain"
        text={{ name: "note", label: "需补正的材料（将告知申请人）", placeholder: "如：请补交 2026 年住院病历首页及出院小结" }}
      />
    ),
  },
  // County audit side (panels/): resume after 退回补正, the ticked claims and hand-entered receipts, 容缺受理 items, the amount and the decision.
  { key: "resume_review", title: "补正后恢复审核", when: has("resume_review"), render: (a) => <ResumePanel app={a} /> },
  { key: "begin_audit", title: "开始县级审核", when: has("begin_audit"), render: (a) => <BeginAuditPanel app={a} /> },
  {
    key: "claims",
    title: "计入本次申请的医疗费用",
    when: (a) => ["accepted", "township_review", "returned"].includes(a.state) && (a.actions.includes("return_for_documents") || a.actions.includes("resume_review")),
    render: (a) => <ClaimsPanel app={a} />,
  },
  {
    key: "documents",
    title: "补交或免予提供材料",
    when: (a) => a.missingDocuments.length > 0 && a.actions.some((x) => x !== "refuse"),
    render: (a) => <DocumentsPanel app={a} />,
  },
  {
    key: "audit",
    title: "县级审核：救助金额",
    when: (a) => a.actions.includes("approve") || a.actions.includes("refer_to_joint_meeting") || a.actions.includes("record_joint_decision"),
    render: (a) => <AuditPanel app={a} />,
  },
  {
    key: "refuse",
    title: "不予救助",
    when: has("refuse"),
    render: (a) => (
      <TransitionForm
        testId="refuse-form"
        version={a.version}
        action={refuseAction.bind(null, a.id)}
        submitLabel="不予救助"
        tone="danger"
        confirm="确认作出不予救助决定？理由将写入不予救助告知书，决定后不能撤回。"
        text={{ name: "reason", label: "不予救助的理由（书面告知申请人）", placeholder: "写明不符合救助条件的具体情形及政策依据" }}
      />
    ),
  },
  // 公示异议复核: the township upheld an objection to the quarterly notice; the county confirms or revokes.
  {
    key: "confirm_after_objection",
    title: "公示异议复核：维持原审批",
    when: has("confirm_after_objection"),
    render: (a) => (
      <>
        <p className="mb-2 text-sm text-slate-600">乡镇认定公示异议成立，案件退回县级复核（异议内容和乡镇意见见下方办理记录）。复核后认为原审批正确的，维持原审批，案件回到异议前的环节；尚未支付的继续支付。</p>
        <TransitionForm testId="confirm-objection-form" version={a.version} action={confirmAfterObjectionAction.bind(null, a.id)} submitLabel="维持原审批" text={{ name: "reason", label: "复核意见", placeholder: "如：经复核，异议所涉车辆为借用，维持原审批" }} />
      </>
    ),
  },
  {
    key: "revoke_after_objection",
    title: "公示异议复核：撤销救助",
    when: has("revoke_after_objection"),
    render: (a) => (
      <TransitionForm
        testId="revoke-objection-form"
        version={a.version}
        action={revokeAfterObjectionAction.bind(null, a.id)}
        submitLabel="撤销救助"
        tone="danger"
        confirm="确认撤销该救助？案件将转为不予救助，已支付的资金须追回。"
        text={{ name: "reason", label: "撤销理由（书面告知申请人）", placeholder: "写明经复核不符合救助条件的具体情形" }}
      />
    ),
  },
  // Payment, the refusal notice and the audited reveal (panels/payment-panel.tsx and beside it).
  { key: "payment", title: "资金支付", when: (a) => ["approved", "in_batch", "paid", "payment_failed"].includes(a.state), render: (a) => <PaymentPanel app={a} /> },
  { key: "refusal_notice", title: "不予救助告知情况", when: (a) => a.refusal !== null, render: (a) => <RefusalNoticePanel app={a} /> },
  {
    key: "contact",
    title: "完整联系方式",
    when: (a) => a.canRevealContact && (a.phoneMasked !== null || a.bank.accountMasked !== null),
    render: (a) => <ContactReveal phoneMasked={a.phoneMasked} accountMasked={a.bank.accountMasked} reveal={revealContactAction.bind(null, a.id)} />,
  },
];

export function ActionPanels({ app }: { app: ApplicationView }) {
  const shown = PANELS.filter((p) => p.when(app));
  if (shown.length === 0) return <p className="text-sm text-slate-500" data-testid="no-actions">当前没有需要您办理的事项。</p>;
  return (
    <div className="space-y-4">
      {shown.map((p) => (
        <section key={p.key} data-panel={p.key} className="rounded border border-slate-200 bg-white p-4">
          <h3 className="mb-3 font-medium text-slate-800">{p.title}</h3>
          {p.render(app)}
        </section>
      ))}
    </div>
  );
}
