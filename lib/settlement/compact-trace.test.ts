import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CATEGORIES, type Category } from "@/lib/categories/categories";
import { PRESET_IDS } from "@/lib/policies/domain/preset-registry";
import type { PolicyRecord } from "@/lib/policies/domain/schema/policy-record";
import { mulBp } from "./cents";
import { checkSettleSemantics } from "./check-settle-input";
import { parseSettleInput } from "./parse-settle-input";
import { renderSettlement } from "./render-trace";
import { settleClaims, settleCompact, settleVersionRuns } from "./settle-claims";
import { editablePreset } from "./settle-test-helpers";
import hand from "./fixtures/hand-worked-traces.json";
import type { ClaimInput, SettleClaimsInput, SettlementResult } from "./types";

// The engine records its trace compactly (codes and integer-fen arguments,
// trace-log.ts) and renders the Chinese lines only when they are shown. The
// rendered output must be byte for byte what the engine wrote before the
// compact trace existed (docs/cli.md: the settle output, trace included, is
// checked from outside):
// - fixtures/hand-worked-traces.json: every hand-worked case of the preset
//   tests (input as the contract's JSON, the policy edits the test made, and
//   the whole output the old engine gave), captured from the engine of
//   commit 0b65aff;
// - a deterministic random corpus of every preset (categories changing
//   mid-year, settled and computed tiers, special drugs and food, waivers,
//   parameters, limit use before, several years, a version change mid-year),
//   whose outputs from that same engine hashed to CORPUS_SHA256.

type Edit = { path: (string | number)[]; value: unknown };
type Case = { case: string; edits: Edit[]; input: { policy: string }; output: SettlementResult };

// Rules added to the presets after the capture, left out so that the same
// inputs settle as they did then: shaoyang-2021's §三(七) defaults for 低保边缘
// and 因病致贫重病患者 (国办发〔2021〕42号; their cases: settle-shaoyang-2021.test.ts).
const ADDED_SINCE_CAPTURE = new Set(["regular-edge", "regular-illness"]);

function captured(policyId: string): PolicyRecord {
  const policy = editablePreset(policyId);
  policy.assistance.rules = policy.assistance.rules.filter((r) => !ADDED_SINCE_CAPTURE.has(r.id));
  return policy;
}

function edited(policyId: string, edits: readonly Edit[]): PolicyRecord {
  const policy = captured(policyId) as unknown as Record<string | number, unknown>;
  for (const { path, value } of edits) {
    let at = policy;
    for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
    at[path[path.length - 1]!] = value;
  }
  return policy as unknown as PolicyRecord;
}

describe("the compact trace renders to the old trace text", () => {
  it.each((hand as unknown as Case[]).map((c, i) => [`${i + 1}. ${c.case}`, c] as const))("%s", (_name, c) => {
    const policy = edited(c.input.policy, c.edits);
    const parsed = parseSettleInput(c.input, { resolvePolicy: (id) => (id === c.input.policy ? policy : undefined) });
    if (!parsed.ok) throw new Error(parsed.message);
    const compact = settleCompact(parsed.value.policy, parsed.value.input, undefined).result;
    expect(JSON.stringify(renderSettlement(compact), null, 2)).toBe(JSON.stringify(c.output, null, 2));
  });
});

