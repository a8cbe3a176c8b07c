import { FUNDING_SOURCE_NAMES } from "@/lib/subsidy/describe-rule";
import { FUNDING_SOURCES } from "@/lib/subsidy/rules";
import { categoryLabel, orderCategories } from "./coverage-figure";
import type { SubsidyFigure } from "./dashboard";
import { sumMoney } from "./percent";

// The dashboard's subsidy figure from the grouped sums (pure). Sources are the
// ones a subsidy's funding lines name (lib/subsidy/rules.ts: medical_assistance
// 医疗救助基金, finance 财政 — county finance or 衔接资金 as the policy says —
// and personal 个人, what the person pays), in that order, each listed even at
// 0.00; a source the rules do not know is listed after them under its code.
// `people` counts subsidy rows: one per person and enrolment year.

export const SOURCE_ORDER: readonly string[] = [...FUNDING_SOURCES, "personal"];

export function sourceLabel(source: string): string {
  return (FUNDING_SOURCE_NAMES as Record<string, string>)[source] ?? source;
}

export function buildSubsidyFigure(input: {
  division: string;
  name: string;
  years: number[];
  groups: readonly { child: string; category: string; people: number; subsidy: string; personal: string }[];
  sources: readonly { source: string; amount: string }[];
  children: readonly { code: string; name: string }[];
}): SubsidyFigure {
  const byCat = new Map<string, { people: number; subsidy: string[]; personal: string[] }>();
  const byChild = new Map(input.children.map((c) => [c.code, { people: 0, subsidy: [] as string[], personal: [] as string[] }]));
  let people = 0;
  for (const g of input.groups) {
    people += g.people;
    const cat = byCat.get(g.category) ?? { people: 0, subsidy: [], personal: [] };
    cat.people += g.people;
    cat.subsidy.push(g.subsidy);
    cat.personal.push(g.personal);
    byCat.set(g.category, cat);
    const child = byChild.get(g.child);
    if (child) {
      child.people += g.people;
      child.subsidy.push(g.subsidy);
      child.personal.push(g.personal);
    }
  }
  const sourceAmounts = new Map(input.sources.map((s) => [s.source, s.amount]));
  const sources = [...SOURCE_ORDER, ...[...sourceAmounts.keys()].filter((s) => !SOURCE_ORDER.includes(s)).sort()];
  return {
    division: input.division,
    name: input.name,
    years: input.years,
    people,
    subsidy: sumMoney(input.groups.map((g) => g.subsidy)),
    personal: sumMoney(input.groups.map((g) => g.personal)),
    bySource: sources.map((source) => ({ source, label: sourceLabel(source), amount: sumMoney([sourceAmounts.get(source) ?? "0"]) })),
    byCategory: orderCategories(byCat.keys()).map((category) => {
      const c = byCat.get(category)!;
      return { category, label: categoryLabel(category), people: c.people, subsidy: sumMoney(c.subsidy), personal: sumMoney(c.personal) };
    }),
    children: input.children.map((c) => {
      const n = byChild.get(c.code)!;
      return { division: c.code, name: c.name, people: n.people, subsidy: sumMoney(n.subsidy), personal: sumMoney(n.personal) };
    }),
  };
}
