import "server-only";
import { listCases, type CaseFilter } from "@/db/queries/enrolment-worklist";
import type { UseCaseContext } from "@/lib/auth/context";
import { requirePermission } from "@/lib/auth/require-permission";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue } from "@/lib/export/domain/xlsx";
import { ValidationError } from "@/lib/errors/app-error";
import { maskIdNumber } from "@/lib/id-number/id-number";
import { CASE_REASON_NAMES } from "./domain/case-reasons";
import { villageFilter } from "./case-scope";
import { parseYear } from "./domain/year-input";

const BATCH = 2000;

/** The 未参保 cases of a year within the actor's jurisdiction as .xlsx; ID numbers masked; the export is audited and names its exporter and time. */
export async function exportUnenrolled(ctx: UseCaseContext, input: { year: unknown; township?: string; village?: string; status?: string }): Promise<{ fileName: string; body: Buffer }> {
  await requirePermission(ctx, "enrolment.work");
  const year = parseYear(input.year);
  const status = input.status || "open";
  if (status !== "open" && status !== "closed" && status !== "all") throw new ValidationError("status", "状态应为 未销号、已销号 或 全部");
  const filter: CaseFilter = { year, ...(await villageFilter(ctx, { township: input.township, village: input.village }, "enrolment.work")), ...(status === "all" ? {} : { status }) };
  const body = await auditedXlsx(ctx, [
    {
      name: `${year}年度未参保人员`,
      columns: [
        { header: "乡镇", key: "township" }, { header: "村（社区）", key: "village" }, { header: "姓名", key: "name" },
        { header: "身份证号", key: "id", width: 22 }, { header: "状态", key: "status" }, { header: "销号原因", key: "reason" },
        { header: "说明", key: "note", width: 40 }, { header: "销号时间", key: "closedAt", width: 20 },
      ],
      rows: caseRows(ctx, filter),
    },
  ], { action: "enrolment.export_worklist", objectType: "unenrolled_worklist", objectId: String(year), detail: { year, township: filter.township ?? null, status } });
  return { fileName: `未参保人员-${year}${filter.township ? `-${filter.township}` : ""}.xlsx`, body };
}

async function* caseRows(ctx: UseCaseContext, filter: CaseFilter): AsyncGenerator<Record<string, CellValue>> {
  for (let offset = 0; ; offset += BATCH) {
    const page = await listCases(ctx.db, { ...filter, limit: BATCH, offset });
    for (const c of page.rows) {
      yield {
        township: c.townshipName, village: c.villageName, name: c.name, id: maskIdNumber(c.idNumber),
        status: c.status === "open" ? "未销号" : "已销号", reason: c.reason ? CASE_REASON_NAMES[c.reason] : null, note: c.note,
        closedAt: c.closedAt ? c.closedAt.toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false }) : null,
      };
    }
    if (!page.hasMore) return;
  }
}
