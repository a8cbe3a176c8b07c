import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contractLine } from "@/lib/settlement/settle-input-error";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { parseSubsidyInput } from "@/lib/subsidy/parse-subsidy-input";
import { problemToChinese } from "./settle-message-zh";
import { trialProblems } from "./trial-form";

// Every mistake the settle and subsidy parsers can report is a problem with a
// code of ours (never zod's own words passed through as `unexpected`), so it
// reaches a clerk in Chinese: a code without Chinese words does not compile,
// and a schema message written as a plain string instead of a problem fails here.

const claim = {
  id: "A1",
  date: "2023-06-10",
  setting: "inpatient",
  policyScopeCost: "52000",
  basicPaid: "31000",
  criticalPaid: "2500",
  hospitalWaived: "0",
  commercialPaid: "0",
};
const CLAIM_FIELDS = [
  "id", "date", "setting", "specialDisease", "hospitalLevel", "referred", "inCity", "policyScopeCost", "outOfScopeCost",
  "basicPaid", "criticalPaid", "onApplication", "applicationId", "specialDrug", "specialFood", "hospitalWaived", "commercialPaid", "surprise",
] as const;
const BAD = fc.constantFrom<unknown>(
  undefined, null, -5, "-5", "1.234", 1.234, "abc", "5万", true, "", "2023-02-30", "1".repeat(30), "100000000.01", 1e21, 3, 4, { x: 1 }, [1], [],
  "pku", "outpatient", "2023-05-29", "2026-01-01", "60000",
);

function expectChinese(p: Parameters<typeof problemToChinese>[0], line: string) {
  expect(p.code, line).not.toBe("unexpected");
  const zh = problemToChinese(p);
  expect(zh.message, line).not.toMatch(/^[A-Za-z]/);
  expect(zh.message, line).not.toMatch(/\b(is|not|expected|required|Invalid)\b/);
}

describe("every settle-input mistake is a problem with Chinese words", () => {
  it("one bad field in a claim, the person, the parameters or the top level", () => {
    fc.assert(
      fc.property(
        fc.constantFrom<unknown>("pengshui-2023", "shandong-2019", "shaoyang-2021", "chengkou-2022", "nowhere", 7),
        fc.constantFrom<unknown>("dibao", "ordinary", "tekun", "vip", 7, undefined),
        fc.constantFrom(...CLAIM_FIELDS, "policy", "person", "parameters", "claims"),
        BAD,
        fc.constantFrom("claim", "claim2", "birthDate", "parameter", "claims", "person", "top"),
        (policy, category, field, bad, where) => {
          const c: Record<string, unknown> = { ...claim };
          const input: Record<string, unknown> = { policy, person: { category }, claims: [c] };
          if (where === "claim") c[field] = bad;
          else if (where === "claim2") input.claims = [c, { ...claim, id: "A2", [field]: bad }];
          else if (where === "birthDate") input.person = { category, birthDate: bad };
          else if (where === "parameter") input.parameters = { [field === "surprise" ? "surprise" : "priorYearIncome"]: bad };
          else if (where === "claims") input.claims = bad;
          else if (where === "person") input.person = bad;
          else input[field] = bad;
          const r = parseSettleInput(input);
          if (r.ok) return;
          expect(r.message).toBe(contractLine(r.problem));
          expectChinese(r.problem, r.message);
          // The 试算 page's all-at-once check reads the same schema.
          for (const t of trialProblems(input)) expect(t.message, JSON.stringify(t)).not.toMatch(/格式不对|^[A-Za-z]/);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("one bad field in a subsidy request", () => {
    const base = { policy: "jining-2023", year: 2023, category: "dibao", tier: 1, contribution: { tier1: "380" }, feeExempt: false };
    fc.assert(
      fc.property(
        fc.constantFrom("policy", "year", "category", "tier", "contribution", "feeExempt", "surprise"),
        fc.oneof(BAD, fc.constantFrom<unknown>(2022, 2026, 2023.5, 2, {}, { tier1: "380", tier2: "300" }, { tier1: "-5" }, "chengkou-2022")),
        fc.constantFrom(1, 2),
        (field, bad, tier) => {
          const r = parseSubsidyInput({ ...base, tier, [field]: bad });
          if (r.ok) return;
          expectChinese(r.problem, r.error);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
