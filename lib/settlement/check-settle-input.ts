import { CATEGORY_INFO } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { formatCents } from "./cents";
import { compilePolicy, parameterValue, planFor } from "./compile-policy";
import { problem, type InputProblem } from "./settle-input-error";
import type { SettleClaimsInput } from "./types";

// Checks that need the policy: dates inside the version, given tiers not above
// the cost, what the engine needs to compute a tier it is asked to compute.
// Returns the first problem (settle-input-error.ts), or null.

export function checkSettleSemantics(policy: PolicyRecord, input: SettleClaimsInput): InputProblem | null {
  const plan = planFor(compilePolicy(policy), input.category);
  const who = { policy: policy.id, category: input.category, categoryName: CATEGORY_INFO[input.category].name };
  const seen = new Set<string>();
  const years = new Set<number>();
  for (const [i, c] of input.claims.entries()) {
    const at = `claims[${i}]`;
    if (seen.has(c.id)) return problem(`${at}.id`, "duplicateId", { shown: JSON.stringify(c.id) });
    seen.add(c.id);
    if (c.date < policy.effectiveFrom) {
      return problem(`${at}.date`, "beforePolicy", { date: c.date, policy: policy.id, from: policy.effectiveFrom });
    }
    if (policy.effectiveTo !== null && c.date > policy.effectiveTo) {
      return problem(`${at}.date`, "afterPolicy", { date: c.date, policy: policy.id, to: policy.effectiveTo });
    }
    const scope = c.policyScopeCost;
    const basic = c.basicPaid ?? 0;
    if (basic > scope) return problem(`${at}.basicPaid`, "basicAboveCost", { basic: formatCents(basic), cost: formatCents(scope) });
    if (c.criticalPaid !== undefined && c.basicPaid === undefined) {
      // Critical illness is settled on what basic insurance left; a settled
      // critical figure without the basic figure it was settled after cannot be checked.
      return problem(`${at}.basicPaid`, "basicRequiredWithCritical", {});
    }
    if (c.criticalPaid !== undefined && basic + c.criticalPaid > scope) {
      return problem(`${at}.criticalPaid`, "sumAboveCost", { basic: formatCents(basic), critical: formatCents(c.criticalPaid), cost: formatCents(scope) });
    }
    if (c.specialFood !== undefined) {
      if (!policy.specialFood) return problem(`${at}.specialFood`, "noFoodRule", { policy: policy.id });
      if (input.birthDate === undefined) return problem("person.birthDate", "birthDateRequiredForFood", { claim: i });
      if (input.birthDate > c.date) return problem("person.birthDate", "birthAfterClaim", { birthDate: input.birthDate, claim: i, date: c.date });
      continue;
    }
    if (c.specialDrug === true && c.criticalPaid === undefined && !plan.critical?.drug) {
      return problem(`${at}.specialDrug`, "noDrugRule", who);
    }
    const critical = plan.critical;
    const covered = critical !== null && (c.setting === "inpatient" ? critical.inpatient : critical.outpatient);
    if (c.criticalPaid === undefined && c.specialDrug !== true) {
      if (critical === null || (covered && critical.general === null)) {
        return problem(`${at}.criticalPaid`, "criticalRequired", who);
      }
      if (covered) years.add(Number(c.date.slice(0, 4)));
    }
  }
  // An assistance deductible that is a share of a yearly parameter needs a
  // value for each year of a claim the rule could take: the request's own
  // (parameters.priorYearIncome), else the policy's for that year.
  for (const r of plan.assistance) {
    if (r.byYear === null || r.shareOf === null || input.parameters?.[r.shareOf.parameter] !== undefined) continue;
    for (const c of input.claims) {
      const year = Number(c.date.slice(0, 4));
      const triggered = r.trigger === "any" || (r.trigger === "application") === (c.onApplication === true);
      if (c.specialFood === undefined && triggered && !r.byYear.has(year)) {
        return problem("policy", "assistanceParameterRequired", { policy: policy.id, year, parameter: r.shareOf.parameter, rule: policy.assistance.rules.find((x) => x.id === r.id)?.name ?? r.id, percent: r.shareOf.percent });
      }
    }
  }
  const d = plan.critical?.general?.deductible;
  if (d?.kind === "share" && input.parameters?.[d.parameter] === undefined) {
    for (const year of [...years].sort()) {
      if (parameterValue(compilePolicy(policy), year, d.parameter) === undefined) {
        return problem(`parameters.${d.parameter}`, "parameterRequired", { policy: policy.id, year, percent: String(d.bp / 100) });
      }
    }
  }
  return null;
}
