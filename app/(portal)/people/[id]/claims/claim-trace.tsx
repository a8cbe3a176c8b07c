import type { YearClaim } from "@/lib/claims/get-claims-year";
import { ruleText, TIER_NAMES, traceArithmetic } from "@/lib/claims/domain/trace-text";

/** One claim's calculation in plain Chinese: each trace line, then what it took from the limits. */
export function ClaimTrace({ claim }: { claim: YearClaim }) {
  const s = claim.settlement;
  if (!s) return <p className="text-sm text-slate-500">该记录尚未结算。</p>;
  return (
    <div className="space-y-2 text-sm" data-testid="claim-trace">
      <p className="text-slate-600">
        按 <span className="font-medium">{s.categoryName}</span> 和 {s.versionLabel} 结算
        {s.reason ? `；重新结算原因：${s.reason}` : ""}
      </p>
      <ol className="list-decimal space-y-1 pl-5">
        {s.trace.map((e, i) => (
          <li key={i}>
            <span className="font-medium">{TIER_NAMES[e.tier]}</span>：{ruleText(e)}
            <span className="block text-slate-600">{traceArithmetic(e)}</span>
          </li>
        ))}
      </ol>
      {claim.running && claim.running.poolUse.length > 0 ? (
        <ul className="space-y-0.5 text-slate-600">
          {claim.running.poolUse.map((u, i) => (
            <li key={i}>
              计入{u.name}：本次 {u.amount} 元，本年累计 {u.usedAfter} 元{u.limit ? ` / 限额 ${u.limit} 元` : "（不设限额）"}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
