import Link from "next/link";
import type { Metadata } from "next";
import { inputClass } from "@/components/ui/form";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td, Th } from "@/components/ui/table";
import { TIMELINESS_COLUMNS, TIMELINESS_NOTE, TIMELINESS_STEPS, TIMELINESS_STEP_NAMES, type TimelinessRow } from "@/lib/applications/domain/timeliness";
import { getTimeliness } from "@/lib/applications/get-timeliness";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { TimelinessChart } from "./_components/timeliness-chart";

export const metadata: Metadata = { title: "办理时效" };

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function TimelinessPage({ searchParams }: { searchParams: Search }) {
  const sp = await searchParams;
  const ctx = await requireContext();
  const loaded = await loadForPage(() => getTimeliness(ctx, { year: param(sp.year) }));
  if (!loaded.ok) return <Notice tone="error" testId="page-error">{loaded.error.message}</Notice>;
  const view = loaded.data;
  const num = (v: number | string | null, warn = false) =>
    v === null ? <span className="text-slate-400">—</span> : <span className={warn && v !== 0 ? "font-semibold text-red-700" : ""}>{v}</span>;
  const line = (r: TimelinessRow, total = false) => (
    <tr key={r.townshipCode || "total"} className={total ? "bg-slate-50 font-semibold" : ""}>
      <Td className="whitespace-nowrap">{r.townshipName}</Td>
      {TIMELINESS_STEPS.flatMap((step) =>
        TIMELINESS_COLUMNS.map((c) => (
          <Td key={`${step}.${c.key}`} className={`px-2.5 text-right tabular-nums whitespace-nowrap ${c.key === "onTime" ? "border-l border-slate-200" : ""}`}>
            {num(r.steps[step][c.key], c.key === "late" || c.key === "openOverdue")}
          </Td>
        )),
      )}
    </tr>
  );
  const chart = view.rows
    .filter((r) => TIMELINESS_STEPS.some((s) => r.steps[s].averageDays !== null))
    .map((r) => ({
      township: r.townshipName,
      township_days: r.steps.township.averageDays === null ? null : Number(r.steps.township.averageDays),
      county_days: r.steps.county.averageDays === null ? null : Number(r.steps.county.averageDays),
      payment_days: r.steps.payment.averageDays === null ? null : Number(r.steps.payment.averageDays),
    }));
  return (
    <>
      <PageHeader
        title="办理时效"
        description={`${view.divisionName} ${view.year}年受理的依申请救助案件，按乡镇和办理环节统计（乡镇审核、县级审核、资金支付各 10 个工作日）。在办超期按北京时间今天（${view.today}）判断。`}
        actions={
          <a href={`/applications/timeliness/export?year=${view.year}`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700">
            导出 Excel
          </a>
        }
      />
      <form method="get" className="mb-4 flex items-end gap-3">
        <label className="text-sm">
          受理年度
          <select name="year" defaultValue={String(view.year)} className={`${inputClass} w-32`}>
            {view.years.map((y) => (
              <option key={y} value={y}>{y}年</option>
            ))}
          </select>
        </label>
        <button className="rounded bg-brand-600 px-4 py-2 text-sm text-white">查看</button>
        <Link href="/applications" className="py-2 text-sm text-brand-600 hover:underline">返回案件列表</Link>
      </form>
      <Table testId="timeliness-table">
        <thead>
          <tr>
            <Th className="align-bottom">乡镇（街道）</Th>
            {TIMELINESS_STEPS.map((step) => (
              <th key={step} colSpan={TIMELINESS_COLUMNS.length} className="border-l border-slate-200 bg-slate-50 px-3 py-2 text-center font-semibold whitespace-nowrap text-slate-800">
                {TIMELINESS_STEP_NAMES[step]}
              </th>
            ))}
          </tr>
          <tr>
            <Th />
            {TIMELINESS_STEPS.flatMap((step) =>
              TIMELINESS_COLUMNS.map((c) => (
                <Th key={`${step}.${c.key}`} className={`px-2.5 text-right ${c.key === "onTime" ? "border-l border-slate-200" : ""}`}>{c.short}</Th>
              )),
            )}
          </tr>
        </thead>
        <tbody>
          {view.rows.map((r) => line(r))}
          {line(view.total, true)}
        </tbody>
      </Table>
      <p className="mt-3 max-w-5xl text-sm leading-6 text-slate-600" data-testid="timeliness-note">
        <span className="font-medium text-slate-700">说明：</span>“按时”“超时”为已办结该环节的案件（不超过 10 个工作日为按时）；“在办”为目前处于该环节的案件，“超期”为其中已过到期日的；“平均”为已办结案件的平均用时（工作日）。
        <br />
        <span className="font-medium text-slate-700">计时口径：</span>
        {TIMELINESS_NOTE}
      </p>
      {chart.length > 0 ? (
        <>
          <h2 className="mt-8 mb-3 text-lg font-semibold">各环节平均用时（工作日）</h2>
          <TimelinessChart rows={chart} />
        </>
      ) : null}
    </>
  );
}
