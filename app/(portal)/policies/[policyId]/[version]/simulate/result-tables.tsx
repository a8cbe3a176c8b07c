import Link from "next/link";
import { Table, Td, Th } from "@/components/ui/table";
import { SOURCE_LABELS, TIER_LABELS } from "@/lib/policies/domain/simulation-labels";
import { SIM_TIERS, SUBSIDY_SOURCES, type Breakdown } from "@/lib/policies/domain/simulation-tally";
import type { SimulationReport } from "@/lib/policies/simulation-run";
import { Diff, Yuan } from "./money-cells";

// The tables of a simulation run: tiers, the breakdowns, premium subsidy, the largest changes.

type Summary = SimulationReport["summary"];

function Figure({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded border border-slate-200 bg-white p-4" data-testid={testId}>
      <div className="text-sm text-slate-600">{label}</div>
      <div className="mt-1 text-lg font-semibold">{children}</div>
    </div>
  );
}

export function Figures({ s }: { s: Summary }) {
  return (
    <div className="grid gap-4 md:grid-cols-4">
      <Figure label="测算范围">{s.people} 人 · {s.claims} 笔</Figure>
      <Figure label="救助资金支出（现行 → 草案）">
        <span className="text-base">
          <Yuan value={s.fund.current} /> → <Yuan value={s.fund.draft} />
        </span>
      </Figure>
      <Figure label="救助资金支出变化" testId="fund-diff">
        <Diff value={s.fund.diff} />
      </Figure>
      <Figure label="个人自付（按人数）">
        <span className="text-base">增加 {s.paying.more} · 减少 {s.paying.less} · 不变 {s.paying.same}</span>
      </Figure>
    </div>
  );
}

export function TierTable({ s }: { s: Summary }) {
  return (
    <Table testId="tier-table">
      <thead>
        <tr><Th>项目</Th><Th className="text-right">现行</Th><Th className="text-right">草案</Th><Th className="text-right">差额</Th></tr>
      </thead>
      <tbody>
        {SIM_TIERS.map((t) => (
          <tr key={t}>
            <Td className="whitespace-nowrap">{TIER_LABELS[t]}</Td>
            <Td className="text-right"><Yuan value={s.totals.current[t]} /></Td>
            <Td className="text-right"><Yuan value={s.totals.draft[t]} /></Td>
            <Td className="text-right"><Diff value={s.totals.diff[t]} /></Td>
          </tr>
        ))}
        <tr className="font-medium">
          <Td>救助资金支出（医疗救助＋倾斜救助）</Td>
          <Td className="text-right"><Yuan value={s.fund.current} /></Td>
          <Td className="text-right"><Yuan value={s.fund.draft} /></Td>
          <Td className="text-right"><Diff value={s.fund.diff} /></Td>
        </tr>
      </tbody>
    </Table>
  );
}

/** A header cell that may span rows or columns (the kit's Th does not), styled as Th. */
function H({ children, className = "", rowSpan, colSpan }: { children: React.ReactNode; className?: string; rowSpan?: number; colSpan?: number }) {
  return (
    <th rowSpan={rowSpan} colSpan={colSpan} className={`bg-slate-50 px-3 py-1.5 text-left font-medium whitespace-nowrap text-slate-600 ${className}`}>
      {children}
    </th>
  );
}

