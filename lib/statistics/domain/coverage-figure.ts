import Decimal from "decimal.js";
import { CATEGORIES, CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import type { CoverageCount } from "./coverage";
import type { CoverageFigure } from "./dashboard";
import { percentOf } from "./percent";

// The dashboard's coverage figure from the grouped counts of coverageGroups
// (pure). Totals are the sums of the groups, so the children add up to the
// parent (a person registered on the parent code itself counts in the parent
// only). The gap is the number of people still to enrol to reach the target:
// ceil(assisted × target ÷ 100) − enrolled, never below 0, and 0 without a
// target. Each child's gap uses the target in force for that child, so the
// children's gaps need not add up to the parent's (rounding up is per division).

/** People still to enrol to reach `target` percent (0 when reached or no target). */
export function coverageGap(assisted: number, enrolled: number, target: string | null): number {
  if (target === null) return 0;
  const needed = new Decimal(assisted).times(target).dividedBy(100).toDecimalPlaces(0, Decimal.ROUND_CEIL).toNumber();
  return Math.max(0, needed - enrolled);
}

/** Chinese label of a category code; an unknown code shows as itself. */
export function categoryLabel(code: string): string {
  return isCategory(code) ? CATEGORY_INFO[code].name : code;
}

/** Category codes in the product's order (CATEGORIES), unknown codes after them alphabetically. */
export function orderCategories(codes: Iterable<string>): string[] {
  const set = new Set(codes);
  const known = CATEGORIES.filter((c) => set.has(c));
  const unknown = [...set].filter((c) => !isCategory(c)).sort();
  return [...known, ...unknown];
}

export function buildCoverageFigure(input: {
  division: string;
  name: string;
  on: string;
  target: string | null;
  groups: readonly CoverageCount[];
  children: readonly { code: string; name: string; target: string | null }[];
}): CoverageFigure {
  const perCategory = new Map<string, { assisted: number; enrolled: number }>();
  const perChild = new Map(input.children.map((c) => [c.code, { assisted: 0, enrolled: 0 }]));
  let assisted = 0;
  let enrolled = 0;
  for (const g of input.groups) {
    assisted += g.assisted;
    enrolled += g.enrolled;
    const cat = perCategory.get(g.category) ?? { assisted: 0, enrolled: 0 };
    cat.assisted += g.assisted;
    cat.enrolled += g.enrolled;
    perCategory.set(g.category, cat);
    const child = perChild.get(g.child);
    if (child) {
      child.assisted += g.assisted;
      child.enrolled += g.enrolled;
    }
  }
  return {
    division: input.division,
    name: input.name,
    on: input.on,
    assisted,
    enrolled,
    rate: percentOf(enrolled, assisted),
    target: input.target,
    gap: coverageGap(assisted, enrolled, input.target),
    byCategory: orderCategories(perCategory.keys()).map((category) => {
      const n = perCategory.get(category)!;
      return { category, label: categoryLabel(category), assisted: n.assisted, enrolled: n.enrolled, rate: percentOf(n.enrolled, n.assisted) };
    }),
    children: input.children.map((c) => {
      const n = perChild.get(c.code)!;
      return { division: c.code, name: c.name, assisted: n.assisted, enrolled: n.enrolled, rate: percentOf(n.enrolled, n.assisted), gap: coverageGap(n.assisted, n.enrolled, c.target) };
    }),
  };
}
