import { evaluateCompiled, type YearMonitoring } from "@/lib/monitoring/domain/evaluate-monitoring";
import { assistanceMatch } from "./assistance-tier";
import * as cents from "./cents";
import type { Cents } from "./cents";
import { planFor, yearParameter, type PersonPlan } from "./compile-policy";
import { reached, tiltedRefusal } from "./tilted-tier";
import * as traceLines from "./trace";
import * as T from "./trace-log";
import type { CompactSettlement } from "./settle-claims";
import type { ClaimInput, ClaimResult, SettlementResult, TraceEntry, TraceSegment } from "./types";

// The compact trace (trace-log.ts) rendered into the contract's trace lines
// (docs/cli.md): the Chinese words naming the rule, its conditions and its
// source paragraph, and the figures a clerk checks by hand. Every word here is
// the engine's: the plan's ready-made labels and the integers the tiers
// recorded; nothing is computed again but the segment split and the reason a
// rule did not apply, both from the same recorded figures.

// Module-local copies of the trace codes (as in settle-claims.ts): an imported
// binding is read through a getter on every use under CommonJS interop (tsx,
// the CLI), and the switch below compares up to 14 of them per trace line.
const {
  AMOUNTS_PER_CLAIM,
  ARITY,
  ASSISTANCE,
  ASSISTANCE_NONE,
  BASIC,
  BASIC_GIVEN,
  CRITICAL,
  CRITICAL_DRUG,
  CRITICAL_GIVEN,
  FOOD,
  FOOD_NONE,
  OUT_OF_SCOPE,
  TILTED,
  TILTED_REFUSED,
  TILTED_ZERO,
  WAIVED,
} = T;
// Likewise the functions each trace line calls.
const { formatBp, formatCents } = cents;
const { traceEntry } = traceLines;

const LEVELS = ["", "一级", "二级", "三级"];

function noRuleReason(plan: PersonPlan, claim: ClaimInput): string {
  if (plan.noAssistanceReason) return plan.noAssistanceReason;
  if (claim.onApplication === true) return `本政策对${plan.categoryName}的依申请救助无适用规则，不予救助`;
  const disease = claim.specialDisease === true ? "特殊疾病" : "非特殊疾病";
  return `本政策对${plan.categoryName}的${disease}${claim.setting === "inpatient" ? "住院" : "门诊"}无适用的医疗救助规则，不予救助`;
}

function criticalLine(s: CompactSettlement, plan: PersonPlan, base: Cents, before: Cents, d: Cents, amount: Cents, limited: boolean): TraceEntry {
  const g = plan.critical!.general!;
  const after = before + base;
  const deductible = Math.min(after, d) - Math.min(before, d);
  const from = Math.max(before, d);
  const to = Math.max(after, d);
  const segments: TraceSegment[] = [];
  let lower = 0;
  for (const seg of g.segments) {
    const start = Math.max(from, lower);
    const end = Math.min(to, seg.upTo);
    if (end > start) segments.push({ range: seg.range, base: formatCents(end - start), ratio: formatBp(seg.bp) });
    lower = seg.upTo;
    if (lower >= to) break;
  }
  const single = segments.length === 1 ? segments[0]!.ratio : undefined;
  const split = g.segments.length > 1 && segments.length > 0 ? segments : undefined;
  let rule = g.label;
  if (g.deductible.kind === "share" && amount > 0) rule += `；本年起付线 ${formatCents(d)} 元`;
  if (amount === 0) rule += `；年度累计 ${formatCents(after)} 元未超过起付线 ${formatCents(d)} 元`;
  return traceEntry("critical", rule, base, amount, { deductible, ratio: single, segments: split, limit: limited ? g.cap : null });
}

function poolText(s: CompactSettlement, poolIndex: number, room: Cents): string {
  const pool = s.compiled.pools[poolIndex]!;
  return `；${pool.name} ${formatCents(pool.limit!)} 元，本年此前已付 ${formatCents(pool.limit! - room)} 元`;
}

