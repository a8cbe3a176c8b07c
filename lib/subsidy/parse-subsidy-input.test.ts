import { describe, expect, it } from "vitest";
import { parseSubsidyInput, parseSubsidyJson } from "./parse-subsidy-input";
import { SUBSIDY_PRESETS } from "./presets";

// The contract's request (docs/cli.md, `subsidy FILE`).
const example = { policy: "jining-2023", year: 2023, category: "returned_poverty", tier: 1, contribution: { tier1: "380", tier2: "580" }, feeExempt: false };
const error = (patch: Record<string, unknown>) => {
  const r = parseSubsidyInput({ ...example, ...patch });
  return r.ok ? "(accepted)" : r.error;
};

describe("parseSubsidyInput", () => {
  it("accepts the contract's example and resolves the preset", () => {
    const r = parseSubsidyJson(JSON.stringify(example));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.policy).toBe("jining-2023");
    expect(r.value.rules).toBe(SUBSIDY_PRESETS["jining-2023"]);
    expect(r.value.input).toMatchObject({ year: 2023, category: "returned_poverty", tier: 1, feeExempt: false });
    expect(r.value.input.contribution.tier1.toFixed(2)).toBe("380.00");
    expect(r.value.input.contribution.tier2?.toFixed(2)).toBe("580.00");
  });
  it("accepts JSON numbers with up to two decimals and defaults feeExempt to false", () => {
    const r = parseSubsidyInput({ policy: "chengkou-2022", year: 2022, category: "dibao", tier: 1, contribution: { tier1: 333.35 } });
    expect(r.ok && r.value.input.contribution.tier1.toFixed(2)).toBe("333.35");
    expect(r.ok && r.value.input.feeExempt).toBe(false);
  });
  it("names the unknown policy and category", () => {
    expect(error({ policy: "xyz" })).toBe('policy: unknown policy "xyz"');
    expect(error({ category: "abc" })).toBe('category: unknown category "abc"');
  });
  it("refuses negative and 3-decimal money with the field path", () => {
    expect(error({ contribution: { tier1: "-5" } })).toBe('contribution.tier1: "-5" is negative');
    expect(error({ contribution: { tier1: "380.123" } })).toBe('contribution.tier1: "380.123" has more than two decimals');
    expect(error({ contribution: { tier1: "380", tier2: 1.005 } })).toBe("contribution.tier2: 1.005 has more than two decimals");
  });
  it("refuses tier 3, and tier 2 without (or below) its contribution", () => {
    expect(error({ tier: 3 })).toBe("tier: 3 is not 1 or 2");
    expect(error({ tier: 2, contribution: { tier1: "380" } })).toBe("contribution.tier2: required when tier is 2");
    expect(error({ tier: 2, contribution: { tier1: "380", tier2: "300" } })).toBe("contribution.tier2: 300.00 is less than tier1 380.00");
  });
  it("refuses a year the policy does not cover", () => {
    expect(error({ year: 2022 })).toBe('year: 2022 is not covered by policy "jining-2023" (from 2023)');
    expect(error({ policy: "chengkou-2022", year: 2026 })).toBe('year: 2026 is not covered by policy "chengkou-2022" (2022–2025)');
    expect(error({ year: 2023.5 })).toBe("year: 2023.5 is not a year such as 2023");
  });
  it("names missing, mistyped and unknown fields", () => {
    expect(error({ year: undefined })).toBe("year: required");
    expect(error({ contribution: undefined })).toBe("contribution: required");
    expect(error({ contribution: {} })).toBe("contribution.tier1: required");
    expect(error({ feeExempt: "yes" })).toBe('feeExempt: "yes" is not true or false');
    expect(error({ feeExmpt: true })).toBe("feeExmpt: unknown field");
    expect(parseSubsidyInput([example])).toMatchObject({ ok: false, error: "expected a JSON object", problem: { path: "", code: "subsidyNotObject" } });
  });
  it("reports malformed JSON as one line, without throwing", () => {
    const r = parseSubsidyJson('{"policy": "jining-2023",');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/^invalid JSON: /);
    expect(!r.ok && r.error).not.toContain("\n");
  });
  it("uses the resolver it is given (the database-backed policies later)", () => {
    const r = parseSubsidyInput({ ...example, policy: "local-2024", year: 2024 }, (id) => (id === "local-2024" ? SUBSIDY_PRESETS["jining-2023"] : undefined));
    expect(r.ok && r.value.policy).toBe("local-2024");
  });
});