export function BreakdownTable({ rows, first, testId }: { rows: (Breakdown & { name: string })[]; first: string; testId: string }) {
  if (rows.length === 0) return <p className="text-sm text-slate-500">期间内没有结算记录。</p>;
  return (
    <Table testId={testId}>
      <thead>
        <tr>
          <H className="align-bottom" rowSpan={2}>{first}</H>
          <H className="text-right align-bottom" rowSpan={2}>笔数</H>
          <H className="border-l border-slate-200 text-center" colSpan={3}>医疗救助</H>
          <H className="border-l border-slate-200 text-center">倾斜救助</H>
          <H className="border-l border-slate-200 text-center" colSpan={3}>个人自付</H>
        </tr>
        <tr>
          <H className="border-l border-slate-200 text-right">现行</H>
          <H className="text-right">草案</H>
          <H className="text-right">差额</H>
          <H className="border-l border-slate-200 text-right">差额</H>
          <H className="border-l border-slate-200 text-right">现行</H>
          <H className="text-right">草案</H>
          <H className="text-right">差额</H>
        </tr>
      </thead>
      <tbody>
        {rows.map((b) => (
          <tr key={b.key}>
            <Td className="whitespace-nowrap">{b.name}</Td>
            <Td className="text-right tabular-nums">{b.claims}</Td>
            <Td className="border-l border-slate-200 text-right"><Yuan value={b.current.assistance} /></Td>
            <Td className="text-right"><Yuan value={b.draft.assistance} /></Td>
            <Td className="text-right"><Diff value={b.diff.assistance} /></Td>
            <Td className="border-l border-slate-200 text-right"><Diff value={b.diff.tilted} /></Td>
            <Td className="border-l border-slate-200 text-right"><Yuan value={b.current.selfPaid} /></Td>
            <Td className="text-right"><Yuan value={b.draft.selfPaid} /></Td>
            <Td className="text-right"><Diff value={b.diff.selfPaid} /></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function SubsidyTable({ s }: { s: Summary }) {
  const missing = (m: Record<string, number>) => Object.entries(m).map(([reason, n]) => `${reason}：${n} 人`);
  return (
    <div className="space-y-2">
      <Table testId="subsidy-table">
        <thead>
          <tr><Th>资金来源</Th><Th className="text-right">现行</Th><Th className="text-right">草案</Th><Th className="text-right">差额</Th></tr>
        </thead>
        <tbody>
          {SUBSIDY_SOURCES.map((k) => (
            <tr key={k}>
              <Td>{SOURCE_LABELS[k]}</Td>
              <Td className="text-right"><Yuan value={s.subsidy.current[k]} /></Td>
              <Td className="text-right"><Yuan value={s.subsidy.draft[k]} /></Td>
              <Td className="text-right"><Diff value={s.subsidy.diff[k]} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-sm text-slate-600">
        参保缴费记录 {s.subsidy.enrolments} 条，资助金额变化 {s.subsidy.changed} 条。
        {missing(s.subsidy.notComputed.draft).length > 0 ? ` 草案未计算资助：${missing(s.subsidy.notComputed.draft).join("；")}。` : ""}
      </p>
    </div>
  );
}

export function LargestTable({ s, detailHref }: { s: Summary; detailHref: (personId: string) => string }) {
  if (s.largest.length === 0) return <p className="text-sm text-slate-500">草案与现行政策对期间内每个人的结算结果相同。</p>;
  return (
    <Table testId="largest-table">
      <thead>
        <tr>
          <Th>姓名</Th>
          <Th>身份证号</Th>
          <Th>乡镇</Th>
          <Th className="text-right">笔数</Th>
          <Th className="text-right">救助资金·现行</Th>
          <Th className="text-right">救助资金·草案</Th>
          <Th className="text-right">个人自付变化</Th>
          <Th>变化原因</Th>
          <Th> </Th>
        </tr>
      </thead>
      <tbody>
        {s.largest.map((p) => (
          <tr key={p.personId}>
            <Td className="whitespace-nowrap">{p.name}</Td>
            <Td className="font-mono text-xs whitespace-nowrap">{p.idNumber}</Td>
            <Td className="whitespace-nowrap">{p.townshipName}</Td>
            <Td className="text-right tabular-nums">{p.claims}</Td>
            <Td className="text-right"><Yuan value={p.current.fund} /></Td>
            <Td className="text-right"><Yuan value={p.draft.fund} /></Td>
            <Td className="text-right"><Diff value={p.selfPaidChange} /></Td>
            <Td className="max-w-md text-xs text-slate-700">{p.reasons.join("；")}</Td>
            <Td><Link href={detailHref(p.personId)} className="whitespace-nowrap text-brand-600 hover:underline">查看</Link></Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

export function ReasonList({ s }: { s: Summary }) {
  if (s.reasons.length === 0) return <p className="text-sm text-slate-500">没有金额变化。</p>;
  return (
    <ul className="space-y-1 text-sm" data-testid="reasons">
      {s.reasons.slice(0, 12).map((r) => (
        <li key={r.text} className="flex justify-between gap-4 rounded border border-slate-100 bg-white px-3 py-1.5">
          <span>{r.text}</span>
          <span className="whitespace-nowrap text-slate-600">{r.claims} 笔</span>
        </li>
      ))}
      {s.reasons.length > 12 ? <li className="text-slate-500">另有 {s.reasons.length - 12} 项原因，见导出文件。</li> : null}
    </ul>
  );
}
