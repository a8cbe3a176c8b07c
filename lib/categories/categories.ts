import type { Department } from "@/lib/departments/departments";

// Category codes of docs/policy.md §1. Display names are Chinese; the certifying
// department decides who may send a category on a roster (a department may only
// submit its own categories, docs/policy.md §2).
export const CATEGORIES = [
  "tekun",
  "dibao",
  "dibao_edge",
  "illness_poverty",
  "returned_poverty",
  "unstable_exit",
  "edge_poverty",
  "sudden_hardship",
  "monitored",
  "stable_exit",
  "registered_poor",
  "priority_veteran",
  "severe_disability",
  "low_income",
  "ordinary",
] as const;
export type Category = (typeof CATEGORIES)[number];

export type CategoryInfo = {
  code: Category;
  name: string;
  /** Short label for tables and charts. */
  shortName: string;
  /** Who certifies it; null for `ordinary` (no certification). */
  certifiedBy: Department | null;
};

export const CATEGORY_INFO: Record<Category, CategoryInfo> = {
  tekun: { code: "tekun", name: "特困人员", shortName: "特困", certifiedBy: "civil_affairs" },
  dibao: { code: "dibao", name: "低保对象", shortName: "低保", certifiedBy: "civil_affairs" },
  dibao_edge: { code: "dibao_edge", name: "低保边缘家庭成员", shortName: "低保边缘", certifiedBy: "civil_affairs" },
  illness_poverty: { code: "illness_poverty", name: "因病致贫重病患者", shortName: "因病致贫", certifiedBy: "civil_affairs" },
  returned_poverty: { code: "returned_poverty", name: "返贫致贫人口", shortName: "返贫致贫", certifiedBy: "rural_revitalization" },
  unstable_exit: { code: "unstable_exit", name: "脱贫不稳定户", shortName: "脱贫不稳定", certifiedBy: "rural_revitalization" },
  edge_poverty: { code: "edge_poverty", name: "边缘易致贫户", shortName: "边缘易致贫", certifiedBy: "rural_revitalization" },
  sudden_hardship: { code: "sudden_hardship", name: "突发严重困难户", shortName: "突发严重困难", certifiedBy: "rural_revitalization" },
  monitored: { code: "monitored", name: "防止返贫监测帮扶对象", shortName: "监测对象", certifiedBy: "rural_revitalization" },
  stable_exit: { code: "stable_exit", name: "未纳入监测的稳定脱贫人口", shortName: "稳定脱贫", certifiedBy: "rural_revitalization" },
  registered_poor: { code: "registered_poor", name: "建档立卡贫困人口", shortName: "建档立卡", certifiedBy: "rural_revitalization" },
  priority_veteran: { code: "priority_veteran", name: "在乡重点优抚对象", shortName: "重点优抚", certifiedBy: "veterans" },
  severe_disability: { code: "severe_disability", name: "城乡重度残疾人员", shortName: "重度残疾", certifiedBy: "disability" },
  low_income: { code: "low_income", name: "低收入救助对象", shortName: "低收入", certifiedBy: "civil_affairs" },
  ordinary: { code: "ordinary", name: "普通参保人员", shortName: "普通", certifiedBy: null },
};

/**
 * The default benefit ranking of docs/policy.md §1, highest first. Categories on the
 * same rank tie; ties are broken by the earlier certification date. Each
 * policy may carry its own ranking (lib/policy).
 */
export const DEFAULT_RANKING: readonly (readonly Category[])[] = [
  ["tekun"],
  ["dibao"],
  ["returned_poverty"],
  ["unstable_exit", "edge_poverty", "sudden_hardship", "monitored"],
  ["dibao_edge"],
  ["illness_poverty"],
  ["priority_veteran"],
  ["severe_disability"],
  ["low_income"],
  ["registered_poor"],
  ["stable_exit"],
  ["ordinary"],
];

/** "7类低收入人口" of 000: the groups 城口's subsidy and monitoring rules name. */
export const SEVEN_LOW_INCOME: readonly Category[] = [
  "tekun", "dibao", "dibao_edge", "returned_poverty", "unstable_exit", "edge_poverty", "sudden_hardship",
];

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

/** Accepts a code or any Chinese name / short name; returns the code or null. */
export function parseCategory(value: string): Category | null {
  const v = value.trim();
  if (isCategory(v)) return v;
  for (const info of Object.values(CATEGORY_INFO)) {
    if (info.name === v || info.shortName === v) return info.code;
  }
  return ALIASES[v] ?? null;
}

// Names the departments' own spreadsheets use for the same groups.
const ALIASES: Record<string, Category> = {
  特困供养人员: "tekun",
  特困供养: "tekun",
  农村五保: "tekun",
  城市三无: "tekun",
  孤儿: "tekun",
  事实无人抚养儿童: "tekun",
  低保: "dibao",
  低保户: "dibao",
  最低生活保障对象: "dibao",
  低保边缘户: "dibao_edge",
  低保边缘家庭: "dibao_edge",
  返贫致贫户: "returned_poverty",
  防止返贫监测对象: "monitored",
  纳入监测范围的农村易返贫致贫人口: "monitored",
  稳定脱贫人口: "stable_exit",
  重度残疾人: "severe_disability",
  重点优抚对象: "priority_veteran",
  建档立卡贫困户: "registered_poor",
};

/** Categories a department may put on its roster. */
export function categoriesOf(department: Department): Category[] {
  return CATEGORIES.filter((c) => CATEGORY_INFO[c].certifiedBy === department);
}
