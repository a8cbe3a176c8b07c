import { CATEGORY_INFO, DEFAULT_RANKING, isCategory } from "@/lib/categories/categories";
import { DEPARTMENT_NAMES, isDepartment } from "@/lib/departments/departments";

// Display text for codes stored by the roster tables: categories, departments,
// the `source` of a consolidated category ("civil_affairs 2025-10") and the
// candidates of a conflict. Unknown codes (a category a policy added later)
// are shown as they are rather than hidden.

export function categoryName(code: string | null | undefined): string {
  if (!code) return "—";
  return isCategory(code) ? CATEGORY_INFO[code].name : code;
}

export function departmentName(code: string): string {
  return isDepartment(code) ? DEPARTMENT_NAMES[code] : code;
}

/** "civil_affairs 2025-10" → "民政局 2025-10 名单". */
export function sourceLabel(source: string | null | undefined): string {
  if (!source) return "—";
  const [department, month] = source.split(" ");
  return month ? `${departmentName(department!)} ${month} 名单` : departmentName(source);
}

export type Candidate = { department: string; category: string; certifiedOn: string };

export function isCandidateList(value: unknown): value is Candidate[] {
  return Array.isArray(value) && value.every((c) => c && typeof c === "object" && typeof (c as Candidate).category === "string");
}

/** "民政局：低保对象（认定 2025-09-15）；乡村振兴局：返贫致贫人口（认定 2025-08-01）". */
export function candidatesLabel(value: unknown): string {
  if (!isCandidateList(value)) return "—";
  return value.map((c) => `${departmentName(c.department)}：${categoryName(c.category)}（认定 ${c.certifiedOn}）`).join("；");
}

const RANK = new Map<string, number>(DEFAULT_RANKING.flatMap((tier, i) => tier.map((c) => [c, i] as [string, number])));

/** Counts by category as rows with Chinese names, highest benefit first (default ranking), unknown codes last. */
export function categoryRows(byCategory: Record<string, number>): { category: string; name: string; count: number }[] {
  return Object.entries(byCategory)
    .map(([category, count]) => ({ category, name: categoryName(category), count }))
    .sort((a, b) => (RANK.get(a.category) ?? 99) - (RANK.get(b.category) ?? 99) || a.category.localeCompare(b.category));
}
