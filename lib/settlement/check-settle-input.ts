import { CATEGORY_INFO } from "@/lib/categories/categories";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { formatCents } from "./cents";
import { compilePolicy, parameterValue, planFor } from "./compile-policy";
import type { SettleClaimsInput } from "./types";

// Checks that need the policy: dates inside the version, given tiers not above
// the cost, what the engine needs to compute a tier it is asked to compute.
// Returns the first problem as one line, or null.

export function checkSettleSemantics(policy: PolicyRecord, input: SettleClaimsInput): string | null {
  const plan = planFor(compilePolicy(policy), input.category);
  const name = `${JSON.stringify(input.category)} (${CATEGORY_INFO[input.category].name})`;
  const seen = new Set<string>();
  const years = new Set<number>();
  for (const [i, c] of input.claims.entries()) {
    const at = `claims[${i}]`;
    if (seen.has(c.id)) return `${at}.id: duplicate id ${JSON.stringify(c.id)}`;
    seen.add(c.id);
    if (c.date < policy.effectiveFrom) {
      return `${at}.date: ${c.date} is before policy ${policy.id} takes effect (${policy.effectiveFrom})`;
    }
    if (policy.effectiveTo !== null && c.date > policy.effectiveTo) {
      return `${at}.date: ${c.date} is after policy ${policy.id} ends (${policy.effectiveTo})`;
    }
    const scope = c.policyScopeCost;
    const basic = c.basicPaid ?? 0;
    if (basic > scope) return `${at}.basicPaid: ${formatCents(basic)} exceeds policyScopeCost ${formatCents(scope)}`;
    if (c.criticalPaid !== undefined && c.basicPaid === undefined) {
      // Critical illness is settled on what basic insurance left; a settled
      // critical figure without the basic figure it was settled after cannot be checked.
      return `${at}.basicPaid: is required when criticalPaid is given`;
    }
    if (c.criticalPaid !== undefined && basic + c.criticalPaid > scope) {
      return `${at}.criticalPaid: basicPaid ${formatCents(basic)} + criticalPaid ${formatCents(c.criticalPaid)} exceed policyScopeCost ${formatCents(scope)}`;
    }
    if (c.specialFood !== undefined) {
      if (!policy.specialFood) return `${at}.specialFood: policy ${policy.id} has no special-food rule`;
      if (input.birthDate === undefined) return `person.birthDate: is required for the special-food claim ${at}`;
      if (input.birthDate > c.date) return `person.birthDate: ${input.birthDate} is after ${at}.date ${c.date}`;
      continue;
    }
    if (c.specialDrug === true && c.criticalPaid === undefined && !plan.critical?.drug) {
      return `${at}.specialDrug: policy ${policy.id} has no special-drug rule for ${name}; give criticalPaid`;
    }
    const critical = plan.critical;
    const covered = critical !== null && (c.setting === "inpatient" ? critical.inpatient : critical.outpatient);
    if (c.criticalPaid === undefined && c.specialDrug !== true) {
      if (critical === null || (covered && critical.general === null)) {
        return `${at}.criticalPaid: is required — policy ${policy.id} has no critical-illness rule for ${name}; give the settled amount`;
      }
      if (covered) years.add(Number(c.date.slice(0, 4)));
    }
  }
  const d = plan.critical?.general?.deductible;
  if (d?.kind === "share" && input.parameters?.[d.parameter] === undefined) {
    for (const year of [...years].sort()) {
      if (parameterValue(compilePolicy(policy), year, d.parameter) === undefined) {
        return `parameters.${d.parameter}: is required — policy ${policy.id} has no ${year} value and its critical-illness deductible is ${d.bp / 100}% of it`;
      }
    }
  }
  return null;
}
