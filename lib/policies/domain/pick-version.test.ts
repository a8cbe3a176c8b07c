import { describe, expect, it } from "vitest";
import { getPreset } from "@/lib/policies/domain/preset-registry";
import { contractLine } from "@/lib/settlement/settle-input-error";
import { claimDates, pickVersionForDates, pickVersionForYear, type Candidate } from "./pick-version";

const base = getPreset("shaoyang-2021")!;
const version = (n: number, effectiveFrom: string, effectiveTo: string | null, subsidyFrom = 2021): Candidate => ({
  versionId: 100 + n,
  version: n,
  record: { ...base, id: "longhui", version: n, effectiveFrom, effectiveTo, subsidy: { ...base.subsidy, years: { ...base.subsidy.years, from: subsidyFrom } } },
});
const history = [version(1, "2021-09-01", "2026-12-31"), version(2, "2027-01-01", null, 2027)];

describe("pickVersionForDates", () => {
  it("takes the version whose dates hold the claims, bounds included", () => {
    expect(pickVersionForDates(history, ["2026-12-31"])).toMatchObject({ ok: true, chosen: { version: 1 } });
    expect(pickVersionForDates(history, [null, "2027-01-01", "2027-05-01"])).toMatchObject({ ok: true, chosen: { version: 2 } });
  });

  it("refuses claims under two versions, naming the claim that differs", () => {
    const r = pickVersionForDates(history, ["2026-12-01", "2026-12-20", "2027-01-02"]);
    expect(r.ok).toBe(false);
    expect(!r.ok && contractLine(r.problem)).toBe(
      "claims[2].date: 2027-01-02 falls under version 2 of policy longhui (from 2027-01-01) and claims[0] under version 1; send the claims of each version separately",
    );
  });

  it("falls back to the nearest version when no date is inside any (the engine then names the date)", () => {
    expect(pickVersionForDates(history, [null, "2020-01-01"])).toMatchObject({ ok: true, chosen: { version: 1 } });
    expect(pickVersionForDates([history[0]!], ["2027-03-01"])).toMatchObject({ ok: true, chosen: { version: 1 } });
    expect(pickVersionForDates(history, [null])).toMatchObject({ ok: true, chosen: { version: 2 } });
  });

  it("reads only well-formed dates from a raw body", () => {
    expect(claimDates({ claims: [{ date: "2025-01-01" }, { date: "2025-02-30" }, {}, "x"] })).toEqual(["2025-01-01", null, null, null]);
    expect(claimDates({ claims: "none" })).toEqual([]);
  });
});

describe("pickVersionForYear", () => {
  it("takes the newest version whose subsidy years cover the year, else the newest", () => {
    expect(pickVersionForYear(history, 2026).version).toBe(1);
    expect(pickVersionForYear(history, 2028).version).toBe(2);
    expect(pickVersionForYear(history, 2019).version).toBe(2);
    expect(pickVersionForYear(history, "2026").version).toBe(2);
  });
});
