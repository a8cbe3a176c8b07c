import Decimal from "decimal.js";
import { z } from "zod";
import { isCategory } from "@/lib/categories/categories";
import { parseAmount } from "@/lib/money/parse-amount";
import { coversYear, type SubsidyInput } from "./compute-subsidy";
import { decodeProblem, encodeProblem, englishReason, problem, type InputProblem } from "@/lib/settlement/settle-input-error";
import { isSubsidyPresetId, SUBSIDY_PRESETS } from "./presets";
import type { SubsidyRules } from "./rules";

// The `subsidy FILE` request of docs/cli.md, shared by the CLI and
// the HTTP API. User mistakes come back as a problem value
// (lib/settlement/settle-input-error.ts) and its one line naming the field path
// and the reason (`contribution.tier1: "-5" is negative`), never as a throw.

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string; problem: InputProblem };

/** Finds a policy's subsidy rules by id; presets now, database versions later. */
export type SubsidyPolicyResolver = (id: string) => SubsidyRules | undefined;

export const presetResolver: SubsidyPolicyResolver = (id) => (isSubsidyPresetId(id) ? SUBSIDY_PRESETS[id] : undefined);

export type SubsidyRequest = { policy: string; rules: SubsidyRules; input: SubsidyInput };

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };
const AMOUNT_CODES = {
  negative: "amountNegative",
  decimals: "amountDecimals",
  notDecimal: "amountNotDecimal",
  notAmount: "amountNotAmount",
  notNumber: "amountNotNumber",
  notPlain: "amountNotPlain",
} as const;

/** A field whose reason text we write ourselves (zod's defaults say "Invalid input"). */
const checked = <T>(check: (value: unknown) => Check<T>) =>
  z.unknown().transform((value, ctx) => {
    const r: Check<T> = value === undefined ? { ok: false, reason: encodeProblem("missing", {}) } : check(value);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  });

/** The value as the contract prints it; one nested too deep for JSON.stringify (a fuzzed body) is named, not printed — its RangeError was a 500. */
const show = (value: unknown): string => {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return Array.isArray(value) ? "[…]" : "{…}";
  }
};

const money = checked<Decimal>((v) => {
  const r = parseAmount(v);
  return r.ok ? r : { ok: false, reason: encodeProblem(AMOUNT_CODES[r.problem], { shown: r.shown }) };
});

/** The wire shape, with the policy looked up through `resolve`. */
export function subsidyRequestSchema(resolve: SubsidyPolicyResolver) {
  return z
    .strictObject({
      policy: checked<{ id: string; rules: SubsidyRules }>((v) => {
        if (typeof v !== "string") return { ok: false, reason: encodeProblem("wrongType", { expected: "policyId", shown: show(v) }) };
        const rules = resolve(v);
        return rules ? { ok: true, value: { id: v, rules } } : { ok: false, reason: encodeProblem("unknownPolicy", { shown: show(v), known: [] }) };
      }),
      year: checked<number>((v) =>
        typeof v === "number" && Number.isInteger(v) ? { ok: true, value: v } : { ok: false, reason: encodeProblem("wrongType", { expected: "year", shown: show(v) }) },
      ),
      category: checked((v) =>
        typeof v === "string" && isCategory(v) ? { ok: true, value: v } : { ok: false, reason: encodeProblem("unknownCategory", { shown: show(v) }) },
      ),
      tier: checked<1 | 2>((v) => (v === 1 || v === 2 ? { ok: true, value: v } : { ok: false, reason: encodeProblem("wrongType", { expected: "tier", shown: show(v) }) })),
      contribution: z.strictObject(
        { tier1: money, tier2: money.optional() },
        {
          error: (iss) =>
            iss.input === undefined ? encodeProblem("missing", {}) : iss.code === "invalid_type" ? encodeProblem("contributionNotObject", {}) : undefined,
        },
      ),
      feeExempt: z.boolean({ error: (iss) => encodeProblem("wrongType", { expected: "boolean", shown: show(iss.input) }) }).default(false),
    })
    .superRefine((r, ctx) => {
      const { id, rules } = r.policy;
      if (!coversYear(rules, r.year)) {
        const span = rules.years.to === undefined ? `from ${rules.years.from}` : `${rules.years.from}–${rules.years.to}`;
        ctx.addIssue({ code: "custom", path: ["year"], message: encodeProblem("yearNotCovered", { year: r.year, policy: id, span }) });
      }
      const { tier1, tier2 } = r.contribution;
      if (r.tier === 2 && tier2 === undefined) {
        ctx.addIssue({ code: "custom", path: ["contribution", "tier2"], message: encodeProblem("tier2Required", {}) });
      }
      if (tier2 !== undefined && tier2.lessThan(tier1)) {
        ctx.addIssue({
          code: "custom",
          path: ["contribution", "tier2"],
          message: encodeProblem("tier2BelowTier1", { tier2: tier2.toFixed(2), tier1: tier1.toFixed(2) }),
        });
      }
    })
    .transform(
      (r): SubsidyRequest => ({
        policy: r.policy.id,
        rules: r.policy.rules,
        input: {
          year: r.year,
          category: r.category,
          tier: r.tier,
          contribution: r.contribution.tier2 === undefined ? { tier1: r.contribution.tier1 } : { tier1: r.contribution.tier1, tier2: r.contribution.tier2 },
          feeExempt: r.feeExempt,
        },
      }),
    );
}

/** Parses an already-decoded JSON value (the HTTP API's body). */
export function parseSubsidyInput(data: unknown, resolve: SubsidyPolicyResolver = presetResolver): ParseResult<SubsidyRequest> {
  const parsed = subsidyRequestSchema(resolve).safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return fail(issue ? issueProblem(issue) : problem("", "unexpected", { message: "invalid input" }));
}

/** Parses the text of a request file (the CLI's FILE or stdin). */
export function parseSubsidyJson(text: string, resolve: SubsidyPolicyResolver = presetResolver): ParseResult<SubsidyRequest> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(problem("", "subsidyInvalidJson", { detail: e instanceof Error ? e.message : String(e) }));
  }
  return parseSubsidyInput(data, resolve);
}

/** `contribution.tier1: "-5" is negative` — the contract's one line (a problem of the whole request has no path before it). */
export function subsidyLine(p: InputProblem): string {
  return p.path === "" ? englishReason(p) : `${p.path}: ${englishReason(p)}`;
}

function fail(p: InputProblem): { ok: false; error: string; problem: InputProblem } {
  return { ok: false, error: subsidyLine(p), problem: p };
}

function issueProblem(issue: z.core.$ZodIssue): InputProblem {
  const where = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") return problem(`${where ? `${where}.` : ""}${issue.keys[0] ?? ""}`, "unknownField", {});
  if (issue.code === "invalid_type" && issue.expected === "nonoptional") return problem(where, "missing", {});
  if (issue.code === "invalid_type" && where === "") return problem("", "subsidyNotObject", {});
  return decodeProblem(where, issue.message);
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}
