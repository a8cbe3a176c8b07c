import { z } from "zod";
import { parseAmount, type AmountProblem } from "@/lib/money/parse-amount";
import { isValidDate, PARAMETER_NAMES } from "@/lib/policies/domain/schema/primitives";
import { decimalToCents, formatCents, MAX_INPUT_CENTS } from "./cents";
import { encodeProblem, shown as shownValue, type Expected, type InputProblemCode } from "./settle-input-error";

// The shape of the contract's `settle` JSON (docs/cli.md), with its defaults.
// Each issue's message is a problem value (settle-input-error.ts), rendered
// into the contract's English line (`claims[1].policyScopeCost: "-5" is
// negative`) and the Chinese message from the same value.

/** The value as the contract prints it; one nested too deep for JSON.stringify (a fuzzed body: 7,000 levels of `[`) is named, not printed — its RangeError was a 500. */
const shown = (v: unknown): string => {
  try {
    return shownValue(v);
  } catch {
    return Array.isArray(v) ? "[…]" : "{…}";
  }
};

const required =
  (expected: Expected) =>
  (issue: { input: unknown }): string =>
    issue.input === undefined ? encodeProblem("required", {}) : encodeProblem("wrongType", { expected, shown: shown(issue.input) });

const AMOUNT_CODES: Record<AmountProblem, InputProblemCode & `amount${string}`> = {
  negative: "amountNegative",
  decimals: "amountDecimals",
  notDecimal: "amountNotDecimal",
  notAmount: "amountNotAmount",
  notNumber: "amountNotNumber",
  notPlain: "amountNotPlain",
};

/** Money in, fen out: a decimal string or a JSON number with at most two decimals. */
const amount = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: encodeProblem("required", {}) });
    return z.NEVER;
  }
  const parsed = parseAmount(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: encodeProblem(AMOUNT_CODES[parsed.problem], { shown: parsed.shown }) });
    return z.NEVER;
  }
  const cents = decimalToCents(parsed.value);
  if (cents > MAX_INPUT_CENTS) {
    ctx.addIssue({ code: "custom", message: encodeProblem("amountTooLarge", { shown: shown(value), max: formatCents(MAX_INPUT_CENTS) }) });
    return z.NEVER;
  }
  return cents;
});

const EMPTY = encodeProblem("empty", {});
const MAX_CLAIMS = 10_000;

/** zod's own word for what a record got, which the contract line has always quoted. */
function receivedType(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number" && Number.isNaN(v)) return "NaN";
  return typeof v;
}

const date = z
  .string({ error: required("date") })
  .refine(isValidDate, { error: (issue) => encodeProblem("invalidDate", { shown: shown(issue.input) }) });

const bool = (fallback: boolean) => z.boolean({ error: required("boolean") }).default(fallback);

const claimSchema = z.strictObject({
  id: z.string({ error: required("string") }).trim().min(1, { error: EMPTY }),
  date,
  setting: z.enum(["inpatient", "outpatient"], { error: required("setting") }),
  specialDisease: bool(false),
  hospitalLevel: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: (i) => encodeProblem("wrongType", { expected: "hospitalLevel", shown: shown(i.input) }) })
    .default(1),
  referred: bool(true),
  inCity: bool(true),
  policyScopeCost: amount,
  outOfScopeCost: amount.optional().transform((v) => v ?? 0),
  basicPaid: amount.optional(),
  criticalPaid: amount.optional(),
  onApplication: bool(false),
  /** Extension: claims of one application share its deductible (003 §三(八)). */
  applicationId: z.string({ error: required("string") }).min(1, { error: EMPTY }).optional(),
  /** Extension: 大病保险特药 (004). */
  specialDrug: bool(false),
  /** Extension: PKU special food (004). */
  specialFood: z.literal("pku", { error: (i) => encodeProblem("wrongType", { expected: "pku", shown: shown(i.input) }) }).optional(),
  /** 医疗机构减免 and 医疗商业补充保险 (004 §二(二)3 四): subtracted before re-assistance. */
  hospitalWaived: amount.optional(),
  commercialPaid: amount.optional(),
}, { error: required("object") });

const parametersSchema = z
  .record(z.string(), amount, { error: (i) => encodeProblem("notRecord", { received: receivedType(i.input) }) })
  .superRefine((params, ctx) => {
    for (const key of Object.keys(params)) {
      if (!(PARAMETER_NAMES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: encodeProblem("unknownParameter", { expected: PARAMETER_NAMES }) });
      }
    }
  })
  .optional();

export const settleInputSchema = z.strictObject({
  policy: z.string({ error: required("policyId") }).min(1, { error: EMPTY }),
  person: z.strictObject(
    {
      category: z.string({ error: required("categoryCode") }),
      birthDate: date.optional(),
    },
    { error: required("object") },
  ),
  parameters: parametersSchema,
  claims: z
    .array(claimSchema, { error: required("claimList") })
    .min(1, { error: encodeProblem("noClaims", {}) })
    .max(MAX_CLAIMS, { error: encodeProblem("tooManyClaims", { max: MAX_CLAIMS }) }),
});

export type RawSettleInput = z.infer<typeof settleInputSchema>;
