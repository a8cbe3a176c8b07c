import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import { compileMonitoring, type CompiledMonitoring } from "@/lib/monitoring/domain/evaluate-monitoring";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { pct, yuan } from "@/lib/policies/domain/rule-text";
import { percentToBp, yuanToCents, type BasisPoints, type Cents } from "./cents";
import { compileAssistance, type CompiledAssistanceRule } from "./compile-assistance";
import { compileCritical, type CompiledCritical } from "./compile-critical";
import { compileTilted, type CompiledTilted } from "./compile-tilted";

// A policy record turned once into integers and ready-made labels, then once
// more per category (a PersonPlan), so settling a claim touches no strings,
// schemas or Decimal objects. Cached by record identity: a record must not be
// mutated after it has been settled with (presets are frozen).

/** `within`: the shared pool this one's payments also count against (docs/policy.md §4), or null. */
export type CompiledPool = { index: number; id: string; name: string; limit: Cents | null; within: CompiledPool | null };

export type CompiledBasic = {
  deductible: Cents;
  /** [setting][level − 1] in basis points. */
  inpatient: readonly BasisPoints[];
  outpatient: readonly BasisPoints[];
  cap: Cents | null;
  paragraph: string;
};

export type CompiledFood = {
  bands: { maxAge: number; bp: BasisPoints; limit: Cents; label: string }[];
};

export type PersonPlan = {
  category: Category;
  categoryName: string;
  basic: CompiledBasic;
  /** null: no critical-illness rule covers this category (criticalPaid required). */
  critical: CompiledCritical | null;
  assistance: CompiledAssistanceRule[];
  /** Why nobody of this category gets assistance, when no rule names it. */
  noAssistanceReason: string | null;
  tilted: CompiledTilted[];
  /** Keys of YearState.paid, by index: "a:<rule id>" for plan.assistance, "t:<rule id>" for plan.tilted. */
  assistanceKeys: string[];
  tiltedKeys: string[];
  food: CompiledFood | null;
  /** null when the policy has no monitoring rule at all. */
  monitoring: CompiledMonitoring | null;
};

export type CompiledPolicy = {
  record: PolicyRecord;
  pools: CompiledPool[];
  /** Yearly parameters by name, then year. */
  parameters: Map<string, Map<number, Cents>>;
  plans: Map<Category, PersonPlan>;
};

const cache = new WeakMap<PolicyRecord, CompiledPolicy>();

export function compilePolicy(record: PolicyRecord): CompiledPolicy {
  let compiled = cache.get(record);
  if (!compiled) {
    const pools: CompiledPool[] = record.limitPools.map((p, index) => ({
      index,
      id: p.id,
      name: p.name,
      limit: p.annualLimit === null ? null : yuanToCents(p.annualLimit),
      within: null,
    }));
    record.limitPools.forEach((p, i) => {
      if (p.within) pools[i]!.within = pools.find((q) => q.id === p.within) ?? null;
    });
    compiled = {
      record,
      pools,
      parameters: new Map(),
      plans: new Map(),
    };
    for (const v of record.parameters.values) {
      let years = compiled.parameters.get(v.name);
      if (!years) compiled.parameters.set(v.name, (years = new Map()));
      years.set(v.year, yuanToCents(v.value));
    }
    cache.set(record, compiled);
  }
  return compiled;
}

export function parameterValue(policy: CompiledPolicy, year: number, name: ParameterName): Cents | undefined {
  return policy.parameters.get(name)?.get(year);
}

/** A yearly parameter as a settlement uses it: the input's override, else the policy's value for the year. */
export function yearParameter(
  overrides: Partial<Record<ParameterName, Cents>> | undefined,
  policy: CompiledPolicy,
  year: number,
  name: ParameterName,
): Cents | undefined {
  return overrides?.[name] ?? parameterValue(policy, year, name);
}

function compileBasic(record: PolicyRecord): CompiledBasic {
  const b = record.basicInsurance;
  const levels = (r: { level1: string; level2: string; level3: string }) => [r.level1, r.level2, r.level3].map(percentToBp);
  return {
    deductible: yuanToCents(b.deductiblePerYear.amount),
    inpatient: levels(b.ratios.inpatient),
    outpatient: levels(b.ratios.outpatient),
    cap: b.annualCap.amount === null ? null : yuanToCents(b.annualCap.amount),
    paragraph: `${b.ratios.source.doc} ${b.ratios.source.paragraph}`,
  };
}

function compileFood(record: PolicyRecord, category: Category): CompiledFood | null {
  const food = record.specialFood;
  if (!food || !food.categories.includes(category)) return null;
  const ref = `${food.source.doc} ${food.source.paragraph}`;
  return {
    bands: food.bands.map((b, i) => ({
      maxAge: b.maxAge ?? Number.POSITIVE_INFINITY,
      bp: percentToBp(b.ratioPercent),
      limit: yuanToCents(b.annualLimit),
      label: `${food.name}：${b.maxAge === null ? `${food.bands[i - 1]?.maxAge ?? 0} 岁以上` : `${b.maxAge} 岁及以下`} ${pct(b.ratioPercent)}，年度限额 ${yuan(b.annualLimit)} 元（${ref}）`,
    })),
  };
}

function labelOf(record: PolicyRecord, name: ParameterName): string {
  return record.parameters.definitions.find((d) => d.name === name)?.label ?? name;
}

/** The plan for one category, built on first use and kept with the compiled policy. */
export function planFor(policy: CompiledPolicy, category: Category): PersonPlan {
  let plan = policy.plans.get(category);
  if (plan) return plan;
  const record = policy.record;
  const poolIndex = new Map(policy.pools.map((p) => [p.id, p]));
  const assistance = compileAssistance(record, category, poolIndex);
  const tilted = compileTilted(record, category, poolIndex);
  const assistanceSource = record.assistance.source;
  plan = {
    category,
    categoryName: CATEGORY_INFO[category].name,
    basic: compileBasic(record),
    critical: compileCritical(record, category),
    assistance,
    noAssistanceReason:
      assistance.length > 0
        ? null
        : `本政策对${CATEGORY_INFO[category].name}未配置医疗救助规则，不予救助（${assistanceSource.doc} ${assistanceSource.paragraph}）`,
    tilted,
    assistanceKeys: assistance.map((r) => `a:${r.id}`),
    tiltedKeys: tilted.map((t) => `t:${t.id}`),
    food: compileFood(record, category),
    monitoring: record.monitoring.length === 0 ? null : compileMonitoring(record.monitoring, category, (rule) => labelOf(record, rule.parameter)),
  };
  policy.plans.set(category, plan);
  return plan;
}
