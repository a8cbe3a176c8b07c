import { isCategory, type Category } from "@/lib/categories/categories";
import { getPreset, PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import { formatIssuePath } from "@/lib/policies/domain/schema/issue-path";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { checkSettleSemantics } from "./check-settle-input";
import { settleInputSchema } from "./settle-input-schema";
import type { ClaimInput, SettleClaimsInput } from "./types";

// The contract's `settle` JSON → the engine's input, or one line that names
// the field and the reason. Never throws for a user's mistake, so the CLI and
// the HTTP API share it.

export type ParsedSettleInput = { policy: PolicyRecord; input: SettleClaimsInput };
export type ParseSettleResult = { ok: true; value: ParsedSettleInput } | { ok: false; message: string };
export type ParseSettleOptions = {
  /** Where policy ids are looked up; the presets by default. */
  resolvePolicy?: (id: string) => PolicyRecord | undefined;
  /** Listed in the unknown-policy message. */
  knownPolicies?: readonly string[];
};

function fail(message: string): ParseSettleResult {
  return { ok: false, message };
}

/** Parses JSON text first: `input: not valid JSON (…)`. */
export function parseSettleJson(text: string, options: ParseSettleOptions = {}): ParseSettleResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail(`input: not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
  return parseSettleInput(value, options);
}

export function parseSettleInput(value: unknown, options: ParseSettleOptions = {}): ParseSettleResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail("input: must be a JSON object");
  const parsed = settleInputSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const where = formatIssuePath([...issue.path, issue.keys[0] ?? ""]);
      return fail(`${where}: unknown field`);
    }
    const path = formatIssuePath(issue.path);
    return fail(path === "" ? `input: ${issue.message}` : `${path}: ${issue.message}`);
  }
  const raw = parsed.data;
  const policy = (options.resolvePolicy ?? getPreset)(raw.policy);
  if (!policy) {
    const known = options.knownPolicies ?? (options.resolvePolicy ? [] : PRESET_IDS);
    return fail(`policy: unknown policy ${JSON.stringify(raw.policy)}${known.length > 0 ? ` (known: ${known.join(", ")})` : ""}`);
  }
  const category = raw.person.category;
  if (!isCategory(category)) return fail(`person.category: unknown category ${JSON.stringify(category)}`);
  // Every category settles under every policy (docs/policy.md §1): basic
  // insurance and critical illness cover every insured person; assistance
  // only where a rule names the category, and the trace says when none does.
  const claims: ClaimInput[] = raw.claims.map((c) => {
    const claim: ClaimInput = {
      id: c.id,
      date: c.date,
      setting: c.setting,
      specialDisease: c.specialDisease,
      hospitalLevel: c.hospitalLevel,
      referred: c.referred,
      inCity: c.inCity,
      policyScopeCost: c.policyScopeCost,
      outOfScopeCost: c.outOfScopeCost,
      onApplication: c.onApplication,
      specialDrug: c.specialDrug,
    };
    if (c.basicPaid !== undefined) claim.basicPaid = c.basicPaid;
    if (c.criticalPaid !== undefined) claim.criticalPaid = c.criticalPaid;
    if (c.applicationId !== undefined) claim.applicationId = c.applicationId;
    if (c.specialFood !== undefined) claim.specialFood = c.specialFood;
    if (c.hospitalWaived !== undefined && c.hospitalWaived > 0) claim.hospitalWaived = c.hospitalWaived;
    if (c.commercialPaid !== undefined && c.commercialPaid > 0) claim.commercialPaid = c.commercialPaid;
    return claim;
  });
  const input: SettleClaimsInput = {
    category: category as Category,
    parameters: (raw.parameters ?? {}) as Partial<Record<ParameterName, number>>,
    claims,
  };
  if (raw.person.birthDate !== undefined) input.birthDate = raw.person.birthDate;
  const problem = checkSettleSemantics(policy, input);
  return problem ? fail(problem) : { ok: true, value: { policy, input } };
}
