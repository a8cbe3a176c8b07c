import { CATEGORY_INFO, isCategory } from "@/lib/categories/categories";
import { Money } from "@/lib/money/money";
import { maskName } from "@/lib/people/domain/mask-name";

// The content of a quarterly notice: one row per approved case, only what the
// duty to publish requires (PIPL §§25, 28, 34; docs/policy.md §7): the masked
// name, the village, the category's Chinese name, the approved amount and the
// approval date. The input type has no field for an ID number, bank account,
// phone, diagnosis or birth date, so none can reach a notice by mistake.

export type ApprovedCase = {
  applicationId: string;
  /** The person's name as registered (masked here, never stored in the notice). */
  personName: string;
  villageCode: string;
  villageName: string;
  /** Category code (lib/categories) or null for 普通参保人员. */
  category: string | null;
  /** Decimal string, yuan. */
  approvedAmount: string;
  approvedOn: string;
};

export type NoticeRow = {
  seq: number;
  applicationId: string;
  maskedName: string;
  villageName: string;
  categoryName: string;
  /** Decimal string with two decimals, exact (never a float). */
  amount: string;
  approvedOn: string;
};

export function categoryName(category: string | null): string {
  if (category && isCategory(category)) return CATEGORY_INFO[category].name;
  return "其他救助对象";
}

/** Rows in approval-date order (then by case id, so a re-draft gives the same order). */
export function buildNoticeRows(cases: readonly ApprovedCase[]): NoticeRow[] {
  return [...cases]
    .sort((a, b) => (a.approvedOn === b.approvedOn ? (a.applicationId < b.applicationId ? -1 : 1) : a.approvedOn < b.approvedOn ? -1 : 1))
    .map((c, i) => ({
      seq: i + 1,
      applicationId: c.applicationId,
      maskedName: maskName(c.personName),
      villageName: c.villageName,
      categoryName: categoryName(c.category),
      amount: new Money(c.approvedAmount).toFixed(2),
      approvedOn: c.approvedOn,
    }));
}

/** The cases of a township grouped by village code (one notice per village/community). */
export function groupByVillage<T extends { villageCode: string }>(cases: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const c of [...cases].sort((a, b) => (a.villageCode < b.villageCode ? -1 : a.villageCode > b.villageCode ? 1 : 0))) {
    const list = out.get(c.villageCode) ?? [];
    list.push(c);
    out.set(c.villageCode, list);
  }
  return out;
}

/** Sum of the rows' amounts, exact. */
export function totalOf(rows: readonly { amount: string }[]): string {
  return rows.reduce((s, r) => s.plus(new Money(r.amount)), new Money(0)).toFixed(2);
}
