import { CATEGORY_INFO, type Category } from "@/lib/categories/categories";
import type { MonitoringRule } from "@/lib/policies/domain/schema/monitoring";
import { pct, sourceRef } from "@/lib/policies/domain/rule-text";
import { formatCents, mulBp, percentToBp, type BasisPoints, type Cents } from "@/lib/settlement/cents";
import type { MonitoringResult } from "@/lib/settlement/types";

// 因病返贫致贫监测 (docs/policy.md §5): is this person's year over the rule's
// threshold? Pure: the engine passes the year's figures, the dashboards can
// pass figures summed from stored claims. A rule is compiled once per
// category (texts, ratio) so the engine's per-person cost stays small.

export type MonitoringFigures = {
  /** Policy-scope cost left after basic, critical illness and all assistance. */
  afterThreeTiers: Cents;
  /** Policy-scope cost left after basic and critical illness only. */
  afterBasicAndCritical: Cents;
  /** Out-of-scope (目录外) cost, counted only by rules that say so. */
  outOfScope: Cents;
};

export type YearMonitoring = Omit<MonitoringResult, "byYear">;

const FIGURE_NAMES = {
  afterThreeTiers: "经基本医保、大病保险和医疗救助后政策范围内个人自付",
  afterBasicAndCritical: "经基本医保、大病保险后政策范围内个人负担",
} as const;

/** The rule that covers a category, ready to evaluate; `rule` null when none does. */
export type CompiledMonitoring = {
  rule: MonitoringRule | null;
  bp: BasisPoints;
  categoryName: string;
  parameterLabel: string;
  ref: string;
  /** "200%", precomputed (Decimal text) so evaluation does no Decimal work. */
  factorText: string;
};

export function compileMonitoring(rules: readonly MonitoringRule[], category: Category, parameterLabel: (rule: MonitoringRule) => string): CompiledMonitoring {
  const rule = rules.find((r) => r.categories.includes(category)) ?? null;
  return {
    rule,
    bp: rule ? percentToBp(rule.factorPercent) : 0,
    categoryName: CATEGORY_INFO[category].name,
    parameterLabel: rule ? parameterLabel(rule) : "",
    ref: rule ? sourceRef(rule.source) : "",
    factorText: rule ? pct(rule.factorPercent) : "",
  };
}

/** `parameter`: the rule's yearly parameter for `year`, undefined when not configured. */
export function evaluateCompiled(m: CompiledMonitoring, year: number, figures: MonitoringFigures, parameter: Cents | undefined): YearMonitoring {
  const rule = m.rule;
  if (!rule) {
    return { year, flagged: false, basis: `本政策的监测规则不覆盖${m.categoryName}`, threshold: null, value: formatCents(figures.afterThreeTiers) };
  }
  const figure = figures[rule.figure] + (rule.includeOutOfScope ? figures.outOfScope : 0);
  const figureName = `${year} 年${FIGURE_NAMES[rule.figure]}${rule.includeOutOfScope ? "（含目录外费用）" : ""}`;
  const value = formatCents(figure);
  if (parameter === undefined) {
    return {
      year,
      flagged: false,
      basis: `${rule.name}：${figureName} ${value} 元；${m.parameterLabel}未配置 ${year} 年数值，无法判断，请在政策的年度参数中填写，或试算时提供（${m.ref}）`,
      threshold: null,
      value,
    };
  }
  const threshold = mulBp(parameter, m.bp);
  const flagged = rule.comparison === "gte" ? figure >= threshold : figure > threshold;
  const verb = rule.comparison === "gte" ? (flagged ? "达到" : "未达到") : flagged ? "超过" : "未超过";
  return {
    year,
    flagged,
    basis:
      `${rule.name}：${m.categoryName} ${figureName} ${value} 元，${verb}${m.parameterLabel} ${formatCents(parameter)} 元 × ${m.factorText} = ${formatCents(threshold)} 元` +
      `${flagged ? "，纳入监测预警" : ""}（${m.ref}）`,
    threshold: formatCents(threshold),
    value,
  };
}

export type MonitoringContext = {
  category: Category;
  year: number;
  figures: MonitoringFigures;
  /** The rule's yearly parameter for this year, or undefined when not configured. */
  parameter: (rule: MonitoringRule) => Cents | undefined;
  parameterLabel: (rule: MonitoringRule) => string;
};

/** One-off evaluation (dashboards): compile and evaluate. */
export function evaluateMonitoring(rules: readonly MonitoringRule[], ctx: MonitoringContext): YearMonitoring {
  const compiled = compileMonitoring(rules, ctx.category, ctx.parameterLabel);
  return evaluateCompiled(compiled, ctx.year, ctx.figures, compiled.rule ? ctx.parameter(compiled.rule) : undefined);
}
