import type { Db } from "@/db";
import { beijingToday } from "@/lib/calendar/domain/iso-date";
import type { Actor } from "./domain/actor";

/**
 * What every use case receives: the database, who is acting and, optionally,
 * the clock. Use cases that date a step by "today" read it through
 * `todayOf(ctx)`; tests fix `now` so that the working-day deadlines stay
 * inside the shipped holiday schedules whatever the real date is (the
 * product itself refuses, with a message, a year whose schedule is not loaded).
 */
export type UseCaseContext = { db: Db; actor: Actor; now?: () => Date };

/** Today's date in Beijing (YYYY-MM-DD) by the context's clock. */
export function todayOf(ctx: Pick<UseCaseContext, "now">): string {
  return beijingToday(ctx.now ? ctx.now() : new Date());
}
