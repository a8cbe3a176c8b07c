import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { parseSettleInput, parseSettleJson } from "./parse-settle-input";

// Bad input gives one line that names the field and the reason
// (docs/cli.md), never an exception.

const claim = { id: "A1", date: "2023-06-10", setting: "inpatient", policyScopeCost: "52000", basicPaid: "31000", criticalPaid: "2500" };
const input = (overrides: Record<string, unknown> = {}, claims: unknown[] = [claim]) => ({
  policy: "pengshui-2023",
  person: { category: "dibao" },
  claims,
  ...overrides,
});
const message = (value: unknown) => {
  const r = parseSettleInput(value);
  if (r.ok) throw new Error("expected a parse error");
  return r.message;
};

describe("parseSettleInput: accepted input", () => {
  it("fills the contract's defaults and converts money to fen", () => {
    const r = parseSettleInput(input());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.policy.id).toBe("pengshui-2023");
    expect(r.value.input.claims[0]).toMatchObject({
      specialDisease: false, hospitalLevel: 1, referred: true, inCity: true, outOfScopeCost: 0, onApplication: false,
      policyScopeCost: 5_200_000, basicPaid: 3_100_000, criticalPaid: 250_000,
    });
  });

  it("accepts JSON numbers with at most two decimals and parameter overrides", () => {
    const r = parseSettleInput(input({ parameters: { priorYearIncome: 33803 } }, [{ ...claim, policyScopeCost: 52000.5 }]));
    expect(r.ok && r.value.input.claims[0]?.policyScopeCost).toBe(5_200_050);
    expect(r.ok && r.value.input.parameters?.priorYearIncome).toBe(3_380_300);
  });

  it("resolves policies through the caller's lookup (the API's stored versions)", () => {
    const custom = { ...getPreset("pengshui-2023")!, id: "pengshui-2025" };
    const r = parseSettleInput(input({ policy: "pengshui-2025" }), { resolvePolicy: (id) => (id === custom.id ? custom : undefined) });
    expect(r.ok && r.value.policy).toBe(custom);
  });
});

describe("parseSettleInput: each mistake is one clear line", () => {
  it.each([
    ["unknown policy", input({ policy: "x" }), 'policy: unknown policy "x" (known: chengkou-2022, pengshui-2023, jining-2023, shaoyang-2021, shandong-2019)'],
    ["unknown category", input({ person: { category: "vip" } }), 'person.category: unknown category "vip"'],
    ["negative money", input({}, [claim, { ...claim, id: "A2", policyScopeCost: "-5" }]), 'claims[1].policyScopeCost: "-5" is negative'],
    ["three decimals (string)", input({}, [{ ...claim, basicPaid: "1.234" }]), 'claims[0].basicPaid: "1.234" has more than two decimals'],
    ["three decimals (number)", input({}, [{ ...claim, outOfScopeCost: 1.234 }]), "claims[0].outOfScopeCost: 1.234 has more than two decimals"],
    ["not an amount", input({}, [{ ...claim, policyScopeCost: "5万" }]), 'claims[0].policyScopeCost: "5万" is not a decimal amount'],
    ["too large", input({}, [{ ...claim, policyScopeCost: "100000000.01" }]), 'claims[0].policyScopeCost: "100000000.01" is above the largest accepted amount 100000000.00'],
    ["missing amount", input({}, [{ id: "A1", date: "2023-06-10", setting: "inpatient" }]), "claims[0].policyScopeCost: is required"],
    ["date before the policy version", input({}, [{ ...claim, date: "2023-05-29" }]), "claims[0].date: 2023-05-29 is before policy pengshui-2023 takes effect (2023-05-30)"],
    ["date after the policy version", input({ policy: "chengkou-2022" }, [{ ...claim, date: "2026-01-01" }]), "claims[0].date: 2026-01-01 is after policy chengkou-2022 ends (2025-12-31)"],
    ["impossible date", input({}, [{ ...claim, date: "2023-02-30" }]), 'claims[0].date: "2023-02-30" is not a valid date YYYY-MM-DD'],
    ["wrong date format", input({}, [{ ...claim, date: "2023/06/10" }]), 'claims[0].date: "2023/06/10" is not a valid date YYYY-MM-DD'],
    ["malformed birth date", input({ person: { category: "dibao", birthDate: "1958-13-02" } }), 'person.birthDate: "1958-13-02" is not a valid date YYYY-MM-DD'],
    ["basic + critical above the cost", input({}, [{ ...claim, criticalPaid: "21000.01" }]), "claims[0].criticalPaid: basicPaid 31000.00 + criticalPaid 21000.01 exceed policyScopeCost 52000.00"],
    ["basic above the cost", input({}, [{ ...claim, basicPaid: "60000", criticalPaid: undefined }]), "claims[0].basicPaid: 60000.00 exceeds policyScopeCost 52000.00"],
    ["critical without basic", input({}, [{ ...claim, basicPaid: undefined }]), "claims[0].basicPaid: is required when criticalPaid is given"],
    ["duplicate claim id", input({}, [claim, claim]), 'claims[1].id: duplicate id "A1"'],
    ["hospital level", input({}, [{ ...claim, hospitalLevel: 4 }]), "claims[0].hospitalLevel: 4 is not 1, 2 or 3"],
    ["setting", input({}, [{ ...claim, setting: "icu" }]), 'claims[0].setting: "icu" is not "inpatient" or "outpatient"'],
    ["boolean", input({}, [{ ...claim, referred: "yes" }]), 'claims[0].referred: "yes" is not true or false'],
    ["unknown field", input({}, [{ ...claim, policyscopecost: "1" }]), "claims[0].policyscopecost: unknown field"],
    ["unknown parameter", input({ parameters: { income: "1" } }), "parameters.income: unknown parameter (expected priorYearIncome or monitoringStandard)"],
    ["no claims", input({}, []), "claims: must hold at least one claim"],
    ["no person", { policy: "pengshui-2023", claims: [claim] }, "person: is required"],
  ])("%s", (_name, value, expected) => {
    expect(message(value)).toBe(expected);
  });

  it("refuses non-JSON text and non-objects", () => {
    const r = parseSettleJson("{ policy: ");
    expect(r.ok === false && r.message.startsWith("input: not valid JSON (")).toBe(true);
    expect(message([])).toBe("input: must be a JSON object");
  });

  it("asks for what a computed tier needs", () => {
    expect(message(input({ policy: "shandong-2019" }, [{ ...claim, date: "2019-06-01", specialFood: "pku" }]))).toBe(
      "person.birthDate: is required for the special-food claim claims[0]",
    );
    expect(message(input({}, [{ ...claim, specialFood: "pku" }]))).toBe("claims[0].specialFood: policy pengshui-2023 has no special-food rule");
  });
});
