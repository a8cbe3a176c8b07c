import { describe, expect, it } from "vitest";
import { subsidyForEnrolment, type EnrolmentForSubsidy } from "@/lib/enrolment/domain/subsidy-for-enrolment";
import { PRESET_IDS, getPreset } from "./preset-registry";
import type { PolicyRecord } from "./schema/policy-record";
import { SubsidySides, subsidySide } from "./subsidy-sides";

// 政策测算 remembers each enrolment's subsidy by the fields that decide it
// (SubsidySides): for every input it must give exactly what computing it
// afresh gives, whichever enrolments came before it and whether its side was
// remembered, computed again after the limit, or under another record.

const records: (PolicyRecord | null)[] = [...PRESET_IDS.map((id) => getPreset(id)!), null];

function enrolments(): EnrolmentForSubsidy[] {
  const out: EnrolmentForSubsidy[] = [];
  for (const year of [2022, 2025, 2031])
    for (const tier of [1, 2])
      for (const contribution of ["380.00", "1000.00", "180.5"])
        for (const tier1 of [null, "380.00", "350.00"])
          for (const feeExempt of [false, true])
            for (const category of [null, "tekun", "dibao", "returned_poverty", "ordinary", "no_such"]) out.push({ year, tier, contribution, tier1, feeExempt, category });
  return out;
}

describe("SubsidySides: an enrolment's side remembered", () => {
  const all = enrolments();

  it("gives for every input and record what subsidyForEnrolment gives, in any order, across records, remembered or not", () => {
    const sides = new SubsidySides();
    // Each input asked twice under every record, interleaved: the second time from memory.
    for (const pass of [0, 1])
      for (const e of pass === 0 ? all : [...all].reverse())
        for (const record of records) expect(sides.side(e, record), JSON.stringify({ pass, e, record: record?.id ?? null })).toEqual(subsidySide(subsidyForEnrolment(e, record)));
    // The inputs differ in results, so a key that missed a field would have answered one with another's side.
    const distinct = new Set(records.flatMap((record) => all.map((e) => JSON.stringify(subsidySide(subsidyForEnrolment(e, record))))));
    expect(distinct.size).toBeGreaterThan(20);
  });

  it("starts again when its limit is reached, and still answers right", () => {
    const sides = new SubsidySides(7);
    for (const e of all.slice(0, 200)) for (const record of records.slice(0, 2)) expect(sides.side(e, record)).toEqual(subsidySide(subsidyForEnrolment(e, record)));
  });
});
