import Decimal from "decimal.js";
import { z } from "zod";
import { isCategory } from "@/lib/categories/categories";
import { parseAmount } from "@/lib/money/parse-amount";
import { coversYear, type SubsidyInput } from "./compute-subsidy";
import { isSubsidyPresetId, SUBSIDY_PRESETS } from "./presets";
import type { SubsidyRules } from "./rules";

// The `subsidy FILE` request of docs/cli.md, shared by the CLI and
// the HTTP API. User mistakes come back as one line naming the field path and
// the reason (`contribution.tier1: "-5" is negative`), never as a throw.

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Finds a policy's subsidy rules by id; presets now, database versions later. */
export type SubsidyPolicyResolver = (id: string) => SubsidyRules | undefined;

export const presetResolver: SubsidyPolicyResolver = (id) => (isSubsidyPresetId(id) ? SUBSIDY_PRESETS[id] : undefined);

export type SubsidyRequest = { policy: string; rules: SubsidyRules; input: SubsidyInput };

type Check<T> = { ok: true; value: T } | { ok: false; reason: string };

/** A field whose reason text we write ourselves (zod's defaults say "Invalid input"). */
const checked = <T>(check: (value: unknown) => Check<T>) =>
  z.unknown().transform((value, ctx) => {
    const r: Check<T> = value === undefined ? { ok: false, reason: "required" } : check(value);
    if (r.ok) return r.value;
    ctx.addIssue({ code: "custom", message: r.reason });
    return z.NEVER;
  });

const show = (value: unknown) => JSON.stringify(value) ?? String(value);

const money = checked<Decimal>((v) => {
  const r = parseAmount(v);
  return r.ok ? r : { ok: false, reason: r.reason };
});

/** The wire shape, with the policy looked up through `resolve`. */
export function subsidyRequestSchema(resolve: SubsidyPolicyResolver) {
  return z
    .strictObject({
      policy: checked<{ id: string; rules: SubsidyRules }>((v) => {
        if (typeof v !== "string") return { ok: false, reason: `${show(v)} is not a policy id` };
        const rules = resolve(v);
        return rules ? { ok: true, value: { id: v, rules } } : { ok: false, reason: `unknown policy ${show(v)}` };
      }),
      year: checked<number>((v) =>
        typeof v === "number" && Number.isInteger(v) ? { ok: true, value: v } : { ok: false, reason: `${show(v)} is not a year such as 2023` },
      ),
      category: checked((v) =>
        typeof v === "string" && isCategory(v) ? { ok: true, value: v } : { ok: false, reason: `unknown category ${show(v)}` },
      ),
      tier: checked<1 | 2>((v) => (v === 1 || v === 2 ? { ok: true, value: v } : { ok: false, reason: `${show(v)} is not 1 or 2` })),
      contribution: z.strictObject(
        { tier1: money, tier2: money.optional() },
        { error: (iss) => (iss.input === undefined ? "required" : iss.code === "invalid_type" ? "expected an object such as { \"tier1\": \"380\" }" : undefined) },
      ),
      feeExempt: z.boolean({ error: (iss) => `${show(iss.input)} is not true or false` }).default(false),
    })
    .superRefine((r, ctx) => {
      const { id, rules } = r.policy;
      if (!coversYear(rules, r.year)) {
        const span = rules.years.to === undefined ? `from ${rules.years.from}` : `${rules.years.from}–${rules.years.to}`;
        ctx.addIssue({ code: "custom", path: ["year"], message: `${r.year} is not covered by policy "${id}" (${span})` });
      }
      const { tier1, tier2 } = r.contribution;
      if (r.tier === 2 && tier2 === undefined) {
        ctx.addIssue({ code: "custom", path: ["contribution", "tier2"], message: "required when tier is 2" });
      }
      if (tier2 !== undefined && tier2.lessThan(tier1)) {
        ctx.addIssue({ code: "custom", path: ["contribution", "tier2"], message: `${tier2.toFixed(2)} is less than tier1 ${tier1.toFixed(2)}` });
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
  return { ok: false, error: issue ? formatIssue(issue) : "invalid input" };
}

/** Parses the text of a request file (the CLI's FILE or stdin). */
export function parseSubsidyJson(text: string, resolve: SubsidyPolicyResolver = presetResolver): ParseResult<SubsidyRequest> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, error: `invalid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
  return parseSubsidyInput(data, resolve);
}

/** `contribution.tier1: "-5" is negative` — the contract's one line. */
export function formatIssue(issue: z.core.$ZodIssue): string {
  const where = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    return `${where ? `${where}.` : ""}${key}: unknown field`;
  }
  let reason = issue.message;
  if (issue.code === "invalid_type" && issue.expected === "nonoptional") reason = "required";
  else if (issue.code === "invalid_type" && where === "") reason = "expected a JSON object";
  return where ? `${where}: ${reason}` : reason;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === "number") return `${out}[${key}]`;
    return out ? `${out}.${String(key)}` : String(key);
  }, "");
}
