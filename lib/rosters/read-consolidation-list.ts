import "server-only";
import { monthList, runConflicts } from "@/db/queries/roster-consolidation-views";
import type { Db, Tx } from "@/db";
import { scopePrefix } from "@/lib/divisions/domain/division-code";
import { placeName } from "@/lib/divisions/domain/place-name";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { monthBounds } from "./domain/month";
import { candidatesLabel, categoryName, sourceLabel } from "./domain/roster-labels";

// The lists of a consolidated month, shared by the review page and the
// export. Not a use case: its callers (getMonthConsolidation,
// exportConsolidationList) check the permission first; the jurisdiction is
// applied here, in every query.

export const CONSOLIDATION_LISTS = ["added", "removed", "changed", "conflicts", "persons"] as const;
export type ConsolidationList = (typeof CONSOLIDATION_LISTS)[number];

export const CONSOLIDATION_LIST_NAMES: Record<ConsolidationList, string> = {
  added: "新增人员",
  removed: "减少人员",
  changed: "类别变化",
  conflicts: "多重身份",
  persons: "全部人员",
};

export function isConsolidationList(value: string): value is ConsolidationList {
  return (CONSOLIDATION_LISTS as readonly string[]).includes(value);
}

/** One person in a list, ID masked: what the page shows and the export writes. */
export type ListedPerson = {
  personId: string;
  idNumberMasked: string;
  name: string;
  township: string;
  village: string;
  /** "桃洪镇 松岭村" */
  place: string;
  before: string;
  after: string;
  source: string;
  /** Conflicts only: every list the person was on, the category chosen and why. */
  candidates?: string;
  reason?: string;
};

export type ListPage = { list: ConsolidationList; rows: ListedPerson[]; total: number; hasMore: boolean; page: number };

/**
 * One page (or, with pageSize null, all) of a month's list, within the actor's
 * jurisdiction. Additions, removals and changes are against the previous month.
 */
export async function readConsolidationList(
  db: Db | Tx,
  jurisdiction: string,
  q: { month: string; list: ConsolidationList; page?: number; pageSize: number | null; category?: string; consolidationId: number },
): Promise<ListPage> {
  const { monthStart, prevDay } = monthBounds(q.month);
  const scope = scopePrefix(jurisdiction);
  const page = Math.max(1, q.page ?? 1);
  const limit = q.pageSize ?? 10_000_000;
  const offset = q.pageSize ? (page - 1) * q.pageSize : 0;
  const person = (r: { personId: string; idNumber: string; name: string; divisionCode: string; divisionName: string | null; townshipName: string | null }) => ({
    personId: r.personId,
    idNumberMasked: maskIdNumber(r.idNumber),
    name: r.name,
    // Village names repeat across townships: the page prints `place`, the export 乡镇 and 村 in two columns.
    township: r.townshipName ?? "",
    village: r.divisionName ?? r.divisionCode,
    place: placeName({ townshipName: r.townshipName, villageName: r.divisionName, divisionCode: r.divisionCode }),
  });
  if (q.list === "conflicts") {
    const found = await runConflicts(db, { consolidationId: q.consolidationId, scopePrefix: scope, limit, offset });
    const rows = found.rows.map((r) => ({
      ...person(r),
      before: "—",
      after: categoryName(r.chosen),
      source: "—",
      candidates: candidatesLabel(r.candidates),
      reason: r.reason,
    }));
    return { list: q.list, rows, total: found.total, hasMore: found.hasMore, page };
  }
  const found = await monthList(db, { kind: q.list, monthStart, prevDay, scopePrefix: scope, category: q.category, limit, offset });
  const rows = found.rows.map((r) => ({ ...person(r), before: categoryName(r.before), after: categoryName(r.after), source: sourceLabel(r.source) }));
  return { list: q.list, rows, total: found.total, hasMore: found.hasMore, page };
}

