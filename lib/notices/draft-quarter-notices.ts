import "server-only";
import { deleteDraftNotice, divisionName, findOriginalNotice, insertNotice, listApprovedCasesOfTownship, listDraftsOfTownshipQuarter, replaceNoticeRows, touchDraft } from "@/db/queries/notices";
import { insertAudit } from "@/db/queries/audit";
import { inTransaction } from "@/db/transaction";
import { auditRow } from "@/lib/audit/audit-entry";
import type { UseCaseContext } from "@/lib/auth/context";
import { accountId } from "@/lib/auth/domain/actor";
import { requirePermission, requireWithin } from "@/lib/auth/require-permission";
import { levelOf } from "@/lib/divisions/domain/division-code";
import { ValidationError } from "@/lib/errors/app-error";
import { buildNoticeRows, groupByVillage } from "./domain/notice-rows";
import { parseYearQuarter, quarterLabel, quarterRange } from "./domain/quarter";

/**
 * 起草季度公示 — draftQuarterNotices(ctx, { year, quarter, townshipCode? })
 * Permission: notices.manage; the township must lie within the actor's
 * jurisdiction (default: the actor's own township).
 * Returns { created, refreshed, removed, skippedPublished, notices: [{ id, villageCode, villageName, rows }], empty, message }.
 *
 * One draft per village/community with the township's cases the county
 * approved in the quarter (approval date in the quarter). Cases count while
 * the grant stands: approved, in a payment batch, paid, payment failed, or in
 * objection review. A case refused later (revoked after an objection) drops
 * out — the notice publishes assistance granted, and a revoked grant is not.
 * Idempotent: drafts are refreshed (rows replaced, header kept), a village
 * whose cases all dropped out loses its draft, a published notice is never
 * touched (a change after publication needs a correction notice). An empty
 * quarter yields no notice, and `empty: true` says so.
 */
export async function draftQuarterNotices(ctx: UseCaseContext, input: { year?: unknown; quarter?: unknown; townshipCode?: unknown }) {
  await requirePermission(ctx, "notices.manage", { objectType: "notice" });
  const yq = parseYearQuarter(input.year, input.quarter);
  if (!yq.ok) throw new ValidationError(yq.field, yq.message);
  const township = typeof input.townshipCode === "string" && input.townshipCode.trim() ? input.townshipCode.trim() : ctx.actor.user.jurisdiction;
  if (levelOf(township) !== "township") throw new ValidationError("townshipCode", "请选择乡镇（街道）：季度公示按乡镇起草");
  await requireWithin(ctx, township, "notices.manage", { objectType: "notice", objectId: township });
  const { year, quarter } = yq.value;
  const range = quarterRange(yq.value);
  const townshipName = (await divisionName(ctx.db, township)) ?? township;
  const by = accountId(ctx.actor);

  return inTransaction(ctx.db, async (tx) => {
    const cases = await listApprovedCasesOfTownship(tx, township, range.from, range.to);
    const byVillage = groupByVillage(cases);
    const out = { created: 0, refreshed: 0, removed: 0, skippedPublished: 0, notices: [] as { id: string; villageCode: string; villageName: string; rows: number }[] };
    for (const [villageCode, list] of byVillage) {
      const rows = buildNoticeRows(list);
      const villageName = list[0]!.villageName;
      const existing = await findOriginalNotice(tx, villageCode, year, quarter);
      if (existing?.status === "published") {
        out.skippedPublished += 1;
        continue;
      }
      let id: string;
      if (existing) {
        id = existing.id;
        await replaceNoticeRows(tx, id, rows);
        await touchDraft(tx, id);
        out.refreshed += 1;
      } else {
        id = await insertNotice(tx, {
          townshipCode: township,
          villageCode,
          townshipName,
          villageName,
          year,
          quarter,
          issuer: `${townshipName}人民政府`,
          objectionChannel: "对公示内容有异议的，请在公示期内以当面、电话或信函方式向本镇（街道）反映，可署名或匿名。",
          objectionTo: `${townshipName}人民政府社会事务办`,
          createdBy: by,
        });
        await replaceNoticeRows(tx, id, rows);
        out.created += 1;
      }
      out.notices.push({ id, villageCode, villageName, rows: rows.length });
    }
    // Drafts of villages that no longer have a case (a revoked grant) go away; corrections are the publisher's own.
    for (const d of await listDraftsOfTownshipQuarter(tx, township, year, quarter)) {
      if (d.correctsNoticeId === null && !byVillage.has(d.villageCode)) {
        await deleteDraftNotice(tx, d.id);
        out.removed += 1;
      }
    }
    const empty = cases.length === 0;
    await insertAudit(tx, auditRow(ctx.actor, { action: "notices.draft", objectType: "notice", objectId: township, detail: { year, quarter, cases: cases.length, created: out.created, refreshed: out.refreshed, removed: out.removed, skippedPublished: out.skippedPublished } }));
    const message = empty
      ? `${townshipName}${quarterLabel(yq.value)}没有县级审批通过的救助，无需公示`
      : `已起草 ${out.created} 份、更新 ${out.refreshed} 份公示${out.skippedPublished ? `，${out.skippedPublished} 份已发布的公示未改动（如需更改请发布更正公示）` : ""}`;
    return { ...out, empty, message };
  });
}
