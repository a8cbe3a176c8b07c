import "server-only";
import type { UseCaseContext } from "@/lib/auth/context";
import { auditedXlsx } from "@/lib/export/audited-export";
import type { CellValue } from "@/lib/export/domain/sheet";
import { TIMELINESS_COLUMNS, TIMELINESS_NOTE, TIMELINESS_STEPS, TIMELINESS_STEP_NAMES, type TimelinessRow } from "./domain/timeliness";
import { getTimeliness, type TimelinessInput } from "./get-timeliness";

/**
 * The timeliness table as .xlsx: one row per township and the total, a column
 * per step and figure (e.g. 乡镇审核·按时办结), the counting rule under it.
 * Figures only, no personal data; audited like every export and stamped with
 * its exporter.
 */
export async function exportTimeliness(ctx: UseCaseContext, input: TimelinessInput): Promise<{ fileName: string; body: Buffer }> {
  const view = await getTimeliness(ctx, input);
  const columns = [
    { header: "乡镇（街道）", key: "township", width: 14 },
    ...TIMELINESS_STEPS.flatMap((step) => TIMELINESS_COLUMNS.map((c) => ({ header: `${TIMELINESS_STEP_NAMES[step]}·${c.name}`, key: `${step}.${c.key}`, width: 12 }))),
  ];
  const rowOf = (r: TimelinessRow): Record<string, CellValue> => {
    const out: Record<string, CellValue> = { township: r.townshipName };
    for (const step of TIMELINESS_STEPS) {
      for (const c of TIMELINESS_COLUMNS) {
        const v = r.steps[step][c.key];
        out[`${step}.${c.key}`] = v === null ? "—" : typeof v === "string" ? Number(v) : v;
      }
    }
    return out;
  };
  const body = await auditedXlsx(
    ctx,
    [
      {
        name: `${view.year}年办理时效`,
        columns,
        rows: [...view.rows.map(rowOf), rowOf(view.total)],
        footer: [`统计范围：${view.divisionName} ${view.year}年受理的依申请救助案件；在办超期按 ${view.today} 判断。`, TIMELINESS_NOTE],
      },
    ],
    { action: "applications.export_timeliness", objectType: "application_timeliness", objectId: `${view.division}:${view.year}`, detail: { year: view.year, division: view.division } },
  );
  return { fileName: `依申请救助办理时效-${view.divisionName}-${view.year}年.xlsx`, body };
}
