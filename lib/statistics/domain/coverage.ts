import Decimal from "decimal.js";

// Coverage figures from the grouped counts (pure): the parent's totals are the
// sum of its groups, so the children add up to the parent by construction,
// and the rate is enrolled ÷ assisted × 100, half-up to two places (exact
// decimals, never floats).

export type CoverageCount = { child: string; category: string; assisted: number; enrolled: number };

export type ChildCoverage = { division: string; name: string; assisted: number; enrolled: number; rate: string | null };

export type Coverage = {
  division: string;
  on: string;
  assisted: number;
  enrolled: number;
  /** null when nobody is assisted (no rate to speak of). */
  rate: string | null;
  target: string | null;
  byCategory: Record<string, number>;
  children: ChildCoverage[];
};

export function enrolmentRate(enrolled: number, assisted: number): string | null {
  if (assisted === 0) return null;
  return new Decimal(enrolled).times(100).dividedBy(assisted).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/**
 * `children`: the divisions one level below (code and name, in order); a
 * group whose child is not among them (a person registered on the parent
 * itself) counts in the parent's totals only.
 */
export function summarizeCoverage(input: {
  division: string;
  on: string;
  target: string | null;
  groups: readonly CoverageCount[];
  children: readonly { code: string; name: string }[];
}): Coverage {
  const byCategory: Record<string, number> = {};
  const perChild = new Map(input.children.map((c) => [c.code, { assisted: 0, enrolled: 0 }]));
  let assisted = 0;
  let enrolled = 0;
  for (const g of input.groups) {
    assisted += g.assisted;
    enrolled += g.enrolled;
    byCategory[g.category] = (byCategory[g.category] ?? 0) + g.assisted;
    const c = perChild.get(g.child);
    if (c) {
      c.assisted += g.assisted;
      c.enrolled += g.enrolled;
    }
  }
  return {
    division: input.division,
    on: input.on,
    assisted,
    enrolled,
    rate: enrolmentRate(enrolled, assisted),
    target: input.target,
    byCategory,
    children: input.children.map((c) => {
      const n = perChild.get(c.code)!;
      return { division: c.code, name: c.name, assisted: n.assisted, enrolled: n.enrolled, rate: enrolmentRate(n.enrolled, n.assisted) };
    }),
  };
}
