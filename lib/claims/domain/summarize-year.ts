import { CATEGORY_INFO, isCategory, type Category } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { formatCents, yuanToCents, type Cents } from "@/lib/settlement/cents";
import { resolveCriticalDeductible } from "@/lib/settlement/compile-critical";
import { compilePolicy, parameterValue, planFor, type CompiledPool, type PersonPlan } from "@/lib/settlement/compile-policy";
import type { TraceEntry } from "@/lib/settlement/types";
import { runsOf, type ClaimTerms } from "./settle-year";

// A person's year of stored settlements, with running totals against each
// limit pool and the deductibles used (pure). Which pool an amount counts
// against is read back from the trace: each assistance and tilted line starts
// with the label of the rule that paid it, and the rule names its pool. Pools
// and deductibles are per settlement run (see settle-year.ts): a run that
// starts mid-year under a new category or version starts from zero.

export type StoredClaim = {
  claimId: string;
  externalId: string;
  date: string;
  settlement: { versionId: number; category: string; assistance: string; tilted: string; trace: unknown[] } | null;
};

export type VersionInfo = { label: string; record: PolicyRecord };

export type PoolUse = { name: string; amount: string; usedAfter: string; limit: string | null };
export type PoolLine = { name: string; limit: string | null; used: string; left: string | null };
export type DeductibleLine = { name: string; amount: string | null; used: string; left: string | null };
export type YearRun = { from: string; to: string; categoryName: string; versionLabel: string; pools: PoolLine[]; deductibles: DeductibleLine[] };
export type ClaimRunning = { poolUse: PoolUse[]; assistanceSoFar: string };

type Item = StoredClaim & { terms: ClaimTerms; trace: TraceEntry[] };

function planOf(t: ClaimTerms): { plan: PersonPlan; pools: CompiledPool[]; compiled: ReturnType<typeof compilePolicy> } {
  const compiled = compilePolicy(t.record);
  return { plan: planFor(compiled, t.category), pools: compiled.pools, compiled };
}

function poolOf(plan: PersonPlan, e: TraceEntry): CompiledPool | null {
  if (e.tier === "assistance") return plan.assistance.find((r) => e.rule.startsWith(r.label))?.pool ?? null;
  if (e.tier === "tilted") return plan.tilted.find((t) => e.rule.startsWith(t.label))?.pool ?? null;
  return null;
}

const deductibleOf = (e: TraceEntry): Cents => (e.deductible ? yuanToCents(e.deductible) : 0);

function deductibles(run: Item[], plan: PersonPlan, compiled: ReturnType<typeof compilePolicy>, year: number): DeductibleLine[] {
  const lines: DeductibleLine[] = [];
  const entries = run.flatMap((c) => c.trace);
  // A per-application deductible is taken again by each application: its "left" means nothing for the year.
  const add = (name: string, amount: Cents | null, pred: (e: TraceEntry) => boolean, yearly = true) => {
    const used = entries.filter(pred).reduce((sum, e) => sum + deductibleOf(e), 0);
    const left = amount === null || !yearly ? null : formatCents(Math.max(0, amount - used));
    lines.push({ name, amount: amount === null ? null : formatCents(amount), used: formatCents(used), left });
  };
  if (plan.basic.deductible > 0) add("基本医保起付线", plan.basic.deductible, (e) => e.tier === "basic");
  const general = plan.critical?.general;
  if (general) {
    const d = general.deductible;
    const param = d.kind === "share" ? parameterValue(compiled, year, d.parameter) : undefined;
    const amount = d.kind === "amount" || param !== undefined ? resolveCriticalDeductible(general, param) : null;
    add("大病保险起付线（年度累计）", amount, (e) => e.tier === "critical");
  }
  for (const r of plan.assistance) {
    if (r.deductibleKind === "none") continue;
    const name = `${r.label.split("：")[0]}起付线（${r.deductibleKind === "perYear" ? "每年" : "每次申请"}）`;
    add(name, r.byYear === null ? r.deductible : (r.byYear.get(year) ?? null), (e) => e.tier === "assistance" && e.rule.startsWith(r.label), r.deductibleKind === "perYear");
  }
  return lines;
}

/** Runs, and for each claim (same order as `claims`, which must be in ledger order) its pool use. */
export function summarizeYear(claims: readonly StoredClaim[], versions: ReadonlyMap<number, VersionInfo>): { runs: YearRun[]; running: (ClaimRunning | null)[] } {
  const items: Item[] = [];
  for (const c of claims) {
    const s = c.settlement;
    const v = s ? versions.get(s.versionId) : undefined;
    if (!s || !v || !isCategory(s.category)) continue;
    items.push({ ...c, terms: { versionId: s.versionId, record: v.record, category: s.category as Category }, trace: s.trace as TraceEntry[] });
  }
  const runs: YearRun[] = [];
  const byClaim = new Map<string, ClaimRunning>();
  let assistance = 0;
  // Pools belong to a policy version and run over the whole year across
  // category changes (settle-year.ts), so use carries over between sections.
  const usedByVersion = new Map<number, number[]>();
  for (const run of runsOf(items)) {
    const { plan, pools, compiled } = planOf(run.terms);
    let usedByPool = usedByVersion.get(run.terms.versionId);
    if (!usedByPool) usedByVersion.set(run.terms.versionId, (usedByPool = new Array<number>(pools.length).fill(0)));
    for (const c of run.claims) {
      const poolUse: PoolUse[] = [];
      for (const e of c.trace) {
        const pool = e.amount !== "0.00" ? poolOf(plan, e) : null;
        if (!pool) continue;
        usedByPool[pool.index]! += yuanToCents(e.amount);
        poolUse.push({ name: pool.name, amount: e.amount, usedAfter: formatCents(usedByPool[pool.index]!), limit: pool.limit === null ? null : formatCents(pool.limit) });
      }
      assistance += yuanToCents(c.settlement!.assistance) + yuanToCents(c.settlement!.tilted);
      byClaim.set(c.claimId, { poolUse, assistanceSoFar: formatCents(assistance) });
    }
    runs.push({
      from: run.claims[0]!.date,
      to: run.claims[run.claims.length - 1]!.date,
      categoryName: CATEGORY_INFO[run.terms.category].name,
      versionLabel: versions.get(run.terms.versionId)!.label,
      pools: pools.map((p) => ({
        name: p.name,
        limit: p.limit === null ? null : formatCents(p.limit),
        used: formatCents(usedByPool[p.index]!),
        left: p.limit === null ? null : formatCents(Math.max(0, p.limit - usedByPool[p.index]!)),
      })),
      deductibles: deductibles(run.claims, plan, compiled, Number(run.claims[0]!.date.slice(0, 4))),
    });
  }
  return { runs, running: claims.map((c) => byClaim.get(c.claimId) ?? null) };
}