/** The trace lines of claim `i` of a compact settlement, as the contract shows them. */
export function renderClaimTrace(s: CompactSettlement, i: number): TraceEntry[] {
  const claim = s.claims[i]!;
  const plan = claim.category === undefined ? s.plan : planFor(s.compiled, claim.category);
  const log = s.log;
  const end = s.traceAt[i + 1]!;
  const out: TraceEntry[] = [];
  for (let at = s.traceAt[i]!; at < end; at += 1 + ARITY[log[at]!]!) {
    // Argument k of the line is log[at + k] (read inline: a closure per line costs an allocation, and esbuild's name helper under tsx).
    switch (log[at]) {
      case BASIC_GIVEN:
        out.push(traceEntry("basic", "医院已结算的基本医保金额（按结算单）", log[at + 1]!, log[at + 2]!));
        break;
      case BASIC: {
        const b = plan.basic;
        const level = claim.hospitalLevel ?? 1;
        const bp = (claim.setting === "inpatient" ? b.inpatient : b.outpatient)[level - 1] ?? 0;
        const rule = `按政策参数计算：${LEVELS[level]}医院${claim.setting === "inpatient" ? "住院" : "门诊"} ${formatBp(bp)}（${b.paragraph}，默认参数）`;
        out.push(traceEntry("basic", rule, log[at + 1]!, log[at + 3]!, { deductible: log[at + 2]!, ratio: formatBp(bp), limit: log[at + 4]! === 1 ? b.cap : null }));
        break;
      }
      case CRITICAL_GIVEN:
        out.push(traceEntry("critical", "医院已结算的大病保险金额（按结算单）", log[at + 1]!, log[at + 2]!));
        break;
      case CRITICAL_DRUG: {
        const drug = plan.critical!.drug!;
        out.push(traceEntry("critical", drug.label, log[at + 1]!, log[at + 3]!, { deductible: log[at + 2]!, ratio: formatBp(drug.bp), limit: log[at + 4]! === 1 ? drug.cap : null }));
        break;
      }
      case CRITICAL:
        out.push(criticalLine(s, plan, log[at + 1]!, log[at + 2]!, log[at + 3]!, log[at + 4]!, log[at + 5]! === 1));
        break;
      case ASSISTANCE_NONE: {
        const { refusal } = assistanceMatch(plan, claim, claim.policyScopeCost);
        out.push(traceEntry("assistance", refusal ?? noRuleReason(plan, claim), log[at + 1]!, 0));
        break;
      }
      case ASSISTANCE: {
        const r = plan.assistance[log[at + 1]!]!;
        const capped = log[at + 5]! === 1;
        const rule = capped ? `${r.label}${poolText(s, log[at + 6]!, log[at + 7]!)}` : r.label;
        out.push(traceEntry("assistance", rule, log[at + 2]!, log[at + 4]!, { deductible: log[at + 3]!, ratio: formatBp(r.bp), limit: capped ? s.compiled.pools[log[at + 6]!]!.limit : null }));
        break;
      }
      case FOOD_NONE:
        out.push(traceEntry("assistance", `本政策对${plan.categoryName}未配置特殊食品救助`, log[at + 1]!, 0));
        break;
      case FOOD: {
        const band = plan.food!.bands[log[at + 1]!]!;
        const capped = log[at + 5]! === 1;
        const rule = `${band.label}；就医时 ${log[at + 2]!} 周岁${capped ? `；本年此前已付 ${formatCents(log[at + 6]!)} 元` : ""}`;
        out.push(traceEntry("assistance", rule, log[at + 3]!, log[at + 4]!, { ratio: formatBp(band.bp), limit: capped ? band.limit : null }));
        break;
      }
      case WAIVED: {
        const [waived, commercial, left, taken] = [log[at + 1]!, log[at + 2]!, log[at + 3]!, log[at + 4]!];
        const parts = [waived > 0 ? `医疗机构减免 ${formatCents(waived)} 元` : "", commercial > 0 ? `商业补充保险赔付 ${formatCents(commercial)} 元` : ""].filter(Boolean);
        const capped = taken < waived + commercial ? `，以个人尚需负担的 ${formatCents(left)} 元为限` : "";
        out.push(
          traceEntry("tilted", `${parts.join("、")}，从个人负担中先行扣除 ${formatCents(taken)} 元${capped}，余 ${formatCents(left - taken)} 元作为倾斜救助/再救助的计算基础`, left, 0),
        );
        break;
      }
      case TILTED_REFUSED:
        out.push(traceEntry("tilted", tiltedRefusal(plan.tilted[log[at + 1]!]!, claim)!, log[at + 2]!, 0));
        break;
      case TILTED_ZERO: {
        const t = plan.tilted[log[at + 1]!]!;
        const [figure, left] = [log[at + 2]!, log[at + 3]!];
        const what = t.annual ? `年度累计自付 ${formatCents(figure)} 元` : `本次自付 ${formatCents(left)} 元`;
        const why = reached(t, figure)
          ? `${what}，超过起付标准 ${formatCents(t.threshold)} 元的部分为 0`
          : `${what}未${t.inclusive ? "达到" : "超过"}起付标准 ${formatCents(t.threshold)} 元`;
        out.push(traceEntry("tilted", `${t.label}；${why}`, 0, 0));
        break;
      }
      case TILTED: {
        const t = plan.tilted[log[at + 1]!]!;
        const capped = log[at + 4]! === 1;
        let rule = t.annual ? `${t.label}；年度累计自付 ${formatCents(log[at + 7]!)} 元` : t.label;
        if (capped) rule += poolText(s, log[at + 5]!, log[at + 6]!);
        out.push(traceEntry("tilted", rule, log[at + 2]!, log[at + 3]!, { ratio: formatBp(t.bp), limit: capped ? s.compiled.pools[log[at + 5]!]!.limit : null }));
        break;
      }
      case OUT_OF_SCOPE:
        out.push(traceEntry("assistance", "目录外费用不属于政策范围，各重保障均不支付，也不予救助", log[at + 1]!, 0));
        break;
      default:
        throw new Error(`compact trace: unknown code ${log[at]} at ${at}`);
    }
  }
  return out;
}