/** mulberry32: the same corpus on every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const YEARS: Record<string, number[]> = {
  "pengshui-2023": [2023, 2024],
  "chengkou-2022": [2022, 2023],
  "shaoyang-2021": [2022, 2023],
  "shandong-2019": [2019, 2020],
  "jining-2023": [2023],
};

function variants(): { id: string; policy: PolicyRecord }[] {
  const out = PRESET_IDS.map((id) => ({ id: id as string, policy: captured(id) }));
  const capped = captured("chengkou-2022");
  capped.limitPools[0]!.annualLimit = "20000";
  capped.criticalIllness!.annualCap.amount = "30000";
  const shared = captured("pengshui-2023");
  shared.limitPools[1]!.within = shared.limitPools[0]!.id;
  shared.tiltedAssistance[0]!.base = "whole";
  const basic = captured("shaoyang-2021");
  basic.basicInsurance.deductiblePerYear.amount = "1000";
  basic.basicInsurance.annualCap.amount = "30000";
  basic.assistance.rules[0]!.deductible = { kind: "perYear", amount: "1000", source: { doc: "003", paragraph: "测试" } };
  out.push({ id: "chengkou-2022", policy: capped }, { id: "pengshui-2023", policy: shared }, { id: "shaoyang-2021", policy: basic });
  return out;
}

function corpusInput(random: () => number, policy: PolicyRecord, years: number[]): SettleClaimsInput {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const category = pick(CATEGORIES) as Category;
  const count = 1 + Math.floor(random() * 8);
  const claims: ClaimInput[] = [];
  for (let i = 0; i < count; i++) {
    const scope = Math.floor(random() * random() * 30_000_000);
    const claim: ClaimInput = {
      id: `c${Math.floor(random() * 40)}`,
      date: `${pick(years)}-${String(1 + Math.floor(random() * 12)).padStart(2, "0")}-${String(1 + Math.floor(random() * 28)).padStart(2, "0")}`,
      setting: random() < 0.6 ? "inpatient" : "outpatient",
      policyScopeCost: scope,
    };
    if (random() < 0.7) claim.specialDisease = random() < 0.4;
    if (random() < 0.8) claim.hospitalLevel = pick([1, 2, 3] as const);
    if (random() < 0.5) claim.referred = random() < 0.85;
    if (random() < 0.5) claim.inCity = random() < 0.85;
    if (random() < 0.3) claim.outOfScopeCost = Math.floor(random() * 500_000);
    if (random() < 0.25) claim.onApplication = true;
    if (random() < 0.15) claim.applicationId = pick(["A", "B"]);
    if (random() < 0.15) claim.category = pick(CATEGORIES) as Category;
    const basicGiven = random() < 0.5;
    if (basicGiven) claim.basicPaid = mulBp(scope, Math.floor(random() * 9000));
    if (basicGiven && random() < 0.4) claim.criticalPaid = mulBp(scope - claim.basicPaid!, Math.floor(random() * 3000));
    if (random() < 0.05 && policy.criticalIllness?.specialDrug) claim.specialDrug = true;
    if (random() < 0.08 && policy.specialFood) claim.specialFood = "pku";
    if (random() < 0.15) claim.hospitalWaived = Math.floor(random() * 300_000);
    if (random() < 0.15) claim.commercialPaid = Math.floor(random() * 300_000);
    claims.push(claim);
  }
  const seen = new Set<string>();
  const input: SettleClaimsInput = {
    category,
    birthDate: pick(["1950-03-01", "2010-07-15", "2006-01-01", "2018-11-30"]),
    claims: claims.filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true))),
  };
  if (random() < 0.1) input.parameters = { priorYearIncome: 1_000_000 + Math.floor(random() * 5_000_000) };
  if (random() < 0.1 && policy.limitPools.length > 0) input.poolsUsedBefore = { [years[0]!]: { [policy.limitPools[0]!.id]: Math.floor(random() * 3_000_000) } };
  return input;
}

/** A category the policy has no critical rule for needs the hospital's figures: give them on every claim. */
function settledByHospital(random: () => number, input: SettleClaimsInput): void {
  for (const c of input.claims as ClaimInput[]) {
    c.basicPaid ??= mulBp(c.policyScopeCost, Math.floor(random() * 9000));
    c.criticalPaid ??= mulBp(c.policyScopeCost - c.basicPaid, Math.floor(random() * 3000));
    delete c.specialDrug;
  }
}

/** Every output of the corpus, errors included (their messages are part of the behaviour). */
function corpusOutputs(): string[] {
  const random = rng(13_000_013);
  const out: string[] = [];
  for (const { id, policy } of variants()) {
    for (let n = 0; n < 400; n++) {
      const input = corpusInput(random, policy, YEARS[id]!);
      if (checkSettleSemantics(policy, input) !== null) settledByHospital(random, input);
      if (checkSettleSemantics(policy, input) !== null) continue;
      try {
        out.push(JSON.stringify(settleClaims(policy, input)));
      } catch (err) {
        out.push(`error: ${(err as Error).message}`);
      }
    }
  }
  // A version change on 1 July: the second version pays 5 points more and renames the assistance pool.
  const v1 = captured("shaoyang-2021");
  v1.effectiveTo = "2022-06-30";
  const v2 = captured("shaoyang-2021");
  v2.version = 2;
  v2.effectiveFrom = "2022-07-01";
  v2.assistance.rules.forEach((r) => (r.ratioPercent = String(Number(r.ratioPercent) + 5)));
  for (let n = 0; n < 300; n++) {
    const input = corpusInput(random, v1, [2022]);
    const first = { ...input, claims: input.claims.filter((c) => c.date < "2022-07-01") };
    const second = { ...input, claims: input.claims.filter((c) => c.date >= "2022-07-01") };
    if (checkSettleSemantics(v1, first) !== null || checkSettleSemantics(v2, second) !== null) settledByHospital(random, input);
    if (checkSettleSemantics(v1, first) !== null || checkSettleSemantics(v2, second) !== null) continue;
    out.push(JSON.stringify(settleVersionRuns([{ policy: v1, input: first }, { policy: v2, input: second }])));
  }
  return out;
}

const CORPUS_SHA256 = "eadb9cff5c35e3646e7bccd665e47ce46eb9c46876a3117aa0427874a15b97c7";

describe("a random corpus of every preset renders as before", () => {
  it("hashes to the old engine's outputs", () => {
    const outputs = corpusOutputs();
    expect(outputs.length).toBeGreaterThan(3000);
    expect(createHash("sha256").update(outputs.join("\n")).digest("hex")).toBe(CORPUS_SHA256);
  });
});
