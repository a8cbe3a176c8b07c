import { z } from "zod";
import { schemaProblems } from "@/lib/settlement/parse-settle-input";
import { settleInputSchema } from "@/lib/settlement/settle-input-schema";
import { problemToChinese, type ChineseProblem } from "./settle-message-zh";

// The 试算 page's form → the contract's `settle` JSON (the same the CLI and
// the API take), and every problem in it at once, per row, in Chinese:
// "第2笔：政策范围内费用不能为负数". The checks are the contract's own schema,
// so the page cannot accept what the API refuses or the reverse.

const text = z.string().max(40).default("");
const flag = z.boolean().default(false);

export const trialClaimRow = z.object({
  date: text,
  setting: z.enum(["inpatient", "outpatient"]).default("inpatient"),
  specialDisease: flag,
  hospitalLevel: z.enum(["1", "2", "3"]).default("1"),
  referred: z.boolean().default(true),
  inCity: z.boolean().default(true),
  policyScopeCost: text,
  outOfScopeCost: text,
  basicPaid: text,
  criticalPaid: text,
  onApplication: flag,
});
export type TrialClaimRow = z.infer<typeof trialClaimRow>;

export const trialInput = z.object({
  policy: z.string().max(80),
  category: z.string().max(40),
  birthDate: text,
  priorYearIncome: text,
  monitoringStandard: text,
  claims: z.array(trialClaimRow).max(50),
});
export type TrialInput = z.infer<typeof trialInput>;

const given = (v: string) => v.trim() !== "";

/** The contract JSON for a policy id. Claim ids are the row numbers; empty optional fields are left out. */
export function trialRequest(policyId: string, input: TrialInput): Record<string, unknown> {
  const parameters: Record<string, string> = {};
  if (given(input.priorYearIncome)) parameters.priorYearIncome = input.priorYearIncome.trim();
  if (given(input.monitoringStandard)) parameters.monitoringStandard = input.monitoringStandard.trim();
  return {
    policy: policyId,
    person: { category: input.category, ...(given(input.birthDate) ? { birthDate: input.birthDate.trim() } : {}) },
    ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    claims: input.claims.map((c, i) => ({
      id: String(i + 1),
      ...(given(c.date) ? { date: c.date.trim() } : {}),
      setting: c.setting,
      specialDisease: c.specialDisease,
      hospitalLevel: Number(c.hospitalLevel),
      referred: c.referred,
      inCity: c.inCity,
      ...(given(c.policyScopeCost) ? { policyScopeCost: c.policyScopeCost.trim() } : {}),
      ...(given(c.outOfScopeCost) ? { outOfScopeCost: c.outOfScopeCost.trim() } : {}),
      ...(given(c.basicPaid) ? { basicPaid: c.basicPaid.trim() } : {}),
      ...(given(c.criticalPaid) ? { criticalPaid: c.criticalPaid.trim() } : {}),
      onApplication: c.onApplication,
    })),
  };
}

/** Every problem of the request's shape (amounts, dates, required fields), in Chinese, in form order. */
export function trialProblems(request: Record<string, unknown>): ChineseProblem[] {
  const parsed = settleInputSchema.safeParse(request);
  if (parsed.success) return [];
  return schemaProblems(parsed.error.issues).map(problemToChinese);
}
