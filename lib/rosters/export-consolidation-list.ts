import "server-only";
import { latestRunOfMonth } from "@/db/queries/roster-consolidation-views";
import { inTransaction } from "@/db/transaction";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { NotFoundError, ValidationError } from "@/lib/errors/app-error";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { SheetColumn } from "@/lib/export/domain/xlsx";
import { monthBounds } from "./domain/month";
import { CONSOLIDATION_LIST_NAMES, isConsolidationList, readConsolidationList, type ConsolidationList } from "./read-consolidation-list";

const PERSON: SheetColumn[] = [
  { header: "姓名", key: "name", width: 12 },
  { header: "身份证号（脱敏）", key: "idNumberMasked", width: 22, numFmt: "@" },
  { header: "乡镇（街道）", key: "township", width: 14 },
  { header: "村（社区）", key: "village", width: 18 },
];

const COLUMNS: Record<ConsolidationList, SheetColumn[]> = {
  added: [...PERSON, { header: "救助类别", key: "after", width: 20 }, { header: "来源名单", key: "source", width: 24 }],
  removed: [...PERSON, { header: "原救助类别", key: "before", width: 20 }, { header: "原来源名单", key: "source", width: 24 }],
  changed: [...PERSON, { header: "上月类别", key: "before", width: 20 }, { header: "本月类别", key: "after", width: 20 }, { header: "来源名单", key: "source", width: 24 }],
  conflicts: [
    ...PERSON,
    { header: "所在名单", key: "candidates", width: 60 },
    { header: "确定类别", key: "after", width: 20 },
    { header: "确定理由", key: "reason", width: 40 },
  ],
  persons: [...PERSON, { header: "救助类别", key: "after", width: 20 }, { header: "来源名单", key: "source", width: 24 }],
};

/**
 * One list of a consolidated month as .xlsx (ID numbers masked; every text
 * cell neutralised against formula injection by the export helpers). The
 * export is audited in the same transaction that reads the list, and the file
 * names its exporter and time: it is personal data leaving the system.
 */
export async function exportConsolidationList(ctx: UseCaseContext, input: { month: string; list: string }): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "rosters.consolidate", { objectType: "consolidation", objectId: input.month });
  monthBounds(input.month);
  if (!isConsolidationList(input.list)) throw new ValidationError("list", "名单类型应为 added、removed、changed、conflicts 或 persons");
  const list = input.list;
  return inTransaction(ctx.db, async (tx) => {
    const run = await latestRunOfMonth(tx, input.month);
    if (!run) throw new NotFoundError(`${input.month} 尚未汇总比对，没有可导出的名单。`);
    const { rows } = await readConsolidationList(tx, ctx.actor.user.jurisdiction, { month: input.month, list, pageSize: null, consolidationId: run.id });
    const title = `${input.month}${CONSOLIDATION_LIST_NAMES[list]}`;
    const body = await auditedXlsx(ctx, [{ name: title, columns: COLUMNS[list], rows }], {
      action: "rosters.export", objectType: "consolidation", objectId: String(run.id), detail: { month: input.month, list }, db: tx,
    });
    return { fileName: `汇总比对-${title}.xlsx`, body };
  });
}
