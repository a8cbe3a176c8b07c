import { getPreset } from "@/lib/policies/domain/preset-registry";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { parseSettleInput } from "./parse-settle-input";
import { settleClaims } from "./settle-claims";
import type { ClaimResult, SettlementResult } from "./types";

// Shared by the preset tests: settle through the contract's JSON path (parse →
// engine), so every hand-worked case also exercises the parser and defaults.

export type ClaimJson = Record<string, unknown> & { date: string; policyScopeCost: string | number };

type Options = { birthDate?: string; parameters?: Record<string, string>; policy?: PolicyRecord };

export function settle(policyId: string, category: string, claims: ClaimJson[], options: Options = {}): SettlementResult {
  const json = {
    policy: policyId,
    person: { category, ...(options.birthDate ? { birthDate: options.birthDate } : {}) },
    ...(options.parameters ? { parameters: options.parameters } : {}),
    claims: claims.map((c, i) => ({ id: `C${i + 1}`, setting: "inpatient", ...c })),
  };
  const parsed = parseSettleInput(json, options.policy ? { resolvePolicy: (id) => (id === policyId ? options.policy : undefined) } : {});
  if (!parsed.ok) throw new Error(parsed.message);
  return settleClaims(parsed.value.policy, parsed.value.input);
}

/** The five amounts of a claim, for compact assertions. */
export function amounts(claim: ClaimResult | undefined): [string, string, string, string, string] {
  if (!claim) throw new Error("no such claim");
  return [claim.basic, claim.critical, claim.assistance, claim.tilted, claim.selfPaid];
}

/** A preset copy an individual test may edit (presets themselves are frozen). */
export function editablePreset(id: string): PolicyRecord {
  const preset = getPreset(id);
  if (!preset) throw new Error(`no preset ${id}`);
  return structuredClone(preset);
}

/** Trace lines of one tier. */
export function traceOf(claim: ClaimResult | undefined, tier: string) {
  return (claim?.trace ?? []).filter((t) => t.tier === tier);
}
