import type { z } from "zod";
import { isCategory, type Category } from "@/lib/categories/categories";
import { getPreset, PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import { formatIssuePath } from "@/lib/policies/domain/schema/issue-path";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import type { ParameterName } from "@/lib/policies/domain/schema/primitives";
import { checkSettleSemantics } from "./check-settle-input";
import { contractLine, decodeProblem, problem, shown, type InputProblem } from "./settle-input-error";
import { settleInputSchema } from "./settle-input-schema";
import type { ClaimInput, SettleClaimsInput } from "./types";

// The contract's `settle` JSON → the engine's input, or the first problem as a
// value (settle-input-error.ts) with the contract's line that names the field
// and the reason. Never throws for a user's mistake, so the CLI, the HTTP API
// and the 试算 page share it.

export type ParsedSettleInput = { policy: PolicyRecord; input: SettleClaimsInput };
export type ParseSettleResult = { ok: true; value: ParsedSettleInput } | { ok: false; problem: InputProblem; message: string };
export type ParseSettleOptions = {
  /** Where policy ids are looked up; the presets by default. */
  resolvePolicy?: (id: string) => PolicyRecord | undefined;
  /** Listed in the unknown-policy message. */
  knownPolicies?: readonly string[];
};

function fail(p: InputProblem): ParseSettleResult {
  return { ok: false, problem: p, message: contractLine(p) };
}

/** Every issue of a failed schema parse as problems, in zod's order (the 试算 page shows them all). */
export function schemaProblems(issues: readonly z.core.$ZodIssue[]): InputProblem[] {
  return issues.map((issue) => {
    if (issue.code === "unrecognized_keys") return problem(formatIssuePath([...issue.path, issue.keys[0] ?? ""]), "unknownField", {});
    return decodeProblem(formatIssuePath(issue.path), issue.message);
  });
}

/** Parses JSON text first: `input: not valid JSON (…)`. */
export function parseSettleJson(text: string, options: ParseSettleOptions = {}): ParseSettleResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return fail(problem("", "invalidJson", { detail: err instanceof Error ? err.message : String(err) }));
  }
  return parseSettleInput(value, options);
}

export function parseSettleInput(value: unknown, options: ParseSettleOptions = {}): ParseSettleResult {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return fail(problem("", "notJsonObject", {}));
  const parsed = settleInputSchema.safeParse(value);
  if (!parsed.success) return fail(schemaProblems(parsed.error.issues.slice(0, 1))[0]!);
  const raw = parsed.data;
  const policy = (options.resolvePolicy ?? getPreset)(raw.policy);
  if (!policy) {
    const known = options.knownPolicies ?? (options.resolvePolicy ? [] : PRESET_IDS);
    return fail(problem("policy", "unknownPolicy", { shown: JSON.stringify(raw.policy), known }));
  }
  const category = raw.person.category;
  if (!isCategory(category)) return fail(problem("person.category", "unknownCategory", { shown: shown(category) }));
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
  const wrong = checkSettleSemantics(policy, input);
  return wrong ? fail(wrong) : { ok: true, value: { policy, input } };
}
