import type { z } from "zod";
import type { Category } from "@/lib/categories/categories";
import type { Assistance, LimitPool } from "./assistance";
import type { CriticalIllness } from "./critical-illness";
import type { MonitoringRule } from "./monitoring";
import type { SpecialFood } from "./special-food";
import type { TiltedRule } from "./tilted-assistance";
import type { SubsidyRules } from "@/lib/subsidy/rules";

// Checks across parts of the record that no single part can see: categories
// named by an assistance, tilted or subsidy rule are covered, pools exist, the
// ranking ranks exactly the covered categories, ids are unique, dates are in
// order. Critical illness and special food are for every insured person (000
// §三(六), 004 §二(二)3 五 names 特殊疾病患者 as a group of its own), so their
// categories need not be 救助对象类别.

type Checked = {
  effectiveFrom: string;
  effectiveTo: string | null;
  ranking: Category[][];
  categories: Category[];
  subsidy: SubsidyRules;
  criticalIllness: CriticalIllness | null;
  limitPools: LimitPool[];
  assistance: Assistance;
  tiltedAssistance: TiltedRule[];
  specialFood: SpecialFood | null;
  monitoring: MonitoringRule[];
  parameters: { definitions: { name: string }[]; values: { year: number; name: string }[] };
};

export function checkPolicyReferences(p: Checked, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: "custom", path, message });
  const covered = new Set(p.categories);
  const requireCovered = (list: readonly Category[], path: (string | number)[]) => {
    const missing = list.filter((c) => !covered.has(c));
    if (missing.length > 0) issue(path, `类别 ${missing.join("、")} 不在本政策的救助对象类别（categories）中`);
  };

  if (p.effectiveTo !== null && p.effectiveTo < p.effectiveFrom) {
    issue(["effectiveTo"], `失效日期 ${p.effectiveTo} 早于生效日期 ${p.effectiveFrom}`);
  }

  const ranked = p.ranking.flat();
  if (new Set(ranked).size !== ranked.length) issue(["ranking"], "同一类别在排序中出现了两次");
  const unranked = p.categories.filter((c) => !ranked.includes(c));
  if (unranked.length > 0) issue(["ranking"], `排序缺少类别 ${unranked.join("、")}`);
  requireCovered(ranked, ["ranking"]);

  p.subsidy.rules.forEach((r, i) => requireCovered(r.categories, ["subsidy", "rules", i, "categories"]));

  const c = p.criticalIllness;

  const poolIds = new Set<string>();
  p.limitPools.forEach((pool, i) => {
    if (poolIds.has(pool.id)) issue(["limitPools", i, "id"], `限额编号 ${pool.id} 重复`);
    poolIds.add(pool.id);
  });
  const requirePool = (id: string, path: (string | number)[]) => {
    if (!poolIds.has(id)) issue(path, `限额 ${id} 不存在（须在 limitPools 中定义）`);
  };
  // A nested limit names one other pool, which itself stands alone (one level).
  p.limitPools.forEach((pool, i) => {
    if (pool.within === undefined || pool.within === null) return;
    const path = ["limitPools", i, "within"];
    const parent = p.limitPools.find((q) => q.id === pool.within);
    if (pool.within === pool.id) issue(path, `限额 ${pool.id} 不能计入它自己`);
    else if (!parent) issue(path, `限额 ${pool.within} 不存在（须在 limitPools 中定义）`);
    else if (parent.within) issue(path, `限额 ${parent.id} 本身已计入 ${parent.within}，只能计入独立的限额`);
  });

  const ruleIds = new Set<string>();
  const uniqueRule = (id: string, path: (string | number)[]) => {
    if (ruleIds.has(id)) issue(path, `规则编号 ${id} 重复`);
    ruleIds.add(id);
  };
  p.assistance.rules.forEach((r, i) => {
    uniqueRule(r.id, ["assistance", "rules", i, "id"]);
    requireCovered(r.categories, ["assistance", "rules", i, "categories"]);
    requirePool(r.pool, ["assistance", "rules", i, "pool"]);
  });
  p.tiltedAssistance.forEach((r, i) => {
    uniqueRule(r.id, ["tiltedAssistance", i, "id"]);
    r.thresholds.forEach((g, j) => requireCovered(g.categories, ["tiltedAssistance", i, "thresholds", j, "categories"]));
    requirePool(r.pool, ["tiltedAssistance", i, "pool"]);
  });

  const monitored = new Map<Category, string>();
  p.monitoring.forEach((r, i) => {
    uniqueRule(r.id, ["monitoring", i, "id"]);
    requireCovered(r.categories, ["monitoring", i, "categories"]);
    for (const cat of r.categories) {
      const other = monitored.get(cat);
      if (other) issue(["monitoring", i, "categories"], `类别 ${cat} 已由监测规则 ${other} 覆盖，一个类别只能适用一条监测规则`);
      monitored.set(cat, r.id);
    }
  });

  const defined = new Set(p.parameters.definitions.map((d) => d.name));
  const requireDefined = (name: string, path: (string | number)[]) => {
    if (!defined.has(name)) issue(path, `参数 ${name} 未在 parameters.definitions 中说明`);
  };
  if (c?.deductible.kind === "parameterShare") requireDefined(c.deductible.parameter, ["criticalIllness", "deductible", "parameter"]);
  p.assistance.rules.forEach((r, i) => {
    if (r.deductible.kind === "perYearShare") requireDefined(r.deductible.parameter, ["assistance", "rules", i, "deductible", "parameter"]);
  });
  p.monitoring.forEach((r, i) => requireDefined(r.parameter, ["monitoring", i, "parameter"]));
  const seen = new Set<string>();
  p.parameters.values.forEach((v, i) => {
    const key = `${v.year}/${v.name}`;
    if (seen.has(key)) issue(["parameters", "values", i], `${v.year} 年的参数 ${v.name} 重复`);
    seen.add(key);
    requireDefined(v.name, ["parameters", "values", i, "name"]);
  });
}
