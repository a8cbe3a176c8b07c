import { z } from "zod";
import { parseAmount } from "@/lib/money/parse-amount";
import { isValidDate, PARAMETER_NAMES } from "@/lib/policies/domain/schema/primitives";
import { decimalToCents, formatCents, MAX_INPUT_CENTS } from "./cents";

// The shape of the contract's `settle` JSON (docs/cli.md), with
// its defaults. Messages are the contract's English fragments so the one-line
// error reads `claims[1].policyScopeCost: "-5" is negative`.

const shown = (v: unknown) => (v === undefined ? "missing" : (JSON.stringify(v) ?? String(v)));

const required =
  (what: string) =>
  (issue: { input: unknown }): string =>
    issue.input === undefined ? "is required" : `${shown(issue.input)} is not ${what}`;

/** Money in, fen out: a decimal string or a JSON number with at most two decimals. */
const amount = z.unknown().transform((value, ctx) => {
  if (value === undefined) {
    ctx.addIssue({ code: "custom", message: "is required" });
    return z.NEVER;
  }
  const parsed = parseAmount(value);
  if (!parsed.ok) {
    ctx.addIssue({ code: "custom", message: parsed.reason });
    return z.NEVER;
  }
  const cents = decimalToCents(parsed.value);
  if (cents > MAX_INPUT_CENTS) {
    ctx.addIssue({ code: "custom", message: `${shown(value)} is above the largest accepted amount ${formatCents(MAX_INPUT_CENTS)}` });
    return z.NEVER;
  }
  return cents;
});

const date = z
  .string({ error: required("a date YYYY-MM-DD") })
  .refine(isValidDate, { error: (issue) => `${shown(issue.input)} is not a valid date YYYY-MM-DD` });

const bool = (fallback: boolean) => z.boolean({ error: required("true or false") }).default(fallback);

const claimSchema = z.strictObject({
  id: z.string({ error: required("a string") }).trim().min(1, { error: "must not be empty" }),
  date,
  setting: z.enum(["inpatient", "outpatient"], { error: (i) => (i.input === undefined ? "is required" : `${shown(i.input)} is not "inpatient" or "outpatient"`) }),
  specialDisease: bool(false),
  hospitalLevel: z
    .union([z.literal(1), z.literal(2), z.literal(3)], { error: (i) => `${shown(i.input)} is not 1, 2 or 3` })
    .default(1),
  referred: bool(true),
  inCity: bool(true),
  policyScopeCost: amount,
  outOfScopeCost: amount.optional().transform((v) => v ?? 0),
  basicPaid: amount.optional(),
  criticalPaid: amount.optional(),
  onApplication: bool(false),
  /** Extension: claims of one application share its deductible (003 §三(八)). */
  applicationId: z.string({ error: required("a string") }).min(1, { error: "must not be empty" }).optional(),
  /** Extension: 大病保险特药 (004). */
  specialDrug: bool(false),
  /** Extension: PKU special food (004). */
  specialFood: z.literal("pku", { error: (i) => `${shown(i.input)} is not "pku"` }).optional(),
  /** 医疗机构减免 and 医疗商业补充保险 (004 §二(二)3 四): subtracted before re-assistance. */
  hospitalWaived: amount.optional(),
  commercialPaid: amount.optional(),
}, { error: (i) => (i.input === undefined ? "is required" : `${shown(i.input)} is not an object`) });

const parametersSchema = z
  .record(z.string(), amount)
  .superRefine((params, ctx) => {
    for (const key of Object.keys(params)) {
      if (!(PARAMETER_NAMES as readonly string[]).includes(key)) {
        ctx.addIssue({ code: "custom", path: [key], message: `unknown parameter (expected ${PARAMETER_NAMES.join(" or ")})` });
      }
    }
  })
  .optional();

export const settleInputSchema = z.strictObject({
  policy: z.string({ error: required("a policy id") }).min(1, { error: "must not be empty" }),
  person: z.strictObject(
    {
      category: z.string({ error: required("a category code") }),
      birthDate: date.optional(),
    },
    { error: (i) => (i.input === undefined ? "is required" : `${shown(i.input)} is not an object`) },
  ),
  parameters: parametersSchema,
  claims: z
    .array(claimSchema, { error: (i) => (i.input === undefined ? "is required" : `${shown(i.input)} is not a list of claims`) })
    .min(1, { error: "must hold at least one claim" })
    .max(10_000, { error: "holds more than 10000 claims; split the file by person and year" }),
});

export type RawSettleInput = z.infer<typeof settleInputSchema>;
