// A mistake in a `settle` (or `subsidy`) request (docs/cli.md) as a value: where it is
// (`claims[1].policyScopeCost`, "" for the whole input), what is wrong (a code)
// and the figures the sentence needs. The contract's English line is rendered
// from it here (`claims[1].policyScopeCost: "-5" is negative`), the Chinese
// message in lib/policies/domain/settle-message-zh.ts from the same value;
// both renderers are total over the codes, so a new code without its words
// is a type error.

/** What a wrongly typed value was expected to be: `${shown} is not ${EXPECTED[x]}`. */
export const EXPECTED = {
  string: "a string",
  date: "a date YYYY-MM-DD",
  boolean: "true or false",
  policyId: "a policy id",
  categoryCode: "a category code",
  object: "an object",
  claimList: "a list of claims",
  hospitalLevel: "1, 2 or 3",
  setting: '"inpatient" or "outpatient"',
  pku: '"pku"',
  year: "a year such as 2023",
  tier: "1 or 2",
} as const;
export type Expected = keyof typeof EXPECTED;

/** Each code's parameters. Money figures are already formatted ("31000.00"); `shown` is the value as sent (JSON). */
export type InputProblemParams = {
  required: Record<string, never>;
  empty: Record<string, never>;
  wrongType: { expected: Expected; shown: string };
  amountNegative: { shown: string };
  amountDecimals: { shown: string };
  amountNotDecimal: { shown: string };
  amountNotAmount: { shown: string };
  amountNotNumber: { shown: string };
  amountNotPlain: { shown: string };
  amountTooLarge: { shown: string; max: string };
  invalidDate: { shown: string };
  unknownField: Record<string, never>;
  unknownParameter: { expected: readonly string[] };
  notRecord: { received: string };
  noClaims: Record<string, never>;
  tooManyClaims: { max: number };
  notJsonObject: Record<string, never>;
  invalidJson: { detail: string };
  bodyTooLarge: Record<string, never>;
  unknownPolicy: { shown: string; known: readonly string[] };
  unknownCategory: { shown: string };
  duplicateId: { shown: string };
  beforePolicy: { date: string; policy: string; from: string };
  afterPolicy: { date: string; policy: string; to: string };
  versionSplit: { date: string; version: number; policy: string; from: string; other: number; otherVersion: number };
  basicAboveCost: { basic: string; cost: string };
  basicRequiredWithCritical: Record<string, never>;
  sumAboveCost: { basic: string; critical: string; cost: string };
  noFoodRule: { policy: string };
  birthDateRequiredForFood: { claim: number };
  birthAfterClaim: { birthDate: string; claim: number; date: string };
  noDrugRule: { policy: string; category: string; categoryName: string };
  criticalRequired: { policy: string; category: string; categoryName: string };
  parameterRequired: { policy: string; year: number; percent: string };
  assistanceParameterRequired: { policy: string; year: number; parameter: string; rule: string; percent: string };
  // The subsidy request's own (lib/subsidy/parse-subsidy-input.ts), whose lines differ from settle's.
  missing: Record<string, never>;
  contributionNotObject: Record<string, never>;
  yearNotCovered: { year: number; policy: string; span: string };
  tier2Required: Record<string, never>;
  tier2BelowTier1: { tier2: string; tier1: string };
  subsidyInvalidJson: { detail: string };
  subsidyNotObject: Record<string, never>;
  /** A zod message no code describes: kept as written. The property test asserts it never occurs. */
  unexpected: { message: string };
};
export type InputProblemCode = keyof InputProblemParams;

export type InputProblem = { [C in InputProblemCode]: { path: string; code: C; params: InputProblemParams[C] } }[InputProblemCode];

export function problem<C extends InputProblemCode>(path: string, code: C, params: InputProblemParams[C]): InputProblem {
  return { path, code, params } as InputProblem;
}

/** The value as the contract prints it: `"-5"`, `null`, `[1]`. */
export const shown = (v: unknown): string => (v === undefined ? "missing" : (JSON.stringify(v) ?? String(v)));

type Renderers = { [C in InputProblemCode]: (p: InputProblemParams[C]) => string };

