import { Table, Td, Th } from "@/components/ui/table";
import { RETURN_CLOCK_RULE, type ApplicationView } from "@/lib/applications/domain/application-view";
import { formatYuan } from "@/lib/money/money";

// The read-only parts of the case page.

const dash = <span className="text-slate-400">—</span>;

export function ClockBox({ app }: { app: ApplicationView }) {
  const c = app.clock;
  if (!c) return null;
  const tone = c.paused ? "border-slate-300 bg-slate-50" : c.overdue ? "border-red-300 bg-red-50" : c.daysLeft !== null && c.daysLeft <= 2 ? "border-amber-300 bg-amber-50" : "border-emerald-200 bg-emerald-50";
  return (
    <div data-testid="case-clock" className={`mb-6 rounded border px-4 py-3 text-sm ${tone}`}>
      <p className="font-medium">{c.note}</p>
      {c.provisionalNotice ? <p data-testid="clock-provisional" className="mt-1 text-amber-800">{c.provisionalNotice}</p> : null}
      <p className="mt-1 text-xs text-slate-600">
        时限按工作日计算：受理（报送、审批）当日不计，遇法定节假日顺延，调休上班日照计。{app.state === "returned" || app.state === "accepted" || app.state === "township_review" ? RETURN_CLOCK_RULE : null}
      </p>
    </div>
  );
}

export function CaseFacts({ app }: { app: ApplicationView }) {
  const filer = app.filer.kind === "self" ? app.filer.kindName : `${app.filer.kindName}：${app.filer.name ?? ""}${app.filer.relation ? `（${app.filer.relation}）` : ""}`;
  const rows: [string, React.ReactNode][] = [
    ["申请人", <span key="p">{app.person.name}<span className="ml-3 font-mono text-slate-600">{app.person.idNumberMasked}</span></span>],
    ["户籍所在地", app.person.placeName],
    ["申请方式", filer],
    ["联系电话", app.phoneMasked ? <span className="font-mono">{app.phoneMasked}</span> : dash],
    ["银行账户", app.bank.accountMasked ? <span>{app.bank.holderOnFile ? "户名已登记 · " : ""}{app.bank.name}<span className="ml-2 font-mono whitespace-nowrap">{app.bank.accountMasked}</span></span> : <span className="text-amber-700">未登记（列入支付批次前须补充）</span>],
    ["诊断摘要", app.diagnosisSummary ?? dash],
    ["受理日期", app.acceptedOn],
    ["报送县级", app.forwardedOn ?? dash],
  ];
  if (app.urgent) rows.splice(2, 0, ["特事特办", <span key="u" className="text-red-700">{app.urgentReason}</span>]);
  return (
    <dl data-testid="case-facts" className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="text-slate-500">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function DocumentsTable({ app }: { app: ApplicationView }) {
  return (
    <Table testId="case-documents">
      <thead>
        <tr><Th>材料</Th><Th>状态</Th><Th>补交期限 / 免予提供理由</Th></tr>
      </thead>
      <tbody>
        {app.documents.map((d) => (
          <tr key={d.item} data-item={d.item} data-status={d.status}>
            <Td>{d.name}</Td>
            <Td className={d.status === "missing" ? "font-medium whitespace-nowrap text-amber-700" : "whitespace-nowrap"}>{d.statusName}</Td>
            <Td>{d.status === "missing" ? `${d.dueOn} 前补交` : d.status === "waived" ? d.waiveReason : dash}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function SurveyView({ app }: { app: ApplicationView }) {
  const s = app.survey;
  if (!s) return <p className="text-sm text-slate-500" data-testid="case-survey">尚未登记入户调查。</p>;
  return (
    <dl data-testid="case-survey" className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
      <dt className="text-slate-500">调查日期</dt><dd>{s.surveyedOn}</dd>
      <dt className="text-slate-500">调查人员</dt><dd>{s.visitors}</dd>
      <dt className="text-slate-500">调查情况</dt><dd className="whitespace-pre-wrap">{s.findings}</dd>
      <dt className="text-slate-500">家庭经济状况</dt><dd className="whitespace-pre-wrap">{s.householdSituation}</dd>
      <dt className="text-slate-500">登记人</dt><dd>{s.recordedByName ?? "—"}</dd>
    </dl>
  );
}

export function AmountsView({ app }: { app: ApplicationView }) {
  const a = app.amounts;
  if (!a.computed && !a.approved && !a.paid && !app.refusal) return null;
  return (
    <section>
      <h2 className="mb-2 font-medium text-slate-700">救助金额</h2>
      <dl data-testid="case-amounts" className="grid grid-cols-[7rem_1fr] gap-x-4 gap-y-2 rounded border border-slate-200 bg-white p-4 text-sm">
      {a.computed ? <><dt className="text-slate-500">按政策计算</dt><dd className="tabular-nums">{formatYuan(a.computed)}</dd></> : null}
      {a.approved ? <><dt className="text-slate-500">核定金额</dt><dd className="tabular-nums">{formatYuan(a.approved)}{a.overrideReason ? `（调整理由：${a.overrideReason}）` : ""}</dd></> : null}
      {app.jointMeeting.meetingOn ? <><dt className="text-slate-500">联席会议</dt><dd>{app.jointMeeting.meetingOn} · {app.jointMeeting.departments.join("、")}</dd></> : null}
      {a.paid ? <><dt className="text-slate-500">已支付</dt><dd className="tabular-nums">{formatYuan(a.paid)}{a.paidOn ? `（${a.paidOn}）` : "（救助已撤销，见救助金追回）"}</dd></> : null}
      {app.refusal ? <><dt className="text-slate-500">不予救助理由</dt><dd className="text-red-700">{app.refusal.reason}（{app.refusal.refusedOn}）</dd></> : null}
      </dl>
    </section>
  );
}

export function HistoryTable({ app }: { app: ApplicationView }) {
  return (
    <Table testId="case-history">
      <thead>
        <tr><Th>日期</Th><Th>办理事项</Th><Th>状态变化</Th><Th>办理人</Th><Th>说明</Th></tr>
      </thead>
      <tbody>
        {app.transitions.map((t) => (
          <tr key={t.id}>
            <Td className="whitespace-nowrap">{t.onDate}</Td>
            <Td className="whitespace-nowrap">{t.actionName}</Td>
            <Td className="whitespace-nowrap">{t.fromName ? `${t.fromName} → ${t.toName}` : t.toName}</Td>
            <Td className="whitespace-nowrap">{t.actorName}</Td>
            {/* Without a floor the nowrap columns squeeze a long reason to one character a line. */}
            <Td className="min-w-56">{t.reason ?? ""}</Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
