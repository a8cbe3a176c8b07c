import "server-only";
import type { Db } from "@/db";
import { listNoticesInWindow, listPublishedRows } from "@/db/queries/notices-public";
import { beijingToday } from "@/lib/calendar/domain/iso-date";

/**
 * 公示公开页 — listPublicNotices({ db, now? })   (NO actor: the one anonymous use case)
 * Returns { on, counties: [{ code, name, townships: [{ code, name, villages: [{ code, name, notices: [{ id, year, quarter,
 *   issuer, contactPhone, objectionChannel, objectionTo, publishedOn, windowStart, windowEnd, correctionReason, isCorrection,
 *   rows: [{ seq, maskedName, villageName, categoryName, amount, approvedOn }] }] }] }] }] }
 * Only published notices whose window contains today (Beijing date), only their frozen snapshot columns —
 * no case id, no person field. After its window a notice leaves this list (PIPL: no longer than the duty requires).
 */
export type PublicNoticeRow = { seq: number; maskedName: string; villageName: string; categoryName: string; amount: string; approvedOn: string };
export type PublicNotice = {
  id: string;
  year: number;
  quarter: number;
  issuer: string | null;
  contactPhone: string | null;
  objectionChannel: string | null;
  objectionTo: string | null;
  publishedOn: string;
  windowStart: string;
  windowEnd: string;
  correctionReason: string | null;
  isCorrection: boolean;
  rows: PublicNoticeRow[];
};
export type PublicVillage = { code: string; name: string; notices: PublicNotice[] };
export type PublicTownship = { code: string; name: string; villages: PublicVillage[] };
export type PublicCounty = { code: string; name: string; townships: PublicTownship[] };

export async function listPublicNotices(ctx: { db: Db; now?: () => Date }): Promise<{ on: string; counties: PublicCounty[] }> {
  const on = beijingToday(ctx.now ? ctx.now() : new Date());
  const notices = await listNoticesInWindow(ctx.db, on);
  const rows = await listPublishedRows(ctx.db, notices.map((n) => n.id));
  const rowsOf = new Map<string, PublicNoticeRow[]>();
  for (const { noticeId, ...r } of rows) rowsOf.set(noticeId, [...(rowsOf.get(noticeId) ?? []), r]);

  const counties: PublicCounty[] = [];
  for (const n of notices) {
    let county = counties.find((c) => c.code === n.countyCode);
    if (!county) counties.push((county = { code: n.countyCode, name: n.countyName ?? n.countyCode, townships: [] }));
    let township = county.townships.find((t) => t.code === n.townshipCode);
    if (!township) county.townships.push((township = { code: n.townshipCode, name: n.townshipName, villages: [] }));
    let village = township.villages.find((v) => v.code === n.villageCode);
    if (!village) township.villages.push((village = { code: n.villageCode, name: n.villageName, notices: [] }));
    village.notices.push({
      id: n.id,
      year: n.year,
      quarter: n.quarter,
      issuer: n.issuer,
      contactPhone: n.contactPhone,
      objectionChannel: n.objectionChannel,
      objectionTo: n.objectionTo,
      publishedOn: n.publishedOn,
      windowStart: n.windowStart,
      windowEnd: n.windowEnd,
      correctionReason: n.correctionReason,
      isCorrection: n.correctsNoticeId !== null,
      rows: rowsOf.get(n.id) ?? [],
    });
  }
  return { on, counties };
}
