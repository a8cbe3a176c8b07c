import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseSettleInput } from "@/lib/settlement/parse-settle-input";
import { contractLineToChinese, hasChineseReason } from "./settle-message-zh";

// Every mistake the settle parser can report reaches a clerk in Chinese: a new
// English reason without its Chinese wording fails here instead of showing up
// on the 试算 page or in the API's `message` in English.

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
  undefined, null, -5, "-5", "1.234", "abc", "5万", true, "", "2023-02-30", "1".repeat(30), 3, 4, { x: 1 }, [1], "pku", "outpatient",
);

describe("every settle-input mistake has a Chinese reason", () => {
  it("one bad field in a claim, the person, the parameters or the top level", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("pengshui-2023", "shandong-2019", "shaoyang-2021", "nowhere"),
        fc.constantFrom("dibao", "ordinary", "vip", 7),
        fc.constantFrom(...CLAIM_FIELDS),
        BAD,
        fc.constantFrom("claim", "birthDate", "parameter", "claims", "top"),
        (policy, category, field, bad, where) => {
          const c: Record<string, unknown> = { ...claim };
          const input: Record<string, unknown> = { policy, person: { category }, claims: [c] };
          if (where === "claim") c[field] = bad;
          else if (where === "birthDate") input.person = { category, birthDate: bad };
          else if (where === "parameter") input.parameters = { [field === "surprise" ? "surprise" : "priorYearIncome"]: bad };
          else if (where === "claims") input.claims = bad;
          else input[field] = bad;
          const r = parseSettleInput(input);
          if (r.ok) return;
          expect(hasChineseReason(r.message), r.message).toBe(true);
          expect(contractLineToChinese(r.message).message, r.message).not.toMatch(/^[A-Za-z]/);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
