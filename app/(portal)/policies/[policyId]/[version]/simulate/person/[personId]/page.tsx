import Link from "next/link";
import type { Metadata } from "next";
import { Notice } from "@/components/ui/notice";
import { PageHeader } from "@/components/ui/page-header";
import { requireContext } from "@/lib/auth/current-actor";
import { ruleText, TIER_NAMES, traceArithmetic } from "@/lib/claims/domain/trace-text";
import { loadForPage } from "@/lib/http/page-errors";
import { param } from "@/lib/http/search-params";
import { TIER_LABELS } from "@/lib/policies/domain/simulation-labels";
import { SIM_TIERS } from "@/lib/policies/domain/simulation-tally";
import { getSimulationDetail, type SimulationDetail } from "@/lib/policies/get-simulation-detail";
import { Yuan } from "../../money-cells";

export const metadata: Metadata = { title: "政策测算：个人明细" };

type Props = {
  params: Promise<{ policyId: string; version: string; personId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

type Side = SimulationDetail["claims"][number]["current"];

/** `other`: the other side's trace; an entry whose rule or arithmetic differs from its counterpart is highlighted. */
function TraceColumn({ title, side, other, testId }: { title: string; side: Side; other: Side; testId: string }) {
  const differs = (i: number) => {
    const e = side.trace[i]!;
    const o = other.trace.filter((x) => x.tier === e.tier)[side.trace.slice(0, i).filter((x) => x.tier === e.tier).length];
    return !o || o.rule !== e.rule || traceArithmetic(o) !== traceArithmetic(e);
  };
  return (
    <div className="rounded border border-slate-200 bg-white p-3 text-sm" data-testid={testId}>
      <h3 className="font-medium">{title}</h3>
      <p className="mb-2 text-slate-600">按 {side.categoryName}、{side.versionLabel}</p>
      <ol className="list-decimal space-y-1.5 pl-5">
        {side.trace.map((e, i) => (
          <li key={i} className={differs(i) ? "rounded bg-amber-50" : undefined}>
            <span className="font-medium">{TIER_NAMES[e.tier]}</span>：{ruleText(e)}
            <span className="block text-slate-600">{traceArithmetic(e)}</span>
          </li>
        ))}
      </ol>
    </div>
  );
}

export default async function SimulationPersonPage({ params, searchParams }: Props) {
  const [{ policyId, version, personId }, search] = await Promise.all([params, searchParams]);
  const ctx = await requireContext();
  const input = { from: param(search.from) ?? null, to: param(search.to) ?? null };
  const back = `/policies/${encodeURIComponent(policyId)}/${encodeURIComponent(version)}/simulate?run=1&from=${encodeURIComponent(input.from ?? "")}&to=${encodeURIComponent(input.to ?? "")}`;
  const result = await loadForPage(() => getSimulationDetail(ctx, { policyId, version }, personId, input));
  if (!result.ok) {
    return (
      <>
        <Notice tone="error" testId="page-error">{result.error.message}</Notice>
        <Link href={back} className="text-brand-600 hover:underline">返回政策测算</Link>
      </>
    );
  }
  const d = result.data;
  return (
    <>
      <PageHeader
        title={`政策测算：${d.person.name}（${d.person.idNumber}）`}
        description={`${d.policy.name}（第 ${d.policy.version} 版，草案）与现行政策 · ${d.period.from} 至 ${d.period.to}`}
        actions={<Link href={back} className="rounded border border-slate-300 px-4 py-2 text-sm hover:bg-slate-100">返回测算结果</Link>}
      />
      {d.problem ? <Notice tone="warning">{d.problem}</Notice> : null}
      {d.claims.some((c) => c.reasons.length > 0) ? <p className="mb-4 text-sm text-slate-600">每笔先列两种政策下的金额和变化原因，再并排列出两边的计算过程；底色标出两边不同的计算步骤。</p> : null}
      <div className="space-y-8">
        {d.claims.map((c) => (
          <section key={c.externalId} className="space-y-3" data-testid="detail-claim">
            <h2 className="font-medium">
              {c.date} · {c.setting === "inpatient" ? "住院" : "门诊"} · 结算流水号 {c.externalId} · 政策范围内费用 <Yuan value={c.policyScopeCost} />
            </h2>
            <table className="text-sm">
              <thead>
                <tr className="text-slate-600">
                  <th className="pr-6 text-left font-normal"></th>
                  {SIM_TIERS.map((t) => <th key={t} className="px-3 text-right font-normal">{TIER_LABELS[t]}</th>)}
                </tr>
              </thead>
              <tbody>
                {([["现行", c.current], ["草案", c.draft]] as const).map(([label, s]) => (
                  <tr key={label}>
                    <td className="pr-6">{label}</td>
                    {SIM_TIERS.map((t) => <td key={t} className="px-3 text-right"><Yuan value={s[t]} /></td>)}
                  </tr>
                ))}
              </tbody>
            </table>
            {c.reasons.length > 0 ? (
              <p className="rounded bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="detail-reasons">变化原因：{c.reasons.join("；")}</p>
            ) : (
              <p className="text-sm text-slate-500">两种政策下本笔金额相同。</p>
            )}
            <div className="grid gap-4 lg:grid-cols-2">
              <TraceColumn title="现行政策计算过程" side={c.current} other={c.draft} testId="trace-current" />
              <TraceColumn title="草案计算过程" side={c.draft} other={c.current} testId="trace-draft" />
            </div>
          </section>
        ))}
        {d.claims.length === 0 && !d.problem ? <p className="text-sm text-slate-500">期间内该人员没有结算记录。</p> : null}
      </div>
    </>
  );
}
