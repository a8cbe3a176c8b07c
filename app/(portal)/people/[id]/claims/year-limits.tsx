import type { YearRun } from "@/lib/claims/domain/summarize-year";

/** Limit pools (used / limit / left) and deductibles, per settlement run of the year. */
export function YearLimits({ runs }: { runs: YearRun[] }) {
  return (
    <div className="space-y-4">
      {runs.map((r, i) => (
        <section key={i} className="rounded border border-slate-200 bg-white p-4" data-testid="year-limits">
          <h3 className="mb-2 text-sm font-medium">
            {r.from} 至 {r.to} · {r.categoryName} · {r.versionLabel}
          </h3>
          {runs.length > 1 ? <p className="mb-2 text-xs text-slate-500">本年救助类别或政策版本有变化：变化后的记录从零开始累计起付线和限额。</p> : null}
          <table className="min-w-full text-sm">
            <thead>
              <tr className="text-left text-slate-500"><th className="py-1 pr-4 font-normal">项目</th><th className="py-1 pr-4 font-normal">额度（元）</th><th className="py-1 pr-4 font-normal">已用（元）</th><th className="py-1 font-normal">剩余（元）</th></tr>
            </thead>
            <tbody>
              {r.pools.map((p) => (
                <tr key={p.name} data-testid="pool-row" className="border-t border-slate-100">
                  <td className="py-1 pr-4">{p.name}</td>
                  <td className="py-1 pr-4 tabular-nums">{p.limit ?? "不设限额"}</td>
                  <td className="py-1 pr-4 tabular-nums">{p.used}</td>
                  <td className="py-1 tabular-nums" data-testid="pool-left">{p.left ?? "—"}</td>
                </tr>
              ))}
              {r.deductibles.map((d) => (
                <tr key={d.name} className="border-t border-slate-100">
                  <td className="py-1 pr-4">{d.name}</td>
                  <td className="py-1 pr-4 tabular-nums">{d.amount ?? "未配置"}</td>
                  <td className="py-1 pr-4 tabular-nums">{d.used}</td>
                  <td className="py-1 tabular-nums">{d.left ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}

