import { and, asc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "../client";
import { divisions, noticeRows, notices } from "../schema";

// The public page (/gongshi, no login): only published notices whose window
// contains the given date, and only their frozen snapshot columns. Nothing
// here joins people or applications, so no personal field can be selected by
// mistake; the row's case id is not selected either.

export async function listNoticesInWindow(db: Db, on: string) {
  return db
    .select({
      id: notices.id,
      countyCode: sql<string>`substr(${notices.townshipCode}, 1, 6) || '000000'`,
      countyName: sql<string | null>`(select d.name from ${divisions} d where d.code = substr(${notices.townshipCode}, 1, 6) || '000000' and d.valid_to is null limit 1)`,
      townshipCode: notices.townshipCode,
      townshipName: notices.townshipName,
      villageCode: notices.villageCode,
      villageName: notices.villageName,
      year: notices.year,
      quarter: notices.quarter,
      issuer: notices.issuer,
      contactPhone: notices.contactPhone,
      objectionChannel: notices.objectionChannel,
      objectionTo: notices.objectionTo,
      publishedOn: sql<string>`${notices.publishedOn}::text`,
      windowStart: sql<string>`${notices.windowStart}::text`,
      windowEnd: sql<string>`${notices.windowEnd}::text`,
      correctionReason: notices.correctionReason,
      correctsNoticeId: notices.correctsNoticeId,
    })
    .from(notices)
    .where(and(eq(notices.status, "published"), lte(notices.windowStart, on), gte(notices.windowEnd, on)))
    .orderBy(asc(notices.townshipCode), asc(notices.villageCode), asc(notices.publishedOn));
}

/** The snapshot rows of published notices (the caller passes only in-window ids). */
export async function listPublishedRows(db: Db, noticeIds: readonly string[]) {
  if (noticeIds.length === 0) return [];
  return db
    .select({
      noticeId: noticeRows.noticeId,
      seq: noticeRows.seq,
      maskedName: noticeRows.maskedName,
      villageName: noticeRows.villageName,
      categoryName: noticeRows.categoryName,
      amount: sql<string>`${noticeRows.amount}::text`,
      approvedOn: sql<string>`${noticeRows.approvedOn}::text`,
    })
    .from(noticeRows)
    .innerJoin(notices, eq(notices.id, noticeRows.noticeId))
    .where(and(inArray(noticeRows.noticeId, [...noticeIds]), eq(notices.status, "published")))
    .orderBy(asc(noticeRows.noticeId), asc(noticeRows.seq));
}