const EN: Renderers = {
  required: () => "is required",
  empty: () => "must not be empty",
  wrongType: (p) => `${p.shown} is not ${EXPECTED[p.expected]}`,
  amountNegative: (p) => `${p.shown} is negative`,
  amountDecimals: (p) => `${p.shown} has more than two decimals`,
  amountNotDecimal: (p) => `${p.shown} is not a decimal amount`,
  amountNotAmount: (p) => `${p.shown} is not an amount`,
  amountNotNumber: (p) => `${p.shown} is not a number`,
  amountNotPlain: (p) => `${p.shown} is not a plain decimal`,
  amountTooLarge: (p) => `${p.shown} is above the largest accepted amount ${p.max}`,
  invalidDate: (p) => `${p.shown} is not a valid date YYYY-MM-DD`,
  unknownField: () => "unknown field",
  unknownParameter: (p) => `unknown parameter (expected ${p.expected.join(" or ")})`,
  notRecord: (p) => `Invalid input: expected record, received ${p.received}`,
  noClaims: () => "must hold at least one claim",
  tooManyClaims: (p) => `holds more than ${p.max} claims; split the file by person and year`,
  notJsonObject: () => "must be a JSON object",
  invalidJson: (p) => `not valid JSON (${p.detail})`,
  bodyTooLarge: () => "larger than 5 MB; split the request by person and year",
  unknownPolicy: (p) => `unknown policy ${p.shown}${p.known.length > 0 ? ` (known: ${p.known.join(", ")})` : ""}`,
  unknownCategory: (p) => `unknown category ${p.shown}`,
  duplicateId: (p) => `duplicate id ${p.shown}`,
  beforePolicy: (p) => `${p.date} is before policy ${p.policy} takes effect (${p.from})`,
  afterPolicy: (p) => `${p.date} is after policy ${p.policy} ends (${p.to})`,
  versionSplit: (p) =>
    `${p.date} falls under version ${p.version} of policy ${p.policy} (from ${p.from}) ` +
    `and claims[${p.other}] under version ${p.otherVersion}; send the claims of each version separately`,
  basicAboveCost: (p) => `${p.basic} exceeds policyScopeCost ${p.cost}`,
  basicRequiredWithCritical: () => "is required when criticalPaid is given",
  sumAboveCost: (p) => `basicPaid ${p.basic} + criticalPaid ${p.critical} exceed policyScopeCost ${p.cost}`,
  noFoodRule: (p) => `policy ${p.policy} has no special-food rule`,
  birthDateRequiredForFood: (p) => `is required for the special-food claim claims[${p.claim}]`,
  birthAfterClaim: (p) => `${p.birthDate} is after claims[${p.claim}].date ${p.date}`,
  noDrugRule: (p) => `policy ${p.policy} has no special-drug rule for ${JSON.stringify(p.category)} (${p.categoryName}); give criticalPaid`,
  criticalRequired: (p) =>
    `is required — policy ${p.policy} has no critical-illness rule for ${JSON.stringify(p.category)} (${p.categoryName}); give the settled amount`,
  parameterRequired: (p) =>
    `is required — policy ${p.policy} has no ${p.year} value and its critical-illness deductible is ${p.percent}% of it`,
  missing: () => "required",
  contributionNotObject: () => 'expected an object such as { "tier1": "380" }',
  yearNotCovered: (p) => `${p.year} is not covered by policy "${p.policy}" (${p.span})`,
  tier2Required: () => "required when tier is 2",
  tier2BelowTier1: (p) => `${p.tier2} is less than tier1 ${p.tier1}`,
  subsidyInvalidJson: (p) => `invalid JSON: ${p.detail}`,
  subsidyNotObject: () => "expected a JSON object",
  assistanceParameterRequired: (p) =>
    `policy ${p.policy} has no ${p.year} value of ${p.parameter} and the deductible of its assistance rule ${p.rule} is ${p.percent}% of it; add the value to the policy's yearly parameters or give parameters.${p.parameter}`,
  unexpected: (p) => p.message,
};

/** The reason part of the contract's line (after `path: `). */
export function englishReason(p: InputProblem): string {
  return (EN[p.code] as (params: InputProblem["params"]) => string)(p.params);
}

/** The contract's one line: `claims[1].policyScopeCost: "-5" is negative`; the whole input is `input`. */
export function contractLine(p: InputProblem): string {
  return `${p.path === "" ? "input" : p.path}: ${englishReason(p)}`;
}

// Zod carries our problems through its issues as messages: the schema's error
// functions write `encodeProblem(...)`, and the parser reads them back.
const MARK = "\u0000settle-problem:";

/** A zod issue message that stands for a problem (its path comes from the issue). */
export function encodeProblem<C extends InputProblemCode>(code: C, params: InputProblemParams[C]): string {
  return `${MARK}${JSON.stringify({ code, params })}`;
}

/** A zod issue → the problem it carries; a message the schema did not write is `unexpected`. */
export function decodeProblem(path: string, message: string): InputProblem {
  if (message.startsWith(MARK)) {
    const { code, params } = JSON.parse(message.slice(MARK.length)) as { code: InputProblemCode; params: InputProblemParams[InputProblemCode] };
    return { path, code, params } as InputProblem;
  }
  return problem(path, "unexpected", { message });
}
