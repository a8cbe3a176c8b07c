import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { requireContext } from "@/lib/auth/current-actor";
import { levelName, SETTING_NAMES } from "@/lib/claims/domain/claim-labels";
import { getClaimsYear } from "@/lib/claims/get-claims-year";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { yuanToCents } from "@/lib/settlement/cents";
import { ClaimTrace } from "./claim-trace";
import { YearLimits } from "./year-limits";

export const metadata: Metadata = { title: "年度结算记录" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const TOTALS = [
  ["policyScopeCost", "政策范围内费用"],
  ["basic", "基本医保"],
  ["critical", "大病保险"],
  ["assistance", "医疗救助"],
  ["tilted", "倾斜救助"],
  ["selfPaid", "个人自付"],
] as const;

export default async function ClaimsYearPage({ params, searchParams }: Props) {
  const { id } = await params;
  const year = param((await searchParams).year);
  const result = await loadForPage(async () => getClaimsYear(await requireContext(), id, year));
  if (!result.ok) return <Notice tone="error" testId="page-error">{result.error.message}</Notice>;
  const y = result.data;
  return (
    <>
      <PageHeader
        title={`${y.person.name} · ${y.year}年结算记录`}
        description={`身份证号 ${y.person.idNumberMasked}。每条记录按结算日期当天的救助类别和政策版本结算；限额和起付线按自然年累计。`}
        actions={
          <>
            <Link href={`/people/${y.person.id}`} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">返回人员信息</Link>
            {y.claims.length > 0 ? (
              <a href={`/people/${y.person.id}/claims/export?year=${y.year}`} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">导出 Excel</a>
            ) : null}
            {y.canResettle && y.claims.length > 0 ? (
              <Link href={`/claims/resettle?year=${y.year}&person=${y.person.id}`} className="rounded border border-slate-300 bg-white px-3 py-2 text-sm hover:bg-slate-100">重新结算本年</Link>
            ) : null}
          </>
        }
      />
      <nav className="mb-4 flex gap-2 text-sm" aria-label="年度">
        {y.years.map((yr) => (
          <Link key={yr} href={`/people/${y.person.id}/claims?year=${yr}`} className={`rounded px-3 py-1 ${yr === y.year ? "bg-brand-600 text-white" : "border border-slate-300 bg-white hover:bg-slate-100"}`}>
            {yr}年
          </Link>
        ))}
      </nav>
      {y.claims.length === 0 ? (
        <Notice>{y.year}年没有结算记录。</Notice>
      ) : (
        <>
          <dl className="mb-6 grid grid-cols-3 gap-3 md:grid-cols-6" data-testid="year-totals">
            {TOTALS.map(([key, label]) => (
              <div key={key} className="rounded border border-slate-200 bg-white px-3 py-2">
                <dt className="text-xs text-slate-500">{label}（元）</dt>
                <dd className="text-lg tabular-nums" data-testid={`total-${key}`}>{y.totals[key]}</dd>
              </div>
            ))}
          </dl>
          <h2 className="mb-2 font-medium">年度限额与起付线</h2>
          <YearLimits runs={y.runs} />
          <h2 className="mt-6 mb-2 font-medium">结算明细（按结算日期）</h2>
          <Table testId="claims-year-table">
            <thead>
              <tr>
                <Th>结算日期</Th><Th>就诊</Th><Th>医疗机构</Th><Th>政策范围内</Th><Th>基本医保</Th><Th>大病保险</Th><Th>医疗救助</Th><Th>倾斜救助</Th><Th>个人自付</Th><Th>机构减免/商保</Th><Th>本年累计救助</Th>
              </tr>
            </thead>
            {y.claims.map((c) => (
              <tbody key={c.claimId} data-testid="claim-row">
                <tr>
                  <Td className="whitespace-nowrap tabular-nums">{c.date}</Td>
                  <Td className="whitespace-nowrap">
                    {SETTING_NAMES[c.setting]}
                    {c.specialDisease ? <span className="block text-xs text-amber-700">特殊疾病</span> : null}
                    {c.referred ? null : <span className="block text-xs text-red-700">未按规定转诊</span>}
                    {c.onApplication ? <span className="block text-xs text-brand-700">依申请</span> : null}
                  </Td>
                  <Td>{c.hospitalName}（{levelName(c.hospitalLevel)}）</Td>
                  <Td className="tabular-nums">{c.policyScopeCost}</Td>
                  <Td className="tabular-nums">{c.settlement?.basic ?? "—"}</Td>
                  <Td className="tabular-nums">{c.settlement?.critical ?? "—"}</Td>
                  <Td className="tabular-nums font-medium" >{c.settlement?.assistance ?? "—"}</Td>
                  <Td className="tabular-nums">{c.settlement?.tilted ?? "—"}</Td>
                  <Td className="tabular-nums">{c.settlement?.selfPaid ?? "—"}</Td>
                  <Td className="tabular-nums"><Waivers waived={c.hospitalWaived} commercial={c.commercialPaid} /></Td>
                  <Td className="tabular-nums">{c.running?.assistanceSoFar ?? "—"}</Td>
                </tr>
                <tr>
                  <td colSpan={11} className="px-3 pb-3">
                    <details>
                      <summary className="cursor-pointer text-sm text-brand-600">计算过程（结算流水号 {c.externalId}）</summary>
                      <div className="mt-2 rounded bg-slate-50 p-3"><ClaimTrace claim={c} /></div>
                    </details>
                  </td>
                </tr>
              </tbody>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

/** 医疗机构减免 and 商业补充保险赔付 of one claim: a dash when neither paid, else the one or two figures. */
function Waivers({ waived, commercial }: { waived: string; commercial: string }) {
  const parts = [yuanToCents(waived) > 0 ? `减免 ${waived}` : null, yuanToCents(commercial) > 0 ? `商保 ${commercial}` : null].filter((p) => p !== null);
  if (parts.length === 0) return <span className="text-slate-400">—</span>;
  return (
    <>
      {parts.map((p) => (
        <div key={p} className="whitespace-nowrap">{p}</div>
      ))}
    </>
  );
}
