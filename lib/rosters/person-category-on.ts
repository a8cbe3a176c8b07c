import "server-only";
import { categoryOn } from "@/db/queries/person-categories";
import type { UseCaseContext } from "@/lib/auth/context";
import { isIsoDate } from "@/lib/calendar/domain/iso-date";
import { ValidationError } from "@/lib/errors/app-error";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import { personInScope } from "./person-in-scope";
import { categoryName, sourceLabel } from "./domain/roster-labels";

export type CategoryOnDate = {
  on: string;
  category: string | null;
  categoryName: string;
  from: string | null;
  to: string | null;
  source: string | null;
};

/**
 * The person's single consolidated category on a day (default: today in
 * Beijing) — the same query subsidy and settlement use (`categoryOn`).
 */
export async function personCategoryOn(ctx: UseCaseContext, personId: string, on?: string): Promise<CategoryOnDate> {
  const date = on?.trim() || beijingToday(new Date());
  if (!isIsoDate(date)) throw new ValidationError("on", "日期格式应为 YYYY-MM-DD，如 2026-10-15");
  const person = await personInScope(ctx, personId);
  const row = await categoryOn(ctx.db, person.id, date);
  return {
    on: date,
    category: row?.category ?? null,
    categoryName: row ? categoryName(row.category) : "无救助类别（普通参保人员）",
    from: row?.fromDate ?? null,
    to: row?.toDate ?? null,
    source: row ? sourceLabel(row.source) : null,
  };
}
