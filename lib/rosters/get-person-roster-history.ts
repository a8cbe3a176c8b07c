import "server-only";
import { categoryHistory } from "@/db/queries/person-categories";
import { personMemberships } from "@/db/queries/roster-person-views";
import type { UseCaseContext } from "@/lib/auth/context";
import { personCategoryOn } from "./person-category-on";
import { categoryName, departmentName, sourceLabel } from "./domain/roster-labels";

/**
 * The rosters section of a person's page: the category today, the
 * consolidated category history (nothing is overwritten: a closed entry keeps
 * its dates) and each department's roll entries with the lists that opened
 * and closed them.
 */
export async function getPersonRosterHistory(ctx: UseCaseContext, personId: string) {
  const today = await personCategoryOn(ctx, personId); // checks people.view and the jurisdiction
  const [history, memberships] = await Promise.all([categoryHistory(ctx.db, personId), personMemberships(ctx.db, personId)]);
  return {
    today,
    history: history.map((h) => ({
      category: h.category,
      categoryName: categoryName(h.category),
      from: h.fromDate,
      to: h.toDate,
      source: sourceLabel(h.source),
      // A month consolidated again after a corrected list closes the first
      // run's entry the day before it began: kept, but shown as replaced.
      superseded: h.toDate !== null && h.toDate < h.fromDate,
    })),
    memberships: memberships.map((m) => ({
      id: m.id,
      department: departmentName(m.department),
      category: categoryName(m.category),
      certifiedOn: m.certifiedOn,
      from: m.fromDate,
      to: m.toDate,
      openedBy: m.openedMonth ? `${m.openedMonth} 名单（${m.openedFile}）` : "—",
      closedBy: m.closedMonth ? `${m.closedMonth} 名单（${m.closedFile}）` : null,
    })),
  };
}
