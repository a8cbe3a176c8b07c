import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { getSimulationDefaults } from "@/lib/policies/get-simulation-defaults";
import { simulatePolicyDraft } from "@/lib/policies/simulate-policy-draft";
import { BreakdownTable, Figures, LargestTable, ReasonList, SubsidyTable, TierTable } from "./result-tables";
import { SimulateForm } from "./simulate-form";

export const metadata: Metadata = { title: "政策测算" };

type Props = { params: Promise<{ policyId: string; version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="space-y-2">
      <h2 className="font-medium text-slate-800">{title}</h2>
      {children}
    </section>
  );
}

export default async function SimulatePage({ params, searchParams }: Props) {
  const [{ policyId, version }, search] = await Promise.all([params, searchParams]);
  const ctx = await requireContext();
  const base = `/policies/${encodeURIComponent(policyId)}/${encodeURIComponent(version)}`;
  const input = { from: param(search.from) ?? null, to: param(search.to) ?? null };
  const run = param(search.run) === "1" ? await loadForPage(() => simulatePolicyDraft(ctx, { policyId, version }, input)) : null;
  const defaults = run ? null : await loadForPage(() => getSimulationDefaults(ctx, { policyId, version }));
  if (defaults && !defaults.ok) return <Notice tone="error" testId="page-error">{defaults.error.message}</Notice>;
  const shown = { from: input.from ?? defaults?.data.period.from ?? "", to: input.to ?? defaults?.data.period.to ?? "" };
  const errors = run && !run.ok && (run.error.field === "from" || run.error.field === "to") ? { [run.error.field]: run.error.message } : {};
  const query = `from=${encodeURIComponent(shown.from)}&to=${encodeURIComponent(shown.to)}`;
  const report = run?.ok ? run.data : null;
  return (
    <>
      <PageHeader
        title="政策测算"
        description={report ? `${report.policy.name}（${report.policy.policyId} 第 ${report.policy.version} 版，草案）与现行政策对比` : `${defaults?.ok ? defaults.data.name : policyId}（第 ${version} 版，草案）与现行政策对比`}
        actions={
          <>
            {report ? (
              <a href={`${base}/simulate/export?${query}`} className="rounded bg-brand-600 px-4 py-2 text-sm text-white hover:bg-brand-700" data-testid="export-link">导出 Excel</a>
            ) : null}
            <Link href={base} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">返回政策版本</Link>
          </>
        }
      />
      <div className="space-y-6">
        <SimulateForm from={shown.from} to={shown.to} errors={errors} />
        {run && !run.ok && Object.keys(errors).length === 0 ? <Notice tone="error" testId="page-error">{run.error.message}</Notice> : null}
        {report ? (
          <div className="space-y-6" data-testid="simulation-result">
            <p className="text-sm text-slate-600">
              测算期间 {report.period.from} 至 {report.period.to}；现行政策：{report.inForce.join("、") || "期间内无结算记录"}；用时 {report.seconds.toFixed(1)} 秒。金额单位：元。
            </p>
            {report.summary.problems.personYears > 0 ? (
              <Notice tone="warning">
                {report.summary.problems.personYears} 人年（{report.summary.problems.claims} 笔）无法结算，未计入两边合计。例如：{report.summary.problems.examples.slice(0, 3).map((p) => p.reason).join("；")}
              </Notice>
            ) : null}
            <Figures s={report.summary} />
            <div className="grid gap-6 xl:grid-cols-2">
              <Section title="三重制度支付（现行 / 草案 / 差额）"><TierTable s={report.summary} /></Section>
              <Section title="变化原因（按结算笔数）"><ReasonList s={report.summary} /></Section>
            </div>
            <Section title="按救助对象类别"><BreakdownTable rows={report.summary.byCategory} first="类别" testId="category-table" /></Section>
            <Section title="按乡镇（街道）"><BreakdownTable rows={report.summary.byTownship} first="乡镇（街道）" testId="township-table" /></Section>
            <Section title={`资助参保（${report.period.from.slice(0, 4)}${report.period.to.slice(0, 4) !== report.period.from.slice(0, 4) ? `—${report.period.to.slice(0, 4)}` : ""} 年度参保缴费）`}>
              <SubsidyTable s={report.summary} />
            </Section>
            <Section title={`个人自付变化最大的 ${report.summary.largest.length} 人`}>
              <LargestTable s={report.summary} detailHref={(id) => `${base}/simulate/person/${id}?${query}`} />
            </Section>
          </div>
        ) : null}
      </div>
    </>
  );
}