/** Claim `i`'s five amounts and trace, as the contract's ClaimResult. */
export function renderClaim(s: CompactSettlement, i: number): ClaimResult {
  const k = i * AMOUNTS_PER_CLAIM;
  const m = s.amounts;
  return {
    id: s.claims[i]!.id,
    basic: formatCents(m[k]!),
    critical: formatCents(m[k + 1]!),
    assistance: formatCents(m[k + 2]!),
    tilted: formatCents(m[k + 3]!),
    selfPaid: formatCents(m[k + 4]!),
    trace: renderClaimTrace(s, i),
  };
}

/** Each year's monitoring evaluation (docs/policy.md §5), or undefined when the policy has no monitoring rule. */
export function monitoringYears(s: CompactSettlement): YearMonitoring[] | undefined {
  const m = s.plan.monitoring;
  if (m === null) return undefined;
  return s.years.map((y) =>
    evaluateCompiled(
      m,
      y.year,
      { afterThreeTiers: y.selfPaid, afterBasicAndCritical: y.afterBasicAndCritical, outOfScope: y.outOfScope },
      m.rule ? yearParameter(s.input.parameters, s.compiled, y.year, m.rule.parameter) : undefined,
    ),
  );
}

/** The whole settlement as docs/cli.md's output: every claim with its trace, the totals, the monitoring. */
export function renderSettlement(s: CompactSettlement): SettlementResult {
  const [basic, critical, assistance, tilted, selfPaid] = s.totals;
  const result: SettlementResult = {
    policy: s.compiled.record.id,
    category: s.input.category,
    claims: s.claims.map((_, i) => renderClaim(s, i)),
    totals: { basic: formatCents(basic), critical: formatCents(critical), assistance: formatCents(assistance), tilted: formatCents(tilted), selfPaid: formatCents(selfPaid) },
  };
  const years = monitoringYears(s);
  const last = years?.[years.length - 1];
  if (years && last) result.monitoring = years.length > 1 ? { ...last, byYear: years } : last;
  return result;
}
