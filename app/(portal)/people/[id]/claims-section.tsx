import Link from "next/link";
import { can } from "@/lib/auth/domain/can";
import { requireContext } from "@/lib/auth/current-actor";
import { getClaimsYear } from "@/lib/claims/get-claims-year";
import { isAppError } from "@/lib/errors/app-error";

/** The person page's 结算记录 section: the latest year's totals and limits left, linking to the year view. */
// Shown only to holders of claims.view: the server refuses everyone else
// (getClaimsYear), and asking it here would only fill the audit log with refusals.
export async function ClaimsSection({ personId }: { personId: string }) {
  const ctx = await requireContext();
  if (!can(ctx.actor.user, "claims.view")) return null;
  let y;
  try {
    y = await getClaimsYear(ctx, personId, undefined);
  } catch (err) {
    if (isAppError(err)) return null;
    throw err;
  }
  const pools = y.runs[y.runs.length - 1]?.pools.filter((p) => p.limit !== null) ?? [];
  return (
    <section aria-labelledby="claims-section" className="mt-8 space-y-3" data-testid="claims-section">
      <div className="flex max-w-2xl items-baseline justify-between">
        <h2 id="claims-section" className="text-lg font-semibold">结算记录（{y.year}年）</h2>
        <Link href={`/people/${y.person.id}/claims?year=${y.year}`} className="text-sm text-brand-600 hover:underline">查看年度结算明细</Link>
      </div>
      {y.claims.length === 0 ? (
        <p className="text-sm text-slate-500">暂无结算记录。</p>
      ) : (
        <dl className="grid max-w-2xl grid-cols-[10rem_1fr] gap-y-2 rounded border border-slate-200 bg-white p-5 text-sm">
          <dt className="text-slate-500">结算次数</dt>
          <dd>{y.claims.length} 次</dd>
          <dt className="text-slate-500">政策范围内费用</dt>
          <dd className="tabular-nums">{y.totals.policyScopeCost} 元</dd>
          <dt className="text-slate-500">医疗救助 / 倾斜救助</dt>
          <dd className="tabular-nums">{y.totals.assistance} 元 / {y.totals.tilted} 元</dd>
          <dt className="text-slate-500">个人自付</dt>
          <dd className="tabular-nums">{y.totals.selfPaid} 元</dd>
          {pools.map((p) => (
            <div key={p.name} className="contents">
              <dt className="text-slate-500">{p.name}</dt>
              <dd className="tabular-nums">已用 {p.used} 元，剩余 {p.left} 元</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
