import type { PaymentsFigure, TierAmounts } from "./dashboard";
import { categoryLabel, orderCategories } from "./coverage-figure";
import { percentOf } from "./percent";

// The dashboard's payments figure from the grouped sums (pure; the sums were
// done in SQL as numeric). Definitions (docs/statistics.md):
//   - each tier's share = the tier's payments ÷ the policy-scope cost of the
//     same claims × 100; the five shares (基本医保, 大病保险, 医疗救助, 倾斜救助,
//     个人自付 = the policy-scope cost left after every tier) add up to 100 %
//     but for rounding, since the engine splits each claim's policy-scope
//     cost exactly into the five amounts;
//   - 政策范围内住院费用支付比例 = 基本医保 ÷ policy-scope cost, inpatient claims
//     only (000 §三(五), 003 §三(五): the basic insurance's inpatient level).
// Months without claims are listed with zeros, so a trend has every month.

export type PaymentsGroupInput = {
  grouping: "total" | "month" | "category" | "child" | "setting";
  key: string | null;
} & TierAmounts;

const ZERO: TierAmounts = { claims: 0, totalCost: "0.00", policyScopeCost: "0.00", basic: "0.00", critical: "0.00", assistance: "0.00", tilted: "0.00", selfPaid: "0.00" };

function amounts(g: PaymentsGroupInput | undefined): TierAmounts {
  if (!g) return { ...ZERO };
  return { claims: g.claims, totalCost: g.totalCost, policyScopeCost: g.policyScopeCost, basic: g.basic, critical: g.critical, assistance: g.assistance, tilted: g.tilted, selfPaid: g.selfPaid };
}

export function buildPaymentsFigure(input: {
  division: string;
  name: string;
  months: readonly string[];
  groups: readonly PaymentsGroupInput[];
  children: readonly { code: string; name: string }[];
}): PaymentsFigure {
  const of = (grouping: PaymentsGroupInput["grouping"]) => new Map(input.groups.filter((g) => g.grouping === grouping).map((g) => [g.key ?? "", g]));
  const totals = amounts(input.groups.find((g) => g.grouping === "total"));
  const months = of("month");
  const categories = of("category");
  const children = of("child");
  const inpatient = of("setting").get("inpatient");
  const scope = totals.policyScopeCost;
  return {
    division: input.division,
    name: input.name,
    totals,
    shares: {
      basic: percentOf(totals.basic, scope),
      critical: percentOf(totals.critical, scope),
      assistance: percentOf(totals.assistance, scope),
      tilted: percentOf(totals.tilted, scope),
      selfPaid: percentOf(totals.selfPaid, scope),
    },
    inpatientScopeShare: inpatient ? percentOf(inpatient.basic, inpatient.policyScopeCost) : null,
    byMonth: input.months.map((month) => ({ month, ...amounts(months.get(month)) })),
    byCategory: orderCategories(categories.keys()).map((category) => ({ category, label: categoryLabel(category), ...amounts(categories.get(category)) })),
    children: input.children.map((c) => ({ division: c.code, name: c.name, ...amounts(children.get(c.code)) })),
  };
}
